import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cms import roles
from library.models import EmailTemplate, LoanEvent, LoanFormSubmission, LoanRequest
from library.process import deadlines, loans
from library.process.mail import INTERRUPTED
from tests.factories import (
    make_loan,
    user_in_group,
)
from tests.library.test_operations import BrokenBackend

FORM_URL = "/expertbibliotheek/lenen/"


@pytest.fixture
def desk(client, db):
    client.force_login(user_in_group(roles.SECRETARIAT))
    return client


def form_data(expert="", **overrides):
    data = {
        "expert": str(expert),
        "name": "Sanne de Boer",
        "email": "sanne@example.org",
        "phone": "06-0000 2222",
        "programme": "huisartsgeneeskunde",
        "programme_other": "",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Ik wil leren hoe ik hoop bespreek bij ongeneeslijk zieke patiënten.",
        "motivation": "Ik merk dat ik dit gesprek vermijd.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def step(client, loan, action, **email):
    url = f"/admin/leenbalie/{loan.pk}/stap/{action}/"
    preview = client.get(url)
    assert preview.status_code == 200
    data = {}
    if "form" in preview.context and preview.context["composed"]:
        data = {
            "subject": preview.context["form"].initial["subject"],
            "body": preview.context["form"].initial["body"],
        }
    data.update(email)
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:500]
    loan.refresh_from_db()
    return loan


def test_thank_you_page_names_the_deadlines_of_the_process(client, library, monkeypatch):
    monkeypatch.setattr(deadlines, "EXPERT_ANSWERS_WITHIN_DAYS", 9)
    monkeypatch.setattr(deadlines, "CONTACT_WITHIN_DAYS", 10)
    monkeypatch.setattr(deadlines, "CONVERSATION_WITHIN_DAYS", 28)
    html = client.post(FORM_URL, form_data(library["first"].pk), follow=True).content.decode()
    assert "gesprek in de komende vier weken lukt; de expert antwoordt binnen 9 dagen" in html
    assert "Geen contact binnen 10 dagen?" in html


def test_happy_path_through_http(client, library, desk):
    response = client.post(FORM_URL, form_data(library["first"].pk), follow=True)
    assert response.status_code == 200
    assert "Bedankt, je aanvraag is verstuurd" in response.content.decode()
    loan = LoanRequest.objects.get()
    assert LoanFormSubmission.objects.get().loan_request == loan
    assert loan.book_title == "Hoop houden" and loan.status == "received"

    mail.outbox.clear()
    step(desk, loan, "confirm")
    assert loan.status == "confirmed"
    receipt = mail.outbox[-1]
    assert receipt.to == ["sanne@example.org"]
    assert "Beste Sanne de Boer" in receipt.body and "‘Hoop houden’" in receipt.body

    step(desk, loan, "ask_expert")
    assert loan.status == "waiting"
    ask = mail.outbox[-1]
    assert ask.to == ["bram@example.org"]
    assert "hoop bespreek" in ask.body and "Beste Bram Jansen" in ask.body
    assert "{" not in ask.body

    step(desk, loan, "introduce", body="Aangepaste tekst voor Sanne en Bram.")
    assert loan.status == "matched"
    introduction = mail.outbox[-1]
    assert introduction.to == ["sanne@example.org", "bram@example.org"]
    assert introduction.body == "Aangepaste tekst voor Sanne en Bram."

    step(desk, loan, "held")
    evaluation_mails = mail.outbox[-2:]
    assert sorted(m.to[0] for m in evaluation_mails) == ["bram@example.org", "sanne@example.org"]
    assert all("/evaluatie/" in m.body for m in evaluation_mails)
    step(desk, loan, "complete")
    assert loan.status == "completed"
    step(desk, loan, "ask_interview")
    assert "geïnterviewd" in mail.outbox[-1].body
    assert len(mail.outbox) == 6
    kinds = list(loan.events.values_list("kind", flat=True))
    assert kinds.count("email_sent") == 6 and kinds.count("status") == 6


def test_no_expert_found_path(client, library, desk):
    client.post(FORM_URL, form_data("geen"))
    loan = LoanRequest.objects.get()
    assert loan.expert is None and loan.without_expert
    mail.outbox.clear()
    step(desk, loan, "confirm")
    receipt = mail.outbox[-1]
    # Its own receipt: no empty book, nobody "asked".
    assert receipt.subject == "We hebben je leervraag ontvangen"
    assert "‘’" not in receipt.body and "vragen de expert" not in receipt.body
    assert "hoop bespreek" in receipt.body
    step(desk, loan, "no_expert")
    assert loan.status == "no_expert"
    searching = mail.outbox[-1]
    assert searching.to == ["sanne@example.org"]
    assert "kunnen we helaas niet zeggen" in searching.body
    step(desk, loan, "close")
    assert loan.status == "closed"
    assert "nog) geen expert gevonden" in mail.outbox[-1].subject
    assert len(mail.outbox) == 3


def test_the_receipt_with_a_book_names_the_eight_day_rule(client, library, desk):
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    step(desk, loan, "confirm")
    assert "acht dagen na die kennismaking nog geen contact" in mail.outbox[-1].body


def test_expert_not_available_then_another_book(client, library, desk):
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    step(desk, loan, "confirm")
    step(desk, loan, "ask_expert")
    step(desk, loan, "expert_absent")
    assert loan.status == "unavailable"
    assert "kan nu niet" in mail.outbox[-1].subject
    desk.post(f"/admin/leenbalie/{loan.pk}/boek/", {"expert": library["second"].pk})
    loan.refresh_from_db()
    assert loan.book_title == "Pijn bij kanker"
    step(desk, loan, "ask_expert")
    assert loan.status == "waiting"
    assert mail.outbox[-1].to == ["carla@example.org"]


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": "geen-adres"}, "email", "geen geldig e-mailadres"),
        ({"consent": ""}, "consent", "Zonder je toestemming"),
        ({"expert": "99999"}, "expert", "Dit boek is niet (meer) te lenen"),
        ({"learning_goals": "x" * 3001}, "learning_goals", "niet meer dan 3000 tekens"),
        ({"programme": "anders"}, "programme_other", "Welke opleiding volg je?"),
        ({"supervisor": ""}, "supervisor", "naam van je opleider"),
    ],
)
def test_bad_input_keeps_everything_and_saves_nothing(client, library, overrides, field, message):
    data = {**form_data(library["first"].pk), **overrides}
    response = client.post(FORM_URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    content = response.content.decode()
    assert "Controleer het formulier" in content
    assert 'value="06-0000 2222"' in content  # what was typed is still there
    assert LoanRequest.objects.count() == 0 and LoanFormSubmission.objects.count() == 0


def test_a_withdrawn_book_is_refused(client, library):
    from library.catalogue.withdrawal import withdraw

    withdraw(library["first"], notify=False)
    response = client.post(FORM_URL, form_data(library["first"].pk))
    assert "expert" in response.context["form"].errors
    assert LoanRequest.objects.count() == 0


@pytest.fixture
def absent_book(library):
    back = timezone.localdate() + datetime.timedelta(days=5)
    library["second"].availability = "absent"
    library["second"].absent_until = back
    library["second"].save_revision().publish()
    return library["second"], back


@pytest.mark.parametrize(
    ("days_after_return", "message"),
    [(None, "Tot wanneer wil je wachten?"), (0, "Kies een datum na"), (400, "binnen een half")],
)
def test_an_absent_book_needs_a_date_to_wait_until(client, absent_book, days_after_return, message):
    book, back = absent_book
    until = "" if days_after_return is None else back + datetime.timedelta(days=days_after_return)
    response = client.post(FORM_URL, form_data(book.pk, waits_until=str(until)))
    assert message in " ".join(response.context["form"].errors["waits_until"])
    assert LoanRequest.objects.count() == 0


def test_the_resident_may_wait_for_an_absent_expert(client, absent_book, desk):
    book, back = absent_book
    notice = client.get(FORM_URL, {"expert": book.pk}).content.decode()
    assert "is afwezig tot en met" in notice and "Wil je wachten?" in notice
    until = back + datetime.timedelta(days=10)
    response = client.post(FORM_URL, form_data(book.pk, waits_until=until.isoformat()), follow=True)
    assert "Bedankt" in response.content.decode()
    loan = LoanRequest.objects.get()
    assert loan.expert == book and loan.waits_until == until
    step(desk, loan, "confirm")
    # The desk says when to ask: the day after the expert is back.
    assert deadlines.next_due(loan) == (
        "expert vragen na de afwezigheid",
        back + datetime.timedelta(days=1),
    )
    page = desk.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "wacht tot" in page


def test_waiting_is_not_stored_for_an_available_book(client, library):
    until = timezone.localdate() + datetime.timedelta(days=30)
    client.post(FORM_URL, form_data(library["first"].pk, waits_until=until.isoformat()))
    assert LoanRequest.objects.get().waits_until is None


def test_preselected_book_from_the_cover(client, library):
    content = client.get(FORM_URL, {"expert": library["first"].pk}).content.decode()
    assert f'<option value="{library["first"].pk}" selected>' in content


def test_honeypot_and_rate_limit(client, library):
    response = client.post(
        FORM_URL, form_data(library["first"].pk, website="http://spam"), follow=True
    )
    assert "Bedankt" in response.content.decode()
    assert LoanRequest.objects.count() == 0
    for _ in range(3):
        client.post(FORM_URL, form_data(library["first"].pk))
    assert LoanRequest.objects.count() == 3
    response = client.post(FORM_URL, form_data(library["first"].pk))
    assert "al meerdere aanvragen" in response.content.decode()
    assert LoanRequest.objects.count() == 3


def test_illegal_transitions_are_refused(client, library, desk):
    loan = make_loan(library["first"])
    with pytest.raises(loans.IllegalTransition):
        loans.perform(loan, "introduce")
    with pytest.raises(loans.IllegalTransition):
        loans.change_status(loan, "completed")
    response = desk.post(f"/admin/leenbalie/{loan.pk}/stap/complete/", {})
    assert response.status_code == 302
    loan.refresh_from_db()
    assert loan.status == "received"


@pytest.mark.parametrize(
    "group, status",
    [(roles.EDITORS, 403), (roles.WORKING_GROUP, 403), (roles.SECRETARIAT, 200)],
)
def test_only_the_secretariat_reaches_the_desk(client, library, group, status):
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    client.force_login(user_in_group(group))
    for url in ("/admin/leenbalie/", f"/admin/leenbalie/inspect/{loan.pk}/"):
        response = client.get(url)
        assert response.status_code == status, (group, url)
    if status == 403:
        assert client.get(f"/admin/leenbalie/{loan.pk}/stap/confirm/").status_code == 403


def test_desk_list_export_and_overdue(library, desk, client):
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    LoanRequest.objects.filter(pk=loan.pk).update(
        created_at=loan.created_at - datetime.timedelta(days=14)
    )
    listing = desk.get("/admin/leenbalie/", {"overdue": "1"}).content.decode()
    assert "Sanne de Boer" in listing and "Te laat" in listing
    export = desk.get("/admin/leenbalie/", {"export": "csv"})
    assert export.status_code == 200
    assert b"Sanne de Boer" in b"".join(export.streaming_content)
    dashboard = desk.get("/admin/").content.decode()
    assert "1 over de termijn" in dashboard


@pytest.mark.django_db
def test_unknown_placeholders_are_refused():
    from django.core.exceptions import ValidationError

    template = EmailTemplate(kind="receipt", subject="Hallo {naam_aios}", body="Tot {morgen}")
    with pytest.raises(ValidationError) as caught:
        template.full_clean()
    assert "{morgen}" in str(caught.value.message_dict["body"])


def test_working_days_skip_weekends_and_koningsdag():
    from library.process.deadlines import add_working_days

    # Thursday 23 April 2026; Monday 27 April is Koningsdag.
    assert add_working_days(datetime.date(2026, 4, 23), 5) == datetime.date(2026, 5, 1)
    # Friday to Monday across a weekend.
    assert add_working_days(datetime.date(2026, 11, 20), 1) == datetime.date(2026, 11, 23)
    # Christmas: 24 Dec 2026 (Thursday) + 2 working days skips 25 and 26 Dec and the weekend.
    assert add_working_days(datetime.date(2026, 12, 24), 2) == datetime.date(2026, 12, 29)


def test_loan_event_history_readable(library):
    loan = make_loan(None)
    loans.perform(loan, "confirm")
    assert [str(e) for e in LoanEvent.objects.filter(kind="status")] == [
        "— → Ontvangen",
        "Ontvangen → Ontvangst bevestigd",
    ]


def test_editor_added_question_is_asked_and_stored(client, library):
    from library.models import LoanFormField, LoanFormPage

    form_page = LoanFormPage.objects.get()
    LoanFormField.objects.create(
        page=form_page, label="Hoe hoorde je van ons?", field_type="singleline", required=False
    )
    content = client.get(FORM_URL).content.decode()
    assert "Hoe hoorde je van ons?" in content
    assert content.index("Welk boek wil je lenen?") < content.index("Hoe hoorde je van ons?")
    client.post(FORM_URL, {**form_data(library["first"].pk), "hoe_hoorde_je_van_ons": "Opleider"})
    submission = LoanFormSubmission.objects.get()
    assert submission.get_data()["hoe_hoorde_je_van_ons"] == "Opleider"
    assert submission.loan_request.name == "Sanne de Boer"


def test_every_offered_step_is_a_transition_the_process_allows():
    for action in loans.ACTIONS.values():
        for status in action.sources:
            if action.target:
                assert action.target in loans.TRANSITIONS[status], (action.name, status)
    held = LoanRequest(status="held")
    offered = {action.name for action in loans.available_actions(held)}
    assert offered == {"complete", "ask_interview"}  # withdrawing after the talk is not a step


def test_form_notification_failure_keeps_the_request_and_is_retryable(client, library, settings):
    from library.models import LoanFormPage

    form_page = LoanFormPage.objects.get()
    form_page.to_address = "secretariaat@example.org"
    form_page.subject = "Nieuwe leenaanvraag"
    form_page.save_revision().publish()
    settings.EMAIL_BACKEND = "tests.library.test_operations.BrokenBackend"
    response = client.post(FORM_URL, form_data(library["first"].pk), follow=True)
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    loan = LoanRequest.objects.get()
    failed = loan.events.get(kind=LoanEvent.Kind.EMAIL_FAILED)
    assert failed.recipients == "secretariaat@example.org" and "Sanne de Boer" in failed.body
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert loans.retry_email(failed).kind == LoanEvent.Kind.EMAIL_SENT
    assert mail.outbox[-1].to == ["secretariaat@example.org"]


class WorkerKilled(BaseException):
    """What the request sees when its worker dies mid-send (not an Exception: nothing
    in the application catches it, as nothing runs after a SIGKILL)."""


class DyingBackend(BrokenBackend):
    def send_messages(self, messages):
        raise WorkerKilled


def test_a_worker_dying_while_notifying_leaves_a_notification_to_send_again(
    client, library, settings
):
    from library.models import LoanFormPage

    form_page = LoanFormPage.objects.get()
    form_page.to_address = "secretariaat@example.org"
    form_page.save_revision().publish()
    settings.EMAIL_BACKEND = "tests.library.test_loans.DyingBackend"
    # The mail task dies mid-send: the task backend takes the blow, the request is saved.
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    notification = loan.events.get(email_kind="form_notification")
    assert notification.kind == LoanEvent.Kind.EMAIL_FAILED
    assert notification.error == INTERRUPTED and "Sanne de Boer" in notification.body
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert loans.retry_email(notification).kind == LoanEvent.Kind.EMAIL_SENT
    assert mail.outbox[-1].to == ["secretariaat@example.org"]
