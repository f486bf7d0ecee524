"""'Mijn aanvraag': the resident's own page behind a personal link, through HTTP."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from cms import roles
from library.models import EmailKind, LoanEvent, LoanRequest, LoanStatus
from library.process import deadlines, loans
from library.process.mail import secretariat_address
from library.self_service import cover, request, request_link
from tests.factories import BRAM, make_loan, user_in_group
from tests.library.test_loans import FORM_URL, form_data, step

RESIDENT_EMAIL = "sanne@example.org"


@pytest.fixture
def desk(db):
    desk = Client()
    desk.force_login(user_in_group(roles.SECRETARIAT))
    return desk


@pytest.fixture
def confirmed(client, library, desk):
    """A request through the form, confirmed at the desk: the receipt carries the link."""
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    mail.outbox.clear()
    return step(desk, loan, "confirm")


def link_path(body: str) -> str:
    found = re.search(r"https?://[^/\s]+(/mijn-aanvraag/[^/\s]+/)", body)
    assert found, body
    return found.group(1)


def page_path(loan) -> str:
    return f"/mijn-aanvraag/{request_link.token_for(loan)}/"


def matched(desk, loan):
    step(desk, loan, "ask_expert")
    return step(desk, loan, "introduce")


# --- opening the page ---


def test_the_receipts_link_shows_status_book_next_step_and_deadline(client, confirmed, desk):
    path = link_path(mail.outbox[-1].body)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<dd>Hoop houden</dd>" in html
    assert f"<dd>{request.RESIDENT_STATUS[LoanStatus.CONFIRMED].status}</dd>" in html

    loan = step(desk, confirmed, "ask_expert")
    html = client.get(path).content.decode()
    due = deadlines.dutch_date(deadlines.expert_answer_due(loan))
    assert f"<dd>{request.RESIDENT_STATUS[LoanStatus.WAITING_FOR_EXPERT].status}</dd>" in html
    assert f"<dd>De expert laat weten of het lukt (uiterlijk {due})</dd>" in html
    # Nobody else's contact details, and not the resident's own either.
    for private in (BRAM["email"], RESIDENT_EMAIL, "06-0000 2222"):
        assert private not in html


def test_matched_says_the_resident_takes_the_next_step(client, confirmed, desk):
    loan = matched(desk, confirmed)
    html = client.get(page_path(loan)).content.decode()
    assert "Jij neemt contact op met de expert (uiterlijk " in html
    assert "kennismakingsmail" in html and BRAM["email"] not in html


def test_tampered_link_answers_400(client, confirmed):
    token = request_link.token_for(confirmed)
    assert client.get(f"/mijn-aanvraag/{token[:-2]}xx/").status_code == 400
    assert client.get("/mijn-aanvraag/onzin:x/").status_code == 400


def test_link_for_another_purpose_answers_400(client, confirmed, library):
    response = client.get(f"/mijn-aanvraag/{cover.token_for(library['first'])}/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()


def test_expired_link_answers_410(client, confirmed, monkeypatch):
    sixty_one_days_ago = time.time() - 61 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: sixty_one_days_ago)
    token = request_link.token_for(confirmed)
    monkeypatch.undo()
    response = client.get(f"/mijn-aanvraag/{token}/")
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    fifty_nine_days_ago = time.time() - 59 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: fifty_nine_days_ago)
    token = request_link.token_for(confirmed)
    monkeypatch.undo()
    assert client.get(f"/mijn-aanvraag/{token}/").status_code == 200


def test_anonymised_request_answers_410_and_a_deleted_one_404(client, confirmed):
    path = page_path(confirmed)
    LoanRequest.objects.filter(pk=confirmed.pk).update(anonymised_at=timezone.now())
    response = client.get(path)
    assert response.status_code == 410
    assert "Hoop houden" not in response.content.decode()
    assert client.post(f"{path}intrekken/").status_code == 410
    LoanRequest.objects.filter(pk=confirmed.pk).delete()
    assert client.get(path).status_code == 404


# --- withdrawing ---


def test_withdraw_needs_the_confirmation_and_happens_once(client, confirmed):
    path = page_path(confirmed)
    assert f'href="{path}intrekken/"' in client.get(path).content.decode()
    confirmation = client.get(f"{path}intrekken/")
    assert confirmation.status_code == 200
    assert "Ja, trek mijn aanvraag in" in confirmation.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == LoanStatus.CONFIRMED

    response = client.post(f"{path}intrekken/")
    assert response.status_code == 302 and response["Location"] == "/mijn-aanvraag/ingetrokken/"
    confirmed.refresh_from_db()
    assert confirmed.status == LoanStatus.WITHDRAWN
    assert confirmed.events.filter(kind=LoanEvent.Kind.NOTE, subject=request.WITHDRAW_NOTE)

    again = client.post(f"{path}intrekken/", follow=True)
    assert again.redirect_chain == [(path, 302)]
    html = again.content.decode()
    assert "Deze aanvraag kun je niet meer intrekken" in html
    assert "intrekken/" not in html
    assert confirmed.events.filter(subject=request.WITHDRAW_NOTE).count() == 1
    assert client.get(f"{path}intrekken/")["Location"] == path


def test_a_held_conversation_cannot_be_withdrawn(client, confirmed, desk):
    loan = step(desk, matched(desk, confirmed), "held")
    response = client.post(f"{page_path(loan)}intrekken/", follow=True)
    assert "Deze aanvraag kun je niet meer intrekken" in response.content.decode()
    loan.refresh_from_db()
    assert loan.status == LoanStatus.CONVERSATION_HELD


# --- no contact yet ---


def test_no_contact_only_after_the_introduction_and_once_a_day(client, confirmed, desk):
    path = page_path(confirmed)
    assert 'value="no_contact"' not in client.get(path).content.decode()
    refused = client.post(path, {"action": "no_contact"}, follow=True)
    assert "nadat het secretariaat je aan de expert" in refused.content.decode()
    assert not confirmed.events.filter(subject=request.NO_CONTACT_NOTE).exists()

    loan = matched(desk, confirmed)
    assert 'value="no_contact"' in client.get(path).content.decode()
    mail.outbox.clear()
    response = client.post(path, {"action": "no_contact"})
    assert response.status_code == 302 and response["Location"] == path
    assert [message.to for message in mail.outbox] == [[secretariat_address()]]
    assert "Sanne de Boer" in mail.outbox[0].body and "Hoop houden" in mail.outbox[0].body
    assert loan.events.filter(kind=LoanEvent.Kind.EMAIL_SENT, email_kind=EmailKind.NO_CONTACT)

    again = client.post(path, {"action": "no_contact"}, follow=True)
    assert "Je hebt vandaag al doorgegeven" in again.content.decode()
    assert len(mail.outbox) == 1
    assert loan.events.filter(subject=request.NO_CONTACT_NOTE).count() == 1


# --- asking for the links ---


def test_known_and_unknown_address_get_the_same_answer(client, confirmed):
    anonymised = make_loan(None, email=RESIDENT_EMAIL)
    LoanRequest.objects.filter(pk=anonymised.pk).update(anonymised_at=timezone.now())
    mail.outbox.clear()
    unknown = client.post("/mijn-aanvraag/", {"email": "niemand@example.org"})
    assert mail.outbox == []
    known = client.post("/mijn-aanvraag/", {"email": " Sanne@Example.org "})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert known.status_code == 302 and known["Location"] == "/mijn-aanvraag/verstuurd/"
    assert client.get(unknown["Location"]).content == client.get(known["Location"]).content
    # One mail: the anonymised request's data is gone, it gets no link.
    assert [message.to for message in mail.outbox] == [[RESIDENT_EMAIL]]
    response = client.get(link_path(mail.outbox[0].body))
    assert response.status_code == 200 and response.context["loan"] == confirmed


def test_links_are_not_flooded_per_address_nor_probed_per_network(client, confirmed):
    mail.outbox.clear()
    for _ in range(request.LINKS_PER_ADDRESS_PER_HOUR + 2):
        assert client.post("/mijn-aanvraag/", {"email": RESIDENT_EMAIL}).status_code == 302
    assert len(mail.outbox) == request.LINKS_PER_ADDRESS_PER_HOUR
    for number in range(request.ASKS_PER_CLIENT_PER_HOUR - request.LINKS_PER_ADDRESS_PER_HOUR - 2):
        client.post("/mijn-aanvraag/", {"email": f"iemand{number}@example.org"})
    refused = client.post("/mijn-aanvraag/", {"email": "nog-een@example.org"})
    assert refused.status_code == 200
    assert "Vanaf dit netwerk zijn het afgelopen uur al veel links" in refused.content.decode()
    # The experts' page counts its own asks.
    assert client.post("/mijn-boekenkaft/", {"email": "nog-een@example.org"}).status_code == 302


def test_the_link_mail_is_sent_after_the_answer(client, confirmed, settings):
    settings.TASKS = {
        **settings.TASKS,
        "mail": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    mail.outbox.clear()
    response = client.post("/mijn-aanvraag/", {"email": RESIDENT_EMAIL})
    assert response.status_code == 302 and mail.outbox == []
    queued = request.send_request_links_in_background.get_backend().results
    assert [result.args for result in queued] == [[RESIDENT_EMAIL]]


def test_ask_form_refuses_bad_input_in_dutch_and_the_footer_links_to_it(client, library):
    response = client.post("/mijn-aanvraag/", {"email": "geen-adres"})
    assert response.status_code == 200
    assert "Dit is geen geldig e-mailadres" in response.content.decode()
    assert 'href="/mijn-aanvraag/">Voor AIOS: Mijn aanvraag</a>' in response.content.decode()


def test_withdraw_goes_through_the_loan_process(confirmed, monkeypatch):
    taken = []
    real = loans.perform
    monkeypatch.setattr(loans, "perform", lambda loan, name: taken.append(name) or real(loan, name))
    request.withdraw(confirmed)
    assert taken == ["withdraw"]


def test_after_the_appointment_is_set_the_page_names_it_and_drops_no_contact(client, confirmed):
    import datetime

    from django.utils import timezone

    from library.process import appointments, loans

    for action in ("ask_expert", "introduce"):
        loans.perform(confirmed, action)
    path = f"/mijn-aanvraag/{request_link.token_for(confirmed)}/"
    html = client.get(path).content.decode()
    contact_by = deadlines.dutch_date(deadlines.contact_due(confirmed))
    assert f"(uiterlijk {contact_by})" in html and "Meld dat er nog geen contact is" in html
    when = timezone.now() + datetime.timedelta(days=5)
    appointments.record_appointment(confirmed, when)
    html = client.get(path).content.decode()
    assert "<dt>Afspraak</dt>" in html and "Meld dat er nog geen contact is" not in html
