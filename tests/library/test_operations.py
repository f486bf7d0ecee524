"""Reminders, personal-data retention and the supervisors' half-yearly e-mail."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from cms import roles
from library.models import (
    ExpertIndexPage,
    LoanEvent,
    LoanFormSubmission,
    LoanProcessSettings,
    LoanRequest,
    LoanStatus,
    Supervisor,
)
from library.process import reminders, retention
from library.reporting import supervisor_updates
from tests.factories import (
    first_network,
    history,
    local_time,
    make_loan_form,
    make_loan_with_history,
    user_in_group,
)

S = LoanStatus


@pytest.fixture
def desk(client, db):
    client.force_login(user_in_group(roles.SECRETARIAT))
    return client


# --- reminders ---


def overdue_pair(known):
    """Two requests past a deadline on 1 December 2026, one not yet due."""
    late_receipt = make_loan_with_history(
        known["bram"], local_time(2026, 11, 2), [], name="Eva Laat", email="eva@example.org"
    )
    late_expert = make_loan_with_history(
        known["carla"],
        local_time(2026, 11, 3),
        history("held", local_time(2026, 11, 4), local_time(2026, 11, 4)),
        name="Joost Wacht",
        email="joost@example.org",
    )
    on_time = make_loan_with_history(
        known["bram"], local_time(2026, 11, 30), [], name="Noor Tijd", email="noor@example.org"
    )
    return late_receipt, late_expert, on_time


def test_overdue_requests_make_one_digest_and_a_second_run_sends_nothing(known):
    late_receipt, late_expert, on_time = overdue_pair(known)
    first = reminders.send_reminders(datetime.date(2026, 12, 1))
    digests = [m for m in mail.outbox if "over de termijn" in m.subject]
    assert len(digests) == 1
    assert {loan.pk for loan in first.overdue} == {late_receipt.pk, late_expert.pk}
    body = digests[0].body
    assert "Eva Laat" in body and "Joost Wacht" in body and "Noor Tijd" not in body
    assert f"/admin/leenbalie/inspect/{late_receipt.pk}/" in body
    assert "antwoord van de expert" in body
    sent = len(mail.outbox)

    second = reminders.send_reminders(datetime.date(2026, 12, 1))
    assert second.overdue == [] and len(mail.outbox) == sent
    # A new deadline (the next step) may be reminded again, once.
    late_receipt.refresh_from_db()
    assert late_receipt.events.filter(subject__contains="herinnering aan het secretariaat")


def test_a_failed_digest_is_tried_again_next_time(known, settings):
    overdue_pair(known)
    settings.EMAIL_BACKEND = "tests.library.test_operations.BrokenBackend"
    failed = reminders.send_reminders(datetime.date(2026, 12, 1))
    assert failed.digest_error and failed.overdue == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = reminders.send_reminders(datetime.date(2026, 12, 1))
    assert len(again.overdue) == 2 and not again.digest_error


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP-server onbereikbaar")


def test_reflection_reminder_once_after_the_set_days(known):
    held = make_loan_with_history(
        known["bram"],
        local_time(2026, 10, 1),
        history(
            "held",
            local_time(2026, 10, 2),
            local_time(2026, 10, 2),
            local_time(2026, 10, 5),
            local_time(2026, 11, 1),
        ),
        name="Mila Verslag",
        email="mila@example.org",
    )
    settings_ = LoanProcessSettings.for_site(first_network())
    settings_.reflection_reminder_days = 14
    settings_.save()
    assert reminders.send_reminders(datetime.date(2026, 11, 14)).reflections == []
    run = reminders.send_reminders(datetime.date(2026, 11, 15))
    assert [loan.pk for loan in run.reflections] == [held.pk]
    to_mila = [m for m in mail.outbox if m.to == ["mila@example.org"]]
    assert len(to_mila) == 1 and "reflectieverslag" in to_mila[0].body
    assert held.events.filter(kind=LoanEvent.Kind.EMAIL_SENT, email_kind="reflection_reminder")
    assert reminders.send_reminders(datetime.date(2026, 11, 30)).reflections == []
    assert len([m for m in mail.outbox if m.to == ["mila@example.org"]]) == 1


def test_command_and_admin_button_share_the_rule(known, desk):
    overdue_pair(known)
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    assert "zou versturen" in out.getvalue() and len(mail.outbox) == 0
    page = desk.get("/admin/leenbalie/herinneringen/")
    assert page.status_code == 200 and "Eva Laat" in page.content.decode()
    desk.post("/admin/leenbalie/herinneringen/")
    assert len([m for m in mail.outbox if "over de termijn" in m.subject]) == 1
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "0 aanvragen over de termijn" in out.getvalue()
    assert len([m for m in mail.outbox if "over de termijn" in m.subject]) == 1


# --- retention ---


def personal_fields(loan: LoanRequest) -> list[str]:
    return [loan.name, loan.email, loan.phone, loan.motivation]


def with_submission(loan: LoanRequest) -> LoanRequest:
    from library.models import LoanFormPage

    form_page = LoanFormPage.objects.first() or make_loan_form(
        loan.expert.get_parent() if loan.expert else ExpertIndexPage.objects.get()
    )
    loan.submission = LoanFormSubmission.objects.create(
        page=form_page,
        form_data={
            "name": loan.name,
            "email": loan.email,
            "phone": loan.phone,
            "motivation": loan.motivation,
            "supervisor": loan.supervisor,
            "learning_goals": loan.learning_goals,
            "programme": loan.programme,
            "extra_vraag": "Mijn mentor is Joke.",
        },
    )
    loan.save(update_fields=["submission"])
    return loan


def test_dry_run_changes_nothing_and_says_what_it_would_do(known):
    with_submission(known["b"])
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    text = out.getvalue()
    # B closed on 1 April 2025 and E completed on 15 November 2025: within 24 months of today
    assert "bewaartermijn 24 maanden" in text and "Proefdraai" in text
    settings_ = LoanProcessSettings.for_site(first_network())
    settings_.retention_months = 6
    settings_.save()
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert f"aanvraag {known['b'].pk}:" in out.getvalue()
    assert "Zou anonimiseren: 2 aanvragen" in out.getvalue()
    known["b"].refresh_from_db()
    assert known["b"].name == "Sanne de Boer" and known["b"].anonymised_at is None
    assert known["b"].submission.form_data["email"] == "sanne@example.org"


def test_purge_removes_personal_data_of_old_closed_requests_only(known):
    b = with_submission(known["b"])
    open_old = known["c"]  # unavailable since May 2025, still open
    recent = make_loan_with_history(
        known["bram"],
        local_time(2026, 9, 1),
        [(S.WITHDRAWN, local_time(2026, 9, 2))],
        name="Recent Dicht",
        email="recent@example.org",
    )
    mail_event = LoanEvent.objects.create(
        request=b,
        kind=LoanEvent.Kind.EMAIL_SENT,
        email_kind="receipt",
        recipients="sanne@example.org",
        subject="Beste Sanne de Boer",
        body="Beste Sanne de Boer, ...",
    )
    (result,) = retention.purge_personal_data(now=local_time(2027, 5, 1))  # 24 months
    assert {loan.pk for loan in result.requests} == {b.pk}
    b.refresh_from_db()
    assert personal_fields(b) == [retention.REMOVED, "", "", ""]
    assert b.learning_goals and b.supervisor == "Dr. P. Visser" and b.anonymised_at
    assert set(b.submission.form_data) == {"supervisor", "learning_goals", "programme"}
    mail_event.refresh_from_db()
    assert (mail_event.recipients, mail_event.body) == ("", "")
    assert "Sanne" not in mail_event.subject
    assert b.events.filter(subject__startswith="Persoonsgegevens verwijderd: bewaartermijn")
    for loan in (open_old, recent):
        loan.refresh_from_db()
        assert loan.anonymised_at is None and loan.email
    # A second run finds nothing left to do.
    assert [r.requests for r in retention.purge_personal_data(now=local_time(2027, 5, 1))] == [[]]


def test_desk_exports_and_erases_a_residents_data(known, desk):
    a, b = known["a"], known["b"]  # both Sanne's
    response = desk.get(f"/admin/leenbalie/{a.pk}/gegevens.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert len(data["aanvragen"]) == 2
    assert {item["e-mailadres"] for item in data["aanvragen"]} == {"sanne@example.org"}
    assert data["aanvragen"][0]["evaluaties"] or data["aanvragen"][1]["evaluaties"]

    confirm = desk.get(f"/admin/leenbalie/{a.pk}/wissen/").content.decode()
    assert "Dit kan niet ongedaan worden gemaakt" in confirm
    assert '<button type="submit" class="button no">Ja, gegevens wissen</button>' in confirm
    assert f'<a href="/admin/leenbalie/inspect/{a.pk}/" class="button button-secondary">' in confirm
    desk.post(f"/admin/leenbalie/{a.pk}/wissen/")
    for loan in (a, b):
        loan.refresh_from_db()
        assert personal_fields(loan) == [retention.REMOVED, "", "", ""]
        assert loan.events.filter(subject__contains="op verzoek van de AIOS gewist")
    page = desk.get(f"/admin/leenbalie/inspect/{a.pk}/").content.decode()
    assert "sanne@example.org" not in page and "De persoonsgegevens zijn verwijderd" in page


def test_erasing_an_open_request_withdraws_it_first(known, desk):
    c = known["c"]  # unavailable: still open
    desk.post(f"/admin/leenbalie/{c.pk}/wissen/")
    c.refresh_from_db()
    assert c.status == S.WITHDRAWN and c.email == ""


# --- supervisors' half-yearly e-mail ---


def test_secretariat_mails_each_supervisor_their_figures(known, desk):
    Supervisor.objects.create(name="Dr. P. Visser", email="visser@example.org")
    page = desk.get("/admin/rapporten/opleiders-mailen/?half_year=2025-1")
    html = page.content.decode()
    assert page.status_code == 200 and "visser@example.org" in html
    desk.post(
        "/admin/rapporten/opleiders-mailen/?half_year=2025-1",
        {"supervisor": ["dr. p. visser"]},
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["visser@example.org"]
    assert "1e halfjaar 2025" in message.subject
    assert "AIOS die een expert aanvroegen: 2" in message.body
    assert "AIOS die een gesprek voerden: 1" in message.body


def test_supervisor_without_address_is_listed_not_mailed(known):
    updates = supervisor_updates.updates_for("2025-2")
    assert [(u.figures.supervisor, u.email) for u in updates] == [("Drs. K. Bakker", None)]
    assert supervisor_updates.send_updates(updates) == ([], [])
    assert mail.outbox == []


def test_supervisor_page_is_for_whoever_mails_supervisors(known, client):
    # The secretariat and the working group may; editors may not (tests/library/test_lead.py).
    client.force_login(user_in_group(roles.EDITORS))
    assert client.get("/admin/rapporten/opleiders-mailen/").status_code == 403


def test_old_desk_address_of_the_supervisor_page_redirects(known, desk):
    response = desk.get("/admin/leenbalie/opleiders/?half_year=2025-1")
    assert response.status_code == 302
    assert response["Location"] == "/admin/rapporten/opleiders-mailen/?half_year=2025-1"
