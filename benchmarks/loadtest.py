"""make loadtest: the site under gunicorn (2 workers) on PostgreSQL, loaded with wrk.

Run through scripts/with-postgres.sh (a throw-away PostgreSQL on 127.0.0.1). Builds the demo
with 500 book covers, starts gunicorn with the production settings on a free loopback port,
and runs wrk for 15 s per URL (home, catalogue, a cover, a workshop, a cached trainer guide)
and against a static file of the home page's size served by WhiteNoise. Prints req/s, p50 and
p99 and the ratio to the static file; then the catalogue uncached (a session cookie bypasses
the page cache). Everything stays on 127.0.0.1 and ends after a fixed time.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT

BIN = ROOT / ".venv" / "bin"
DURATION = os.environ.get("LOADTEST_SECONDS", "15")
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, *headers: str, connections: int = 16) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(label: str) -> float:
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", output).groups()
        return float(value) * UNIT[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p50_ms": percentile("50"),
        "p99_ms": percentile("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Start via: scripts/with-postgres.sh .venv/bin/python benchmarks/loadtest.py")
        return 2
    if not shutil.which("wrk"):
        print("wrk ontbreekt: apt-get install wrk (make loadtest installeert het als root).")
        return 2
    work = Path(tempfile.mkdtemp(prefix="cms-loadtest-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "CACHE_DIR": str(work / "cache"),
        "PDF_CACHE_DIR": str(work / "pdf-cache"),
        # Publishing 500 covers would re-render the print material each time; the first
        # request renders what is asked for.
        "TASKS_PDF_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from pages import grow_catalogue_to

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    grow_catalogue_to(500)
    call_command("collectstatic", verbosity=0, interactive=False)

    from curriculum.models import WorkshopPage
    from library.models import ExpertIndexPage, ExpertPage

    catalogue = ExpertIndexPage.objects.get().url
    cover = ExpertPage.objects.live().exclude(availability="withdrawn").order_by("title")[0].url
    workshop = WorkshopPage.objects.get(essence__number=5).url
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "cms.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                home = urllib.request.urlopen(base + "/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn kwam niet op")
        # A static file as big as the home page, collected before gunicorn started.
        static_dir = work / "static" / "loadtest"
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "zelfde-grootte.html").write_bytes(home)
        server.terminate()
        server.wait(timeout=30)
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "cms.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
        )
        time.sleep(3)
        urls = {
            "static file": "/static/loadtest/zelfde-grootte.html",
            "home": "/",
            "catalogue (500)": catalogue,
            "cover": cover,
            "workshop": workshop,
            "trainer guide (PDF)": workshop + "docentenhandreiking.pdf",
        }
        for path in urls.values():
            urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310 - warm caches
        results = {name: wrk(base + path) for name, path in urls.items()}
        # One connection per worker: the server's own time, not time queued behind others.
        uncached = wrk(base + catalogue, "Cookie: sessionid=loadtest-no-cache", connections=2)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    static_rps = results["static file"]["rps"]
    print(f"\nwrk -t2 -c16 -d{DURATION}s per URL, gunicorn 2 workers, PostgreSQL, 127.0.0.1")
    print(f"{'url':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs static':>11}{'non-2xx':>9}")
    for name, row in results.items():
        print(
            f"{name:<22}{row['rps']:>9.0f}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}"
            f"{row['rps'] / static_rps:>10.0%}{row['non_2xx']:>9}"
        )
    print(
        f"{'catalogue uncached*':<22}{uncached['rps']:>9.0f}{uncached['p50_ms']:>9.2f}"
        f"{uncached['p99_ms']:>9.2f}{uncached['rps'] / static_rps:>10.0%}{uncached['non_2xx']:>9}"
    )
    print("* page cache bypassed by a session cookie; 2 connections (one per worker)")
    checks = {
        "cached pages at least 50% of the static file's req/s": all(
            row["rps"] >= 0.5 * static_rps
            for name, row in results.items()
            if name not in ("static file", "trainer guide (PDF)")
        ),
        "catalogue with 500 books uncached under 150 ms median": uncached["p50_ms"] < 150,
        "no errors": all(row["non_2xx"] == 0 for row in [*results.values(), uncached]),
    }
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
