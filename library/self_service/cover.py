"""'Mijn boekenkaft': the expert's own page behind a personal link, without an account.

The expert asks for the link with their e-mail address; the answer on screen never says
whether the address is known, so the form cannot be used to find out who is an expert. On the
page they set their absence, see their requests of this half-year (without anything about the
residents), propose new cover texts (a revision for the working group's admission workflow,
never published from here) and withdraw.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText

from cms import rate_limit
from cms.signed_links import SignedLink, gone, used
from library.catalogue import withdrawal
from library.catalogue.availability import set_absence
from library.forms import mailbox
from library.models import Availability, EmailKind, ExpertEvent, ExpertPage, LoanStatus
from library.process.mail import compose_and_send
from library.reporting.statistics import half_year, half_year_bounds

VALID_FOR = datetime.timedelta(days=14)
LINK = SignedLink(
    salt="library.my_cover",
    url_name="library_my_cover",
    max_age=VALID_FOR,
    expired_message="Een link naar ‘Mijn boekenkaft’ is twee weken geldig. Vraag een nieuwe aan "
    "op /mijn-boekenkaft/ met je e-mailadres.",
)
# An expert asking again and again gets at most this many e-mails an hour; a stranger typing
# their address cannot flood their mailbox.
LINKS_PER_ADDRESS_PER_HOUR = 3
# Asking for links from one network: enough for a team, too few to probe many addresses.
ASKS_PER_CLIENT_PER_HOUR = 10
ABSENCE_NOTE = "via Mijn boekenkaft"
PROPOSAL_MESSAGE = "wijziging boekenkaft voorgesteld"
WITHDRAWN = used(
    "Deze boekenkaft is teruggetrokken",
    "Je bent gestopt als expert; je boekenkaft staat niet meer op de website. Wil je toch weer "
    "meedoen? Mail dan het secretariaat.",
)
MAX_QUESTIONS = 10


class CoverChangeRefused(Exception):
    """A proposal that cannot be taken now; the message is for the expert, in Dutch."""


def token_for(expert: ExpertPage) -> str:
    return LINK.token({"x": expert.pk})


def link_for(expert: ExpertPage) -> str:
    return LINK.url({"x": expert.pk}, site=expert.get_site())


def expert_for(token: str) -> ExpertPage:
    """The cover behind a link, or LinkError (400 tampered, 410 expired or withdrawn)."""
    expert = LINK.object_for(
        token,
        ExpertPage.objects.all(),
        "x",
        gone(
            "Deze boekenkaft bestaat niet meer",
            "De boekenkaft bij deze link is niet meer in de bibliotheek.",
        ),
    )
    if expert.availability == Availability.WITHDRAWN:
        raise WITHDRAWN
    if not expert_covers().filter(pk=expert.pk).exists():
        raise gone(
            "Deze boekenkaft is (nog) niet in de bibliotheek",
            "‘Mijn boekenkaft’ werkt voor boekenkaften die de werkgroep heeft toegelaten.",
        )
    return expert


# --- asking for the link ---


def may_ask(client: str | None) -> bool:
    return rate_limit.take(f"my-cover:client:{client}", ASKS_PER_CLIENT_PER_HOUR)


def covers_of(address: str) -> list[ExpertPage]:
    """The covers (not withdrawn) whose private address is this mailbox, however spelled.

    Compared in Python with `mailbox`: case, Unicode forms and a domain written in Unicode
    or as punycode are not something a query compares alike on every database, and a
    library has tens of experts, not thousands."""
    wanted = mailbox(address)
    covers = expert_covers().exclude(email="")
    return [expert for expert in covers if mailbox(expert.email) == wanted]


def expert_covers():
    """The covers an expert manages here: admitted once (published at least once) and not
    withdrawn. A candidate's draft, a rejected one or an editor's copy is not an expert's
    cover: its page would let a rejected candidate reopen admission or "withdraw" from a
    library they never joined."""
    return ExpertPage.objects.filter(first_published_at__isnull=False).exclude(
        availability=Availability.WITHDRAWN
    )


@task(backend="mail")
def send_cover_links_in_background(email: str) -> int:
    """Sent after the answer: the visitor's wait must not tell whether the address is an
    expert's (a mail server's round trip is easy to time)."""
    return send_cover_links(email)


def send_cover_links(email: str) -> int:
    """Send each cover of this address its link. Returns how many went out, for the caller's
    log only: the visitor sees the same answer whatever this returns."""
    address = mailbox(email)
    if not rate_limit.take(f"my-cover:mailbox:{address}", LINKS_PER_ADDRESS_PER_HOUR):
        return 0
    sent = 0
    for expert in covers_of(email):
        event = compose_and_send(
            expert,
            EmailKind.COVER_LINK,
            recipients=[expert.email],
            naam_expert=expert.expert_name,
            titel_boek=expert.title,
            link_boekenkaft=link_for(expert),
        )
        sent += event.kind == ExpertEvent.Kind.EMAIL_SENT or event.on_its_way
    return sent


# --- what the page shows ---


@dataclass(frozen=True)
class RequestRow:
    """One request as the expert sees it: never the resident's name or contact details."""

    book_title: str
    received_on: datetime.date
    status: str


# The request's status as the expert lives it (the desk's labels speak of "the expert").
EXPERT_STATUS = {
    LoanStatus.RECEIVED: "Nieuw: het secretariaat bekijkt de aanvraag",
    LoanStatus.CONFIRMED: "Nieuw: het secretariaat bekijkt de aanvraag",
    LoanStatus.WAITING_FOR_EXPERT: "Wacht op jouw antwoord (zie je e-mail)",
    LoanStatus.EXPERT_AGREED: "Je zei ja; het secretariaat stelt jullie voor",
    LoanStatus.MATCHED: "Voorgesteld: de AIOS neemt contact met je op",
    LoanStatus.CONVERSATION_HELD: "Gesprek gevoerd",
    LoanStatus.COMPLETED: "Gesprek gevoerd",
    LoanStatus.EXPERT_UNAVAILABLE: "Je kon toen niet",
    LoanStatus.NO_EXPERT: "Naar een ander boek",
    LoanStatus.CLOSED: "Gesloten",
    LoanStatus.WITHDRAWN: "Ingetrokken door de AIOS",
}


def requests_this_half_year(
    expert: ExpertPage, today: datetime.date | None = None
) -> list[RequestRow]:
    today = today or timezone.localdate()
    start, end = half_year_bounds(half_year(today))
    loans = expert.loan_requests.filter(
        created_at__date__gte=start, created_at__date__lte=end
    ).order_by("-created_at")
    return [
        RequestRow(
            book_title=loan.book_title or expert.title,
            received_on=timezone.localdate(loan.created_at),
            status=EXPERT_STATUS.get(loan.status, loan.get_status_display()),
        )
        for loan in loans.only("book_title", "created_at", "status")
    ]


def change_pending(expert: ExpertPage) -> bool:
    return (
        WorkflowState.objects.for_instance(expert)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .exists()
    )


# --- the cover texts an expert may propose changes to ---

BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
PARAGRAPH_END = re.compile(r"</p\s*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def rich_text_as_plain(source: str) -> str:
    text = PARAGRAPH_END.sub("\n\n", BREAK.sub("\n", source))
    return html.unescape(TAG.sub("", text)).strip()


def plain_as_paragraphs(text: str) -> list[tuple[str, RichText]]:
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return [
        ("paragraph", RichText(f"<p>{html.escape(part).replace(chr(10), '<br/>')}</p>"))
        for part in paragraphs
    ]


def body_is_plain(page: ExpertPage) -> bool:
    """Only text paragraphs can round-trip through a plain text box; a body with images or
    quotes is changed by the editors (the expert mails them)."""
    return all(block.block_type == "paragraph" for block in page.body)


def current_texts(expert: ExpertPage) -> dict[str, str]:
    """The cover texts as the latest revision has them (a waiting draft included), as plain
    text for the form; `body` only when it is plain paragraphs."""
    page = expert.get_latest_revision_as_object()
    texts = {
        "summary": page.summary,
        "example_questions": "\n".join(str(block.value) for block in page.example_questions),
        "preparation_assignment": page.preparation_assignment,
    }
    if body_is_plain(page):
        texts["body"] = "\n\n".join(rich_text_as_plain(block.value.source) for block in page.body)
    return texts


def apply_text(page: ExpertPage, name: str, value: str) -> None:
    if name == "example_questions":
        questions = [line.strip() for line in value.splitlines() if line.strip()]
        page.example_questions = [("question", question) for question in questions]
    elif name == "body":
        page.body = plain_as_paragraphs(value)
    else:
        setattr(page, name, value)


def propose_changes(expert: ExpertPage, **fields: str):
    """Save the changed texts as a new revision and submit it to the admission workflow.

    The live cover stays as it is until the working group approves. Returns the revision."""
    revision = submit_revision(expert, fields)
    # After the commit: the lead's e-mail waits for no lock, and tells of a stored proposal.
    withdrawal.tell_lead(expert, PROPOSAL_MESSAGE)
    return revision


@transaction.atomic
def submit_revision(expert: ExpertPage, fields: dict[str, str]):
    # One proposal at a time, also when two tabs post at once.
    locked = ExpertPage.objects.select_for_update().get(pk=expert.pk)
    if change_pending(locked):
        raise CoverChangeRefused(
            "Er ligt al een wijziging ter beoordeling bij de werkgroep. Wacht hun antwoord af "
            "voordat je een nieuwe wijziging voorstelt."
        )
    current = current_texts(locked)
    changed = {
        name: value
        for name, value in fields.items()
        if name in current and value.strip() != current[name].strip()
    }
    if not changed:
        raise CoverChangeRefused("Je hebt nog niets veranderd aan de teksten.")
    page = locked.get_latest_revision_as_object()
    for name, value in changed.items():
        apply_text(page, name, value)
    # Nobody is logged in: the expert acts through their link. Wagtail allows a revision, a
    # log entry and a workflow without a user (WorkflowState.requested_by is nullable and its
    # notifications skip a missing requester); the history note below says who it was.
    revision = page.save_revision(user=None, log_action=True)
    start_review(page, locked)
    ExpertEvent.objects.create(
        expert=locked,
        kind=ExpertEvent.Kind.NOTE,
        subject="Wijziging van de teksten voorgesteld via Mijn boekenkaft",
    )
    return revision


def start_review(page: ExpertPage, locked: ExpertPage) -> None:
    workflow = page.get_workflow()
    if workflow is None:
        # Without the admission workflow the proposal stays a draft for the editors; it is
        # never published from here.
        return
    # A proposal the working group sent back ("needs changes") is replaced by this one: the
    # expert is the author of these texts, and Wagtail allows one open workflow per page.
    for state in WorkflowState.objects.for_instance(locked).filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES
    ):
        state.cancel(user=None)
    workflow.start(page, None)


# --- absence and withdrawal ---


def set_away(expert: ExpertPage, until: datetime.date | None) -> ExpertPage:
    return set_absence(expert, until, note=ABSENCE_NOTE)


def withdraw(expert: ExpertPage) -> ExpertPage:
    ExpertEvent.objects.create(
        expert=expert,
        kind=ExpertEvent.Kind.NOTE,
        subject="Teruggetrokken door de expert via Mijn boekenkaft",
    )
    return withdrawal.withdraw(expert)
