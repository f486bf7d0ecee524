"""Standard e-mails as editable content, with named placeholders."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

PLACEHOLDERS = {
    "naam_aios": "naam van de AIOS",
    "naam_expert": "naam van de expert",
    "titel_boek": "titel van het boek",
    "leerdoel": "het leerdoel van de AIOS",
    "opleiding": "opleiding van de AIOS",
    "email_aios": "e-mailadres van de AIOS",
    "telefoon_aios": "telefoonnummer van de AIOS",
    "datum_aanvraag": "datum van de aanvraag",
    "afwezig_tot": "datum waarop de expert terug is",
    "antwoord_voor": "datum waarvoor de expert antwoordt",
    "contact_voor": "datum waarvoor de AIOS contact heeft",
    "contact_secretariaat": "e-mailadres van het secretariaat (website-instellingen)",
    "link_boek": "adres van de boekenkaft",
    "link_catalogus": "adres van de catalogus",
    "link_evaluatie": "persoonlijke link naar de evaluatie (alleen in de evaluatie-e-mails)",
    "overzicht": "lijst van aanvragen over de termijn (alleen in de herinnering aan het "
    "secretariaat)",
    "naam_opleider": "naam van de opleider (alleen in het halfjaarlijkse overzicht)",
    "periode": "de periode van het overzicht (alleen in het halfjaarlijkse overzicht)",
    "cijfers_opleider": "de cijfers van de opleider (alleen in het halfjaarlijkse overzicht)",
}


class EmailKind(models.TextChoices):
    RECEIPT = "receipt", "Ontvangstbevestiging (aan AIOS)"
    AVAILABILITY = "availability", "Beschikbaarheid vragen (aan expert)"
    INTRODUCTION = "introduction", "Kennismaking (aan AIOS en expert)"
    ABSENT = "absent", "Expert tijdelijk afwezig (aan AIOS)"
    NO_EXPERT = "no_expert", "Geen expert beschikbaar (aan AIOS)"
    PR_INTERVIEW = "pr_interview", "Verzoek om interview (aan AIOS)"
    RECRUIT_INVITE = "recruit_invite", "Werving: uitnodiging nieuwe expert"
    RECRUIT_PUBLISHED = "recruit_published", "Werving: boekenkaft geplaatst"
    RECRUIT_THANKS = "recruit_thanks", "Terugtreden: bedankt (aan expert)"
    OVERDUE_DIGEST = "overdue_digest", "Herinnering: termijnen verstreken (aan secretariaat)"
    REFLECTION_REMINDER = "reflection_reminder", "Herinnering reflectieverslag (aan AIOS)"
    EVALUATION_RESIDENT = "evaluation_resident", "Evaluatie na het gesprek (aan AIOS)"
    EVALUATION_EXPERT = "evaluation_expert", "Evaluatie na het gesprek (aan expert)"
    SUPERVISOR_UPDATE = "supervisor_update", "Halfjaarlijks overzicht (aan opleider)"


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace {name} by its value. Plain substitution, not str.format: editors' text can
    never reach attributes or format specifications."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def placeholder_help() -> str:
    items = "".join(
        f"<li><code>{{{name}}}</code>: {label}</li>" for name, label in PLACEHOLDERS.items()
    )
    return f"<p>Deze invulvelden kun je gebruiken in onderwerp en tekst:</p><ul>{items}</ul>"


class EmailTemplate(models.Model):
    kind = models.CharField(
        "Soort e-mail",
        max_length=40,
        choices=EmailKind.choices,
        unique=True,
        error_messages={"unique": "Voor deze soort e-mail bestaat al een tekst."},
    )
    subject = models.CharField("Onderwerp", max_length=200)
    body = models.TextField("Tekst")
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("subject"),
        FieldPanel("body"),
        HelpPanel(content=placeholder_help()),
    ]

    class Meta:
        ordering = ["kind"]
        verbose_name = "Standaard-e-mail"
        verbose_name_plural = "Standaard-e-mails"

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        errors = {}
        for field in ("subject", "body"):
            unknown = unknown_placeholders(getattr(self, field) or "")
            if unknown:
                names = ", ".join(f"{{{name}}}" for name in unknown)
                errors[field] = (
                    f"Onbekend invulveld: {names}. Gebruik alleen de invulvelden uit de lijst."
                )
        if errors:
            raise ValidationError(errors)
