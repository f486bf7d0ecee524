"""The loan desk's register: one LoanRequest per valid loan form, with its full history."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from cms.validators import single_line


class LoanStatus(models.TextChoices):
    RECEIVED = "received", "Ontvangen"
    CONFIRMED = "confirmed", "Ontvangst bevestigd"
    WAITING_FOR_EXPERT = "waiting", "Wacht op antwoord expert"
    EXPERT_AGREED = "agreed", "Expert zegt ja"
    MATCHED = "matched", "Gekoppeld"
    CONVERSATION_HELD = "held", "Gesprek gevoerd"
    COMPLETED = "completed", "Afgerond"
    EXPERT_UNAVAILABLE = "unavailable", "Expert niet beschikbaar"
    NO_EXPERT = "no_expert", "Geen passende expert"
    CLOSED = "closed", "Gesloten zonder koppeling"
    WITHDRAWN = "withdrawn", "Ingetrokken door AIOS"


# A request whose conversation took place: the loans the figures and the business case count.
CONVERSATION_STATUSES = (LoanStatus.CONVERSATION_HELD, LoanStatus.COMPLETED)


class Programme(models.TextChoices):
    ANESTHESIOLOGY = "anesthesiologie", "Anesthesiologie"
    GENERAL_PRACTICE = "huisartsgeneeskunde", "Huisartsgeneeskunde"
    ELDERLY_CARE = "ouderengeneeskunde", "Ouderengeneeskunde"
    INTERNAL_ELDERLY = "interne-ouderengeneeskunde", "Interne-ouderengeneeskunde"
    OTHER = "anders", "Andere opleiding"


class LoanFormSubmission(FormSubmission):
    """The form builder's submission, kept so editors still see every form sent."""

    class Meta:
        verbose_name = "Inzending uitleenformulier"
        verbose_name_plural = "Inzendingen uitleenformulier"


def resident_key_for(email: str) -> str:
    """A one-way key per resident, so statistics can count residents after their name and
    e-mail address are gone."""
    return salted_hmac("library.resident", email.strip().lower()).hexdigest()[:32]


def owning_network(expert) -> Site:
    """A request belongs to its expert's network; without an expert, to the default one."""
    from cms import networks

    return networks.network_of_page(expert) or networks.default_network()


class LoanRequest(models.Model):
    """One request in the register. Not in Wagtail's search index: that would copy residents'
    names, addresses and learning goals into a table retention never cleans; the desk searches
    the register itself (library/admin/desk.py)."""

    submission = models.OneToOneField(
        LoanFormSubmission,
        verbose_name="Formulierinzending",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="loan_request",
    )
    created_at = models.DateTimeField("Ontvangen op", auto_now_add=True)
    # The network whose secretariat handles the request: the expert's (cms.networks). A
    # network with requests cannot be deleted by accident.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Netwerk",
        on_delete=models.PROTECT,
        related_name="loan_requests",
    )
    # The network whose loan form the resident used; another than `site` when the expert is
    # lent across networks. Both networks' reports count the loan.
    requested_on = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Aangevraagd via netwerk",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="loan_requests_sent",
    )

    name = models.CharField("Naam", max_length=120, validators=[single_line])
    email = models.EmailField("E-mailadres")
    phone = models.CharField("Telefoon", max_length=40, validators=[single_line])
    programme = models.CharField("Opleiding", max_length=40, choices=Programme.choices)
    programme_other = models.CharField(
        "Andere opleiding", max_length=120, blank=True, validators=[single_line]
    )
    supervisor = models.CharField("Opleider", max_length=120, validators=[single_line])
    learning_goals = models.TextField("Leerdoel(en)")
    motivation = models.TextField("Motivatie", blank=True)
    consent_at = models.DateTimeField("Toestemming gegeven op")

    expert = models.ForeignKey(
        "library.ExpertPage",
        verbose_name="Boek / expert",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="loan_requests",
    )
    # Where the resident's goal fits in the programme: the same words as the certificate.
    competence_areas = models.ManyToManyField(
        "library.CompetenceArea",
        verbose_name="Competentiegebieden",
        blank=True,
        related_name="loan_requests",
    )
    book_title = models.CharField("Titel van het boek (bij aanvraag)", max_length=255, blank=True)
    expert_name = models.CharField("Naam van de expert (bij aanvraag)", max_length=120, blank=True)

    status = models.CharField(
        "Status", max_length=20, choices=LoanStatus.choices, default=LoanStatus.RECEIVED
    )
    status_changed_at = models.DateTimeField("Status gewijzigd op", auto_now_add=True)
    # The resident chose an expert who is away and waits until this day (or later).
    waits_until = models.DateField("AIOS wacht tot", null=True, blank=True)
    appointment_at = models.DateTimeField("Afspraak op", null=True, blank=True)
    resident_key = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    anonymised_at = models.DateTimeField(
        "Persoonsgegevens verwijderd op", null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Leenaanvraag"
        verbose_name_plural = "Leenaanvragen"
        permissions = [
            ("process_loanrequest", "Kan leenaanvragen behandelen"),
            ("mail_supervisors", "Kan opleiders hun halfjaarlijkse cijfers sturen"),
        ]

    def __str__(self) -> str:
        book = self.book_title or "geen expert gevonden"
        return f"{self.name}: {book}"

    def save(self, *args, **kwargs):
        if self.site_id is None:
            self.site = owning_network(self.expert)
        if self.email and not self.anonymised_at:
            self.resident_key = resident_key_for(self.email)
        super().save(*args, **kwargs)

    @property
    def without_expert(self) -> bool:
        return self.expert_id is None


class HistoryLine(models.Model):
    """One line of a history: a status change, an e-mail (sent, or failed and retryable) or a
    note, who did it and when. library.process.mail records e-mails into any history with
    these fields: a request's (LoanEvent), an expert's or candidate's (ExpertEvent)."""

    class Kind(models.TextChoices):
        STATUS = "status", "Statuswijziging"
        EMAIL_SENT = "email_sent", "E-mail verstuurd"
        EMAIL_FAILED = "email_failed", "E-mail mislukt"
        NOTE = "note", "Notitie"

    at = models.DateTimeField("Wanneer", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    email_kind = models.CharField(max_length=40, blank=True)
    recipients = models.CharField(max_length=500, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    error = models.TextField(blank=True)

    # How `error` reads while the mail worker still has the e-mail (library.process.mail): the
    # line is failed until sent, so an e-mail that never leaves the queue can still be resent.
    QUEUED = "Nog niet verstuurd: de e-mail staat klaar om op de achtergrond te versturen."
    # How `error` ends while a retry is planned; the pattern below matches exactly this text.
    RETRY_MARKER = "(automatisch, poging {attempt} van {attempts})."
    RETRY_PLANNED = re.compile(r"\(automatisch, poging \d+ van \d+\)\.$")

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    # How long a line may wait before the desk hears of it after all: a queue whose worker does
    # not run (or lost the task) must not hide an e-mail as "on its way" for ever. The retries
    # end 1 + 5 + 30 + 120 minutes after the first attempt (library.process.mail.RETRY_AFTER).
    # A killed worker's line is queued again after 10 minutes by a sweep that runs every 5
    # (library.process.mail.reclaim_stale_deliveries): it stays "on its way" meanwhile.
    QUEUE_PATIENCE = datetime.timedelta(minutes=20)
    RETRY_PATIENCE = datetime.timedelta(hours=3)

    @property
    def on_its_way(self) -> bool:
        """An e-mail the worker will still send (queued, or a retry planned), not waiting
        longer than expected: failed in the history's terms, but nothing for the desk to do."""
        if self.kind != self.Kind.EMAIL_FAILED or self.at is None:
            return False
        waited = timezone.now() - self.at
        if self.error == self.QUEUED:
            return waited < self.QUEUE_PATIENCE
        return bool(self.RETRY_PLANNED.search(self.error)) and waited < self.RETRY_PATIENCE


class LoanEvent(HistoryLine):
    """A line of a request's history; a status change names the book of that moment."""

    request = models.ForeignKey(LoanRequest, on_delete=models.CASCADE, related_name="events")
    # The book at the time of a status change: a request may move to another book later,
    # and the per-expert report must still count this expert's "not available".
    expert = models.ForeignKey(
        "library.ExpertPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=20, choices=LoanStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=LoanStatus.choices, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "Gebeurtenis"
        verbose_name_plural = "Geschiedenis"

    def __str__(self) -> str:
        if self.kind == self.Kind.STATUS:
            return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
        return f"{self.get_kind_display()}: {self.subject}"

    @classmethod
    def note(cls, loan: LoanRequest, subject: str, user=None) -> LoanEvent:
        """A line in the request's history that is neither a status change nor an e-mail."""
        return cls.objects.create(request=loan, user=user, kind=cls.Kind.NOTE, subject=subject)


class ReminderSent(models.Model):
    """One reminder that went out, so running the reminders twice sends nothing twice."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", "Termijn verstreken (aan secretariaat)"
        REFLECTION = "reflection", "Reflectieverslag (aan AIOS)"

    request = models.ForeignKey(LoanRequest, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Which deadline: the status and when it began; a new deadline gets a new reminder.
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "key"], name="one_reminder_per_deadline"
            )
        ]
        verbose_name = "Verstuurde herinnering"
        verbose_name_plural = "Verstuurde herinneringen"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.key})"
