"""Personal data of residents (AVG): anonymise closed requests after the retention period,
and export or erase one resident's data on request.

Anonymising removes what identifies the resident and keeps what the reports count (dates,
status history, programme, supervisor, book, learning goal, evaluations, and a one-way
resident key), so the reports give the same numbers before and after.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from library.models import EmailKind, LoanEvent, LoanProcessSettings, LoanRequest, LoanStatus
from library.process import loans, mail
from library.self_service import reflections

REMOVED = "(verwijderd)"
# What stays of the form submission: what the reports need, nothing that names the resident.
KEPT_FORM_KEYS = frozenset({"expert", "programme", "supervisor", "learning_goals", "consent"})
CLOSED_STATUSES = [status for status, targets in loans.TRANSITIONS.items() if not targets]
EMAIL_EVENTS = (LoanEvent.Kind.EMAIL_SENT, LoanEvent.Kind.EMAIL_FAILED)


@dataclass(frozen=True)
class PurgeResult:
    """One network's purge: each network keeps personal data as long as its own setting says."""

    site: Site
    months: int
    cutoff: datetime.datetime
    requests: list[LoanRequest]
    dry_run: bool


def retention_months(site: Site) -> int:
    return LoanProcessSettings.for_site(site).retention_months


def expired_requests(site: Site, now: datetime.datetime | None = None):
    cutoff = (now or timezone.now()) - relativedelta(months=retention_months(site))
    return LoanRequest.objects.filter(
        site=site,
        status__in=CLOSED_STATUSES,
        status_changed_at__lt=cutoff,
        anonymised_at__isnull=True,
    ).order_by("status_changed_at")


def email_subject(kind: str) -> str:
    try:
        return EmailKind(kind).label
    except ValueError:
        return "E-mail"


@transaction.atomic
def anonymise(loan: LoanRequest, reason: str, user=None) -> LoanRequest:
    """Remove the resident's name, contact details and motivation from a request, its e-mail
    history and its form submission; leave a line in the history saying why."""
    loan.name = REMOVED
    loan.email = ""
    loan.phone = ""
    loan.motivation = ""
    loan.programme_other = ""
    loan.anonymised_at = timezone.now()
    loan.save()
    # The admin's change log labels each entry with the request's name at the time.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(LoanRequest), object_id=str(loan.pk)
    ).update(label=str(loan))
    emails = loan.events.filter(kind__in=EMAIL_EVENTS)
    mail.forget_tasks(emails)
    for kind in set(emails.values_list("email_kind", flat=True)):
        emails.filter(email_kind=kind).update(
            recipients="", subject=email_subject(kind), body="", error=""
        )
    submission = loan.submission
    if submission is not None:
        submission.form_data = {
            key: value for key, value in submission.form_data.items() if key in KEPT_FORM_KEYS
        }
        submission.save(update_fields=["form_data"])
    # The reflection report is the resident's own writing: its text and file go too.
    reflections.erase(loan)
    LoanEvent.note(loan, f"Persoonsgegevens verwijderd: {reason}", user)
    return loan


def purge_network(
    site: Site, *, dry_run: bool = False, now: datetime.datetime | None = None
) -> PurgeResult:
    months = retention_months(site)
    cutoff = (now or timezone.now()) - relativedelta(months=months)
    expired = list(expired_requests(site, now).select_related("submission"))
    if not dry_run:
        for loan in expired:
            anonymise(loan, f"bewaartermijn van {months} maanden na afsluiten verstreken")
    return PurgeResult(site, months, cutoff, expired, dry_run)


def purge_personal_data(
    *, dry_run: bool = False, now: datetime.datetime | None = None
) -> list[PurgeResult]:
    """Every network's purge, each by its own retention period."""
    return [purge_network(site, dry_run=dry_run, now=now) for site in Site.objects.order_by("pk")]


def requests_of_resident(loan: LoanRequest):
    if loan.resident_key:
        # Only the own network's register: another network's requests are that network's
        # to hand out or erase.
        return LoanRequest.objects.filter(
            site=loan.site_id, resident_key=loan.resident_key, anonymised_at__isnull=True
        )
    return LoanRequest.objects.filter(pk=loan.pk)


def export_resident(loan: LoanRequest, user=None) -> dict:
    """Everything the register holds about this resident (AVG right of access); the request's
    history records that it was handed out."""
    requests = []
    for item in (
        requests_of_resident(loan)
        .select_related("submission", "reflection")
        .prefetch_related("events", "evaluations")
    ):
        requests.append(
            {
                "ontvangen_op": item.created_at.isoformat(),
                "naam": item.name,
                "e-mailadres": item.email,
                "telefoon": item.phone,
                "opleiding": item.get_programme_display(),
                "andere_opleiding": item.programme_other,
                "opleider": item.supervisor,
                "leerdoelen": item.learning_goals,
                "motivatie": item.motivation,
                "toestemming_gegeven_op": item.consent_at.isoformat(),
                "boek": item.book_title,
                "expert": item.expert_name,
                "status": item.get_status_display(),
                "formulier": item.submission.form_data if item.submission else None,
                "geschiedenis": [
                    {
                        "wanneer": event.at.isoformat(),
                        "wat": str(event),
                        "aan": event.recipients,
                        "tekst": event.body,
                    }
                    for event in item.events.all()
                ],
                "evaluaties": [
                    {
                        "door": evaluation.get_role_display(),
                        "ingevuld_op": evaluation.answered_at.isoformat()
                        if evaluation.answered_at
                        else None,
                        "nut": evaluation.usefulness,
                        "voorbereiding_minuten": evaluation.preparation_minutes,
                        "gesprek_minuten": evaluation.conversation_minutes,
                        "zou_aanraden": evaluation.would_recommend,
                        "toelichting": evaluation.comments,
                    }
                    for evaluation in item.evaluations.all()
                ],
                "reflectieverslag": reflections.export(item),
            }
        )
    LoanEvent.note(loan, "Gegevens van de AIOS geëxporteerd (inzageverzoek)", user)
    return {"geexporteerd_op": timezone.now().isoformat(), "aanvragen": requests}


@transaction.atomic
def erase_resident(loan: LoanRequest, user=None) -> list[LoanRequest]:
    """AVG right to erasure: open requests are withdrawn first, so no process e-mail goes to
    an address that is gone; then every request of the resident is anonymised."""
    erased = []
    for item in requests_of_resident(loan).select_related("submission"):
        if LoanStatus.WITHDRAWN in loans.TRANSITIONS[item.status]:
            loans.change_status(item, LoanStatus.WITHDRAWN, user)
        erased.append(anonymise(item, "op verzoek van de AIOS gewist", user))
    return erased
