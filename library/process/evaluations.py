"""Evaluation after the conversation: a personal one-time link for the resident and the expert.

The link carries a signed, timestamped token (django.core.signing), so nobody needs an account
and nobody can guess or alter another person's link. It works once, for 30 days.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from cms.signed_links import SignedLink, gone, used
from library.models import EmailKind, Evaluation, LoanEvent, LoanRequest
from library.process.mail import MissingEmailTemplate, compose, record_unwritten, send

VALID_FOR = datetime.timedelta(days=30)
LINK = SignedLink(
    salt="library.evaluation",
    url_name="library_evaluation",
    max_age=VALID_FOR,
    expired_message="Een evaluatielink is 30 dagen geldig. Wil je toch iets laten weten? Antwoord "
    "dan op de e-mail van het secretariaat.",
)
INVITATIONS = (
    (Evaluation.Role.RESIDENT, EmailKind.EVALUATION_RESIDENT),
    (Evaluation.Role.EXPERT, EmailKind.EVALUATION_EXPERT),
)


def token_for(evaluation: Evaluation) -> str:
    return LINK.token({"e": evaluation.pk})


def link_for(evaluation: Evaluation) -> str:
    return LINK.url({"e": evaluation.pk}, site=evaluation.request.site)


def invite(loan: LoanRequest, user=None) -> list[LoanEvent]:
    """After the conversation: one evaluation per role, each with its own e-mail. Inviting
    twice sends nothing twice; an invitation that could not be written is not kept, so the
    desk's retry (inviting again) sends it once the standard e-mail exists."""
    events = []
    for role, kind in INVITATIONS:
        try:
            with transaction.atomic():
                evaluation, created = Evaluation.objects.get_or_create(request=loan, role=role)
                if not created:
                    continue
                email = compose(kind, loan, link_evaluatie=link_for(evaluation))
        except MissingEmailTemplate as error:
            events.append(record_unwritten(loan, kind, error, user))
            continue
        events.append(send(loan, email, user))
    return events


INVITATION_KINDS = frozenset(kind for _, kind in INVITATIONS)


USED = used(
    "Deze evaluatie is al ingevuld",
    "Via deze link zijn de antwoorden al verstuurd; een link werkt maar één keer. "
    "Dank je wel voor het invullen!",
)


def evaluation_for(token: str) -> Evaluation:
    """The evaluation behind a link, or LinkError saying why the link is no good."""
    evaluation = LINK.object_for(
        token,
        Evaluation.objects.select_related("request"),
        "e",
        gone(
            "Deze evaluatie bestaat niet meer",
            "De aanvraag bij deze link is niet meer in de bibliotheek.",
        ),
    )
    if evaluation.answered_at:
        raise USED
    return evaluation


@transaction.atomic
def record_answers(
    evaluation: Evaluation,
    *,
    usefulness: int,
    preparation_minutes: int,
    conversation_minutes: int,
    would_recommend: bool,
    comments: str = "",
) -> Evaluation:
    """Store the answers once; a second submission (another tab, a double click) is refused."""
    locked = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if locked.answered_at:
        raise USED
    locked.usefulness = usefulness
    locked.preparation_minutes = preparation_minutes
    locked.conversation_minutes = conversation_minutes
    locked.would_recommend = would_recommend
    locked.comments = comments
    locked.answered_at = timezone.now()
    locked.save()
    LoanEvent.note(locked.request, f"Evaluatie ingevuld door {locked.get_role_display()}")
    return locked
