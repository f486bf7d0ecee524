from decimal import Decimal

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def minutes(label: str, default: int) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=default)


def rate(label: str, default: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=8, decimal_places=2, default=Decimal(default))


@register_setting(icon="table")
class BusinessCaseSettings(BaseSiteSetting):
    """Rates and minutes of the toolkit's business case; the working group may adjust them."""

    staff_rate = rate("Uurtarief medewerker (€)", "35.00")
    project_rate = rate("Uurtarief projecteigenaar / projectteam (€)", "80.00")
    expert_fee = rate("Onkostenvergoeding expert per lening (€)", "100.00")
    website_minutes = minutes("Website gereedmaken (min)", 60)
    recruit_expert_minutes = minutes("Expert werven, per expert (min)", 20)
    place_cover_minutes = minutes("Boekenkaft plaatsen, per kaft (min)", 5)
    recruit_supervisor_minutes = minutes("Opleider werven, per opleider (min)", 30)
    maintenance_minutes = minutes("Periodiek onderhoud, per jaar (min)", 60)
    recruit_resident_minutes = minutes("AIOS werven door opleider, per AIOS (min)", 5)
    first_response_minutes = minutes("Eerste reactie op aanvraag, per AIOS (min)", 5)
    matching_minutes = minutes("AIOS en expert koppelen, per AIOS (min)", 5)

    panels = [
        FieldRowPanel(
            [FieldPanel("staff_rate"), FieldPanel("project_rate"), FieldPanel("expert_fee")],
            heading="Tarieven",
        ),
        MultiFieldPanel(
            [
                FieldPanel("website_minutes"),
                FieldPanel("recruit_expert_minutes"),
                FieldPanel("place_cover_minutes"),
                FieldPanel("recruit_supervisor_minutes"),
            ],
            heading="Opstarten",
        ),
        FieldPanel("maintenance_minutes"),
        MultiFieldPanel(
            [
                FieldPanel("recruit_resident_minutes"),
                FieldPanel("first_response_minutes"),
                FieldPanel("matching_minutes"),
            ],
            heading="Per AIOS",
        ),
    ]

    class Meta:
        verbose_name = "Business case"
        permissions = [("view_reports", "Kan de rapporten van de werkgroep bekijken")]
