"""Benchmark of the trainer guides: cold render and cached download.

Runs in a throw-away SQLite database and media folder with the demo content, then prints a
table and writes benchmarks/results/pdf_guides.json. Usage: make bench  (or
.venv/bin/python benchmarks/pdf_guides.py [--rounds N]).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"guide_cold_s": 2.0, "guide_cached_ms": 50.0, "guide_all_cold_s": 15.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="cold renders per document")
    parser.add_argument("--cached", type=int, default=50, help="cached downloads to time")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "PDF_CACHE_DIR": str(workdir / "pdf-cache"),
            # Rendering after publish would compete with the measurements.
            "TASKS_PDF_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from cms.pdf import cache_dir
    from curriculum.models import WorkshopIndexPage, WorkshopPage

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    workshop = WorkshopPage.objects.get(essence__number=5)
    series = WorkshopIndexPage.objects.get()
    guide_url = workshop.url + "docentenhandreiking.pdf"
    all_url = series.url + "docentenhandreiking.pdf"

    def timed_get(url: str) -> tuple[float, int]:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        return elapsed, len(response.content)

    def clear_guides() -> None:
        shutil.rmtree(cache_dir(), ignore_errors=True)

    # Warm up the Python side (imports, template loading) once, outside the measurements.
    timed_get(guide_url)

    results: dict[str, float] = {}
    cold = []
    for _ in range(options.rounds):
        clear_guides()
        cold.append(timed_get(guide_url)[0])
    results["guide_cold_s"] = statistics.median(cold)
    cached = [timed_get(guide_url)[0] for _ in range(options.cached)]
    results["guide_cached_ms"] = statistics.median(cached) * 1000
    results["guide_cached_p95_ms"] = sorted(cached)[int(0.95 * len(cached)) - 1] * 1000
    results["guide_pages_bytes"] = timed_get(guide_url)[1]

    cold_all = []
    for _ in range(max(1, options.rounds // 2)):
        clear_guides()
        cold_all.append(timed_get(all_url)[0])
    results["guide_all_cold_s"] = statistics.median(cold_all)
    cached_all = [timed_get(all_url)[0] for _ in range(options.cached)]
    results["guide_all_cached_ms"] = statistics.median(cached_all) * 1000
    results["guide_all_bytes"] = timed_get(all_url)[1]

    print(f"{'measurement':<28}{'value':>12}{'target':>12}")
    for name, value in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if value < target else "  TE TRAAG")
        target_text = "" if target is None else f"< {target:g}"
        print(f"{name:<28}{value:>12.3f}{target_text:>12}{verdict}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "pdf_guides.json").write_text(json.dumps(results, indent=2))
    return 0 if all(results[k] < v for k, v in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
