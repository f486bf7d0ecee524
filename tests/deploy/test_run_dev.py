"""`make run` (scripts/run-dev.sh) needs no second command: a task worker per backend runs
beside the development server, runs what is queued, and Ctrl+C stops all of them."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.deploy.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "run-dev.sh"

ENQUEUE = """
import django
django.setup()
from library.catalogue.print_material import regenerate_print_material
from library.tasks import daily_upkeep
regenerate_print_material.enqueue(0)
daily_upkeep.enqueue()
"""


def children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # gone meanwhile
            continue
        # The parent id is the second field after the command name in brackets.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found[int(entry.name)] = cmdline
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"{what}: niet binnen {seconds} s")


def statuses(database: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT backend_name, task_path, status FROM django_tasks_database_dbtaskresult"
            " ORDER BY backend_name, status"
        ).fetchall()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_make_run_starts_the_workers_beside_the_server_and_ctrl_c_stops_them_all(tmp_path):
    try:
        port = free_port()
    except OSError:
        pytest.skip("no loopback port to bind")
    database = tmp_path / "dev.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",  # what `make run` uses
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PDF_CACHE_DIR=str(tmp_path / "pdf"),
        CACHE_DIR=str(tmp_path / "cache"),
        PYTHON=sys.executable,
    )
    python = [sys.executable, "manage.py"]
    subprocess.run(  # noqa: S603
        [*python, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )

    # Its own session, as a terminal's job: SIGINT to the group is what Ctrl+C sends.
    script = subprocess.Popen(  # noqa: S603
        ["bash", str(SCRIPT), "127.0.0.1", str(port)],  # noqa: S607
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    started: dict[int, str] = {}
    try:

        def home_page() -> bool:
            try:
                return requests.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
            except (requests.ConnectionError, requests.Timeout):
                assert script.poll() is None, script.stderr.read().decode()[-2000:]
                return False

        wait_until(home_page, 90, "de ontwikkelserver antwoordt")
        started = children(script.pid)
        workers = {pid: cmd for pid, cmd in started.items() if " db_worker " in cmd}
        assert sorted("--backend pdf" in cmd for cmd in workers.values()) == [False, True]
        assert any("--backend mail" in cmd for cmd in workers.values())

        # What a publish and the daily upkeep queue is run by the worker of its backend.
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", ENQUEUE], cwd=ROOT, env=env, check=True, timeout=120
        )
        expected = [
            # The upkeep ran, and planned its next run (tomorrow, still waiting).
            ("mail", "library.tasks.daily_upkeep", "READY"),
            ("mail", "library.tasks.daily_upkeep", "SUCCESSFUL"),
            # ... and started the sweep for a killed worker's e-mails (in a few minutes).
            ("mail", "library.tasks.reclaim_deliveries", "READY"),
            ("pdf", "library.catalogue.print_material.regenerate_print_material", "SUCCESSFUL"),
        ]
        wait_until(
            lambda: sorted(statuses(database)) == sorted(expected), 60, "de taken zijn uitgevoerd"
        )

        os.killpg(script.pid, signal.SIGINT)  # Ctrl+C
        script.wait(timeout=15)
        wait_until(lambda: not any(alive(pid) for pid in started), 5, "alles is gestopt")
    finally:
        for pid in [script.pid, *started]:  # each runs in a process group of its own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        script.wait(timeout=15)
        script.stderr.close()
