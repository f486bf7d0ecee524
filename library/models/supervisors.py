from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Supervisor(index.Indexed, models.Model):
    """An opleider the working group reports to; matched to requests by name."""

    name = models.CharField(
        "Naam",
        max_length=120,
        unique=True,
        help_text="Schrijf de naam zoals AIOS hem in het uitleenformulier invullen.",
        error_messages={"unique": "Er is al een opleider met deze naam."},
    )
    email = models.EmailField("E-mailadres")
    organisation = models.CharField("Opleiding of instelling", max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("organisation")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Opleider"
        verbose_name_plural = "Opleiders"

    def __str__(self) -> str:
        return self.name
