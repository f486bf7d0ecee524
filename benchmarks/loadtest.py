"""make loadtest: the site under gunicorn (2 workers) on PostgreSQL, loaded with wrk.

Run through scripts/with-postgres.sh (a throw-away PostgreSQL on 127.0.0.1). Builds the demo
with 500 book covers, starts gunicorn with the production settings on a free loopback port,
and runs wrk for 15 s per URL (home, catalogue, a cover, a workshop, a cached trainer guide)
and, beside each, against a static file of exactly the same size served by WhiteNoise: a
60 kB PDF and a 13 kB page are each compared with their own twin, so the ratio measures the
application, not the byte count. Prints req/s, p50 and p99 and the ratio to the static twin;
then the catalogue uncached (a session cookie bypasses the page cache). Then two networks:
home, catalogue and a cover of the first network alone, and the same pages of the first and a
second network (its own Site on another hostname, same paths) taking turns request by request,
so the page cache holds both networks' copies; the req/s must stay the same
(LOADTEST_TWO_NETWORKS=0 skips this part, =only runs just this part).
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

from common import ROOT, first_network_page

BIN = ROOT / ".venv" / "bin"
DURATION = os.environ.get("LOADTEST_SECONDS", "15")
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, *headers: str, connections: int = 16, script: Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "--latency", url]
    if script is not None:
        command += ["-s", str(script)]
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


ROUND_ROBIN_LUA = """
-- Each request goes to the next (Host, path) in turn: several networks on one server.
local targets = {%s}
local turn = 0
request = function()
  turn = turn %% #targets + 1
  local target = targets[turn]
  return wrk.format("GET", target[2], {["Host"] = target[1]})
end
"""


def round_robin_script(work: Path, name: str, targets: list[tuple[str, str]]) -> Path:
    entries = ", ".join(f'{{"{host}", "{path}"}}' for host, path in targets)
    script = work / f"{name}.lua"
    script.write_text(ROUND_ROBIN_LUA % entries)
    return script


def two_sites():
    """The first network and a second one: the demo's own second network when it has one,
    else one as `benchmarks/networks.py` builds them."""
    from networks import add_network
    from wagtail.models import Site

    first = Site.objects.get(is_default_site=True)
    other = Site.objects.exclude(pk=first.pk).order_by("pk").first()
    return first, other or add_network(2)


def host_header(site) -> str:
    """Hostname and port exactly as the Site has them, so Wagtail picks that site whatever
    port the server listens on."""
    return f"{site.hostname}:{site.port}"


def network_pages(site) -> dict[str, str]:
    """Home, catalogue and first cover of a network."""
    from library.models import ExpertIndexPage, ExpertPage

    catalogue = ExpertIndexPage.objects.descendant_of(site.root_page).live().first()
    cover = ExpertPage.objects.child_of(catalogue).live().order_by("title").first()
    return {
        "home": "/",
        "catalogue": catalogue.relative_url(site),
        "cover": cover.relative_url(site),
    }


def two_networks(base: str, work: Path, hosts: tuple[str, str], pages: tuple[dict, dict]) -> dict:
    """Per page: wrk on each network alone, then on both networks in turn. The two networks'
    pages differ (another home, a catalogue with fewer books), so the yardstick for "in turn"
    is what serving each alone costs, taken in turn: the harmonic mean of the two."""
    for host, paths in zip(hosts, pages, strict=True):
        for path in paths.values():  # each network's copy in the page cache first
            request = urllib.request.Request(base + path, headers={"Host": host})  # noqa: S310
            urllib.request.urlopen(request, timeout=120).read()  # noqa: S310
    rows = {}
    for name in pages[0]:
        first = round_robin_script(work, f"een-{name}", [(hosts[0], pages[0][name])])
        second = round_robin_script(work, f"ander-{name}", [(hosts[1], pages[1][name])])
        both = round_robin_script(
            work, f"twee-{name}", [(hosts[0], pages[0][name]), (hosts[1], pages[1][name])]
        )
        # First, second, both, both, second, first: a machine that gets busier or quieter
        # during the run weighs on every mode alike.
        order = (first, second, both, both, second, first)
        runs = [wrk(base + "/", script=script) for script in order]
        alone = (average(runs[0], runs[5]), average(runs[1], runs[4]))
        rows[name] = {
            "one": alone[0],
            "other": alone[1],
            "expected_rps": 2 / (1 / alone[0]["rps"] + 1 / alone[1]["rps"]),
            "two": average(runs[2], runs[3]),
        }
    return rows


def average(first: dict, second: dict) -> dict:
    return {key: (first[key] + second[key]) / 2 for key in first}


def report_two_networks(rows: dict) -> bool:
    print(
        f"\nTwee netwerken: wrk -t2 -c16 -d{DURATION}s, twee keer per modus (1-2-om-om-2-1, "
        "gemiddeld), zelfde server en cache"
    )
    print(
        f"{'pagina':<12}{'netwerk 1':>10}{'netwerk 2':>10}{'verwacht':>10}"
        f"{'om en om':>10}{'p50':>7}{'p99':>7}{'ratio':>7}{'non-2xx':>8}"
    )
    for name, row in rows.items():
        one, other, two = row["one"], row["other"], row["two"]
        errors = one["non_2xx"] + other["non_2xx"] + two["non_2xx"]
        print(
            f"{name:<12}{one['rps']:>10.0f}{other['rps']:>10.0f}{row['expected_rps']:>10.0f}"
            f"{two['rps']:>10.0f}{two['p50_ms']:>7.2f}{two['p99_ms']:>7.2f}"
            f"{two['rps'] / row['expected_rps']:>7.0%}{errors:>8.0f}"
        )
    print(
        "req/s; netwerk 1 en 2: elk netwerk alleen; verwacht: die twee om en om (harmonisch "
        "gemiddelde); om en om: gemeten"
    )
    print("om en om: een verzoek aan elk netwerk op zijn beurt (eigen hostnaam, zelfde paden)")
    # Two runs of 15 s on a shared machine differ by a few percent on their own.
    checks = {
        "two networks in turn at least 90% of each network alone": all(
            row["two"]["rps"] >= 0.9 * row["expected_rps"] for row in rows.values()
        ),
        "no errors with two networks": all(
            row["one"]["non_2xx"] == row["other"]["non_2xx"] == row["two"]["non_2xx"] == 0
            for row in rows.values()
        ),
    }
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    return all(checks.values())


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
    # "only": just the comparison of one and two networks, without the table against static.
    two_networks_mode = os.environ.get("LOADTEST_TWO_NETWORKS", "1")
    with_two_networks = two_networks_mode != "0"
    only_networks = two_networks_mode == "only"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        # The networks' hostnames are only sent as Host headers to 127.0.0.1; which names
        # the demo gives them is known only after it has loaded.
        "ALLOWED_HOSTS": "*",
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
    sites = two_sites() if with_two_networks else None
    call_command("collectstatic", verbosity=0, interactive=False)

    from wagtail.models import Site

    from curriculum.models import WorkshopPage
    from library.models import ExpertIndexPage, ExpertPage

    # Paths on the first network: `.url` is a full URL once there are several sites.
    first_site = Site.objects.get(is_default_site=True)
    catalogue_page = first_network_page(ExpertIndexPage)
    catalogue = catalogue_page.relative_url(first_site)
    cover = (
        ExpertPage.objects.child_of(catalogue_page)
        .live()
        .exclude(availability="withdrawn")
        .order_by("title")[0]
        .relative_url(first_site)
    )
    workshop = first_network_page(WorkshopPage, essence__number=5).relative_url(first_site)
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
        results, uncached = {}, None
        for name, path in urls.items() if not only_networks else ():
            results[name] = wrk(base + path)
            results[name]["static"] = wrk(base + twins[name][0])
            results[name]["bytes"] = twins[name][1]
        if not only_networks:
            # One connection per worker: the server's own time, not time queued behind others.
            uncached = wrk(base + catalogue, "Cookie: sessionid=loadtest-no-cache", connections=2)
            uncached["static"] = results["catalogue (500)"]["static"]
            uncached["bytes"] = results["catalogue (500)"]["bytes"]
        networks = None
        if sites is not None:
            networks = two_networks(
                base,
                work,
                tuple(host_header(site) for site in sites),
                tuple(network_pages(site) for site in sites),
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        if redis is not None:
            redis.terminate()
            redis.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    status = 0 if only_networks else report(results, uncached, cache_kind)
    if networks is not None and not report_two_networks(networks):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
