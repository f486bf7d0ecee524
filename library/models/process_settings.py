from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="time")
class LoanProcessSettings(BaseGenericSetting):
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

    panels = [FieldPanel("retention_months"), FieldPanel("reflection_reminder_days")]

    class Meta:
        verbose_name = "Leenproces"
