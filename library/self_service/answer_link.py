"""The personal link in the availability e-mail: which request, and which time of asking.

Kept apart from the answer service (answers.py) because the loan process writes the link into
its e-mail (library.process.loans) and the answer service calls the loan process.
"""

from __future__ import annotations

import datetime

from cms.signed_links import SignedLink, gone, used
from library.models.loans import LoanEvent, LoanRequest, LoanStatus
from library.process import deadlines

# The expert answers within a week; the link works a week longer, for the expert who was
# away for a few days, and then stops: by then the secretariat has phoned or moved on.
GRACE_DAYS = 7
LINK = SignedLink(
    salt="library.expert_answer",
    url_name="library_expert_answer",
    max_age=datetime.timedelta(days=deadlines.EXPERT_ANSWERS_WITHIN_DAYS + GRACE_DAYS),
    expired_message="De termijn om via deze link te antwoorden is voorbij. Kun je toch nog een "
    "gesprek voeren? Antwoord dan op de e-mail van het secretariaat.",
)
ANSWERED = used(
    "Deze vraag is al beantwoord",
    "Via deze link is al geantwoord, of het secretariaat heeft de aanvraag intussen verder "
    "gebracht. Een link werkt maar één keer. Wil je iets aanvullen? Antwoord dan op de e-mail "
    "van het secretariaat.",
)


def times_asked(loan: LoanRequest) -> int:
    return loan.events.filter(
        kind=LoanEvent.Kind.STATUS, to_status=LoanStatus.WAITING_FOR_EXPERT
    ).count()


def link_for(loan: LoanRequest, *, asking: int | None = None) -> str:
    """The link for this time of asking (the first, the second after another book ...): a
    link from an earlier question cannot answer a later one."""
    return LINK.url(
        {"r": loan.pk, "n": asking if asking is not None else times_asked(loan)}, site=loan.site
    )


def request_for(token: str) -> LoanRequest:
    """The request behind a link that can still be answered, or LinkError saying why not."""
    data = LINK.open(token)
    loan = LoanRequest.objects.select_related("expert").filter(pk=data.get("r")).first()
    if loan is None or loan.anonymised_at:
        raise gone(
            "Deze aanvraag is er niet meer",
            "De aanvraag bij deze link is niet meer in de bibliotheek.",
        )
    if loan.status != LoanStatus.WAITING_FOR_EXPERT or times_asked(loan) != data.get("n"):
        raise ANSWERED
    return loan
