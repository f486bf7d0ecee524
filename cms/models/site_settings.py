from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Where residents' personal data goes (recipient addresses, the loan form's questions) is the
# secretariat's decision, not the editors': panels that route it carry this permission, and
# Wagtail leaves a field out of the form (not just out of sight) for users without it.
ROUTE_PERSONAL_DATA = "cms.route_personal_data"
# The secretariat opens these settings for its address only; the texts stay the editors'.
EDIT_SITE_TEXTS = "cms.edit_site_texts"


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
        FieldPanel("organisation_name", permission=EDIT_SITE_TEXTS),
        FieldPanel("secretariat_email", permission=ROUTE_PERSONAL_DATA),
        FieldPanel("footer_text", permission=EDIT_SITE_TEXTS),
        FieldPanel("privacy_page", permission=EDIT_SITE_TEXTS),
        FieldPanel("accessibility_page", permission=EDIT_SITE_TEXTS),
    ]

    class Meta:
        verbose_name = "Website-instellingen"
        permissions = [
            (
                "route_personal_data",
                "Mag wijzigen waar persoonsgegevens heen gaan (ontvangers, vragen leenformulier)",
            ),
            ("edit_site_texts", "Mag naam, voettekst en vaste pagina's van de website wijzigen"),
        ]
