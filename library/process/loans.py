"""The loan process: status changes and the e-mail that goes with each step (the due dates of
each step are in deadlines.py).

The public form, the loan desk in the admin and management commands all go through these
functions; an illegal step is refused here, whoever asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cms import networks
from cms.models import SiteSettings
from library.catalogue import lending
from library.forms import RESIDENT_FIELDS
from library.models import ExpertPage, LoanFormPage
from library.models.emails import EmailKind
from library.models.loans import LoanEvent, LoanFormSubmission, LoanRequest, LoanStatus
from library.process import evaluations
from library.process.mail import ComposedEmail, compose, record_pending, resend, send
from library.self_service import answer_link

S = LoanStatus
TRANSITIONS: dict[str, set[str]] = {
    S.RECEIVED: {S.CONFIRMED, S.WITHDRAWN},
    S.CONFIRMED: {S.WAITING_FOR_EXPERT, S.NO_EXPERT, S.WITHDRAWN},
    S.WAITING_FOR_EXPERT: {S.EXPERT_AGREED, S.MATCHED, S.EXPERT_UNAVAILABLE, S.WITHDRAWN},
    S.EXPERT_AGREED: {S.MATCHED, S.EXPERT_UNAVAILABLE, S.WITHDRAWN},
    S.EXPERT_UNAVAILABLE: {S.WAITING_FOR_EXPERT, S.NO_EXPERT, S.CLOSED, S.WITHDRAWN},
    S.NO_EXPERT: {S.WAITING_FOR_EXPERT, S.CLOSED, S.WITHDRAWN},
    S.MATCHED: {S.CONVERSATION_HELD, S.EXPERT_UNAVAILABLE, S.WITHDRAWN},
    S.CONVERSATION_HELD: {S.COMPLETED},
    S.COMPLETED: set(),
    S.CLOSED: set(),
    S.WITHDRAWN: set(),
}
OPEN_STATUSES = [status for status, targets in TRANSITIONS.items() if targets]
# Before a match, the request may move to another book.
BOOK_CHOICE_STATUSES = (S.RECEIVED, S.CONFIRMED, S.EXPERT_UNAVAILABLE, S.NO_EXPERT)


class IllegalTransition(ValueError):
    """A step the process does not allow from the request's current status."""


@dataclass(frozen=True)
class Action:
    """A step the secretariat takes from the loan desk."""

    name: str
    label: str
    target: str | None  # the new status, or None when only an e-mail goes out
    email: str | None
    needs_expert: bool = False
    only_from: frozenset[str] = frozenset()  # for e-mail-only steps

    @property
    def sources(self) -> frozenset[str]:
        """The statuses this step can start from; for a status change, TRANSITIONS says."""
        if self.target is None:
            return self.only_from
        return frozenset(
            status for status, targets in TRANSITIONS.items() if self.target in targets
        )


ACTIONS = {
    action.name: action
    for action in [
        Action("confirm", "Ontvangst bevestigen", S.CONFIRMED, EmailKind.RECEIPT),
        Action(
            "ask_expert",
            "Expert vragen naar beschikbaarheid",
            S.WAITING_FOR_EXPERT,
            EmailKind.AVAILABILITY,
            needs_expert=True,
        ),
        Action(
            "introduce",
            "AIOS en expert koppelen",
            S.MATCHED,
            EmailKind.INTRODUCTION,
            needs_expert=True,
        ),
        Action(
            "expert_absent",
            "Expert niet beschikbaar: AIOS laten weten",
            S.EXPERT_UNAVAILABLE,
            EmailKind.EXPERT_DECLINED,  # the absence e-mail when the cover says "away until"
        ),
        Action(
            "no_expert", "Geen passende expert: werkgroep zoekt", S.NO_EXPERT, EmailKind.SEARCHING
        ),
        Action("close", "Sluiten: geen expert beschikbaar", S.CLOSED, EmailKind.NO_EXPERT),
        Action("held", "Gesprek is gevoerd", S.CONVERSATION_HELD, None),
        Action("complete", "Afronden", S.COMPLETED, None),
        Action(
            "ask_interview",
            "Vragen om een interview",
            None,
            EmailKind.PR_INTERVIEW,
            only_from=frozenset({S.CONVERSATION_HELD, S.COMPLETED}),
        ),
        Action("withdraw", "Ingetrokken door AIOS", S.WITHDRAWN, None),
    ]
}


# --- steps ---


def available_actions(loan: LoanRequest) -> list[Action]:
    return [
        action
        for action in ACTIONS.values()
        if loan.status in action.sources and (not action.needs_expert or loan.expert_id)
    ]


def change_status(loan: LoanRequest, target: str, user=None) -> LoanRequest:
    if target not in TRANSITIONS[loan.status]:
        raise IllegalTransition(
            f"Van ‘{loan.get_status_display()}’ kan een aanvraag niet naar "
            f"‘{LoanStatus(target).label}’."
        )
    previous = loan.status
    loan.status = target
    loan.status_changed_at = timezone.now()
    loan.save(update_fields=["status", "status_changed_at"])
    LoanEvent.objects.create(
        request=loan,
        user=user,
        kind=LoanEvent.Kind.STATUS,
        from_status=previous,
        to_status=target,
        expert_id=loan.expert_id,
    )
    return loan


def preview_email(loan: LoanRequest, action_name: str) -> ComposedEmail | None:
    return email_for(ACTIONS[action_name], loan)


def email_for(action: Action, loan: LoanRequest) -> ComposedEmail | None:
    """The step's standard e-mail, filled in for this request."""
    if action.email is None:
        return None
    if action.email == EmailKind.AVAILABILITY:
        # Written before the status changes: the link is for the question about to be asked.
        asking = answer_link.times_asked(loan) + (loan.status != S.WAITING_FOR_EXPERT)
        return compose(action.email, loan, link_antwoord=answer_link.link_for(loan, asking=asking))
    if action.email == EmailKind.RECEIPT and not loan.expert_id:
        # No book chosen: nobody to ask yet; the resident hears that we look for an expert.
        return compose(EmailKind.RECEIPT_NO_BOOK, loan)
    if action.email == EmailKind.EXPERT_DECLINED and loan.expert and loan.expert.is_absent():
        # The expert is away for a while: the resident hears until when, and may wait.
        return compose(EmailKind.ABSENT, loan)
    return compose(action.email, loan)


def perform(
    loan: LoanRequest,
    action_name: str,
    user=None,
    *,
    subject: str | None = None,
    body: str | None = None,
) -> LoanEvent | None:
    """Take one step: check it is allowed, change the status, then send its e-mail.

    The status change is committed before the e-mail is attempted; the secretariat may have
    edited the filled-in subject and body. Returns the e-mail's history entry, if any."""
    action = ACTIONS.get(action_name)
    if action is None or loan.status not in action.sources:
        raise IllegalTransition(
            f"‘{action.label if action else action_name}’ kan niet bij een aanvraag met status "
            f"‘{loan.get_status_display()}’."
        )
    if action.needs_expert and not loan.expert_id:
        raise IllegalTransition("Kies eerst een boek (expert) voor deze aanvraag.")
    email = email_for(action, loan)
    with transaction.atomic():
        if action.target:
            change_status(loan, action.target, user)
    if action.target == S.CONVERSATION_HELD:
        evaluations.invite(loan, user)
    if email is None:
        return None
    if subject is not None:
        email.subject = subject
    if body is not None:
        email.body = body
    return send(loan, email, user)


def retry_email(event: LoanEvent, user=None) -> LoanEvent:
    """Send a failed e-mail again, as it was written."""
    if event.kind != LoanEvent.Kind.EMAIL_FAILED:
        raise IllegalTransition("Alleen een mislukte e-mail kan opnieuw worden verstuurd.")
    if event.email_kind in evaluations.INVITATION_KINDS and not event.body:
        # Never written: its standard e-mail was missing. Invite again, with a fresh link.
        sent = [
            new
            for new in evaluations.invite(event.request, user)
            if new.email_kind == event.email_kind
        ]
        if not sent:
            raise IllegalTransition("Deze uitnodiging voor de evaluatie is al verstuurd.")
        return sent[0]
    return resend(event.request, event, user)


@transaction.atomic
def choose_book(loan: LoanRequest, expert: ExpertPage, user=None) -> LoanRequest:
    """The resident picked another book (or the working group found an expert)."""
    if loan.status not in BOOK_CHOICE_STATUSES:
        raise IllegalTransition("Een ander boek kiezen kan alleen voordat er gekoppeld is.")
    if not expert.is_published:
        raise IllegalTransition("Dit boek staat niet (meer) in de bibliotheek.")
    previous = loan.book_title or "geen boek"
    loan.expert = expert
    loan.book_title = expert.title
    loan.expert_name = expert.expert_name
    loan.save(update_fields=["expert", "book_title", "expert_name"])
    LoanEvent.note(loan, f"Boek gewijzigd: ‘{previous}’ → ‘{expert.title}’", user)
    return loan


@transaction.atomic
def register(*, expert: ExpertPage | None, submission=None, **fields) -> LoanRequest:
    """A valid loan form becomes one request in the register."""
    loan = LoanRequest.objects.create(
        submission=submission,
        expert=expert,
        book_title=expert.title if expert else "",
        expert_name=expert.expert_name if expert else "",
        consent_at=timezone.now(),
        **fields,
    )
    LoanEvent.objects.create(
        request=loan, kind=LoanEvent.Kind.STATUS, to_status=S.RECEIVED, expert=expert
    )
    return loan


def submit_form(page, form, found_via: str | None = None) -> LoanFormSubmission:
    """A valid loan form (LoanFormPage.serve): its answers, one request in the register, then
    the form's notification to the secretariat, when the page has an address for it.
    `found_via`: the signed network whose catalogue the lent cover was found in
    (library.catalogue.lending); the request then counts for that network too.

    The notification is written into the request's history, and queued for the mail worker,
    in the same transaction: the worker sees the task only with its line, and a worker killed
    while sending leaves a failed e-mail to send again, never a silent gap."""
    with transaction.atomic():
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        submission = LoanFormSubmission.objects.create(form_data=data, page=page)
        expert = form.chosen_expert()
        form_network = networks.network_of_page(page)
        loan = register(
            expert=expert,
            submission=submission,
            waits_until=data.get("waits_until"),
            # The expert's network owns the request (LoanRequest.save); without a book, the
            # network whose form was used.
            site=networks.network_of_page(expert) if expert else form_network,
            requested_on=lending.borrowing_network(expert, found_via) or form_network,
            **{name: data[name] for name in RESIDENT_FIELDS},
        )
        loan.competence_areas.set(form.chosen_areas())
        notification = secretariat_notification(page, form, loan)
        if notification:
            send(loan, notification, pending=record_pending(loan, notification))
    return submission


def notification_recipients(page, loan: LoanRequest) -> list[str]:
    """Who hears of a new request: the form's own recipients (`to_address`) when the request
    belongs to the form's network. A request for a cover another network lends out goes to
    that (owning) network's secretariat only, never to the form's recipients: the owning
    network handles it and holds the expert's contact details. Its address is the owning
    network's SiteSettings.secretariat_email; when that is empty, the recipients of the owning
    network's own loan form; when those are empty too, nobody is mailed (the request still
    waits on the owning network's loan desk)."""
    if loan.site_id is None or loan.site_id == getattr(networks.network_of_page(page), "pk", None):
        return split_addresses(page.to_address)
    address = SiteSettings.for_site(loan.site).secretariat_email
    if address:
        return [address]
    own_form = (
        LoanFormPage.objects.live()
        .descendant_of(loan.site.root_page)
        .exclude(to_address="")
        .first()
    )
    return split_addresses(own_form.to_address) if own_form else []


def split_addresses(addresses: str) -> list[str]:
    return [address.strip() for address in addresses.split(",") if address.strip()]


def secretariat_notification(page, form, loan: LoanRequest) -> ComposedEmail | None:
    """The form builder's notification, sent and recorded like every process e-mail: when
    the mail server is down the request is kept and the notification can be sent again
    from the loan desk (Wagtail's send_mail would raise and show the resident an error).
    None when there is nobody to tell (notification_recipients)."""
    recipients = notification_recipients(page, loan)
    if not recipients:
        return None
    return ComposedEmail(
        kind="form_notification",
        recipients=recipients,
        subject=page.subject or "Nieuwe leenaanvraag",
        body=page.render_email(form),
    )
