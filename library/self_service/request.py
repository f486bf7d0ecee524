"""'Mijn aanvraag': the resident's own page behind a personal link, without an account.

The page says where the request stands, who takes the next step and by when; the resident can
withdraw it or tell the secretariat there is no contact with the expert yet. Asking for the
links again by e-mail address answers the same whether or not the address is known, like
'Mijn boekenkaft' (cover.py), so the form cannot tell who asked for an expert.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from cms import rate_limit
from cms.signed_links import gone, used
from library.forms import mailbox
from library.models import EmailKind
from library.models.loans import LoanEvent, LoanRequest, LoanStatus
from library.process import loans
from library.process.deadlines import contact_due, next_due
from library.process.mail import compose_and_send, secretariat_address
from library.self_service import request_link

# As for 'Mijn boekenkaft': a resident asking again and again gets few e-mails, a stranger
# typing their address cannot flood their mailbox, one network cannot probe many addresses.
LINKS_PER_ADDRESS_PER_HOUR = 3
ASKS_PER_CLIENT_PER_HOUR = 10
# A resident with a long history gets the links of their latest requests, not a stack of mail.
MAX_LINKS = 5
WITHDRAW_NOTE = "Ingetrokken door de AIOS via ‘Mijn aanvraag’"
NO_CONTACT_NOTE = "Nog geen contact met de expert, gemeld door de AIOS via ‘Mijn aanvraag’"
# The secretariat hears it once a day at most, however often the button is pressed.
NO_CONTACT_INTERVAL = datetime.timedelta(days=1)
ANONYMISED = used(
    "Deze aanvraag is afgesloten",
    "De gegevens van deze aanvraag zijn volgens de bewaartermijn verwijderd. Heb je een vraag? "
    "Mail dan het secretariaat.",
)


class RequestChangeRefused(Exception):
    """A step the resident cannot take now; the message is for them, in Dutch."""


def loan_for(token: str) -> LoanRequest:
    """The request behind a link, or LinkError (400 tampered, 404 gone, 410 expired or
    anonymised: its data is gone, there is nothing left to show)."""
    loan = request_link.LINK.object_for(
        token,
        LoanRequest.objects.select_related("expert"),
        "r",
        gone(
            "Deze aanvraag bestaat niet meer",
            "De aanvraag bij deze link staat niet meer in de bibliotheek. Mail het secretariaat "
            "als je denkt dat dit niet klopt.",
        ),
    )
    if loan.anonymised_at:
        raise ANONYMISED
    return loan


# --- asking for the links ---


def may_ask(client: str | None) -> bool:
    return rate_limit.take(f"my-request:client:{client}", ASKS_PER_CLIENT_PER_HOUR)


def requests_of(address: str) -> list[LoanRequest]:
    """The latest requests (not anonymised) of this mailbox, however spelled; compared in
    Python with `mailbox`, as cover.covers_of does and for the same reasons."""
    wanted = mailbox(address)
    candidates = LoanRequest.objects.filter(anonymised_at__isnull=True).order_by("-created_at")
    return [loan for loan in candidates if mailbox(loan.email) == wanted][:MAX_LINKS]


@task(backend="mail")
def send_request_links_in_background(email: str) -> int:
    """Sent after the answer: the visitor's wait must not tell whether the address asked for
    an expert (a mail server's round trip is easy to time)."""
    return send_request_links(email)


def send_request_links(email: str) -> int:
    """Send each request of this address its link. Returns how many went out, for the
    caller's log only: the visitor sees the same answer whatever this returns."""
    if not rate_limit.take(f"my-request:mailbox:{mailbox(email)}", LINKS_PER_ADDRESS_PER_HOUR):
        return 0
    sent = 0
    for loan in requests_of(email):
        event = compose_and_send(loan, EmailKind.REQUEST_LINK, loan, recipients=[loan.email])
        sent += event.kind == LoanEvent.Kind.EMAIL_SENT or event.on_its_way
    return sent


# --- what the page shows ---


@dataclass(frozen=True)
class Stage:
    """Where a request stands, as the resident lives it, and who takes the next step."""

    status: str
    next_step: str  # "" when nothing more is to be done


# The desk's labels speak of "the AIOS"; the resident reads "je".
RESIDENT_STATUS = {
    LoanStatus.RECEIVED: Stage(
        "We hebben je aanvraag ontvangen", "Het secretariaat bevestigt je aanvraag"
    ),
    LoanStatus.CONFIRMED: Stage(
        "Het secretariaat heeft je aanvraag bevestigd",
        "Het secretariaat vraagt de expert of een gesprek lukt",
    ),
    LoanStatus.WAITING_FOR_EXPERT: Stage(
        "De expert is gevraagd of een gesprek lukt", "De expert laat weten of het lukt"
    ),
    LoanStatus.EXPERT_AGREED: Stage(
        "De expert zegt ja", "Het secretariaat stuurt jou en de expert een kennismakingsmail"
    ),
    LoanStatus.MATCHED: Stage(
        "Je bent voorgesteld aan de expert", "Jij neemt contact op met de expert"
    ),
    LoanStatus.CONVERSATION_HELD: Stage(
        "Jullie gesprek is gevoerd", "Jij vult de korte evaluatie in (zie je e-mail)"
    ),
    LoanStatus.COMPLETED: Stage("Afgerond: jullie gesprek is gevoerd", ""),
    LoanStatus.EXPERT_UNAVAILABLE: Stage(
        "De expert kan nu geen gesprek voeren",
        "Jij kiest een ander boek en laat het secretariaat weten welk",
    ),
    LoanStatus.NO_EXPERT: Stage(
        "Er is nog geen passende expert", "De werkgroep zoekt een expert bij je leerdoel"
    ),
    LoanStatus.CLOSED: Stage("Gesloten: er was geen expert beschikbaar", ""),
    LoanStatus.WITHDRAWN: Stage("Je hebt deze aanvraag ingetrokken", ""),
}


def stage(loan: LoanRequest) -> Stage:
    return RESIDENT_STATUS.get(loan.status, Stage(loan.get_status_display(), ""))


def next_step(loan: LoanRequest) -> str:
    """Who does what next, e.g. "De expert laat weten of het lukt"; "" when the request is
    done. The date it is due by is shown beside it (`deadline`)."""
    if loan.status == LoanStatus.MATCHED and loan.appointment_at:
        return "Jullie voeren het gesprek op de afgesproken dag"
    return stage(loan).next_step


def deadline(loan: LoanRequest) -> datetime.date | None:
    """The date the resident sees: for their own first contact the 8 days of the receipt and
    the introduction mail (the desk watches the three-week window for the appointment)."""
    if loan.status == LoanStatus.MATCHED and not loan.appointment_at:
        return contact_due(loan)
    due = next_due(loan)
    return due[1] if due else None


# --- the resident's steps ---


def may_withdraw(loan: LoanRequest) -> bool:
    return loan.status in loans.ACTIONS["withdraw"].sources


def may_report_no_contact(loan: LoanRequest) -> bool:
    return loan.status == LoanStatus.MATCHED and not loan.appointment_at


def withdraw(loan: LoanRequest) -> LoanRequest:
    """Withdraw through the loan process; RequestChangeRefused when the status does not allow
    it (already withdrawn, conversation held, closed)."""
    with transaction.atomic():
        # Locked: two tabs posting at once withdraw once and write one note.
        locked = LoanRequest.objects.select_for_update().get(pk=loan.pk)
        try:
            loans.perform(locked, "withdraw")
        except loans.IllegalTransition as error:
            raise RequestChangeRefused(
                f"Deze aanvraag kun je niet meer intrekken: de status is nu "
                f"‘{stage(locked).status}’. Heb je een vraag? Mail dan het secretariaat."
            ) from error
        LoanEvent.note(locked, WITHDRAW_NOTE)
    return locked


def report_no_contact(loan: LoanRequest) -> LoanEvent:
    """Tell the secretariat the resident has no contact with the expert yet: a note in the
    history and an e-mail. Only after the introduction, and once a day at most."""
    with transaction.atomic():
        locked = LoanRequest.objects.select_for_update().get(pk=loan.pk)
        if not may_report_no_contact(locked):
            raise RequestChangeRefused(
                "‘Nog geen contact’ kun je doorgeven nadat het secretariaat je aan de expert "
                "heeft voorgesteld."
            )
        since = timezone.now() - NO_CONTACT_INTERVAL
        if locked.events.filter(subject=NO_CONTACT_NOTE, at__gte=since).exists():
            raise RequestChangeRefused(
                "Je hebt vandaag al doorgegeven dat er nog geen contact is. Het secretariaat "
                "neemt contact met je op."
            )
        LoanEvent.note(locked, NO_CONTACT_NOTE)
    # After the commit: the mail server is not waited for while the row is locked.
    return compose_and_send(
        locked, EmailKind.NO_CONTACT, locked, recipients=[secretariat_address()]
    )
