import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# Where residents' personal data goes (recipient addresses, the loan form's questions) is the
# secretariat's decision, not the editors': panels that route it carry this permission, and
# Wagtail leaves a field out of the form (not just out of sight) for users without it.
ROUTE_PERSONAL_DATA = "cms.route_personal_data"
# The secretariat opens these settings for its address only; the texts stay the editors'.
EDIT_SITE_TEXTS = "cms.edit_site_texts"

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 AA for normal text: the colour carries white text on buttons and the menu, and is
# the link colour on white.
MIN_CONTRAST = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def validate_primary_colour(value: str) -> None:
    if not HEX_COLOUR.match(value):
        raise ValidationError(
            "Vul een kleur in als # met zes tekens 0-9 of a-f, bijvoorbeeld #0b5563.",
            code="invalid",
        )
    # Rounded down: 4,49:1 must not show as "4,5:1" beside a refusal.
    ratio = int(contrast_with_white(value) * 10) / 10
    if contrast_with_white(value) < MIN_CONTRAST:
        shown = f"{ratio:.1f}".replace(".", ",")
        raise ValidationError(
            f"Deze kleur is te licht voor witte tekst: contrast {shown}:1, minimaal 4,5:1 nodig.",
            code="contrast",
        )


def darker(colour: str, factor: float = 0.7) -> str:
    """The hover shade of a primary colour: each channel scaled towards black."""
    channels = (round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return "#" + "".join(f"{value:02x}" for value in channels)


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

    # The network's identity (issue 20): its own mark in the header and its own colour.
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Staat in de kop naast de naam, in plaats van het standaardbeeldmerk. Liefst "
        "vierkant; de naam staat er als tekst naast, dus het logo hoeft de naam niet te bevatten.",
    )
    primary_colour = models.CharField(
        "Hoofdkleur",
        max_length=7,
        blank=True,
        validators=[validate_primary_colour],
        help_text="Voor links, knoppen en het menu, bijvoorbeeld #0b5563. Leeg: de standaardkleur. "
        "Witte tekst moet erop leesbaar blijven (contrast minimaal 4,5:1).",
    )

    # The footer links these pages on every page: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page", "logo"]

    panels = [
        FieldPanel("organisation_name", permission=EDIT_SITE_TEXTS),
        FieldPanel("secretariat_email", permission=ROUTE_PERSONAL_DATA),
        FieldPanel("footer_text", permission=EDIT_SITE_TEXTS),
        FieldPanel("privacy_page", permission=EDIT_SITE_TEXTS),
        FieldPanel("accessibility_page", permission=EDIT_SITE_TEXTS),
        MultiFieldPanel(
            [
                FieldPanel("logo", permission=EDIT_SITE_TEXTS),
                FieldPanel("primary_colour", permission=EDIT_SITE_TEXTS),
            ],
            heading="Huisstijl van dit netwerk",
        ),
    ]

    @property
    def primary_colour_dark(self) -> str:
        return darker(self.primary_colour) if self.primary_colour else ""

    class Meta:
        verbose_name = "Website-instellingen"
        permissions = [
            (
                "route_personal_data",
                "Mag wijzigen waar persoonsgegevens heen gaan (ontvangers, vragen leenformulier)",
            ),
            ("edit_site_texts", "Mag naam, voettekst en vaste pagina's van de website wijzigen"),
        ]
