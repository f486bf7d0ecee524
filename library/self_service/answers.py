"""The expert's answer to an availability question, given by the personal link (no account).

Each answer is a step of the loan process (library.process.loans), written in the request's
history as "door de expert via link", and the secretariat hears of it by e-mail.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from library.catalogue.availability import set_absence
from library.models import EmailKind, LoanEvent, LoanProcessSettings, LoanRequest
from library.models.loans import LoanStatus
from library.process import deadlines, loans
from library.process.mail import (
    MissingEmailTemplate,
    compose_and_send,
    record_unwritten,
    secretariat_address,
)
from library.self_service.answer_link import ANSWERED

YES, NOT_NOW, AWAY = "ja", "nu_niet", "afwezig"
VIA_LINK = "door de expert via link"


@transaction.atomic
def answer(
    loan: LoanRequest,
    choice: str,
    *,
    remark: str = "",
    reason: str = "",
    away_until: datetime.date | None = None,
) -> LoanRequest:
    """Record the expert's answer once (a second click, another tab: refused as used)."""
    # Lock the request only: PostgreSQL refuses FOR UPDATE on the optional book's side of a join.
    loan = (
        LoanRequest.objects.select_for_update(of=("self",)).select_related("expert").get(pk=loan.pk)
    )
    if loan.status != LoanStatus.WAITING_FOR_EXPERT:
        raise ANSWERED
    if choice == YES:
        summary = "ja, een gesprek in de komende drie weken lukt"
        detail = remark
    elif choice == NOT_NOW:
        summary = "nu niet"
        detail = reason
    else:
        summary = f"afwezig tot en met {deadlines.dutch_date(away_until)}"
        detail = ""
    event = LoanEvent.note(loan, f"Antwoord van de expert: {summary} ({VIA_LINK})")
    if detail:
        event.body = detail
        event.save(update_fields=["body"])
    tell_secretariat(loan, summary, detail)
    if choice == YES:
        loans.change_status(loan, LoanStatus.EXPERT_AGREED)
        if LoanProcessSettings.for_site(loan.site).auto_introduce:
            take_step(loan, "introduce")
    else:
        if choice == AWAY and loan.expert:
            set_absence(loan.expert, away_until, note=VIA_LINK)
        # The resident hears it at once, in the standard e-mail: the absence one (with the
        # return date) when the cover now says "away", else "the expert cannot now".
        take_step(loan, "expert_absent")
    loan.refresh_from_db()
    return loan


def latest_answer(loan: LoanRequest) -> LoanEvent | None:
    """The expert's last answer by link, for the loan desk."""
    return (
        loan.events.filter(kind=LoanEvent.Kind.NOTE, subject__startswith="Antwoord van de expert")
        .order_by("-at", "-pk")
        .first()
    )


def take_step(loan: LoanRequest, action_name: str) -> None:
    """A step on the expert's answer. A missing standard e-mail must not lose the answer: the
    status still changes and the e-mail shows as failed in the history, to send from the desk
    once the text exists."""
    try:
        loans.perform(loan, action_name)
    except MissingEmailTemplate as error:
        action = loans.ACTIONS[action_name]
        loans.change_status(loan, action.target)
        record_unwritten(loan, action.email, error)


def tell_secretariat(loan: LoanRequest, summary: str, detail: str) -> None:
    text = summary + (f"\n\nToelichting van de expert:\n{detail}" if detail else "")
    compose_and_send(
        loan,
        EmailKind.EXPERT_ANSWERED,
        loan,
        recipients=[secretariat_address()],
        antwoord_expert=text,
    )
