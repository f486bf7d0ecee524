from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        "Naam organisatie", max_length=200, default="Expertbibliotheek Palliatieve Zorg"
    )
    secretariat_email = models.EmailField(
        "E-mailadres secretariaat",
        blank=True,
        help_text="Hier komen leenaanvragen en vragen binnen; ook getoond in de voettekst.",
    )
    footer_text = models.TextField("Voettekst", blank=True, max_length=500)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Privacypagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijkheidsverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Gebruikelijk op /toegankelijkheid/; de voettekst van elke pagina linkt ernaar.",
    )

    # The footer links these pages on every page: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page"]

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("secretariat_email"),
        FieldPanel("footer_text"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = "Website-instellingen"
