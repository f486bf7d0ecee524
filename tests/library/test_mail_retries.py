"""E-mail through the durable queue (issue 20): the desk's step only records the e-mail, a
worker (manage.py db_worker) sends it, a failure is tried again after RETRY_AFTER, and an
e-mail never goes out twice: not for two tasks, not after the desk sent it again itself."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from library.models import LoanEvent, LoanRequest, LoanStatus
from library.models.loans import HistoryLine
from library.process import appointments, loans
from library.process.mail import (
    GIVEN_UP,
    QUEUED,
    RETRY_AFTER,
    SUPERSEDED,
    deliver_event,
)
from tests import task_worker
from tests.factories import BRAM, make_expert, make_home, make_lending_catalogue, make_loan
from tests.library.test_loans import step

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "pdf": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


class FlakyBackend(EmailBackend):
    """The test outbox behind a mail server that refuses the next `failures` e-mails."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("mailserver even weg")
        return super().send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.library.test_mail_retries.FlakyBackend"
    FlakyBackend.failures = 0
    yield FlakyBackend
    FlakyBackend.failures = 0


@pytest.fixture
def queue(settings, flaky, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    # The worker drops "old" connections between tasks; in a test the connection holds the
    # test's transaction (PostgreSQL would lose it), so the in-process worker keeps it.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return flaky


@pytest.fixture
def loan(db):
    expert = make_expert(make_lending_catalogue(make_home()), **BRAM)
    return make_loan(expert)


def tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="library.process.mail.deliver_event")


def run_worker(worker_id: str = "worker-1"):
    task_worker.run_worker("mail", worker_id)


def later():
    """Time moves on: every planned retry is due now."""
    tasks().filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(1))


def planned_wait(before) -> datetime.timedelta:
    """How long after `before` the one waiting retry is planned."""
    (waiting,) = tasks().filter(status="READY")
    return waiting.run_after - before


def confirm(loan) -> LoanEvent:
    """The desk confirms the request: the resident's e-mail is recorded, not yet sent."""
    event = loans.perform(loan, "confirm")
    assert event.email_kind and event.recipients == "sanne@example.org"
    return event


def test_the_step_only_queues_the_email_and_the_worker_sends_it(queue, loan):
    event = confirm(loan)
    loan.refresh_from_db()
    assert loan.status == LoanStatus.CONFIRMED
    assert event.kind == LoanEvent.Kind.EMAIL_FAILED and event.error == QUEUED
    assert event.on_its_way and mail.outbox == []

    run_worker()
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_SENT and event.error == ""
    assert [message.to for message in mail.outbox] == [["sanne@example.org"]]
    assert mail.outbox[0].subject == event.subject and mail.outbox[0].body == event.body


def test_a_failed_email_is_tried_again_later_and_delivered_once(queue, loan):
    queue.failures = 1
    event = confirm(loan)
    before = timezone.now()
    run_worker()
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_FAILED
    assert "mailserver even weg" in event.error and "poging 2 van 5" in event.error
    assert event.on_its_way and mail.outbox == []
    assert RETRY_AFTER[0] <= planned_wait(before) <= RETRY_AFTER[0] + datetime.timedelta(1 / 24)

    run_worker()  # not due yet: the back-off holds
    assert mail.outbox == [] and tasks().filter(status="READY").count() == 1

    later()
    run_worker()
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_SENT and event.error == ""
    assert len(mail.outbox) == 1 and not tasks().filter(status="READY").exists()


def test_after_the_last_retry_the_desk_sends_it_once(queue, loan):
    queue.failures = 100
    event = confirm(loan)
    waits = []
    run_worker()
    for _ in RETRY_AFTER:
        before = timezone.now()
        waits.append(planned_wait(before))
        later()
        run_worker()
    assert [round(wait / datetime.timedelta(minutes=1)) for wait in waits] == [1, 5, 30, 120]
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_FAILED and event.error.endswith(GIVEN_UP)
    assert not event.on_its_way, "now it is for the desk"
    assert not tasks().filter(status="READY").exists(), "no sixth attempt"
    assert tasks().count() == len(RETRY_AFTER) + 1 and mail.outbox == []

    queue.failures = 0
    retried = loans.retry_email(event)
    run_worker()
    later()
    run_worker()
    retried.refresh_from_db()
    event.refresh_from_db()
    assert retried.kind == LoanEvent.Kind.EMAIL_SENT
    assert event.kind == LoanEvent.Kind.EMAIL_FAILED and SUPERSEDED in event.error
    assert len(mail.outbox) == 1


def test_the_desks_own_retry_cancels_the_planned_one(queue, loan):
    queue.failures = 1
    event = confirm(loan)
    run_worker()
    event.refresh_from_db()
    assert "poging 2 van 5" in event.error

    retried = loans.retry_email(event)  # before the automatic retry is due
    run_worker()
    assert len(mail.outbox) == 1
    later()
    run_worker()  # the planned retry of the old line finds it superseded
    retried.refresh_from_db()
    event.refresh_from_db()
    assert retried.kind == LoanEvent.Kind.EMAIL_SENT
    assert event.kind == LoanEvent.Kind.EMAIL_FAILED and SUPERSEDED in event.error
    assert len(mail.outbox) == 1
    assert not tasks().filter(status="READY").exists()
    assert tasks().filter(status="SUCCESSFUL").count() == tasks().count() == 3


class RacingBackend(EmailBackend):
    """While the first worker is with the mail server, a second worker runs what is ready."""

    raced = False

    def send_messages(self, messages):
        if not RacingBackend.raced:
            RacingBackend.raced = True
            run_worker("worker-2")
        return super().send_messages(messages)


def test_two_tasks_for_one_email_send_it_once(queue, loan, settings):
    event = confirm(loan)
    # The same e-mail queued twice (a repeated enqueue, a task run twice), and a second
    # worker that takes the copy while the first is still sending.
    deliver_event.enqueue(event._meta.label, event.pk, 1, [])
    settings.EMAIL_BACKEND = "tests.library.test_mail_retries.RacingBackend"
    RacingBackend.raced = False
    run_worker("worker-1")
    run_worker("worker-1")
    assert RacingBackend.raced
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_SENT and len(mail.outbox) == 1
    outcomes = sorted(result.return_value for result in tasks())
    assert outcomes == ["al verstuurd, vervangen of niet meer aanwezig", "verstuurd"]
    assert sorted(result.worker_ids[0] for result in tasks()) == ["worker-1", "worker-2"]


def test_an_invitation_keeps_its_calendar_file_when_tried_again(queue, loan):
    LoanRequest.objects.filter(pk=loan.pk).update(status=LoanStatus.MATCHED)
    loan.refresh_from_db()
    queue.failures = 2  # both invitations fail once
    when = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    events = appointments.record_appointment(loan, when)
    run_worker()
    later()
    run_worker()
    for event in events:
        event.refresh_from_db()
        assert event.kind == LoanEvent.Kind.EMAIL_SENT
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bram@example.org",
        "sanne@example.org",
    ]
    for message in mail.outbox:
        (calendar,) = [a for a in message.attachments if a[2].startswith("text/calendar")]
        assert calendar[0] == "afspraak.ics" and "BEGIN:VCALENDAR" in str(calendar[1])


def test_without_a_queue_the_email_goes_out_at_once_and_waits_for_the_desk(flaky, loan):
    """The immediate backend (the test settings) sends in the request and cannot run a task
    later: a failure is for the desk, as before the queue."""
    event = confirm(loan)
    assert event.kind == LoanEvent.Kind.EMAIL_SENT and len(mail.outbox) == 1

    flaky.failures = 1
    failed = loans.perform(loan, "ask_expert")
    assert failed.kind == LoanEvent.Kind.EMAIL_FAILED
    assert failed.error == "SMTPServerDisconnected: mailserver even weg"
    retried = loans.retry_email(failed)
    assert retried.kind == LoanEvent.Kind.EMAIL_SENT and len(mail.outbox) == 2


def test_the_desk_says_a_queued_email_is_on_its_way_not_that_it_failed(client, queue, loan):
    from cms import roles
    from tests.factories import user_in_group

    client.force_login(user_in_group(roles.SECRETARIAT))
    step(client, loan, "confirm")
    page = client.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "kon niet worden verstuurd" not in page and "’ is gedaan." in page
    assert "E-mail onderweg" in page and "E-mail mislukt" not in page
    run_worker()
    page = client.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "E-mail verstuurd" in page and "E-mail onderweg" not in page
    assert len(mail.outbox) == 1


def test_a_queued_email_that_waits_too_long_is_for_the_desk_after_all(queue, loan):
    # No mail worker runs (or the task was lost): the desk must hear of it, not see "onderweg"
    # for ever.
    event = confirm(loan)
    assert event.on_its_way
    LoanEvent.objects.filter(pk=event.pk).update(
        at=timezone.now() - HistoryLine.QUEUE_PATIENCE - datetime.timedelta(minutes=1)
    )
    event.refresh_from_db()
    assert not event.on_its_way and event.kind == LoanEvent.Kind.EMAIL_FAILED


def test_erasing_a_residents_data_removes_their_queued_emails_from_the_queue(queue, loan):
    from library.process.retention import anonymise

    confirm(loan)
    other = make_loan(make_expert(loan.expert.get_parent(), "Ander boek", expert_name="Eva"))
    kept = confirm(other)
    assert tasks().count() == 2
    anonymise(loan, "op verzoek")
    (remaining,) = tasks()  # only the other resident's e-mail is still queued
    assert remaining.args_kwargs["args"][1] == kept.pk
    run_worker()
    assert len(mail.outbox) == 1
