from django import forms
from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SupervisorForm(WagtailAdminModelForm):
    def clean_name(self):
        # The network is set by the admin view, not the form, so the per-network uniqueness
        # is checked here (Django skips a constraint on a field that is not in the form).
        name = self.cleaned_data["name"]
        same = Supervisor.objects.filter(site=self.instance.site_id, name__iexact=name)
        if same.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Er is al een opleider met deze naam.")
        return name


class Supervisor(index.Indexed, models.Model):
    """An opleider the working group reports to; matched to requests by name."""

    # The network whose working group reports to this supervisor: its secretariat keeps the
    # address, and only its figures go there.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Netwerk",
        on_delete=models.PROTECT,
        related_name="supervisors",
        editable=False,
    )
    name = models.CharField(
        "Naam",
        max_length=120,
        help_text="Schrijf de naam zoals AIOS hem in het uitleenformulier invullen.",
    )
    email = models.EmailField("E-mailadres")
    organisation = models.CharField("Opleiding of instelling", max_length=200, blank=True)

    base_form_class = SupervisorForm
    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("organisation")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "name"],
                name="one_supervisor_name_per_network",
                violation_error_message="Er is al een opleider met deze naam.",
            )
        ]
        verbose_name = "Opleider"
        verbose_name_plural = "Opleiders"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.site_id is None:
            # The admin sets the user's network (library.admin.hooks); a single-network
            # installation's supervisors belong to the first network.
            from cms import networks

            self.site = networks.default_network()
        super().save(*args, **kwargs)
