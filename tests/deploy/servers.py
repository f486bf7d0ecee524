"""App servers for the deployment tests: gunicorn on a free loopback port, against the test's
own PostgreSQL database, with the test settings (DEBUG off, static files from the source
folders so no collectstatic is needed)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=5)
            return
        except (requests.ConnectionError, requests.Timeout):  # still starting
            time.sleep(0.2)
    raise RuntimeError(f"{url} kwam niet op")


def app_server_env(**extra: str) -> dict[str, str]:
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "SECRET_KEY": settings.SECRET_KEY,
        # Every simulated resident comes from 127.0.0.1: the per-address limit of the loan
        # form would stop the load after ten (tests/deploy/test_rate_limits.py checks it).
        "LOAN_FORM_LIMIT_PER_ADDRESS": "1000000",
        **extra,
    }


def start_gunicorn(env: dict[str, str], workers: int = 1) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/")
    return process, url


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    """A throw-away redis-server on a free loopback port, nothing written to disk."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("redis-server kwam niet op") from None
            time.sleep(0.1)
    return process, f"redis://127.0.0.1:{port}/0"


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def loan_form_data(token: str, expert_id: int, number: int) -> dict[str, str]:
    return {
        "csrfmiddlewaretoken": token,
        "expert": str(expert_id),
        "name": f"AIOS {number}",
        "email": f"aios{number}@example.org",
        "phone": "06-0000 0000",
        "programme": "huisartsgeneeskunde",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Leren over hoop.",
        "motivation": "Ik wil dit beter kunnen.",
        "consent": "on",
        "website": "",
    }


def start_worker(env: dict[str, str], backend: str, worker_id: str) -> subprocess.Popen:
    """`manage.py db_worker` as production runs it (one process; `kill` reaches the worker
    itself, not a wrapper)."""
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "manage.py",
            "db_worker",
            f"--backend={backend}",
            "--queue-name=*",
            "--interval=0.2",
            "--no-startup-delay",
            "--no-reload",
            f"--worker-id={worker_id}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
