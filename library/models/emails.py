"""Standard e-mails as editable content, with named placeholders."""

from __future__ import annotations

import re

from django.contrib.admin import display as admin_display
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import Site

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


class EmailTemplateQuerySet(models.QuerySet):
    def national(self) -> EmailTemplateQuerySet:
        return self.filter(site__isnull=True)

    def for_network(self, site: Site | None, kind: str) -> EmailTemplate | None:
        """The network's own text of this kind, else the national text: a network that did
        not write its own e-mail still sends one."""
        own = self.filter(site=site, kind=kind).first() if site else None
        return own or self.national().filter(kind=kind).first()


class EmailTemplateForm(WagtailAdminModelForm):
    """The kind of a text is what the process looks it up by: it is chosen once, among the
    kinds the network has no text of yet, and then stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields.get("kind")
        if kind is None:
            return
        if self.instance.pk:
            kind.disabled = True
            return
        user = kwargs.get("for_user")
        if user is None or user.is_superuser:
            return
        from cms import networks

        taken = set(
            EmailTemplate.objects.filter(site=networks.home_network(user)).values_list(
                "kind", flat=True
            )
        )
        kind.choices = [(value, label) for value, label in kind.choices if value not in taken]
        if len(kind.choices) <= 1:  # only the empty choice
            kind.help_text = (
                "Je netwerk heeft al een tekst voor elke soort e-mail: pas een bestaande aan."
            )


class EmailTemplate(models.Model):
    """A standard e-mail. Each network has its own set (its secretariat edits it); the set
    without a network is the national text: the starting point of a new network and the
    fallback for a kind a network has no text of. Only a superuser changes it."""

    kind = models.CharField("Soort e-mail", max_length=40, choices=EmailKind.choices)
    site = models.ForeignKey(
        Site,
        verbose_name="Netwerk",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="email_templates",
        help_text="Leeg: de landelijke tekst, voor elk netwerk zonder eigen tekst van deze soort.",
    )
    subject = models.CharField("Onderwerp", max_length=200)
    body = models.TextField("Tekst")
    updated_at = models.DateTimeField("Laatst gewijzigd", auto_now=True)

    objects = EmailTemplateQuerySet.as_manager()
    base_form_class = EmailTemplateForm

    panels = [
        FieldPanel("kind"),
        # Only a superuser chooses: blank is the national text. Anyone else's new text is
        # their own network's (library.admin.network_snippets).
        FieldPanel("site", permission="superuser"),
        FieldPanel("subject"),
        FieldPanel("body"),
        HelpPanel(content=placeholder_help()),
    ]

    class Meta:
        # The national texts first, on every database (PostgreSQL sorts NULL last).
        ordering = [models.F("site").asc(nulls_first=True), "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind"],
                name="one_email_per_kind_and_network",
                violation_error_message="Dit netwerk heeft al een tekst voor deze soort e-mail.",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(site__isnull=True),
                name="one_national_email_per_kind",
                violation_error_message="Er is al een landelijke tekst voor deze soort e-mail.",
            ),
        ]
        verbose_name = "Standaard-e-mail"
        verbose_name_plural = "Standaard-e-mails"

    def __str__(self) -> str:
        # The network in the editor's heading: whose residents get this text.
        return f"{self.get_kind_display()} · {self.network_label()}"

    @admin_display(description="Netwerk")
    def network_label(self) -> str:
        from cms import networks

        return networks.network_name(self.site) or "Landelijk"

    def clean(self) -> None:
        errors = {}
        # Here and not only as a constraint: the form of a network's secretariat has no site
        # field, so Django's constraint check skips it and a double would be a server error.
        taken = EmailTemplate.objects.filter(kind=self.kind, site=self.site).exclude(pk=self.pk)
        if self.kind and taken.exists():
            errors["kind"] = (
                "Er is al een tekst voor deze soort e-mail"
                + (" in dit netwerk" if self.site_id else " (landelijk)")
                + ". Pas die aan in plaats van een nieuwe te maken."
            )
        for field in ("subject", "body"):
            unknown = unknown_placeholders(getattr(self, field) or "")
            if unknown:
                names = ", ".join(f"{{{name}}}" for name in unknown)
                errors[field] = (
                    f"Onbekend invulveld: {names}. Gebruik alleen de invulvelden uit de lijst."
                )
        if errors:
            raise ValidationError(errors)
