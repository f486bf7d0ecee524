"""'Mijn boekenkaft': the expert's own page behind a personal link, through HTTP."""

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.utils import timezone
from wagtail.models import WorkflowState

from library.catalogue import withdrawal
from library.models import (
    Availability,
    EmailKind,
    Evaluation,
    ExpertEvent,
    ExpertPage,
    LoanProcessSettings,
)
from library.process import evaluations
from library.self_service import cover
from tests.factories import (
    BRAM,
    RESIDENT,
    first_network,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan,
)

LEAD = "trekker@example.org"


@pytest.fixture
def expert(db):
    catalogue = make_lending_catalogue(make_home())
    book = make_expert(catalogue, **BRAM, summary="Over hoop houden als het zwaar wordt.")
    lead = LoanProcessSettings.for_site(first_network())
    lead.lead_email = LEAD
    lead.save()
    return book


def page_path(expert) -> str:
    return f"/mijn-boekenkaft/{cover.token_for(expert)}/"


def fresh(expert) -> ExpertPage:
    return ExpertPage.objects.get(pk=expert.pk)


# --- asking for the link ---


def test_known_and_unknown_address_get_the_same_answer(client, expert):
    mail.outbox.clear()
    unknown = client.post("/mijn-boekenkaft/", {"email": "niemand@example.org"})
    assert mail.outbox == []
    known = client.post("/mijn-boekenkaft/", {"email": " Bram@Example.org "})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert known.status_code == 302 and known["Location"] == "/mijn-boekenkaft/verstuurd/"
    assert client.get(unknown["Location"]).content == client.get(known["Location"]).content
    assert [message.to for message in mail.outbox] == [["bram@example.org"]]
    link = re.search(r"http://\S+/mijn-boekenkaft/(\S+)/", mail.outbox[0].body)
    assert link and cover.expert_for(link.group(1)) == expert
    assert expert.events.filter(kind=ExpertEvent.Kind.EMAIL_SENT, email_kind="cover_link")


def test_no_link_for_a_withdrawn_cover_and_no_flood(client, expert):
    mail.outbox.clear()
    for _ in range(cover.LINKS_PER_ADDRESS_PER_HOUR + 2):
        assert client.post("/mijn-boekenkaft/", {"email": "bram@example.org"}).status_code == 302
    assert len(mail.outbox) == cover.LINKS_PER_ADDRESS_PER_HOUR
    ExpertPage.objects.filter(pk=expert.pk).update(availability=Availability.WITHDRAWN)
    assert cover.covers_of("bram@example.org") == []


def test_ask_form_refuses_bad_input_in_dutch(client, expert):
    response = client.post("/mijn-boekenkaft/", {"email": "geen-adres"})
    assert response.status_code == 200
    assert "Dit is geen geldig e-mailadres" in response.content.decode()


# --- opening the page ---


def test_page_shows_requests_without_the_residents_details(client, expert):
    loan = make_loan(expert)
    response = client.get(page_path(expert))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert "<h1>Mijn boekenkaft: Hoop houden</h1>" in html
    received = timezone.localdate(loan.created_at)
    assert f"<td>{received.day} " in html and f" {received.year}</td>" in html
    assert (
        f'<td class="wide-only">Hoop houden</td><td>{cover.EXPERT_STATUS[loan.status]}</td>' in html
    )
    for private in (RESIDENT["name"], RESIDENT["email"], RESIDENT["phone"], "Sanne"):
        assert private not in html
    assert html.count("<h1") == 1


def test_requests_of_an_earlier_half_year_are_left_out(expert):
    loan = make_loan(expert)
    assert len(cover.requests_this_half_year(expert)) == 1
    next_half = timezone.localdate() + datetime.timedelta(days=200)
    assert cover.requests_this_half_year(expert, today=next_half) == []
    assert cover.requests_this_half_year(expert)[0].status == cover.EXPERT_STATUS[loan.status]


def test_tampered_link_answers_400(client, expert):
    token = cover.token_for(expert)
    assert client.get(f"/mijn-boekenkaft/{token[:-2]}xx/").status_code == 400
    assert client.get("/mijn-boekenkaft/onzin/").status_code == 400


def test_link_for_another_purpose_answers_400(client, expert):
    evaluation = Evaluation.objects.create(request=make_loan(expert), role=Evaluation.Role.EXPERT)
    response = client.get(f"/mijn-boekenkaft/{evaluations.token_for(evaluation)}/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()


def test_expired_link_answers_410(client, expert, monkeypatch):
    fifteen_days_ago = time.time() - 15 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: fifteen_days_ago)
    token = cover.token_for(expert)
    monkeypatch.undo()
    response = client.get(f"/mijn-boekenkaft/{token}/")
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    thirteen_days_ago = time.time() - 13 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: thirteen_days_ago)
    token = cover.token_for(expert)
    monkeypatch.undo()
    assert client.get(f"/mijn-boekenkaft/{token}/").status_code == 200


def test_link_of_a_withdrawn_cover_answers_410(client, expert):
    path = page_path(expert)
    ExpertPage.objects.filter(pk=expert.pk).update(availability=Availability.WITHDRAWN)
    assert client.get(path).status_code == 410
    assert client.post(f"{path}stoppen/").status_code == 410


# --- absence ---


def test_setting_and_clearing_absence(client, expert):
    path = page_path(expert)
    until = timezone.localdate() + datetime.timedelta(days=20)
    response = client.post(path, {"action": "absence", "absent_until": until.isoformat()})
    assert response.status_code == 302 and response["Location"] == path
    assert not ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
    assert fresh(expert).absent_until == until
    page = client.get(path).content.decode()
    assert "Opgeslagen: je bent afwezig tot en met" in page
    assert "Ik ben weer beschikbaar" in page
    response = client.post(path, {"action": "back"})
    assert response.status_code == 302
    assert ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
    assert fresh(expert).absent_until is None


def test_absence_in_the_past_is_refused(client, expert):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        page_path(expert), {"action": "absence", "absent_until": yesterday.isoformat()}
    )
    assert response.status_code == 200
    assert "Deze datum ligt in het verleden" in response.content.decode()
    assert ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()


# --- proposing new texts ---


def texts(expert, **changes) -> dict[str, str]:
    values = {"action": "texts", **cover.current_texts(expert), **changes}
    return values


def test_proposal_goes_to_the_workflow_and_leaves_the_live_cover(client, expert):
    mail.outbox.clear()
    revisions = expert.revisions.count()
    new_summary = "Samen zoeken naar wat hoop geeft, ook in de laatste fase."
    response = client.post(page_path(expert), texts(expert, summary=new_summary))
    assert response.status_code == 302
    live = fresh(expert)
    assert live.summary == "Over hoop houden als het zwaar wordt." and live.live
    assert expert.revisions.count() == revisions + 1
    assert live.get_latest_revision_as_object().summary == new_summary
    state = WorkflowState.objects.for_instance(live).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision == live.get_latest_revision()
    assert new_summary not in client.get(live.url).content.decode()
    assert [m.to for m in mail.outbox if "voorgesteld" in m.subject] == [[LEAD]]
    again = client.post(page_path(expert), texts(expert, summary="Nog iets anders."))
    assert again.status_code == 200
    assert "Er ligt al een wijziging ter beoordeling" in again.content.decode()
    assert expert.revisions.count() == revisions + 1


def test_proposal_without_changes_is_refused(client, expert):
    response = client.post(page_path(expert), texts(expert))
    assert response.status_code == 200
    assert "Je hebt nog niets veranderd" in response.content.decode()
    assert not WorkflowState.objects.for_instance(expert).exists()


def test_proposed_questions_and_body_become_blocks(client, expert):
    response = client.post(
        page_path(expert),
        texts(expert, example_questions="Hoe houd ik hoop?\r\nWat zeg ik?", body="Een\r\n\r\nTwee"),
    )
    assert response.status_code == 302
    draft = fresh(expert).get_latest_revision_as_object()
    assert [block.value for block in draft.example_questions] == [
        "Hoe houd ik hoop?",
        "Wat zeg ik?",
    ]
    assert [block.value.source for block in draft.body] == ["<p>Een</p>", "<p>Twee</p>"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("summary", "Hoop <script>alert(1)</script>", "Gebruik geen HTML-code"),
        ("summary", "Hoop\u202ehouden", "onzichtbare stuurtekens"),
        ("summary", "x" * 301, "Schrijf hooguit 300 tekens"),
        ("example_questions", "\n".join(["Vraag?"] * 11), "Geef hooguit 10 leervragen"),
        ("summary", "", "Dit veld mag niet leeg zijn"),
    ],
)
def test_bad_text_is_refused_in_dutch(client, expert, field, value, message):
    response = client.post(page_path(expert), texts(expert, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkflowState.objects.for_instance(expert).exists()
    assert fresh(expert).get_latest_revision_as_object().summary == expert.summary


# --- withdrawing ---


def test_withdrawal_needs_confirmation_then_thanks_and_tells_the_lead(client, expert):
    mail.outbox.clear()
    path = page_path(expert)
    confirm = client.get(f"{path}stoppen/")
    assert confirm.status_code == 200
    assert "Ja, ik stop als expert" in confirm.content.decode()
    assert fresh(expert).live and mail.outbox == []
    response = client.post(f"{path}stoppen/")
    assert response.status_code == 302 and response["Location"] == "/mijn-boekenkaft/gestopt/"
    gone = fresh(expert)
    assert not gone.live and gone.availability == Availability.WITHDRAWN
    thanks = [m for m in mail.outbox if m.to == ["bram@example.org"]]
    assert len(thanks) == 1 and "Bedankt" in thanks[0].subject
    lead = [m for m in mail.outbox if m.to == [LEAD]]
    assert len(lead) == 1 and "teruggetrokken" in lead[0].subject
    assert f"/admin/pages/{expert.pk}/edit/" in lead[0].body
    sent = set(gone.events.filter(kind=ExpertEvent.Kind.EMAIL_SENT).values_list("email_kind"))
    assert sent == {(EmailKind.RECRUIT_THANKS,), (EmailKind.LEAD_NOTICE,)}
    assert client.get(path).status_code == 410


def test_admin_withdraw_button_also_thanks_once(admin_client, expert):
    mail.outbox.clear()
    url = f"/admin/expertbibliotheek/{expert.pk}/terugtreden/"
    assert admin_client.post(url).status_code == 302
    withdrawal.withdraw(fresh(expert))  # a second time, e.g. from another tab
    assert len([m for m in mail.outbox if m.to == ["bram@example.org"]]) == 1
    assert len([m for m in mail.outbox if m.to == [LEAD]]) == 1


def test_a_proposal_sent_back_is_replaced_by_a_new_one(client, expert, admin_user):
    assert (
        client.post(page_path(expert), texts(expert, summary="Eerste voorstel.")).status_code == 302
    )
    first = WorkflowState.objects.for_instance(expert).get()
    first.current_task_state.reject(user=admin_user)
    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_NEEDS_CHANGES
    response = client.post(page_path(expert), texts(expert, summary="Tweede voorstel."))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_CANCELLED
    second = WorkflowState.objects.for_instance(expert).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert second.current_task_state.revision.as_object().summary == "Tweede voorstel."


def test_the_link_mail_is_sent_after_the_answer(client, expert, settings):
    """Sent by a task, not inside the request: how long the answer takes must not tell whether
    the address is an expert's."""
    settings.TASKS = {
        **settings.TASKS,
        "mail": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    mail.outbox.clear()
    response = client.post("/mijn-boekenkaft/", {"email": BRAM["email"]})
    assert response.status_code == 302 and mail.outbox == []
    queued = cover.send_cover_links_in_background.get_backend().results
    assert [result.args for result in queued] == [[BRAM["email"]]]
