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
    "motivatie": "de motivatie van de AIOS voor dit gesprek",
    "link_aanvraag": "persoonlijke link naar ‘Mijn aanvraag’ van de AIOS",
    "afspraak": "datum en tijd van de afspraak (alleen in de afspraak-e-mails)",
    "link_evaluatie": "persoonlijke link naar de evaluatie (alleen in de evaluatie-e-mails)",
    "link_antwoord": "persoonlijke link waarmee de expert antwoordt (alleen in ‘Beschikbaarheid "
    "vragen’)",
    "link_instructies": "adres van de instructies voor het gesprek",
    "link_boekenkaft": "persoonlijke link naar ‘Mijn boekenkaft’ van de expert",
    "antwoord_expert": "het antwoord van de expert (alleen in het bericht aan het secretariaat)",
    "naam_kandidaat": "naam van de kandidaat-expert (werving)",
    "onderwerp": "het onderwerp waarvoor een expert gezocht wordt (werving)",
    "link_blanco_kaft": "persoonlijke link naar de blanco boekenkaft (werving)",
    "naam_trekker": "naam van de trekker van de expertbibliotheek (instellingen Leenproces)",
    "bericht": "wat er gebeurd is (alleen in het bericht aan de trekker)",
    "wijzigingen": "nieuwe en vertrokken experts (alleen in het bericht aan opleiders)",
    "overzicht": "lijst van aanvragen over de termijn (alleen in de herinnering aan het "
    "secretariaat)",
    "naam_opleider": "naam van de opleider (alleen in het halfjaarlijkse overzicht)",
    "periode": "de periode van het overzicht (alleen in het halfjaarlijkse overzicht)",
    "cijfers_opleider": "de cijfers van de opleider (alleen in het halfjaarlijkse overzicht)",
}


class EmailKind(models.TextChoices):
    RECEIPT = "receipt", "Ontvangstbevestiging (aan AIOS)"
    RECEIPT_NO_BOOK = "receipt_no_book", "Ontvangstbevestiging zonder boek (aan AIOS)"
    SEARCHING = "searching", "We zoeken een expert (aan AIOS)"
    AVAILABILITY = "availability", "Beschikbaarheid vragen (aan expert)"
    INTRODUCTION = "introduction", "Kennismaking (aan AIOS en expert)"
    ABSENT = "absent", "Expert tijdelijk afwezig (aan AIOS)"
    NO_EXPERT = "no_expert", "Geen expert beschikbaar (aan AIOS)"
    PR_INTERVIEW = "pr_interview", "Verzoek om interview (aan AIOS)"
    EXPERT_DECLINED = "expert_declined", "Expert kan nu niet (aan AIOS)"
    REQUEST_LINK = "request_link", "Link naar ‘Mijn aanvraag’ (aan AIOS)"
    NO_CONTACT = "no_contact", "Nog geen contact met de expert (aan secretariaat)"
    APPOINTMENT = "appointment", "Afspraak in je agenda (aan AIOS en expert)"
    APPOINTMENT_REMINDER = "appointment_reminder", "Herinnering: over twee dagen het gesprek"
    CERTIFICATE_COPY = "certificate_copy", "Certificaat van deelname (kopie aan opleider)"
    EXPERT_ANSWERED = "expert_answered", "Antwoord van de expert (aan secretariaat)"
    COVER_LINK = "cover_link", "Link naar ‘Mijn boekenkaft’ (aan expert)"
    RECRUIT_INVITE = "recruit_invite", "Werving: uitnodiging nieuwe expert (eigen netwerk)"
    RECRUIT_INVITE_FOR_REQUEST = (
        "recruit_for_request",
        "Werving: uitnodiging voor een leenverzoek (eigen netwerk)",
    )
    RECRUIT_INVITE_EXTERNAL = "recruit_external", "Werving: uitnodiging externe expert (u)"
    RECRUIT_PUBLISHED = "recruit_published", "Werving: boekenkaft geplaatst"
    RECRUIT_REJECTED = "recruit_rejected", "Werving: niet toegelaten (aan kandidaat)"
    RECRUIT_THANKS = "recruit_thanks", "Terugtreden: bedankt (aan expert)"
    LEAD_NOTICE = "lead_notice", "Bericht aan de trekker"
    OFFER_CHANGED = "offer_changed", "Wijziging in het aanbod (aan opleiders)"
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
