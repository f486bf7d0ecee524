"""The recruitment pipeline, through HTTP: proposal → invitation → blank cover → admission."""

from __future__ import annotations

import io
import re
import time

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from cms import networks, roles
from library.models import (
    Candidate,
    CandidateStatus,
    EmailKind,
    EmailTemplate,
    ExpertEvent,
    ExpertPage,
    LoanProcessSettings,
)
from library.process import evaluations
from library.recruitment import pipeline
from tests.factories import (
    RESIDENT,
    first_network,
    make_candidate,
    make_home,
    make_lending_catalogue,
    make_loan,
    user_in_group,
)

LEAD = "trekker@example.org"
CANDIDATE = "dirk@example.org"
COVER = {
    "title": "Pijn thuis behandelen",
    "summary": "Wat je thuis kunt doen aan pijn in de laatste levensfase.",
    "expert_name": "Dirk Bakker",
    "role": "Kaderhuisarts palliatieve zorg",
    "organisation": "Huisartsenpraktijk De Linde",
    "topics": "pijn, morfine, thuiszorg",
    "example_questions": "Wanneer start ik met morfine?\nHoe praat ik over pijn met naasten?",
    "conversation_form": "both",
    "phone": "06-1234 5678",
    "photo_alt": "",
}
PROFESSIONAL_CRITERIA = ["prof_expertise", "prof_standards", "prof_communication"]


@pytest.fixture
def recruiting(db):
    catalogue = make_lending_catalogue(make_home())
    settings = LoanProcessSettings.for_site(first_network())
    settings.lead_email, settings.lead_name = LEAD, "Trees"
    settings.save()
    client = Client()
    client.force_login(user_in_group(roles.WORKING_GROUP, "werkgroeplid"))
    return {"catalogue": catalogue, "client": client}


def png(width: int = 40, height: int = 30, name: str = "portret.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def link_path(body: str) -> str:
    match = re.search(r"http://[^\s]+(/boekenkaft-invullen/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def subject_of(kind: str) -> str:
    return EmailTemplate.objects.get(kind=kind).subject


def propose(client, **fields) -> Candidate:
    data = {
        "name": "Dirk Bakker",
        "email": CANDIDATE,
        "kind": "professional",
        "topics": "pijnbestrijding thuis",
        "found_via": "own_network",
        "referred_by": "",
        "for_request": "",
        "note": "",
        **fields,
    }
    response = client.post("/admin/werving/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Candidate.objects.get(email=data["email"])


def invite(client, candidate: Candidate) -> str:
    """Open the invitation, send it as shown; return the link's path in the e-mail."""
    preview = client.get(f"/admin/werving/{candidate.pk}/uitnodigen/")
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "/boekenkaft-invullen/" in html  # the mail is shown filled in, link and all
    composed = pipeline.invitation(candidate)
    response = client.post(
        f"/admin/werving/{candidate.pk}/uitnodigen/",
        {"subject": composed.subject, "body": composed.body},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/werving/inspect/{candidate.pk}/"
    return link_path(mails_to(candidate.email)[-1].body)


def submit_cover(link: str, criteria=PROFESSIONAL_CRITERIA, **changes):
    data = {**COVER, **changes}
    if criteria:
        data["criteria"] = criteria
    return Client().post(link, data)


def workflow_action(client, page: ExpertPage, action: str, comment: str = ""):
    state = page.current_workflow_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.current_task_state.pk}/"
    return client.post(url, {"comment": comment})


# --- the whole way ----------------------------------------------------------------------


def test_candidate_goes_from_proposal_to_a_live_cover(
    recruiting, django_capture_on_commit_callbacks
):
    client = recruiting["client"]
    candidate = propose(client)
    assert candidate.status == CandidateStatus.PROPOSED
    assert candidate.created_by.username == "werkgroeplid"

    link = invite(client, candidate)
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.INVITED
    (invitation,) = mail.outbox
    assert invitation.to == [CANDIDATE]
    assert invitation.subject == subject_of(EmailKind.RECRUIT_INVITE)
    assert "Beste Dirk Bakker" in invitation.body and "pijnbestrijding thuis" in invitation.body

    form = Client().get(link)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Je boekenkaft invullen" in html and 'enctype="multipart/form-data"' in html
    assert "Communiceert goed, mondeling en schriftelijk" in html  # the professional criteria
    assert "Opgeleid als vrijwilliger" not in html

    response = submit_cover(link, photo=png(), photo_alt="Portret van Dirk")
    assert response.status_code == 302
    assert response["Location"] == "/boekenkaft-invullen/bedankt/"

    candidate.refresh_from_db()
    page = candidate.expert.specific
    assert candidate.status == CandidateStatus.INTAKE_RECEIVED
    assert not page.live and page.get_parent().pk == recruiting["catalogue"].pk
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Pijn thuis behandelen" and draft.email == CANDIDATE
    assert sorted(draft.admission_criteria) == sorted(PROFESSIONAL_CRITERIA)
    assert sorted(tag.name for tag in draft.topics.all()) == ["morfine", "pijn", "thuiszorg"]
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.workflow.name == "Toelating expert"
    catalogue_html = Client().get("/expertbibliotheek/").content.decode()
    assert "Pijn thuis behandelen" not in catalogue_html
    assert Client().get("/expertbibliotheek/pijn-thuis-behandelen/").status_code == 404
    # The photo: re-encoded, in the candidates' collection, on no live page before approval.
    photo = page.photo
    assert photo.collection.name == pipeline.PHOTO_COLLECTION
    # ... inside the network's own collection: its roles see it, another network's do not.
    assert photo.collection.get_parent() == networks.collection_of(first_network())
    assert photo.collection.get_parent().depth == 2
    assert not ExpertPage.objects.live().filter(photo=photo).exists()
    assert photo.file.name.split("/")[-1] not in catalogue_html
    (lead_notice,) = mails_to(LEAD)
    assert "boekenkaft ingestuurd" in lead_notice.subject
    assert "Pijn thuis behandelen" in lead_notice.body

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    candidate.refresh_from_db()
    assert page.live and candidate.status == CandidateStatus.ADMITTED
    assert "Pijn thuis behandelen" in Client().get("/expertbibliotheek/").content.decode()
    (welcome,) = [m for m in mails_to(CANDIDATE) if m.subject == subject_of("recruit_published")]
    assert "http://" in welcome.body and page.url in welcome.body  # {link_boek}
    assert "Beste Dirk Bakker" in welcome.body
    # {link_boekenkaft}: the expert's own "Mijn boekenkaft" link (library.self_service.cover).
    assert re.search(r"http://\S+/mijn-boekenkaft/\S+/", welcome.body), welcome.body
    assert len(mails_to(LEAD)) == 2 and "geplaatst" in mails_to(LEAD)[-1].subject
    # Every e-mail went out through the recorded path: the candidate's history has each.
    sent = candidate.events.filter(kind=ExpertEvent.Kind.EMAIL_SENT)
    assert sorted(sent.values_list("email_kind", flat=True)) == sorted(
        ["recruit_invite", "lead_notice", "recruit_published", "lead_notice"]
    )
    assert len(mail.outbox) == 4
    dossier = client.get(f"/admin/werving/inspect/{candidate.pk}/").content.decode()
    assert "Toegelaten" in dossier and subject_of("recruit_published") in dossier


def test_rejection_tells_the_candidate_and_keeps_the_cover_offline(
    recruiting, django_capture_on_commit_callbacks
):
    client = recruiting["client"]
    candidate = make_candidate()
    submit_cover(invite(client, candidate))
    candidate.refresh_from_db()
    page = candidate.expert.specific
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, page, "reject", "Past niet bij de vragen.")
    assert response.status_code == 302
    candidate.refresh_from_db()
    page.refresh_from_db()
    assert candidate.status == CandidateStatus.REJECTED and not page.live
    (rejection,) = [m for m in mails_to(CANDIDATE) if m.subject == subject_of("recruit_rejected")]
    assert "Beste Dirk Bakker" in rejection.body
    assert candidate.events.filter(
        kind=ExpertEvent.Kind.EMAIL_SENT, email_kind="recruit_rejected"
    ).exists()
    assert "Pijn thuis behandelen" not in Client().get("/expertbibliotheek/").content.decode()


def test_approving_an_existing_experts_change_sends_no_recruitment_mail(
    recruiting, django_capture_on_commit_callbacks
):
    from tests.factories import make_expert

    cover = make_expert(recruiting["catalogue"], "Bestaand boek", admission_criteria=[])
    cover.admission_criteria = PROFESSIONAL_CRITERIA
    cover.save_revision()
    make_candidate(status=CandidateStatus.ADMITTED, expert=cover)
    from wagtail.models import Workflow

    Workflow.objects.get(name="Toelating expert").start(cover, None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(recruiting["client"], cover, "approve")
    assert not [m for m in mail.outbox if m.subject == subject_of("recruit_published")]
    # The lead hears the change was made.
    assert [m for m in mails_to(LEAD) if "wijziging boekenkaft doorgevoerd" in m.subject]


def test_a_cover_made_in_the_admin_tells_the_expert_and_lead_when_placed(
    recruiting, django_capture_on_commit_callbacks
):
    from tests.factories import make_expert

    cover = make_expert(
        recruiting["catalogue"], "Nieuw boek", email="nieuw@example.org", admission_criteria=[]
    )
    cover.unpublish()
    ExpertPage.objects.filter(pk=cover.pk).update(first_published_at=None, last_published_at=None)
    cover = ExpertPage.objects.get(pk=cover.pk)
    cover.admission_criteria = PROFESSIONAL_CRITERIA
    cover.save_revision()
    from wagtail.models import Workflow

    Workflow.objects.get(name="Toelating expert").start(cover, None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(recruiting["client"], cover, "approve")
    assert ExpertPage.objects.get(pk=cover.pk).live
    placed = mails_to("nieuw@example.org")
    assert [m.subject for m in placed] == [subject_of("recruit_published")]
    assert "/mijn-boekenkaft/" in placed[0].body
    assert [m for m in mails_to(LEAD) if "boekenkaft geplaatst" in m.subject]


# --- the invitation per route -------------------------------------------------------------


def test_invitation_for_a_request_carries_the_learning_goal_but_not_the_residents_name(
    recruiting,
):
    loan = make_loan(None, learning_goals="Hoe bespreek ik palliatieve sedatie met de familie?")
    # Even an editor's slip, the resident's placeholder in this template, does not bring the
    # name in: recruitment never hands the request's personal data to the e-mail.
    template = EmailTemplate.objects.get(kind=EmailKind.RECRUIT_INVITE_FOR_REQUEST)
    template.body += "\nNamens {naam_aios} ({email_aios})"
    template.save()
    candidate = propose(recruiting["client"], found_via="for_request", for_request=loan.pk)
    assert candidate.for_request == loan
    invite(recruiting["client"], candidate)
    (message,) = mails_to(CANDIDATE)
    assert message.subject == subject_of(EmailKind.RECRUIT_INVITE_FOR_REQUEST)
    assert "Hoe bespreek ik palliatieve sedatie met de familie?" in message.body
    for part in (RESIDENT["name"], "Sanne", RESIDENT["email"], RESIDENT["phone"]):
        assert part not in message.body and part not in message.subject
    # Not in the admin's choice of requests either: the learning goal identifies it.
    html = recruiting["client"].get("/admin/werving/new/").content.decode()
    assert "palliatieve sedatie" in html and RESIDENT["name"] not in html


def test_invitation_to_an_external_candidate_is_formal(recruiting):
    candidate = propose(recruiting["client"], found_via="external", referred_by="Dr. Vos")
    invite(recruiting["client"], candidate)
    (message,) = mails_to(CANDIDATE)
    assert message.subject == subject_of(EmailKind.RECRUIT_INVITE_EXTERNAL)
    assert message.body.startswith("Geachte Dirk Bakker")
    assert re.search(r"\bu\b", message.body) and not re.search(r"\bje\b", message.body)


def test_recruiting_for_a_request_needs_the_request(recruiting):
    response = recruiting["client"].post(
        "/admin/werving/new/",
        {
            "name": "Dirk Bakker",
            "email": CANDIDATE,
            "kind": "professional",
            "topics": "pijn",
            "found_via": "for_request",
        },
    )
    assert response.status_code == 200
    assert "Kies het leenverzoek waarvoor je deze expert werft." in response.content.decode()
    assert not Candidate.objects.exists()


def test_a_failed_invitation_is_recorded_and_sent_again(recruiting, monkeypatch):
    client = recruiting["client"]
    candidate = make_candidate()

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("mailserver weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    composed = pipeline.invitation(candidate)
    client.post(
        f"/admin/werving/{candidate.pk}/uitnodigen/",
        {"subject": composed.subject, "body": composed.body},
    )
    monkeypatch.undo()
    event = candidate.events.get()
    assert event.kind == ExpertEvent.Kind.EMAIL_FAILED and "mailserver weg" in event.error
    dossier = client.get(f"/admin/werving/inspect/{candidate.pk}/").content.decode()
    assert "E-mail mislukt" in dossier and "Opnieuw versturen" in dossier
    assert not mail.outbox

    response = client.post(f"/admin/werving/{candidate.pk}/opnieuw/{event.pk}/")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [CANDIDATE] and "/boekenkaft-invullen/" in message.body
    assert candidate.events.filter(kind=ExpertEvent.Kind.EMAIL_SENT).count() == 1
    # A sent e-mail is not sent twice by a second click.
    sent = candidate.events.get(kind=ExpertEvent.Kind.EMAIL_SENT)
    client.post(f"/admin/werving/{candidate.pk}/opnieuw/{sent.pk}/")
    assert len(mail.outbox) == 1


def test_missing_standard_email_at_approval_is_recorded_and_retried(
    recruiting, django_capture_on_commit_callbacks
):
    client = recruiting["client"]
    candidate = make_candidate()
    submit_cover(invite(client, candidate))
    candidate.refresh_from_db()
    published = EmailTemplate.objects.get(kind="recruit_published")
    subject, body = published.subject, published.body
    published.delete()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, candidate.expert.specific, "approve")
    failed = candidate.events.get(kind=ExpertEvent.Kind.EMAIL_FAILED)
    assert failed.email_kind == "recruit_published"
    EmailTemplate.objects.create(kind="recruit_published", subject=subject, body=body)
    client.post(f"/admin/werving/{candidate.pk}/opnieuw/{failed.pk}/")
    assert [m for m in mails_to(CANDIDATE) if m.subject == subject]


# --- the link -----------------------------------------------------------------------------


@pytest.fixture
def invited(recruiting):
    candidate = make_candidate()
    return {"candidate": candidate, "link": invite(recruiting["client"], candidate)}


def test_tampered_link_is_refused(invited):
    response = Client().get(invited["link"][:-3] + "xx/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()


def test_link_of_another_purpose_does_not_open_the_blank_cover(invited):
    pk = invited["candidate"].pk
    other = evaluations.LINK.token({"c": pk})  # same payload, the evaluation's salt
    assert Client().get(f"/boekenkaft-invullen/{other}/").status_code == 400
    blank = pipeline.token_for(invited["candidate"])
    assert Client().get(f"/evaluatie/{blank}/").status_code == 400


def test_used_link_answers_410_and_stores_nothing_twice(invited):
    assert submit_cover(invited["link"]).status_code == 302
    again = Client().get(invited["link"])
    assert again.status_code == 410
    assert "Je boekenkaft is al ontvangen" in again.content.decode()
    assert submit_cover(invited["link"], title="Nog een keer").status_code == 410
    assert ExpertPage.objects.filter(title="Nog een keer").count() == 0


def test_expired_link_answers_410(invited, monkeypatch):
    thirty_one_days_later = time.time() + 31 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: thirty_one_days_later)
    response = Client().get(invited["link"])
    assert response.status_code == 410
    assert "30 dagen geldig" in response.content.decode()
    assert submit_cover(invited["link"]).status_code == 410
    assert not ExpertPage.objects.filter(title=COVER["title"]).exists()


def test_link_of_a_proposed_candidate_that_was_never_invited_does_not_work(recruiting):
    candidate = make_candidate()
    assert Client().get(f"/boekenkaft-invullen/{pipeline.token_for(candidate)}/").status_code == 410


# --- bad input ----------------------------------------------------------------------------


def refused(link: str, expected_error: str, *, listed: bool = True, **changes) -> str:
    pages_before = ExpertPage.objects.count()
    images_before = get_image_model().objects.count()
    response = submit_cover(link, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected_error in html
    assert ("error-summary" in html) is listed  # the cover's fields are listed on top
    assert ExpertPage.objects.count() == pages_before
    assert get_image_model().objects.count() == images_before
    return html


def test_html_in_a_text_field_is_refused(invited):
    refused(invited["link"], "Gebruik geen HTML-code", summary="<script>alert(1)</script>")
    assert Candidate.objects.get().status == CandidateStatus.INVITED


def test_control_characters_and_line_breaks_are_refused(invited):
    refused(invited["link"], "onzichtbare stuurtekens", title="Pijn\u202ethuis")
    refused(invited["link"], "past op één regel", role="Huisarts\nBcc: iemand@example.org")


def test_over_long_text_is_refused(invited):
    refused(invited["link"], "Schrijf hooguit 300 tekens.", summary="pijn " * 70)
    refused(invited["link"], "Schrijf hooguit 120 tekens.", title="t" * 121)
    refused(
        invited["link"],
        "Een leervraag is hooguit 300 tekens.",
        example_questions="Vraag " + "x" * 300,
    )


def test_svg_as_photo_is_refused(invited):
    svg = SimpleUploadedFile(
        "portret.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        content_type="image/svg+xml",
    )
    refused(invited["link"], "Kies een foto als JPEG-, PNG- of WebP-bestand", photo=svg)


def test_text_file_named_like_a_photo_is_refused(invited):
    fake = SimpleUploadedFile("portret.png", b"Dit is geen foto.", content_type="image/png")
    refused(invited["link"], "Kies een foto als JPEG-, PNG- of WebP-bestand", photo=fake)


def test_gif_is_refused_though_pillow_opens_it(invited):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    gif = SimpleUploadedFile("portret.jpg", buffer.getvalue(), content_type="image/jpeg")
    refused(invited["link"], "Kies een foto als JPEG-, PNG- of WebP-bestand", photo=gif)


def test_photo_needs_a_description(invited):
    refused(invited["link"], "Beschrijf kort wat er op de foto staat.", photo=png())


def test_criteria_of_another_kind_are_refused(invited):
    refused(
        invited["link"], "Kies alleen uit de uitspraken", listed=False, criteria=["vol_trained"]
    )


def test_a_large_photo_is_made_small_and_re_encoded(invited):
    response = submit_cover(
        invited["link"], photo=png(3000, 2000, "Dirk Bakker thuis.png"), photo_alt="Portret"
    )
    assert response.status_code == 302
    photo = Candidate.objects.get().expert.specific.photo
    assert (photo.width, photo.height) == (1200, 800)
    with photo.open_file() as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
    assert "Dirk" not in photo.file.name  # an unguessable name, not the candidate's own


# --- who may recruit ----------------------------------------------------------------------


@pytest.mark.parametrize("role", [roles.SECRETARIAT, roles.EDITORS])
def test_only_the_working_group_sees_and_changes_candidates(recruiting, role):
    candidate = make_candidate()
    failed = candidate.events.create(
        kind=ExpertEvent.Kind.EMAIL_FAILED,
        email_kind="recruit_invite",
        recipients=CANDIDATE,
        subject="Uitnodiging",
        body="Tekst",
    )
    client = Client()
    client.force_login(user_in_group(role))
    assert client.get("/admin/werving/").status_code == 403
    assert client.get(f"/admin/werving/inspect/{candidate.pk}/").status_code == 403
    assert "/admin/werving/" not in client.get("/admin/").content.decode()  # no menu item
    posts = [
        ("/admin/werving/new/", {"name": "X", "email": "x@example.org", "kind": "professional"}),
        (f"/admin/werving/edit/{candidate.pk}/", {"name": "Veranderd"}),
        (f"/admin/werving/{candidate.pk}/uitnodigen/", {"subject": "Hoi", "body": "Tekst"}),
        (f"/admin/werving/{candidate.pk}/opnieuw/{failed.pk}/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    candidate.refresh_from_db()
    assert candidate.name == "Dirk Bakker" and candidate.status == CandidateStatus.PROPOSED
    assert Candidate.objects.count() == 1 and not mail.outbox


def test_the_working_group_lists_candidates_by_status(recruiting):
    make_candidate(name="Eva Visser", email="eva@example.org")
    make_candidate(name="Femke Mol", email="femke@example.org", status=CandidateStatus.INVITED)
    client = recruiting["client"]
    assert "/admin/werving/" in client.get("/admin/").content.decode()
    html = client.get("/admin/werving/?status=invited").content.decode()
    assert "Femke Mol" in html and "Eva Visser" not in html


# --- found by the attack review -------------------------------------------------------------


def test_a_title_without_letters_still_makes_a_cover(invited):
    assert submit_cover(invited["link"], title="🙂🙂🙂").status_code == 302
    page = ExpertPage.objects.get(title="🙂🙂🙂")
    assert page.slug == f"boekenkaft-kandidaat-{invited['candidate'].pk}" and not page.live


def test_a_title_like_an_existing_covers_still_makes_a_cover(invited, recruiting):
    from django.utils.text import slugify

    from tests.factories import make_expert

    taken = slugify(COVER["title"])
    make_expert(recruiting["catalogue"], COVER["title"], slug=taken)
    assert submit_cover(invited["link"]).status_code == 302
    pk = invited["candidate"].pk
    assert ExpertPage.objects.filter(slug=f"{taken}-boekenkaft-kandidaat-{pk}").exists()


def test_a_cover_that_fails_to_save_leaves_no_photo_file(invited, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(pipeline, "catalogue", lambda: 1 / 0)  # the page cannot be made
    with pytest.raises(ZeroDivisionError):
        submit_cover(invited["link"], photo=png(), photo_alt="Portret van Dirk")
    assert not get_image_model().objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_a_candidates_draft_has_no_cover_page_until_admitted(invited):
    from library.self_service import cover

    assert submit_cover(invited["link"]).status_code == 302
    draft = ExpertPage.objects.get(title=COVER["title"])
    mail.outbox.clear()
    Client().post("/mijn-boekenkaft/", {"email": CANDIDATE})
    assert mail.outbox == []
    assert Client().get(f"/mijn-boekenkaft/{cover.token_for(draft)}/").status_code == 404


def test_after_an_error_the_form_asks_for_the_photo_again_and_refuses_words_as_phone(invited):
    html = refused(
        invited["link"],
        "Vul een telefoonnummer in met cijfers",
        photo=png(),
        photo_alt="Portret",
        phone="abc",
    )
    assert "Kies je foto opnieuw" in html
