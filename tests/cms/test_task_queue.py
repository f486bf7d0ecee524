"""The durable task queue (issue 20): PDF renders, e-mail and the daily upkeep are rows in the
site's own database (django-tasks-db) that `manage.py db_worker` runs. A publish only queues;
the worker renders into the PDF cache; a failing task is recorded with its error and the worker
goes on; a task queued by a process that then stopped is still there for the next worker."""

import datetime
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from library import tasks as upkeep_tasks
from library.catalogue.print_material import cover_document, regenerate_print_material
from library.models import LoanRequest, LoanStatus
from library.tasks import daily_upkeep, next_upkeep, plan_daily_upkeep, waiting_upkeep
from tests.factories import (
    BRAM,
    local_time,
    make_catalogue,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan_with_history,
)
from tests.task_worker import run_worker

# The worker's commits are real ones; the pages the migrations made come back after each test.
COMMITS = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "pdf": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@task(backend="pdf")
def fail_loudly(reason: str) -> None:
    raise RuntimeError(reason)


@task(backend="pdf")
def add(a: int, b: int) -> int:
    return a + b


@pytest.fixture
def queue(settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    settings.PDF_CACHE_DIR = tmp_path / "pdf"
    return settings


def row(result) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


def test_production_settings_queue_pdfs_and_mail_in_the_database():
    """Not the test settings (they keep the suite fast): what base.py gives every site."""
    from config.settings import base

    assert base.TASKS["pdf"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert base.TASKS["mail"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in django_settings.INSTALLED_APPS


@COMMITS
def test_a_publish_queues_the_render_and_the_worker_fills_the_pdf_cache(queue):
    catalogue = make_catalogue(make_home())
    expert = make_expert(catalogue, "Slecht nieuws brengen")
    document = cover_document(expert)

    # The publish wrote rows and rendered nothing: the editor did not wait.
    queued = DBTaskResult.objects.filter(
        task_path="library.catalogue.print_material.regenerate_print_material",
        backend_name="pdf",
    )
    assert [(r.status, r.args_kwargs["args"]) for r in queued.order_by("enqueued_at")] == [
        (TaskResultStatus.READY, [catalogue.pk]),
        (TaskResultStatus.READY, [catalogue.pk, expert.pk]),
    ]
    assert document.read() is None

    # The cover's render is all this test needs; the catalogue's flyer and booklet take long.
    queued.filter(args_kwargs__args=[catalogue.pk]).delete()
    run_worker("pdf")

    cover = queued.get()
    assert cover.status == TaskResultStatus.SUCCESSFUL, cover.traceback
    assert cover.worker_ids == ["worker-1"]
    pdf = document.read()
    assert pdf is not None and pdf.startswith(b"%PDF-")


@COMMITS
def test_a_failing_task_is_recorded_with_its_error_and_the_worker_goes_on(queue):
    broken = fail_loudly.enqueue("sjabloon kapot")
    fine = add.enqueue(2, 3)

    run_worker("pdf")

    failed = row(broken)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.RuntimeError"
    assert "sjabloon kapot" in failed.traceback
    assert (row(fine).status, row(fine).return_value) == (TaskResultStatus.SUCCESSFUL, 5)


@COMMITS
def test_each_worker_serves_its_own_backend(queue):
    """`make run` and the systemd units start one worker per backend: a slow render never
    holds up an e-mail, and neither worker takes the other's tasks."""
    render = regenerate_print_material.enqueue(0)  # no such catalogue: nothing to render
    upkeep = daily_upkeep.enqueue()

    run_worker("mail")
    assert row(render).status == TaskResultStatus.READY
    assert row(upkeep).status == TaskResultStatus.SUCCESSFUL

    run_worker("pdf")
    assert row(render).status == TaskResultStatus.SUCCESSFUL


@COMMITS
def test_a_task_outlives_the_process_that_queued_it(queue):
    """The thread backend this replaces lost a queued task when its process stopped. Here the
    task is a row: a new process (fresh backends, no memory of the enqueue) finds it READY and
    its worker runs it."""
    result = add.enqueue(20, 22)
    queue.TASKS = dict(DATABASE_QUEUE)  # the backends built anew, as in a new process

    waiting = DBTaskResult.objects.get(pk=result.id)
    assert (waiting.status, waiting.task_path) == (
        TaskResultStatus.READY,
        "tests.cms.test_task_queue.add",
    )
    run_worker("pdf", worker_id="na-herstart")
    assert task_backends["pdf"].get_result(result.id).return_value == 42


@COMMITS
def test_a_task_whose_worker_was_killed_stays_running_and_is_not_taken_again(queue):
    """What docs/deploy.md says about a killed worker: django-tasks-db does not hand its task
    to another worker. The row stays RUNNING, so the PDF is rendered at its first request and
    the e-mail's history line stays failed for the desk to send again."""
    result = add.enqueue(1, 1)
    row(result).claim("gestorven-worker")  # what the worker did before it was killed

    run_worker("pdf", worker_id="volgende")

    orphan = row(result)
    assert (orphan.status, orphan.worker_ids) == (TaskResultStatus.RUNNING, ["gestorven-worker"])


@COMMITS
def test_the_daily_upkeep_purges_reminds_and_plans_tomorrow(queue):
    """No cron: the upkeep runs as a task and queues its own next run, tomorrow at 06:30."""
    expert = make_expert(make_lending_catalogue(make_home()), **BRAM)
    closed = make_loan_with_history(
        expert, local_time(2020, 1, 5), [(LoanStatus.WITHDRAWN, local_time(2020, 1, 6))]
    )
    upkeep = daily_upkeep.enqueue()
    assert LoanRequest.objects.get(pk=closed.pk).anonymised_at is None  # only queued

    run_worker("mail")

    assert row(upkeep).status == TaskResultStatus.SUCCESSFUL, row(upkeep).traceback
    assert "Geanonimiseerd: 1 aanvragen." in row(upkeep).return_value
    assert LoanRequest.objects.get(pk=closed.pk).anonymised_at is not None
    (tomorrow,) = waiting_upkeep()
    assert tomorrow.run_after == next_upkeep()


@COMMITS
def test_a_failing_upkeep_still_plans_the_next_day(queue, monkeypatch):
    def broken():
        raise RuntimeError("mailserver weg")

    monkeypatch.setattr(upkeep_tasks, "send_reminders", broken)
    upkeep = daily_upkeep.enqueue()
    run_worker("mail")
    assert row(upkeep).status == TaskResultStatus.FAILED
    assert waiting_upkeep().count() == 1  # one bad day does not end the chain


@COMMITS
def test_planning_twice_queues_one_run_and_prunes_nothing_recent(queue):
    first = plan_daily_upkeep()
    assert plan_daily_upkeep() == first
    out = StringIO()
    call_command("plan_daily_upkeep", stdout=out)
    assert "Dagelijks onderhoud staat klaar voor" in out.getvalue()
    assert waiting_upkeep().count() == 1
    assert first == next_upkeep()


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ((2026, 11, 30, 6, 0), (2026, 11, 30, 6, 30)),
        ((2026, 11, 30, 6, 30), (2026, 12, 1, 6, 30)),
        ((2026, 12, 31, 23, 0), (2027, 1, 1, 6, 30)),
    ],
)
def test_the_upkeep_runs_at_half_past_six_local_time(now, expected):
    def at(year, month, day, hour, minute):
        return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))

    assert next_upkeep(at(*now)) == at(*expected)


def test_without_a_database_queue_cron_stays_in_charge(db):
    # The test settings run e-mail tasks at once: nothing can be planned for later.
    assert plan_daily_upkeep() is None
    out = StringIO()
    call_command("plan_daily_upkeep", stdout=out)
    assert "cron" in out.getvalue()
