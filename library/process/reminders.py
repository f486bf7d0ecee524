"""Reminders: one digest of overdue requests to the secretariat, a reminder to resident and
expert two days before their appointment, and a friendly reminder to the resident to write the
reflection report. The command `send_reminders` and the loan desk's
button both call `send_reminders`; what went out is recorded, so nothing goes out twice."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from cms import networks
from library.models import (
    EmailKind,
    LoanEvent,
    LoanProcessSettings,
    LoanRequest,
    LoanStatus,
    ReminderSent,
)
from library.process import deadlines
from library.process.mail import MissingEmailTemplate, compose, deliver, secretariat_address, send

Kind = ReminderSent.Kind
# A reminder about a conversation long past helps nobody (and after a missed month of cron
# runs, residents would get stale mail).
REFLECTION_WINDOW = datetime.timedelta(days=30)
APPOINTMENT_REMINDER_DAYS = 2
# The appointment reminders are recorded as kind OVERDUE with their own key ("afspraak@..."):
# a new kind would need a migration, and REFLECTION is taken whole by `reflection_due` (any
# REFLECTION row means "reminded of the reflection"). The OVERDUE rows are told apart by key
# (`new_overdue` compares status keys), and one key per appointment moment means a changed
# appointment gets its own reminder.
APPOINTMENT_KEY_PREFIX = "afspraak@"


class DigestNotSent(Exception):
    pass


@dataclass
class ReminderRun:
    dry_run: bool
    overdue: list[LoanRequest] = field(default_factory=list)
    digest_error: str = ""
    reflections: list[LoanRequest] = field(default_factory=list)
    reflection_errors: list[str] = field(default_factory=list)
    appointments: list[LoanRequest] = field(default_factory=list)
    appointment_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "zou versturen" if self.dry_run else "verstuurd"
        lines = [
            f"Herinnering aan het secretariaat ({verb}): {len(self.overdue)} aanvragen over de "
            "termijn" + (f" — MISLUKT: {self.digest_error}" if self.digest_error else ""),
            f"Herinnering afspraak over twee dagen ({verb}): {len(self.appointments)} aanvragen",
        ]
        lines += [f"  MISLUKT: {error}" for error in self.appointment_errors]
        lines.append(f"Herinnering reflectieverslag ({verb}): {len(self.reflections)} AIOS")
        lines += [f"  MISLUKT: {error}" for error in self.reflection_errors]
        return "\n".join(lines)


def overdue_key(loan: LoanRequest) -> str:
    """A deadline is the status and the moment it began; a new status is a new deadline. While
    "Gekoppeld", a recorded (or changed) appointment is a new deadline too: the conversation on
    that day instead of the three-week window."""
    key = f"{loan.status}@{loan.status_changed_at:%Y%m%dT%H%M%S.%f}"
    if loan.status == LoanStatus.MATCHED and loan.appointment_at is not None:
        key += f"/afspraak@{loan.appointment_at:%Y%m%dT%H%M}"
    return key


def appointment_key(loan: LoanRequest) -> str:
    return f"{APPOINTMENT_KEY_PREFIX}{loan.appointment_at:%Y%m%dT%H%M%S}"


def new_overdue(today: datetime.date | None = None) -> list[LoanRequest]:
    overdue = deadlines.overdue_requests(today)
    reminded = set(
        ReminderSent.objects.filter(
            kind=Kind.OVERDUE, request__in=[loan.pk for loan in overdue]
        ).values_list("request_id", "key")
    )
    return [loan for loan in overdue if (loan.pk, overdue_key(loan)) not in reminded]


def reflection_due(today: datetime.date | None = None) -> list[LoanRequest]:
    """Each network reminds after its own number of days."""
    today = today or timezone.localdate()
    due: list[LoanRequest] = []
    for site in Site.objects.order_by("pk"):
        days = LoanProcessSettings.for_site(site).reflection_reminder_days
        cutoff = today - datetime.timedelta(days=days)
        due += (
            LoanRequest.objects.filter(
                site=site,
                status=LoanStatus.CONVERSATION_HELD,
                anonymised_at__isnull=True,
                events__kind=LoanEvent.Kind.STATUS,
                events__to_status=LoanStatus.CONVERSATION_HELD,
                events__at__date__lte=cutoff,
                events__at__date__gt=cutoff - REFLECTION_WINDOW,
            )
            .exclude(reminders__kind=Kind.REFLECTION)
            .exclude(reflection__received_at__isnull=False)  # handed in already: no reminder
            .distinct()
        )
    return sorted(due, key=lambda loan: loan.pk)


def appointments_due(today: datetime.date | None = None) -> list[LoanRequest]:
    """Appointments at most two days ahead that were not yet reminded of. Not only exactly two
    days ahead: a missed run of the command still reminds the day before; not on the day."""
    today = today or timezone.localdate()
    candidates = LoanRequest.objects.filter(
        status=LoanStatus.MATCHED,
        appointment_at__isnull=False,
        anonymised_at__isnull=True,
    ).order_by("appointment_at", "pk")
    due = [
        loan
        for loan in candidates
        if today
        < timezone.localdate(loan.appointment_at)
        <= today + datetime.timedelta(days=APPOINTMENT_REMINDER_DAYS)
    ]
    reminded = set(
        ReminderSent.objects.filter(
            kind=Kind.OVERDUE, request__in=[loan.pk for loan in due]
        ).values_list("request_id", "key")
    )
    return [loan for loan in due if (loan.pk, appointment_key(loan)) not in reminded]


def remind_appointment(loan: LoanRequest, user=None) -> str:
    """Resident and expert each their own e-mail (as the invitation). Returns "" when both
    went out, else the error; the claim is kept once either went out, so nobody gets it twice."""
    try:
        with transaction.atomic():
            claim = ReminderSent.objects.create(
                request=loan, kind=Kind.OVERDUE, key=appointment_key(loan)
            )
    except IntegrityError:
        return ""  # another run got there first
    expert_address = loan.expert.email if loan.expert else ""
    try:
        emails = [
            compose(EmailKind.APPOINTMENT_REMINDER, loan, recipients=[address])
            for address in (loan.email, expert_address)
        ]
    except MissingEmailTemplate as error:
        claim.delete()
        return str(error)
    events = [send(loan, email, user) for email in emails]
    failed = [
        event
        for event in events
        if event.kind == LoanEvent.Kind.EMAIL_FAILED and not event.on_its_way
    ]
    if len(failed) == len(events):
        claim.delete()  # recorded in the history; the next run tries again
    return "; ".join(f"{loan.name}: {event.error}" for event in failed)


def digest_lines(overdue: list[LoanRequest], site: Site | None = None) -> str:
    # The secretariat logs in on its own network's address (cookies are per host).
    base_url = networks.base_url(site)
    lines = []
    for loan in overdue:
        what, day = deadlines.next_due(loan)
        url = base_url + reverse("library_loanrequest:inspect", args=[loan.pk])
        lines.append(
            f"- {loan.name}, ‘{loan.book_title or 'geen expert gevonden'}’: {what}, "
            f"uiterlijk {deadlines.dutch_date(day)}\n  {url}"
        )
    return "\n".join(lines)


def per_network(loans: list[LoanRequest]) -> dict[Site, list[LoanRequest]]:
    """The requests by the network they belong to, in the order of the networks."""
    grouped: dict[int, list[LoanRequest]] = {}
    for loan in sorted(loans, key=lambda loan: (loan.site_id, loan.pk)):
        grouped.setdefault(loan.site_id, []).append(loan)
    sites = Site.objects.in_bulk(grouped)
    return {sites[site_id]: requests for site_id, requests in grouped.items()}


def send_digest(overdue: list[LoanRequest], user=None, site: Site | None = None) -> None:
    """Claim the reminders and send one e-mail in one transaction: if the e-mail fails, the
    claims roll back and the next run tries again. One network's requests, to that network's
    secretariat: residents' names never go to another network."""
    email = compose(
        EmailKind.OVERDUE_DIGEST,
        site=site,
        recipients=[secretariat_address(site)],
        overzicht=digest_lines(overdue, site),
    )
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(request=loan, kind=Kind.OVERDUE, key=overdue_key(loan))
                for loan in overdue
            ]
        )
        LoanEvent.objects.bulk_create(
            [
                LoanEvent(
                    request=loan,
                    user=user,
                    kind=LoanEvent.Kind.NOTE,
                    subject="Genoemd in de herinnering aan het secretariaat (termijn verstreken)",
                )
                for loan in overdue
            ]
        )
        error = deliver(email)
        if error:
            raise DigestNotSent(error)


def remind_reflection(loan: LoanRequest, user=None) -> str:
    """Returns "" when the reminder went out, else the error."""
    try:
        with transaction.atomic():
            claim = ReminderSent.objects.create(request=loan, kind=Kind.REFLECTION, key="")
    except IntegrityError:
        return ""  # another run got there first
    try:
        email = compose(EmailKind.REFLECTION_REMINDER, loan)
    except MissingEmailTemplate as error:
        claim.delete()
        return str(error)
    event = send(loan, email, user)
    if event.kind == LoanEvent.Kind.EMAIL_FAILED and not event.on_its_way:
        claim.delete()  # recorded in the history; the next run tries again
        return f"{loan.name}: {event.error}"
    return ""


def send_reminders(
    today: datetime.date | None = None,
    *,
    dry_run: bool = False,
    user=None,
    sites: Iterable[Site] | None = None,
) -> ReminderRun:
    """Every network's reminders (the daily task and the command), or those of `sites` only
    (the loan desk's button: a secretariat sends and sees its own network's)."""

    site_ids = None if sites is None else {site.pk for site in sites}

    def own(loans: list[LoanRequest]) -> list[LoanRequest]:
        return loans if site_ids is None else [loan for loan in loans if loan.site_id in site_ids]

    run = ReminderRun(dry_run=dry_run, overdue=own(new_overdue(today)))
    due_reflections = own(reflection_due(today))
    due_appointments = own(appointments_due(today))
    if dry_run:
        run.reflections = due_reflections
        run.appointments = due_appointments
        return run
    errors = []
    for site, overdue in per_network(run.overdue).items():
        try:
            send_digest(overdue, user, site)
        except (DigestNotSent, MissingEmailTemplate, IntegrityError) as error:
            errors.append(f"{networks.network_name(site)}: {error}")
            run.overdue = [loan for loan in run.overdue if loan not in overdue]
    run.digest_error = "; ".join(errors)
    for loan in due_appointments:
        error = remind_appointment(loan, user)
        if error:
            run.appointment_errors.append(error)
        else:
            run.appointments.append(loan)
    for loan in due_reflections:
        error = remind_reflection(loan, user)
        if error:
            run.reflection_errors.append(error)
        else:
            run.reflections.append(loan)
    return run
