"""The loan form, built on Wagtail's form builder.

Editors add, reorder and reword extra questions in the admin as with any Wagtail form. The
fields the loan process depends on are part of the form class itself, so they are always
there and always validated, whatever the editor does.
"""

from __future__ import annotations

import re

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from cms.blocks import RICH_TEXT_FEATURES
from library.models.experts import Availability, ExpertPage
from library.models.loans import LoanFormSubmission, Programme

NO_EXPERT = "geen"
MAX_REQUESTS_PER_HOUR = 3
CORE_FIELDS = [
    "expert",
    "name",
    "email",
    "phone",
    "programme",
    "programme_other",
    "supervisor",
    "learning_goals",
    "motivation",
    "consent",
    "website",
]


HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def plain_text(value: str) -> None:
    """The register holds plain text: no HTML, no invisible control characters."""
    if HTML_TAG.search(value):
        raise ValidationError(
            "Gebruik geen HTML-code (zoals <script> of <b>); schrijf gewone tekst."
        )
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError("Deze tekst bevat onzichtbare stuurtekens. Typ hem opnieuw.")


def borrowable_books():
    today = timezone.localdate()
    return (
        ExpertPage.objects.live()
        .filter(view_restrictions__isnull=True)
        .exclude(availability=Availability.WITHDRAWN)
        .exclude(availability=Availability.ABSENT, absent_until__gte=today)
        .order_by("title")
    )


class LoanFormField(AbstractFormField):
    page = ParentalKey("LoanFormPage", on_delete=models.CASCADE, related_name="form_fields")


class CoreLoanFields(forms.Form):
    """The fields of the toolkit's loan form that the process needs."""

    expert = forms.ChoiceField(
        label="Welk boek wil je lenen?",
        error_messages={
            "required": "Kies een boek, of ‘Geen expert gevonden’.",
            "invalid_choice": "Dit boek is nu niet te lenen (onbekend, afwezig of "
            "teruggetreden). Kies een ander boek of ‘Geen expert gevonden’.",
        },
    )
    name = forms.CharField(
        validators=[plain_text],
        label="Naam",
        max_length=120,
        error_messages={"required": "Vul je naam in."},
    )
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Dit is geen geldig e-mailadres (voorbeeld: naam@ziekenhuis.nl).",
        },
    )
    phone = forms.CharField(
        validators=[plain_text],
        label="Telefoonnummer",
        max_length=40,
        error_messages={"required": "Vul je telefoonnummer in."},
    )
    programme = forms.ChoiceField(
        label="Opleiding",
        choices=[("", "Kies je opleiding"), *Programme.choices],
        error_messages={"required": "Kies je opleiding."},
    )
    programme_other = forms.CharField(
        validators=[plain_text], label="Andere opleiding, namelijk", max_length=120, required=False
    )
    supervisor = forms.CharField(
        validators=[plain_text],
        label="Naam van je opleider",
        max_length=120,
        error_messages={"required": "Vul de naam van je opleider in."},
    )
    learning_goals = forms.CharField(
        validators=[plain_text],
        label="Je persoonlijke leerdoel(en)",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Beschrijf je leerdoel: daar gaat het gesprek over."},
    )
    motivation = forms.CharField(
        validators=[plain_text],
        label="Waarom wil je hier meer over leren?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Vertel kort waarom dit leerdoel voor jou belangrijk is."},
    )
    consent = forms.BooleanField(
        label="Ik geef toestemming om mijn contactgegevens te gebruiken voor deze lening "
        "(het secretariaat en de expert krijgen ze).",
        error_messages={
            "required": "Zonder je toestemming kunnen we je niet met een expert koppelen."
        },
    )
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        books = [
            (str(book.pk), f"{book.title} ({book.expert_name})") for book in borrowable_books()
        ]
        self.fields["expert"].choices = [
            ("", "Kies een boek"),
            *books,
            (NO_EXPERT, "Geen expert gevonden: zoek er een voor mijn leerdoel"),
        ]
        self.order_fields(CORE_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("programme") == Programme.OTHER and not cleaned.get("programme_other"):
            self.add_error("programme_other", "Welke opleiding volg je?")
        email = (cleaned.get("email") or "").lower()
        if email and not self.is_bot and self.recent_requests(email) >= MAX_REQUESTS_PER_HOUR:
            self.add_error(
                "email",
                "Je hebt het afgelopen uur al meerdere aanvragen verstuurd. Probeer het later "
                "opnieuw of mail het secretariaat.",
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    @staticmethod
    def rate_key(email: str) -> str:
        return f"loan-form:{email}"

    def recent_requests(self, email: str) -> int:
        return cache.get(self.rate_key(email), 0)

    def count_request(self) -> None:
        key = self.rate_key(self.cleaned_data["email"].lower())
        cache.add(key, 0, timeout=60 * 60)
        cache.incr(key)

    def chosen_expert(self) -> ExpertPage | None:
        value = self.cleaned_data.get("expert")
        return None if value in (None, "", NO_EXPERT) else ExpertPage.objects.get(pk=value)


class LoanFormPage(AbstractEmailForm):
    introduction = RichTextField("Inleiding", blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField("Tekst na verzenden", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel(
            "form_fields",
            label="Extra vragen",
            help_text="De vaste velden (boek, naam, e-mail, telefoon, opleiding, opleider, "
            "leerdoel, motivatie, toestemming) staan altijd op het formulier.",
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Melding per e-mail aan het secretariaat",
        ),
    ]

    parent_page_types = ["library.ExpertIndexPage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "library/loan_form_page.html"
    landing_page_template = "library/loan_form_page_landing.html"

    class Meta:
        verbose_name = "Uitleenformulier"
        verbose_name_plural = "Uitleenformulieren"

    def get_form_class(self):
        builder_form = super().get_form_class()
        return type("LoanForm", (CoreLoanFields, builder_form), {})

    def get_submission_class(self):
        return LoanFormSubmission

    def get_data_fields(self):
        submit_time, *editor_fields = super().get_data_fields()
        core = [(name, CoreLoanFields.base_fields[name].label) for name in CORE_FIELDS[:-1]]
        return [submit_time, *core, *editor_fields]

    def process_form_submission(self, form):
        from library import loans

        with transaction.atomic():
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            submission = LoanFormSubmission.objects.create(form_data=data, page=self)
            loan = loans.register(
                expert=form.chosen_expert(),
                submission=submission,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                programme=data["programme"],
                programme_other=data.get("programme_other", ""),
                supervisor=data["supervisor"],
                learning_goals=data["learning_goals"],
                motivation=data["motivation"],
            )
        form.count_request()
        if self.to_address:
            self.notify_secretariat(form, loan)
        submission.loan = loan
        return submission

    def notify_secretariat(self, form, loan) -> None:
        """The form builder's notification, sent and recorded like every process e-mail: when
        the mail server is down the request is kept and the notification can be sent again
        from the loan desk (Wagtail's send_mail would raise and show the resident an error)."""
        from library import mail

        mail.send(
            loan,
            mail.ComposedEmail(
                kind="form_notification",
                recipients=[address.strip() for address in self.to_address.split(",")],
                subject=self.subject or "Nieuwe leenaanvraag",
                body=self.render_email(form),
            ),
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_bot:
                # Refuse bots silently: they see the thank-you page, nothing is stored.
                return self.render_landing_page(request, None, *args, **kwargs)
            if form.is_valid():
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            notice = None
        else:
            requested = request.GET.get("expert", "")
            form = self.get_form(page=self, user=request.user, initial={"expert": requested})
            notice = self.book_notice(form, requested)
        context = self.get_context(request)
        context.update(form=form, book_notice=notice)
        return TemplateResponse(request, self.get_template(request), context)

    @staticmethod
    def book_notice(form, requested: str) -> str | None:
        if not requested or requested == NO_EXPERT:
            return None
        if requested in dict(form.fields["expert"].choices):
            return None
        book = ExpertPage.objects.filter(pk=requested).first() if requested.isdigit() else None
        if book is not None and book.is_absent():
            return (
                f"{book.expert_name} is afwezig tot en met {book.absent_until:%d-%m-%Y}. "
                "Kies een ander boek, of vraag het na die datum opnieuw."
            )
        return "Het gekozen boek is niet (meer) te lenen. Kies een ander boek hieronder."

    def get_context(self, request, *args, **kwargs):
        from library import loans

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["confirm_by"] = loans.dutch_date(
            loans.deadlines.add_working_days(today, loans.deadlines.CONFIRM_WITHIN_WORKING_DAYS)
        )
        return context
