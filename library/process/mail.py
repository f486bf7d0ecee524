"""Standard e-mails of the loan process: fill in, send through django.core.mail, record.

The request is always saved before an e-mail is attempted, and a failed send is recorded in
the request's history (and can be retried); it never loses the request. The e-mail itself goes
out from a task on the "mail" backend (a database queue and its worker): a mail server that is
down delays the e-mail, not the page, and a failed e-mail is tried again by itself (RETRY_AFTER).
"""

from __future__ import annotations

import base64
import datetime
import logging
import os
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import task
from wagtail.models import Page, Site

from cms import networks
from cms.models import SiteSettings
from library.models.emails import EmailKind, EmailTemplate, fill_placeholders
from library.models.loans import LoanEvent, LoanRequest
from library.models.process_settings import LoanProcessSettings
from library.process import deadlines
from library.self_service import request_link

logger = logging.getLogger(__name__)
INSTRUCTIONS_SLUG = "instructies-voor-experts"


class MissingEmailTemplate(LookupError):
    pass


@dataclass
class ComposedEmail:
    kind: str
    recipients: list[str]
    subject: str
    body: str
    # (file name, content, MIME type): the appointment's calendar invitation (.ics).
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    # The network the e-mail is sent for: its secretariat is the reply-to address.
    site: Site | None = None
    # A fixed Message-ID (one per history line): a mail server that receives a line's e-mail
    # twice (a worker killed after the server's answer, before the history was updated) can
    # tell it is the same e-mail.
    message_id: str = ""


def secretariat_address(site: Site | None = None) -> str:
    """The secretariat of this network (default: the first network)."""
    site = site or networks.default_network()
    address = SiteSettings.for_site(site).secretariat_email if site else ""
    return address or settings.DEFAULT_FROM_EMAIL


def site_values(site: Site | None = None) -> dict[str, str]:
    """The placeholders that do not depend on a request: those of the network (default: the
    first network)."""
    site = site or networks.default_network()
    base_url = networks.base_url(site)
    lead_name = LoanProcessSettings.for_site(site).lead_name if site else ""
    return {
        "contact_secretariaat": secretariat_address(site),
        "link_catalogus": f"{base_url}/expertbibliotheek/",
        "link_instructies": instructions_address(site),
        "naam_trekker": lead_name or "trekker",
    }


def instructions_address(site: Site | None) -> str:
    """The experts' instructions page of the network's catalogue, else its catalogue: the
    introduction e-mail always links somewhere that explains the conversation."""
    pages = Page.objects.live().public().filter(slug=INSTRUCTIONS_SLUG)
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    page = pages.first()
    return networks.page_address(page) or f"{networks.base_url(site)}/expertbibliotheek/"


def placeholder_values(
    loan: LoanRequest | None, site: Site | None = None, **extra: str
) -> dict[str, str]:
    if loan is None:
        return {**site_values(site), **extra}
    expert = loan.expert
    values = {
        **site_values(loan.site),
        "naam_aios": loan.name,
        "naam_expert": expert.expert_name if expert else loan.expert_name,
        "titel_boek": expert.title if expert else loan.book_title,
        "leerdoel": loan.learning_goals,
        "motivatie": loan.motivation or "(geen motivatie gegeven)",
        "opleiding": loan.get_programme_display(),
        "email_aios": loan.email,
        "telefoon_aios": loan.phone,
        "datum_aanvraag": deadlines.dutch_date(timezone.localdate(loan.created_at)),
        "afwezig_tot": deadlines.dutch_date(expert.absent_until)
        if expert and expert.absent_until
        else "",
        "antwoord_voor": deadlines.dutch_date(deadlines.expert_answer_due(loan)),
        "contact_voor": deadlines.dutch_date(deadlines.contact_due(loan)),
        "link_boek": networks.page_address(expert),
        "link_aanvraag": request_link.link_for(loan),
        "afspraak": dutch_moment(loan.appointment_at),
    }
    values.update(extra)
    return values


def dutch_moment(moment) -> str:
    """A moment as "dinsdag 8 december 2026 om 14:30" (the site's time zone), or ""."""
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment), "l j F Y \\o\\m H:i")


def recipients_for(kind: str, loan: LoanRequest) -> list[str]:
    expert_address = [loan.expert.email] if loan.expert and loan.expert.email else []
    if kind in (EmailKind.AVAILABILITY, EmailKind.EVALUATION_EXPERT):
        return expert_address
    if kind == EmailKind.INTRODUCTION:
        return [loan.email, *expert_address]
    return [loan.email]


def compose(
    kind: str,
    loan: LoanRequest | None = None,
    *,
    site: Site | None = None,
    recipients: list[str] | None = None,
    **extra: str,
) -> ComposedEmail:
    """Fill in the network's standard e-mail of this kind (its own text, else the national
    one), for a request or, with explicit recipients and values, for a digest or a
    supervisor. The network is the request's, else `site`, else the first network."""
    site = loan.site if loan is not None else site or networks.default_network()
    template = EmailTemplate.objects.for_network(site, kind)
    if template is None:
        raise MissingEmailTemplate(
            f"Er is nog geen standaard-e-mail ‘{EmailKind(kind).label}’. Maak die aan onder "
            "Expertbibliotheek → Standaard-e-mails."
        )
    values = placeholder_values(loan, site, **extra)
    recipients = recipients if recipients is not None else recipients_for(kind, loan)
    if loan is not None and set(recipients) != {loan.email}:
        # "Mijn aanvraag" lets its holder withdraw the request and fetch the certificate: it
        # goes only to the resident, whatever an editor puts in a text others receive too.
        values["link_aanvraag"] = ""
    return ComposedEmail(
        kind=kind,
        recipients=recipients,
        # One line, whatever a placeholder held: a line break in a header is refused by
        # Django (BadHeaderError), and requests stored before line breaks were refused exist.
        subject=fill_placeholders(template.subject, values),
        body=fill_placeholders(template.body, values),
        site=site,
    )


def deliver(email: ComposedEmail) -> str:
    """Send one e-mail; returns the error as text, or "" when it went out."""
    reply_to = secretariat_address(email.site)
    message = EmailMessage(
        # One line, whatever it was made of (a standard e-mail's placeholders, the loan
        # form's notification subject that editors type): Django refuses a line break in a
        # header (BadHeaderError), and the e-mail would not go out at all.
        subject=" ".join(email.subject.split()),
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
        reply_to=[reply_to] if reply_to else None,
        headers={"Message-ID": email.message_id} if email.message_id else None,
    )
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    try:
        if not email.recipients:
            raise ValueError("geen ontvanger: vul het e-mailadres in")
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any delivery failure is reported, not raised
        logger.warning("E-mail %s mislukt: %s", email.kind, error)
        return f"{type(error).__name__}: {error}"[:2000]
    return ""


def record_unwritten(owner, kind: str, error: Exception, user=None, recipients: str = ""):
    """An e-mail that could not even be written (its standard e-mail is missing), as failed in
    its owner's history (a request's, an expert's, a candidate's)."""
    return owner.events.create(
        user=user,
        kind=LoanEvent.Kind.EMAIL_FAILED,
        email_kind=kind,
        recipients=recipients,
        subject=EmailKind(kind).label,
        error=str(error),
    )


def compose_and_send(owner, kind: str, loan: LoanRequest | None = None, *, user=None, **values):
    """Fill in a standard e-mail of the owner's network and send it, recorded in `owner`'s
    history. A missing standard e-mail is recorded as failed (to send once it is written)
    rather than stopping the step that wanted it: an expert's answer, a withdrawal, a notice."""
    try:
        email = compose(kind, loan, site=network_of_owner(owner), **values)
    except MissingEmailTemplate as error:
        return record_unwritten(owner, kind, error, user)
    return send(owner, email, user)


# The history line's text while its e-mail waits for the mail worker (library.process.mail's
# task on the "mail" backend). The line is failed until sent, so an e-mail that never leaves
# the queue is one the desk can still send again.
QUEUED = LoanEvent.QUEUED

# What a history line says while its e-mail is with the mail server. It stays there only when
# the process died before the mail server answered (a killed worker, a restart): the e-mail
# then shows as failed, and reclaim_stale_deliveries queues it again within minutes (the
# secretariat can also send it again), instead of it never having existed.
INTERRUPTED = "Het versturen werd onderbroken voordat de mailserver antwoordde."

# A failed e-mail is tried again by itself after these waits (a mail server that is briefly
# down, a full mailbox); after the last one the desk sends it again from the history.
# MAIL_RETRY_AFTER (seconds, comma-separated) shortens the waits for the deployment tests.
RETRY_AFTER = tuple(
    datetime.timedelta(seconds=float(seconds))
    for seconds in os.environ.get("MAIL_RETRY_AFTER", "60,300,1800,7200").split(",")
)
ATTEMPTS = len(RETRY_AFTER) + 1

GIVEN_UP = (
    f"Automatisch {ATTEMPTS} keer geprobeerd. Verstuur de e-mail opnieuw vanuit de "
    "geschiedenis wanneer het probleem is opgelost."
)
SUPERSEDED = (
    "Het secretariaat heeft deze e-mail opnieuw verstuurd (zie verderop in de geschiedenis); "
    "deze regel wordt niet meer automatisch verstuurd."
)


def waiting_for(attempt: int) -> str:
    """How the history line of an e-mail whose next attempt is `attempt` ends. A task delivers
    only while the line still ends so: a sent, superseded or already claimed e-mail never goes
    out twice, whichever worker runs a task and however often a task is queued."""
    if attempt == 1:
        return QUEUED
    return LoanEvent.RETRY_MARKER.format(attempt=attempt, attempts=ATTEMPTS)


def retry_note(attempt: int, at: datetime.datetime) -> str:
    moment = date_format(timezone.localtime(at), "j F \\o\\m H:i")
    return f"Nieuwe poging rond {moment} {waiting_for(attempt)}"


def record_pending(owner, email: ComposedEmail, user=None):
    """Write an e-mail into its owner's history (a request's, a candidate's: any model with
    `events` holding the e-mail fields of LoanEvent) before it goes out, as failed until sent."""
    return owner.events.create(
        user=user,
        kind=LoanEvent.Kind.EMAIL_FAILED,
        email_kind=email.kind,
        recipients=", ".join(email.recipients),
        subject=email.subject,
        body=email.body,
        error=QUEUED,
    )


def send(owner, email: ComposedEmail, user=None, *, pending=None):
    """Record one e-mail in its owner's history and have the mail worker send it; returns the
    history line, as it is now (sent already when the backend runs tasks at once).

    The history line is written first, so an e-mail is never lost from it; `pending` is one
    already written in the caller's transaction (the loan form's notification). The task is
    queued in the caller's transaction too: a database queue's worker sees it only with the
    line it sends."""
    with transaction.atomic():
        # Also without a transaction of the caller's (the daily upkeep in the worker): a line
        # that says "queued" always has its task.
        event = pending or record_pending(owner, email, user)
        deliver_event.enqueue(
            event._meta.label, event.pk, 1, [pack(attachment) for attachment in email.attachments]
        )
    event.refresh_from_db(fields=["kind", "error"])
    return event


def forget_tasks(events) -> int:
    """Remove the queue's rows of these history lines' e-mails (their arguments hold the
    attachments: an invitation with the resident's personal link, a certificate), as part of
    erasing a resident's data; a task that is running keeps its row. Returns how many."""
    from django_tasks_db.models import DBTaskResult  # a model: not at import time

    by_label: dict[str, list[int]] = {}
    for event in events:
        by_label.setdefault(event._meta.label, []).append(event.pk)
    removed = 0
    for label, pks in by_label.items():
        removed += (
            DBTaskResult.objects.filter(
                task_path=deliver_event.module_path,
                args_kwargs__args__0=label,
                args_kwargs__args__1__in=pks,
            )
            .exclude(status="RUNNING")
            .delete()[0]
        )
    return removed


def pack(attachment: tuple[str, bytes | str, str]) -> list[str]:
    """An attachment as a task argument (JSON): the history keeps the text, not the file, so
    the queued task holds the file for every attempt (an appointment's invitation as it was
    when the appointment was recorded)."""
    filename, content, mimetype = attachment
    data = content.encode() if isinstance(content, str) else content
    return [filename, base64.b64encode(data).decode("ascii"), mimetype]


def unpack(packed: list[str]) -> tuple[str, bytes, str]:
    filename, data, mimetype = packed
    return filename, base64.b64decode(data), mimetype


@task(backend="mail")
def deliver_event(
    event_label: str, event_pk: int, attempt: int = 1, attachments: list | None = None
) -> str:
    """Send the e-mail of one history line, as it was written; on failure try again later
    (RETRY_AFTER), on a backend that can run a task later. Returns what happened (the task's
    log)."""
    model = apps.get_model(event_label)
    Kind = model.Kind  # noqa: N806 - the history's kinds, as on the model
    # Claim the e-mail first, committed, with one conditional update: of two workers (or two
    # tasks for one line) only one finds the line still waiting for this attempt.
    claimed = model.objects.filter(
        pk=event_pk, kind=Kind.EMAIL_FAILED, error__endswith=waiting_for(attempt)
    ).update(error=INTERRUPTED)
    if not claimed:
        return "al verstuurd, vervangen of niet meer aanwezig"
    event = model.objects.get(pk=event_pk)
    email = ComposedEmail(
        kind=event.email_kind,
        recipients=[address.strip() for address in event.recipients.split(",") if address.strip()],
        subject=event.subject,
        body=event.body,
        attachments=[unpack(packed) for packed in attachments or []],
        site=owner_site(event),
        message_id=f"<{event_label.lower()}.{event_pk}@expertbibliotheek>",
    )
    error = deliver(email)
    if not error:
        # Sent is sent, even if the desk sent it again meanwhile: the history tells the truth.
        model.objects.filter(pk=event_pk).update(kind=Kind.EMAIL_SENT, error="")
        return "verstuurd"
    still_ours = model.objects.filter(pk=event_pk, error=INTERRUPTED)
    if not deliver_event.get_backend().supports_defer:
        # Nothing can run later here (the immediate backend): the desk sends it again.
        still_ours.update(error=error)
        return "mislukt"
    if attempt > len(RETRY_AFTER):
        still_ours.update(error=f"{error}\n\n{GIVEN_UP}")
        return "mislukt, niet meer automatisch"
    at = timezone.now() + RETRY_AFTER[attempt - 1]
    with transaction.atomic():
        # The note and the next task together: a line that says a retry is planned has one.
        if still_ours.update(error=f"{error}\n\n{retry_note(attempt + 1, at)}"):
            deliver_event.using(run_after=at).enqueue(
                event_label, event_pk, attempt + 1, attachments or []
            )
    return "mislukt, later opnieuw"


def network_of_owner(owner) -> Site | None:
    """The network of a request, a candidate (their `site`) or an expert (their page's)."""
    site = getattr(owner, "site", None)
    if isinstance(site, Site):
        return site
    return networks.network_of_page(owner) if isinstance(owner, Page) else None


def owner_site(event) -> Site | None:
    """The network a history line belongs to: its request's, its candidate's, or the site of
    its expert's page; None (the first network) when it has none."""
    for name in ("request", "candidate", "expert"):
        owner = getattr(event, name, None)
        if owner is not None:
            return network_of_owner(owner)
    return None


# A task that has been running this long lost its worker (killed, its machine restarted):
# sending one e-mail takes at most EMAIL_TIMEOUT per step of the conversation with the mail
# server. MAIL_RECLAIM_AFTER (seconds) shortens it for the deployment tests.
RECLAIM_AFTER = datetime.timedelta(seconds=float(os.environ.get("MAIL_RECLAIM_AFTER", "600")))
RECLAIMED = "Opnieuw in de wachtrij gezet: de worker die de e-mail verstuurde, stopte onderweg."


class WorkerLost(RuntimeError):
    """Recorded on the queue's row of a task whose worker stopped while running it."""


def lost_tasks(after: datetime.timedelta, now: datetime.datetime | None = None, **filters):
    """Queue rows RUNNING for longer than `after`: their worker is gone (django-tasks-db 0.13
    has no heartbeat, so a killed worker's task stays RUNNING for ever)."""
    from django_tasks_db.models import DBTaskResult  # a model: not at import time

    return DBTaskResult.objects.filter(
        status="RUNNING", started_at__lt=(now or timezone.now()) - after, **filters
    )


def close_lost(row_pk) -> bool:
    """Close a lost task's row as failed. Conditional: a worker that was only slow and
    finishes now keeps its result (False)."""
    from django_tasks_db.models import DBTaskResult

    return bool(
        DBTaskResult.objects.filter(pk=row_pk, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback="De worker stopte terwijl deze taak liep.",
        )
    )


def reclaim_stale_deliveries(now: datetime.datetime | None = None) -> int:
    """Queue again the e-mails whose worker died while sending them: django-tasks-db leaves
    such a task RUNNING for ever and its history line reads "interrupted". Returns how many
    e-mails were queued again.

    The line goes back to waiting for the same attempt (the mail server did not refuse it),
    so the conditional claim in `deliver_event` still lets exactly one task send it; the old
    row is closed as failed, so the next sweep does not find it again."""
    stale = lost_tasks(RECLAIM_AFTER, now, task_path=deliver_event.module_path)
    queued = 0
    for row in stale.iterator():
        label, pk, attempt, *rest = row.args_kwargs["args"]
        attachments = rest[0] if rest else []
        with transaction.atomic():
            if not close_lost(row.pk):
                continue
            model = apps.get_model(label)
            waiting = model.objects.filter(pk=pk, kind=model.Kind.EMAIL_FAILED, error=INTERRUPTED)
            # The first attempt's line reads plainly "queued" again (the history shows it as
            # on its way); a retry's keeps its marker at the end.
            note = waiting_for(attempt) if attempt == 1 else f"{RECLAIMED} {waiting_for(attempt)}"
            if waiting.update(error=note):
                deliver_event.enqueue(label, pk, attempt, attachments)
                queued += 1
    if queued:
        logger.warning("%s e-mail(s) van een gestopte worker opnieuw in de wachtrij", queued)
    return queued


def resend(owner, event, user=None):
    """Send a failed e-mail again, as it was written, as a new history line; the old line is
    marked so that its planned automatic retry does not send it too.

    Without its attachment: the history keeps the text, not the file. Rebuilding an
    appointment's invitation here would send the appointment as it is now, not as it was
    written; to send a fresh invitation, the desk records the appointment again."""
    email = ComposedEmail(
        kind=event.email_kind,
        recipients=[address.strip() for address in event.recipients.split(",") if address.strip()],
        subject=event.subject,
        body=event.body,
    )
    with transaction.atomic():
        # Locked: a worker's claim of the old line waits for this, then finds it superseded.
        old = type(event).objects.select_for_update().get(pk=event.pk)
        if SUPERSEDED not in old.error:
            old.error = f"{old.error}\n\n{SUPERSEDED}"
            old.save(update_fields=["error"])
        event.error = old.error
        return send(owner, email, user)
