"""The daily upkeep as tasks, for a worker to run: the reminders and the retention purge.

Both wrap the same service functions as the commands cron runs (`send_reminders`,
`purge_personal_data`), and both are safe to run twice: the reminders record what went out,
the purge skips what it already anonymised. django-tasks-db runs a task once, at or after its
`run_after`; it has no repeating schedule, so cron still decides when (docs/deploy.md). A task
here is for whatever wants the work done by a worker instead of in its own process; its summary
is kept as the task's result, and an error as its traceback (the worker's task table).

On the "mail" backend: the reminders are e-mails, and the purge is a few queries; the "pdf"
worker may be busy rendering for minutes.
"""

from __future__ import annotations

from django_tasks import task

from library.process.reminders import send_reminders
from library.process.retention import purge_personal_data


@task(backend="mail")
def send_reminders_task() -> str:
    """What `manage.py send_reminders` does; returns its summary."""
    return send_reminders().summary()


@task(backend="mail")
def purge_personal_data_task() -> str:
    """What `manage.py purge_personal_data` does; returns how many requests it anonymised."""
    result = purge_personal_data()
    return f"Geanonimiseerd: {len(result.requests)} aanvragen."
