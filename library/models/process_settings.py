from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

MANAGE_RECRUITMENT = "library.change_candidate"


@register_setting(icon="time")
class LoanProcessSettings(BaseSiteSetting):
    """Timings of the loan process that the working group and secretariat may adjust."""

    retention_months = models.PositiveSmallIntegerField(
        "Bewaartermijn persoonsgegevens (maanden)",
        default=24,
        help_text="Zo lang na het afsluiten van een aanvraag blijven naam, e-mailadres, "
        "telefoonnummer en motivatie bewaard. Daarna verwijdert ‘purge_personal_data’ ze; "
        "de cijfers voor de rapporten blijven.",
    )
    reflection_reminder_days = models.PositiveSmallIntegerField(
        "Herinnering reflectieverslag (dagen na het gesprek)",
        default=14,
        help_text="Zoveel dagen nadat het gesprek als gevoerd is gemarkeerd, krijgt de AIOS "
        "één vriendelijke herinnering om het reflectieverslag te schrijven.",
    )

    auto_introduce = models.BooleanField(
        "Kennismaking automatisch versturen",
        default=False,
        help_text="Zegt een expert via de link in de e-mail ‘ja’, dan gaat de kennismaking "
        "(aan AIOS en expert) meteen uit. Uit: de leenbalie zet de kennismaking klaar en het "
        "secretariaat verstuurt haar.",
    )
    lead_name = models.CharField("Naam van de trekker", max_length=120, blank=True)
    lead_email = models.EmailField(
        "E-mailadres van de trekker",
        blank=True,
        help_text="De trekker krijgt bericht als een boekenkaft geplaatst, gewijzigd of "
        "teruggetrokken wordt en als een kandidaat-expert zich aanmeldt.",
    )

    panels = [
        FieldPanel("retention_months"),
        FieldPanel("reflection_reminder_days"),
        FieldPanel("auto_introduce"),
        # Notices to the lead name candidates before they are public: the working group,
        # which runs recruitment, decides where they go.
        MultiFieldPanel(
            [
                FieldPanel("lead_name", permission=MANAGE_RECRUITMENT),
                FieldPanel("lead_email", permission=MANAGE_RECRUITMENT),
            ],
            heading="Trekker",
        ),
    ]

    class Meta:
        verbose_name = "Leenproces"
