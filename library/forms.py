"""The library's public forms: the loan form's fixed fields and the evaluation. (The admin's
forms are in admin/forms.py and reporting/forms.py; page editor forms stay with their page
models, as the pages' `base_form_class`.)"""

from __future__ import annotations

import contextlib
import datetime
import unicodedata

from django import forms
from django.conf import settings
from django.utils import timezone

from cms import networks, rate_limit
from cms.dates import dutch_date
from cms.validators import plain_text, single_line
from library.models.evaluations import Evaluation
from library.models.experts import CompetenceArea, ExpertPage
from library.models.loans import Programme
from library.models.querysets import lent_into

YES_NO = [("ja", "Ja"), ("nee", "Nee")]


def minutes_field(label: str, required_message: str, example: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=600,
        error_messages={
            "required": required_message,
            "invalid": f"Vul een heel getal in, bijvoorbeeld {example}.",
            "min_value": "Het aantal minuten kan niet negatief zijn.",
            "max_value": "Vul hooguit 600 minuten in.",
        },
    )


class EvaluationForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label="Hoe nuttig was het gesprek voor het leerdoel?",
        help_text="1 = niet nuttig, 5 = heel nuttig",
        choices=[(str(score), str(score)) for score in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een cijfer van 1 tot en met 5."},
    )
    preparation_minutes = minutes_field(
        "Hoeveel minuten kostte de voorbereiding?",
        "Vul het aantal minuten in (0 als je niets hoefde voor te bereiden).",
        example=20,
    )
    conversation_minutes = minutes_field(
        "Hoeveel minuten duurde het gesprek?",
        "Vul in hoeveel minuten het gesprek duurde.",
        example=45,
    )
    would_recommend = forms.TypedChoiceField(
        label="Zou je een collega aanraden ook een expert te lenen?",
        choices=YES_NO,
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee."},
    )
    comments = forms.CharField(
        label="Wil je nog iets kwijt?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Schrijf hooguit 2000 tekens."},
    )

    def __init__(self, *args, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        if role == Evaluation.Role.EXPERT:
            self.fields[
                "usefulness"
            ].label = "Hoe nuttig was het gesprek volgens jou voor het leerdoel van de AIOS?"
            self.fields[
                "would_recommend"
            ].label = "Zou je een collega aanraden ook expert te worden?"


NO_EXPERT = "geen"
MAX_PAGE_ID = 2**63 - 1  # the largest id the database takes; a bigger number is no page
MAX_REQUESTS_PER_HOUR = 3
# The resident's own answers, stored on the request as given; the loan desk corrects the same
# fields (library.admin.desk).
RESIDENT_FIELDS = [
    "name",
    "email",
    "phone",
    "programme",
    "programme_other",
    "supervisor",
    "learning_goals",
    "motivation",
]
# The competence areas are not a column of the request but a relation: stored after it.
CORE_FIELDS = [
    "expert",
    "waits_until",
    *RESIDENT_FIELDS[: RESIDENT_FIELDS.index("learning_goals") + 1],
    "competence_areas",
    *RESIDENT_FIELDS[RESIDENT_FIELDS.index("learning_goals") + 1 :],
    "consent",
    "website",
]
# Waiting for an absent expert longer than this is not waiting: choose another book.
LONGEST_WAIT_DAYS = 183


def mailbox(address: str) -> str:
    """One spelling per mailbox for the hourly limit: case, Unicode forms, a quoted local part
    and an international domain written either way all count as the same address."""
    local, _, domain = unicodedata.normalize("NFKC", address.strip()).rpartition("@")
    local = local.strip('"').replace("\\", "")
    with contextlib.suppress(UnicodeError):  # not a valid domain: the form refuses it anyway
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}".lower()


def one_line(
    label: str, max_length: int, required: str | None = None, autocomplete: str = ""
) -> forms.CharField:
    """Plain text on one line; optional when no message for a missing answer is given.
    `autocomplete` lets a phone fill it in (and, for "tel", show the number keypad)."""
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    if autocomplete == "tel":
        attrs["type"] = "tel"
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
        validators=[plain_text, single_line],
        required=required is not None,
        error_messages={"required": required} if required else {},
    )


def long_text(label: str, rows: int, required: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=3000,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required},
    )


def book_label(book: ExpertPage, today: datetime.date, lent: bool = False) -> str:
    """`lent`: another network's cover, named with its origin as on the catalogue's card."""
    label = f"{book.title} ({book.expert_name})"
    if lent:
        label += f", uit {networks.network_name(networks.network_of_page(book))}"
    if book.is_absent(today):
        label += f", afwezig tot en met {dutch_date(book.absent_until)}"
    return label


class CoreLoanFields(forms.Form):
    """The fields of the toolkit's loan form that the process needs."""

    expert = forms.ChoiceField(
        label="Welk boek wil je lenen?",
        error_messages={
            "required": "Kies een boek, of ‘Geen expert gevonden’.",
            "invalid_choice": "Dit boek is niet (meer) te lenen. Kies een ander boek of "
            "‘Geen expert gevonden’.",
        },
    )
    waits_until = forms.DateField(
        label="Is de expert afwezig? Ik wacht tot",
        help_text="Alleen bij een boek waarvan de expert tijdelijk afwezig is: tot wanneer wil "
        "je wachten? Na de terugkeer van de expert vragen we of het gesprek lukt.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in, bijvoorbeeld 15-03-2027."},
    )
    name = one_line("Naam", 120, "Vul je naam in.", autocomplete="name")
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Dit is geen geldig e-mailadres (voorbeeld: naam@ziekenhuis.nl).",
        },
    )
    phone = one_line("Telefoonnummer", 40, "Vul je telefoonnummer in.", autocomplete="tel")
    programme = forms.ChoiceField(
        label="Opleiding",
        choices=[("", "Kies je opleiding"), *Programme.choices],
        error_messages={"required": "Kies je opleiding."},
    )
    programme_other = one_line("Andere opleiding, namelijk", 120)
    supervisor = one_line("Naam van je opleider", 120, "Vul de naam van je opleider in.")
    learning_goals = long_text(
        "Je persoonlijke leerdoel(en)", 5, "Beschrijf je leerdoel: daar gaat het gesprek over."
    )
    competence_areas = forms.MultipleChoiceField(
        label="Bij welk competentiegebied past je leerdoel?",
        help_text="Niet verplicht. Kies de gebieden van je eigen opleiding: die woorden komen ook "
        "op je certificaat.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Dit competentiegebied bestaat niet (meer)."},
    )
    motivation = long_text(
        "Waarom wil je hier meer over leren?",
        4,
        "Vertel kort waarom dit leerdoel voor jou belangrijk is.",
    )
    consent = forms.BooleanField(
        label="Ik geef toestemming om mijn contactgegevens te gebruiken voor deze lening "
        "(het secretariaat en de expert krijgen ze).",
        error_messages={
            "required": "Zonder je toestemming kunnen we je niet met een expert koppelen."
        },
    )
    # The visitor's address (behind the trusted proxies), for the per-address limit.
    visitor_address: str | None = None

    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        # Absent experts stay choosable: the resident may wait for them (waits_until).
        # Read once: validating (also in parallel, see the rate limit) asks no more queries.
        # Only what this form's network offers: its own covers and those lent by others.
        page = getattr(self, "page", None)
        site = page.get_site() if page is not None else None
        self.books = {
            str(book.pk): book for book in ExpertPage.objects.on_offer_in(site).order_by("title")
        }
        own_path = site.root_page.path if site is not None else ""
        books = [
            (pk, book_label(book, today, lent=lent_into(book, own_path)))
            for pk, book in self.books.items()
        ]
        self.fields["expert"].choices = [
            ("", "Kies een boek"),
            *books,
            (NO_EXPERT, "Geen expert gevonden: zoek er een voor mijn leerdoel"),
        ]
        # Every area, whatever the programme (without JavaScript nothing filters them); clean()
        # refuses an area of another programme.
        self.areas = {area.slug: area for area in CompetenceArea.objects.order_by("sort_order")}
        self.fields["competence_areas"].choices = [
            (slug, area.name) for slug, area in self.areas.items()
        ]
        self.order_fields(CORE_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("programme") == Programme.OTHER
            and not cleaned.get("programme_other")
            and "programme_other" not in self.errors  # one message is enough
        ):
            self.add_error("programme_other", "Welke opleiding volg je?")
        self.check_waiting(cleaned)
        self.check_areas(cleaned)
        if not self.errors and not self.is_bot:
            self.take_rate_limit_slot(mailbox(cleaned.get("email") or ""))
        return cleaned

    def check_waiting(self, cleaned: dict) -> None:
        """An absent expert's book needs a date the resident waits until, after the return."""
        if "expert" in self.errors or "waits_until" in self.errors:
            return
        expert = self.chosen_expert()
        until = cleaned.get("waits_until")
        if expert is None or not expert.is_absent():
            cleaned["waits_until"] = None  # nothing to wait for
            return
        back = expert.absent_until
        if until is None:
            self.add_error(
                "waits_until",
                f"{expert.expert_name} is afwezig tot en met {dutch_date(back)}. Tot wanneer wil "
                "je wachten? Of kies een ander boek.",
            )
        elif until <= back:
            self.add_error(
                "waits_until",
                f"Kies een datum na {dutch_date(back)}: tot dan is {expert.expert_name} afwezig.",
            )
        elif until > timezone.localdate() + datetime.timedelta(days=LONGEST_WAIT_DAYS):
            self.add_error("waits_until", "Kies een datum binnen een half jaar.")

    def check_areas(self, cleaned: dict) -> None:
        """The chosen competence areas must belong to the chosen programme (or to all)."""
        programme = cleaned.get("programme")
        if not programme or "competence_areas" in self.errors:
            return
        foreign = [area.name for area in self.chosen_areas() if not area.fits(programme)]
        if foreign:
            self.add_error(
                "competence_areas",
                f"{', '.join(foreign)} hoort niet bij de opleiding "
                f"{Programme(programme).label}. Kies een competentiegebied van je eigen "
                "opleiding, of laat deze vraag open.",
            )

    def chosen_areas(self) -> list[CompetenceArea]:
        return [self.areas[slug] for slug in self.cleaned_data.get("competence_areas") or []]

    def take_rate_limit_slot(self, email: str) -> None:
        """Only a request that is otherwise valid uses up one of the hour's slots."""
        if not rate_limit.take(f"loan-form:email:{email}", MAX_REQUESTS_PER_HOUR):
            self.add_error(
                "email",
                "Je hebt het afgelopen uur al meerdere aanvragen verstuurd. Probeer het later "
                "opnieuw of mail het secretariaat.",
            )
        elif self.visitor_address and not rate_limit.take(
            f"loan-form:client:{self.visitor_address}", settings.LOAN_FORM_LIMIT_PER_ADDRESS
        ):
            self.add_error(
                None,
                "Vanaf dit netwerk zijn het afgelopen uur al veel aanvragen verstuurd. Probeer "
                "het later opnieuw of mail het secretariaat.",
            )

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def chosen_expert(self) -> ExpertPage | None:
        return self.books.get(self.cleaned_data.get("expert") or "")
