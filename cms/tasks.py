"""A task backend for one machine that does not make the user wait.

django-tasks 0.12 ships an immediate backend (runs the task inside the request, so an editor
who publishes waits for every PDF) and a dummy one; the in-process thread-pool backends on PyPI
target Django 6. This runs each task in a background thread of the same process. Tasks that
must survive a restart belong on a worker-backed backend (django-tasks-db) instead; point the
TASKS setting there when the site runs on several machines.
"""

from __future__ import annotations

import logging
import threading

from django.db import connections
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)


class BackgroundThreadBackend(ImmediateBackend):
    def _execute_task(self, task_result) -> None:
        def run() -> None:
            try:
                super(BackgroundThreadBackend, self)._execute_task(task_result)
                for error in task_result.errors:
                    logger.error("Taak %s mislukt:\n%s", task_result.task.name, error.traceback)
            finally:
                # The thread's own database connections would otherwise stay open.
                connections.close_all()

        threading.Thread(target=run, name=f"task-{task_result.id}", daemon=True).start()
