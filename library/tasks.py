"""The daily upkeep as a task that plans its own next run, so no cron is needed: the
reminders (library/process/reminders.py), the retention purge (library/process/retention.py)
and pruning the queue's finished tasks (their arguments hold e-mail attachments); and, every
few minutes, the sweep that queues again the e-mails of a worker that was killed while sending
(library.process.mail.reclaim_stale_deliveries), so they go out within minutes, not a day.

django-tasks-db runs a task once, at or after its `run_after`, and has no repeating schedule.
So each run of `daily_upkeep` queues the next one for tomorrow at UPKEEP_AT, and
`manage.py plan_daily_upkeep` (run by `make setup` and after every `migrate` in production)
starts the chain (and the sweep's chain), or does nothing when a run is already waiting.
Running twice is harmless: the reminders record what went out, the purge skips what it
already anonymised. On a backend that cannot run a task later (the immediate one in tests),
nothing is planned and cron runs `send_reminders` and `purge_personal_data` as before
(docs/deploy.md).
"""

from __future__ import annotations

import datetime
import os

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend

from library.process.mail import close_lost, lost_tasks, reclaim_stale_deliveries
from library.process.reminders import send_reminders
from library.process.retention import purge_personal_data

UPKEEP_AT = datetime.time(6, 30)  # local time: the reminders are in the inbox at the start
# How long finished tasks are kept: a month of the worker's history to look back on.
KEEP_FINISHED_DAYS = 30
# How often the sweep for a killed worker's e-mails runs; MAIL_RECLAIM_EVERY (seconds)
# shortens it for the deployment tests.
RECLAIM_EVERY = datetime.timedelta(seconds=float(os.environ.get("MAIL_RECLAIM_EVERY", "300")))


def next_upkeep(now: datetime.datetime | None = None) -> datetime.datetime:
    """The first UPKEEP_AT (local time) after `now`."""
    local = timezone.localtime(now or timezone.now())
    at = local.replace(hour=UPKEEP_AT.hour, minute=UPKEEP_AT.minute, second=0, microsecond=0)
    return at if at > local else at + datetime.timedelta(days=1)


def waiting_upkeep():
    """The queued runs of the daily upkeep that no worker has started yet."""
    from django_tasks_db.models import DBTaskResult  # a model: not at import time

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=daily_upkeep.module_path
    )


def plan_reclaim(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the next sweep for a killed worker's e-mails unless one is waiting already."""
    from django_tasks_db.models import DBTaskResult  # a model: not at import time

    if not reclaim_deliveries.get_backend().supports_defer:
        return None
    waiting = (
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=reclaim_deliveries.module_path
        )
        .order_by("run_after")
        .first()
    )
    if waiting is not None:
        return waiting.run_after
    at = (now or timezone.now()) + RECLAIM_EVERY
    reclaim_deliveries.using(run_after=at).enqueue()
    return at


# A PDF render takes seconds, all trainer material a few minutes; one RUNNING for an hour lost
# its worker. Nothing to redo (the next download renders what is missing), but its row would
# say RUNNING for ever in the task table.
RENDER_LOST_AFTER = datetime.timedelta(hours=1)


def close_lost_renders(now: datetime.datetime | None = None) -> int:
    rows = lost_tasks(RENDER_LOST_AFTER, now, backend_name="pdf").values_list("pk", flat=True)
    return sum(close_lost(pk) for pk in list(rows))


@task(backend="mail")
def reclaim_deliveries() -> str:
    """The sweep, then the next one (planned first: a worker killed during this run must not
    end the chain)."""
    plan_reclaim()
    renders = close_lost_renders()
    emails = reclaim_stale_deliveries()
    return f"Opnieuw in de wachtrij: {emails} e-mails; {renders} PDF-taken gesloten."


def plan_daily_upkeep(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Queue the next daily upkeep unless one is waiting already, and start the sweep's chain
    when it is not running. Returns when the upkeep runs, or None when this backend cannot run
    a task later (cron's job then)."""
    if not daily_upkeep.get_backend().supports_defer:
        return None
    plan_reclaim(now)
    waiting = waiting_upkeep().order_by("run_after").first()
    if waiting is not None:
        return waiting.run_after
    at = next_upkeep(now)
    daily_upkeep.using(run_after=at).enqueue()
    return at


@task(backend="mail")
def daily_upkeep() -> str:
    """Reminders, the retention purge and pruning, then tomorrow's run. Its summary is kept as
    the task's result (the worker's task table)."""
    # Tomorrow's run first: a worker killed during this one must not end the chain.
    plan_daily_upkeep()
    try:
        reclaim_stale_deliveries()
        reminders = send_reminders().summary()
        purged = purge_personal_data()
        for alias in settings.TASKS:
            if isinstance(task_backends[alias], DatabaseBackend):
                call_command(
                    "prune_db_task_results",
                    f"--backend={alias}",
                    "--queue-name=*",
                    f"--min-age-days={KEEP_FINISHED_DAYS}",
                    verbosity=0,
                )
    finally:
        # Also after an error: one bad day must not end the chain.
        plan_daily_upkeep()
    return f"{reminders} Geanonimiseerd: {sum(len(r.requests) for r in purged)} aanvragen."
