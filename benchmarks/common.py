"""Shared set-up for the benchmarks: a throw-away database and media folder, and timing."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_throwaway_site() -> Path:
    """Point Django at a new SQLite file and media folder, migrate and load the demo."""
    workdir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    os.environ.update(
        {
            # DEBUG off, as in production: debug mode logs every query and slows pages down.
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "PDF_CACHE_DIR": str(workdir / "pdf-cache"),
            # The page cache in files, as on a single-machine site (tests use memory).
            "CACHE_DIR": str(workdir / "page-cache"),
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    return workdir


def time_get(client, url: str, params: dict | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get(url, params or {})
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params}: HTTP {response.status_code}")
    return elapsed, len(response.content)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(0.95 * len(ordered)) - 1)] * 1000


def first_network_page(model, **filters):
    """A live page of `model` on the first network (the default site), not an alias: with
    several networks the demo has a catalogue per network and aliases of the national
    curriculum beside its originals."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    pages = model.objects.descendant_of(root).live().filter(alias_of__isnull=True, **filters)
    return pages.order_by("path").first()
