"""Recruitment: a candidate expert from the working group's proposal to a cover in the library.

proposed → invited (a standard e-mail per route, with a personal link to the blank cover) →
intake (the candidate filled in the blank cover: a draft ExpertPage, submitted to the
"Toelating expert" workflow) → admitted (the working group approved: the cover is live) or
rejected. Every e-mail goes through library.process.mail and is recorded in the candidate's
history, where a failed one can be sent again.
"""

from __future__ import annotations

import datetime
import importlib
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from cms import networks
from cms.dates import dutch_date
from cms.signed_links import SignedLink, gone, used
from library.catalogue.notices import notify_lead
from library.models import (
    Candidate,
    CandidateStatus,
    EmailKind,
    ExpertEvent,
    ExpertIndexPage,
    ExpertPage,
    FoundVia,
)
from library.process.mail import (
    ComposedEmail,
    MissingEmailTemplate,
    compose,
    record_unwritten,
    resend,
    send,
)
from library.recruitment import photos

VALID_FOR = datetime.timedelta(days=30)
LINK = SignedLink(
    salt="library.blank_cover",
    url_name="library_blank_cover",
    max_age=VALID_FOR,
    expired_message="Een link naar de blanco boekenkaft is 30 dagen geldig. Wil je toch "
    "meedoen? Antwoord dan op de uitnodiging; je krijgt een nieuwe link.",
)
USED = used(
    "Je boekenkaft is al ontvangen",
    "Via deze link is de boekenkaft al ingestuurd; een link werkt maar één keer. De werkgroep "
    "bekijkt je kaft en laat je weten of hij in de bibliotheek komt.",
)

INVITATIONS = {
    FoundVia.OWN_NETWORK: EmailKind.RECRUIT_INVITE,
    FoundVia.FOR_REQUEST: EmailKind.RECRUIT_INVITE_FOR_REQUEST,
    FoundVia.EXTERNAL: EmailKind.RECRUIT_INVITE_EXTERNAL,
}
# Inviting again (a lost e-mail, an expired link) sends a fresh link; after the cover came in,
# the working group decides through the workflow instead.
INVITABLE = (CandidateStatus.PROPOSED, CandidateStatus.INVITED)
# Candidates' photos wait here, not linked from any live page, until their cover is approved.
PHOTO_COLLECTION = "Kandidaat-experts"


class RecruitmentError(Exception):
    """A step that cannot be taken now; the message says why, in Dutch, for the admin."""


@dataclass
class Cover:
    """What the candidate filled in on the blank cover."""

    title: str
    summary: str
    expert_name: str
    role: str
    organisation: str = ""
    topics: list[str] = field(default_factory=list)
    example_questions: list[str] = field(default_factory=list)
    conversation_form: str = ""
    phone: str = ""
    photo_alt: str = ""
    criteria: list[str] = field(default_factory=list)


# --- links --------------------------------------------------------------------------------


def token_for(candidate: Candidate) -> str:
    return LINK.token({"c": candidate.pk})


def link_for(candidate: Candidate) -> str:
    return LINK.url({"c": candidate.pk}, site=candidate.site)


def candidate_for(token: str) -> Candidate:
    """The candidate behind a blank-cover link, or LinkError saying why the link is no good."""
    candidate = LINK.object_for(
        token,
        Candidate.objects.all(),
        "c",
        gone(
            "Deze uitnodiging bestaat niet meer",
            "De werkgroep heeft deze aanmelding verwijderd. Antwoord op de uitnodiging als je "
            "toch wilt meedoen.",
        ),
    )
    if candidate.status != CandidateStatus.INVITED:
        raise USED
    return candidate


def cover_link(expert: ExpertPage) -> str:
    """The expert's "Mijn boekenkaft" link, when that part of the site exists."""
    try:
        cover = importlib.import_module("library.self_service.cover")
    except ImportError:
        return ""
    return cover.LINK.url({"x": expert.pk}, site=expert.get_site())


# --- the invitation -----------------------------------------------------------------------


def invitation(candidate: Candidate) -> ComposedEmail:
    """The route's standard e-mail, filled in. For a resident's request it carries their
    learning goal but never their name: the candidate is not (yet) bound by the library's
    confidentiality."""
    values = {
        "naam_kandidaat": candidate.name,
        "onderwerp": candidate.topics,
        "link_blanco_kaft": link_for(candidate),
    }
    if candidate.found_via == FoundVia.FOR_REQUEST and candidate.for_request is not None:
        values["leerdoel"] = candidate.for_request.learning_goals
    return compose(
        INVITATIONS[candidate.found_via],
        site=candidate.site,
        recipients=[candidate.email],
        **values,
    )


def invite(
    candidate: Candidate, user=None, *, subject: str | None = None, body: str | None = None
) -> ExpertEvent:
    """Send the invitation (as the working group last edited it) and mark the candidate
    invited. The status is saved first: a failed e-mail stays in the history to retry."""
    if candidate.status not in INVITABLE:
        raise RecruitmentError(
            "Deze kandidaat heeft de boekenkaft al ingestuurd of is al beoordeeld; uitnodigen "
            "kan niet meer."
        )
    email = invitation(candidate)
    if subject is not None:
        email.subject = subject
    if body is not None:
        email.body = body
    set_status(candidate, CandidateStatus.INVITED)
    return send(candidate, email, user)


def set_status(candidate: Candidate, status: str) -> None:
    candidate.status = status
    candidate.status_changed_at = timezone.now()
    candidate.save(update_fields=["status", "status_changed_at"])


def note(candidate: Candidate, subject: str, user=None) -> ExpertEvent:
    return candidate.events.create(user=user, kind=ExpertEvent.Kind.NOTE, subject=subject)


def retry(candidate: Candidate, event: ExpertEvent, user=None) -> ExpertEvent:
    """Send a failed e-mail again; one that could not even be written (its standard e-mail
    was missing) is written now."""
    if event.candidate_id != candidate.pk or event.kind != ExpertEvent.Kind.EMAIL_FAILED:
        raise RecruitmentError("Alleen een mislukte e-mail kan opnieuw worden verstuurd.")
    if event.body:
        return resend(candidate, event, user)
    return send(candidate, compose_for(candidate, event.email_kind), user)


def compose_for(candidate: Candidate, kind: str) -> ComposedEmail:
    if kind in INVITATIONS.values():
        return invitation(candidate)
    if kind == EmailKind.RECRUIT_PUBLISHED and candidate.expert is not None:
        return published_email(candidate.expert.specific)
    if kind == EmailKind.RECRUIT_REJECTED:
        return rejected_email(candidate)
    raise RecruitmentError("Deze e-mail kan hier niet opnieuw worden gemaakt.")


def send_or_record(candidate: Candidate, kind: str, user=None) -> ExpertEvent:
    """An e-mail of the process, or a failed line in the history when it cannot be written."""
    try:
        email = compose_for(candidate, kind)
    except MissingEmailTemplate as error:
        return record_unwritten(candidate, kind, error, user, recipients=candidate.email)
    return send(candidate, email, user)


# --- the blank cover ----------------------------------------------------------------------


def catalogue() -> ExpertIndexPage:
    page = ExpertIndexPage.objects.first()
    if page is None:
        raise gone(
            "De expertbibliotheek is er (nog) niet",
            "Er is geen catalogus om je boekenkaft in te zetten. Antwoord op de uitnodiging.",
        )
    return page


def catalogue_of(site) -> ExpertIndexPage:
    """The catalogue of the candidate's network: their cover is judged by that network's
    working group. A network without a catalogue of its own: the first one."""
    fallback = catalogue()  # no catalogue anywhere: the candidate is told so
    own = ExpertIndexPage.objects.descendant_of(site.root_page, inclusive=True).first()
    return own or fallback


def submit_cover(candidate: Candidate, cover: Cover, photo: bytes | None = None) -> ExpertPage:
    """The candidate's cover as a draft under the catalogue, submitted to the working group's
    admission. Nothing is public until approval: the page is not live and the photo (already
    checked and re-encoded, library.recruitment.photos) is linked from this draft only."""
    image = None
    try:
        with transaction.atomic():
            locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
            if locked.status != CandidateStatus.INVITED:
                raise USED  # a second tab, a double click: nothing is saved twice
            if photo:
                image = photos.save_photo(
                    photo, f"Foto kandidaat-expert {locked.pk}", photo_collection(locked.site)
                )
            page = draft_page(locked, cover, image, catalogue_of(locked.site))
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, None)
            locked.expert = page
            locked.save(update_fields=["expert"])
            set_status(locked, CandidateStatus.INTAKE_RECEIVED)
            note(locked, f"Boekenkaft ‘{page.title}’ ingestuurd; ter toetsing bij de werkgroep")
    except BaseException:
        # The database forgets the image; its file on disk must go as well.
        if image is not None:
            image.file.delete(save=False)
        raise
    notify_lead(
        locked,
        "een kandidaat-expert heeft de boekenkaft ingestuurd (ter toetsing)",
        expert_name=page.expert_name,
        book_title=page.title,
        page=page,
        in_admin=True,
    )
    return page


def draft_page(candidate: Candidate, cover: Cover, photo, parent: ExpertIndexPage) -> ExpertPage:
    page = ExpertPage(
        title=cover.title,
        slug=free_slug(parent, cover.title, f"boekenkaft-kandidaat-{candidate.pk}"),
        summary=cover.summary,
        expert_name=cover.expert_name,
        kind=candidate.kind,
        role=cover.role,
        organisation=cover.organisation,
        photo=photo,
        photo_alt=cover.photo_alt if photo else "",
        example_questions=json.dumps(
            [{"type": "question", "value": question} for question in cover.example_questions]
        ),
        email=candidate.email,
        phone=cover.phone,
        admission_criteria=cover.criteria,
        admission_note=(
            f"Criteria aangevinkt door de kandidaat zelf op {dutch_date(timezone.localdate())}; "
            "de werkgroep toetst ze voor het goedkeuren."
        ),
        live=False,
        **({"conversation_form": cover.conversation_form} if cover.conversation_form else {}),
    )
    parent.add_child(instance=page)
    page.topics.add(*cover.topics)
    page.save_revision()
    return page


def free_slug(parent, title: str, fallback: str) -> str:
    """A title of only punctuation or emoji makes no slug, and a title like an existing
    cover's makes a taken one: either would refuse the candidate's cover with an error."""
    slug = slugify(title, allow_unicode=True)[:200] or fallback
    if parent.get_children().filter(slug=slug).exists():
        slug = f"{slug}-{fallback}"
    return slug


def photo_collection(site):
    """Candidates' photos, inside their network's own collection: that network's roles see
    them (rights inherit downwards), no other network's do."""
    parent = networks.collection_of(site)
    existing = parent.get_children().filter(name=PHOTO_COLLECTION).first()
    return existing or parent.add_child(name=PHOTO_COLLECTION)


# --- the working group's decision (library.signals, on the workflow's end) -------------------


def candidate_in_admission(page) -> Candidate | None:
    return Candidate.objects.filter(
        expert_id=page.pk, status=CandidateStatus.INTAKE_RECEIVED
    ).first()


def published_email(expert: ExpertPage) -> ComposedEmail:
    return compose(
        EmailKind.RECRUIT_PUBLISHED,
        site=networks.network_of_page(expert),
        recipients=[expert.email] if expert.email else [],
        naam_expert=expert.expert_name,
        titel_boek=expert.title,
        link_boek=networks.page_address(expert),
        link_boekenkaft=cover_link(expert),
    )


def rejected_email(candidate: Candidate) -> ComposedEmail:
    return compose(
        EmailKind.RECRUIT_REJECTED,
        site=candidate.site,
        recipients=[candidate.email],
        naam_kandidaat=candidate.name,
        onderwerp=candidate.topics,
    )


def admit(candidate: Candidate, user=None) -> None:
    """The cover was approved (and so published): welcome the expert, tell the lead."""
    expert = ExpertPage.objects.get(pk=candidate.expert_id)
    set_status(candidate, CandidateStatus.ADMITTED)
    note(candidate, f"Toegelaten: boekenkaft ‘{expert.title}’ staat online", user)
    send_or_record(candidate, EmailKind.RECRUIT_PUBLISHED, user)
    notify_lead(
        candidate,
        "een nieuwe expert is toegelaten en de boekenkaft is geplaatst",
        expert_name=expert.expert_name,
        book_title=expert.title,
        page=expert,
        user=user,
    )


def cover_approved(expert: ExpertPage, user=None) -> None:
    """A cover that did not come through recruitment was approved. Placed for the first time:
    the expert hears it is online (as a recruited one does) and so does the lead; a change:
    the lead hears it was made."""
    expert.refresh_from_db()
    if expert.first_published_at and expert.first_published_at == expert.last_published_at:
        try:
            send(expert, published_email(expert), user)
        except MissingEmailTemplate as error:
            record_unwritten(expert, EmailKind.RECRUIT_PUBLISHED, error, user)
        message = "boekenkaft geplaatst"
    else:
        message = "wijziging boekenkaft doorgevoerd"
    notify_lead(
        expert,
        message,
        expert_name=expert.expert_name,
        book_title=expert.title,
        page=expert,
        user=user,
    )


def reject(candidate: Candidate, user=None) -> None:
    """The working group rejected the cover: the draft stays offline; tell the candidate."""
    set_status(candidate, CandidateStatus.REJECTED)
    note(candidate, "Niet toegelaten door de werkgroep", user)
    send_or_record(candidate, EmailKind.RECRUIT_REJECTED, user)
