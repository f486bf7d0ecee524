"""Run a django-tasks-db worker in the test process, as `manage.py db_worker --backend <backend>`
does, until nothing is ready (batch mode)."""

import signal

from django.core.management import call_command


def run_worker(backend: str, worker_id: str = "worker-1") -> None:
    """The worker sets its own signal handlers; the test run gets its own back afterwards."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker",
            "--batch",
            f"--backend={backend}",
            "--queue-name=*",
            "--interval=0",
            "--no-startup-delay",
            "--no-reload",
            f"--worker-id={worker_id}",
            verbosity=0,
        )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
