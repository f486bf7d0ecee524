"""A mail worker killed while sending (issue 20): django-tasks-db leaves its task RUNNING for
ever and the history line reads "interrupted". The sweep (library.process.mail.
reclaim_stale_deliveries, run every few minutes by library.tasks.reclaim_deliveries) queues such
an e-mail again, and the conditional claim still sends it once. Also: the reply-to address is
the secretariat of the line's own network."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cms.models import SiteSettings
from library.models import LoanEvent
from library.process import mail as mail_process
from library.process.mail import INTERRUPTED, QUEUED, ComposedEmail, reclaim_stale_deliveries
from library.tasks import plan_daily_upkeep, reclaim_deliveries
from tests import task_worker
from tests.factories import (
    BRAM,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan,
    make_network,
)
from tests.library.test_mail_retries import DATABASE_QUEUE


@pytest.fixture
def queue(settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # As in tests/library/test_mail_retries.py: the in-process worker keeps the test's
    # connection (and its transaction).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


@pytest.fixture
def loan(db):
    expert = make_expert(make_lending_catalogue(make_home()), **BRAM)
    return make_loan(expert)


def deliveries():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=mail_process.deliver_event.module_path)


def queue_email(loan) -> LoanEvent:
    return mail_process.send(
        loan,
        ComposedEmail(
            kind="form_notification",
            recipients=["secretariaat@example.org"],
            subject="Nieuwe leenaanvraag",
            body="Er is een aanvraag.",
        ),
    )


def killed_while_sending(event: LoanEvent, minutes_ago: float) -> None:
    """What a worker killed with SIGKILL mid-send leaves behind: its task RUNNING (claimed by
    a worker that no longer exists) and the line claimed, "interrupted"."""
    row = deliveries().get()
    row.claim("gedode-worker")
    deliveries().filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    LoanEvent.objects.filter(pk=event.pk).update(error=INTERRUPTED)


def test_a_killed_workers_email_goes_out_once_after_the_sweep(queue, loan):
    event = queue_email(loan)
    killed_while_sending(event, minutes_ago=11)

    assert reclaim_stale_deliveries() == 1
    event.refresh_from_db()
    assert event.error == QUEUED and event.on_its_way
    assert deliveries().filter(status="FAILED", worker_ids=["gedode-worker"]).count() == 1

    task_worker.run_worker("mail", "worker-2")
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_SENT
    assert len(mail.outbox) == 1

    # A second sweep finds nothing: the closed row is not queued again.
    assert reclaim_stale_deliveries() == 0
    task_worker.run_worker("mail", "worker-2")
    assert len(mail.outbox) == 1


def test_a_task_still_within_its_time_is_left_alone(queue, loan):
    event = queue_email(loan)
    killed_while_sending(event, minutes_ago=2)

    assert reclaim_stale_deliveries() == 0
    assert deliveries().get().status == "RUNNING"
    event.refresh_from_db()
    assert event.error == INTERRUPTED


def test_a_worker_killed_after_the_history_was_updated_sends_nothing_again(queue, loan):
    event = queue_email(loan)
    killed_while_sending(event, minutes_ago=11)
    LoanEvent.objects.filter(pk=event.pk).update(kind=LoanEvent.Kind.EMAIL_SENT, error="")

    assert reclaim_stale_deliveries() == 0
    assert deliveries().get().status == "FAILED"  # closed, not found again
    task_worker.run_worker("mail", "worker-2")
    assert mail.outbox == []


def test_a_retry_keeps_its_attempt_when_reclaimed(queue, loan):
    event = queue_email(loan)
    row = deliveries().get()
    row.args_kwargs["args"][2] = 3
    deliveries().filter(pk=row.pk).update(args_kwargs=row.args_kwargs)
    killed_while_sending(event, minutes_ago=11)

    assert reclaim_stale_deliveries() == 1
    event.refresh_from_db()
    assert event.error.endswith(mail_process.waiting_for(3)) and event.on_its_way
    task_worker.run_worker("mail", "worker-2")
    event.refresh_from_db()
    assert event.kind == LoanEvent.Kind.EMAIL_SENT and len(mail.outbox) == 1


def test_the_sweep_plans_itself_every_few_minutes(queue, db):
    from django_tasks_db.models import DBTaskResult

    plan_daily_upkeep()
    sweeps = DBTaskResult.objects.filter(task_path=reclaim_deliveries.module_path)
    (first,) = sweeps
    assert first.run_after - timezone.now() <= datetime.timedelta(minutes=5)
    plan_daily_upkeep()
    assert sweeps.count() == 1  # one chain, however often it is started

    sweeps.update(run_after=timezone.now())
    task_worker.run_worker("mail")
    assert sweeps.filter(status="SUCCESSFUL").count() == 1
    assert sweeps.filter(status="READY").count() == 1  # the next run is planned


def test_reply_to_is_the_secretariat_of_the_lines_network(queue, db):
    make_home()
    site, home = make_network()
    settings_of_network = SiteSettings.for_site(site)
    settings_of_network.secretariat_email = "secretariaat@oost.example.test"
    settings_of_network.save()
    loan = make_loan(None, site=site)

    queue_email(loan)
    task_worker.run_worker("mail")
    (message,) = mail.outbox
    assert message.reply_to == ["secretariaat@oost.example.test"]
    assert message.extra_headers["Message-ID"].startswith("<library.loanevent.")


def test_a_killed_pdf_workers_task_is_closed_after_an_hour(queue, db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {**DATABASE_QUEUE, "pdf": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from library.catalogue.print_material import regenerate_print_material
    from library.tasks import close_lost_renders

    regenerate_print_material.enqueue(1, None)
    row = DBTaskResult.objects.get(backend_name="pdf")
    row.claim("gedode-pdf-worker")
    started = timezone.now() - datetime.timedelta(minutes=50)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=started)
    assert close_lost_renders() == 0  # a long render is still running
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=started - datetime.timedelta(hours=1))
    assert close_lost_renders() == 1
    row.refresh_from_db()
    assert row.status == "FAILED" and "worker stopte" in row.traceback
    assert close_lost_renders() == 0
