"""make loadtest: the site under gunicorn (2 workers) on PostgreSQL, loaded with wrk.

Run through scripts/with-postgres.sh (a throw-away PostgreSQL on 127.0.0.1). Builds the demo
with 500 book covers, starts gunicorn with the production settings on a free loopback port,
and runs wrk for 15 s per URL (home, catalogue, a cover, a workshop, a cached trainer guide)
and, beside each, against a static file of exactly the same size served by WhiteNoise: a
60 kB PDF and a 13 kB page are each compared with their own twin, so the ratio measures the
application, not the byte count. Prints req/s, p50 and p99 and the ratio to the static twin;
then the catalogue uncached (a session cookie bypasses the page cache).
The page cache is the file cache of a single machine, or with LOADTEST_CACHE=redis a
redis-server started here, as in the several-server set-up of docs/deploy.md.
Everything stays on 127.0.0.1 and ends after a fixed time.
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


def start_redis(work: Path) -> subprocess.Popen:
    """A throw-away redis-server on a free loopback port; REDIS_URL points the site at it."""
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(work)],
        stdout=subprocess.DEVNULL,
    )
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", redis_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return redis


def wait_until_up(base: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=5).read()  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn kwam niet op")


def report(results: dict, uncached: dict, cache_kind: str) -> int:
    """Print the table and the verdicts; 0 when every check holds."""
    print(
        f"\nwrk -t2 -c16 -d{DURATION}s per URL, gunicorn 2 workers, PostgreSQL, "
        f"{cache_kind} cache, 127.0.0.1"
    )
    print(
        f"{'url':<22}{'bytes':>8}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'static req/s':>13}{'p50':>7}{'p99':>7}{'ratio':>7}{'non-2xx':>8}"
    )
    for name, row in [*results.items(), ("catalogue uncached*", uncached)]:
        static = row["static"]
        print(
            f"{name:<22}{row['bytes']:>8}{row['rps']:>8.0f}{row['p50_ms']:>8.2f}"
            f"{row['p99_ms']:>8.2f}{static['rps']:>13.0f}{static['p50_ms']:>7.2f}"
            f"{static['p99_ms']:>7.2f}{row['rps'] / static['rps']:>7.0%}"
            f"{row['non_2xx'] + static['non_2xx']:>8}"
        )
    print("static: a file of the same size served by WhiteNoise through the same gunicorn")
    print("* page cache bypassed by a session cookie; 2 connections (one per worker)")
    checks = {
        "every cached URL at least 50% of its static twin's req/s": all(
            row["rps"] >= 0.5 * row["static"]["rps"] for row in results.values()
        ),
        "catalogue with 500 books uncached under 150 ms median": uncached["p50_ms"] < 150,
        "no errors": all(
            row["non_2xx"] == row["static"]["non_2xx"] == 0 for row in [*results.values(), uncached]
        ),
    }
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    return 0 if all(checks.values()) else 1


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Start via: scripts/with-postgres.sh .venv/bin/python benchmarks/loadtest.py")
        return 2
    if not shutil.which("wrk"):
        print("wrk ontbreekt: apt-get install wrk (make loadtest installeert het als root).")
        return 2
    work = Path(tempfile.mkdtemp(prefix="cms-loadtest-"))
    cache_kind = os.environ.get("LOADTEST_CACHE", "file")
    redis = start_redis(work) if cache_kind == "redis" else None
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
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
        [str(BIN / "gunicorn"), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(base)
        urls = {
            "home": "/",
            "catalogue (500)": catalogue,
            "cover": cover,
            "workshop": workshop,
            "trainer guide (PDF)": workshop + "docentenhandreiking.pdf",
        }
        # Static twins of the same size, collected before the second gunicorn starts
        # (WhiteNoise indexes the static folder at start-up).
        static_dir = work / "static" / "loadtest"
        static_dir.mkdir(parents=True, exist_ok=True)
        twins = {}
        for number, (name, path) in enumerate(urls.items()):
            body = urllib.request.urlopen(base + path, timeout=120).read()  # noqa: S310
            (static_dir / f"tweeling-{number}.bin").write_bytes(body)
            twins[name] = (f"/static/loadtest/tweeling-{number}.bin", len(body))
        server.terminate()
        server.wait(timeout=30)
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
        )
        time.sleep(3)
        for path in [*urls.values(), *(twin for twin, _ in twins.values())]:
            urllib.request.urlopen(base + path, timeout=120).read()  # noqa: S310 - warm caches
        results = {}
        for name, path in urls.items():
            results[name] = wrk(base + path)
            results[name]["static"] = wrk(base + twins[name][0])
            results[name]["bytes"] = twins[name][1]
        # One connection per worker: the server's own time, not time queued behind others.
        uncached = wrk(base + catalogue, "Cookie: sessionid=loadtest-no-cache", connections=2)
        uncached["static"] = results["catalogue (500)"]["static"]
        uncached["bytes"] = results["catalogue (500)"]["bytes"]
    finally:
        server.terminate()
        server.wait(timeout=30)
        if redis is not None:
            redis.terminate()
            redis.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return report(results, uncached, cache_kind)


if __name__ == "__main__":
    sys.exit(main())
