"""Benchmark of the trainer guides: cold render and cached download.

Runs in a throw-away SQLite database and media folder with the demo content, then prints a
table and writes benchmarks/results/pdf_guides.json. Usage: make bench  (or
.venv/bin/python benchmarks/pdf_guides.py [--rounds N]).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys

from common import median_ms, p95_ms, setup_throwaway_site, time_get, write_results

TARGETS = {"guide_cold_s": 2.0, "guide_cached_ms": 50.0, "guide_all_cold_s": 15.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="cold renders per document")
    parser.add_argument("--cached", type=int, default=50, help="cached downloads to time")
    options = parser.parse_args()

    setup_throwaway_site()
    from django.test import Client

    from cms.pdf import cache_dir
    from curriculum.models import WorkshopIndexPage, WorkshopPage

    client = Client(HTTP_HOST="127.0.0.1")
    workshop = WorkshopPage.objects.get(essence__number=5)
    series = WorkshopIndexPage.objects.get()
    guide_url = workshop.url + "docentenhandreiking.pdf"
    all_url = series.url + "docentenhandreiking.pdf"

    def timed_get(url: str) -> tuple[float, int]:
        return time_get(client, url)

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
    results["guide_cached_ms"] = median_ms(cached)
    results["guide_cached_p95_ms"] = p95_ms(cached)
    results["guide_pages_bytes"] = timed_get(guide_url)[1]

    cold_all = []
    for _ in range(max(1, options.rounds // 2)):
        clear_guides()
        cold_all.append(timed_get(all_url)[0])
    results["guide_all_cold_s"] = statistics.median(cold_all)
    cached_all = [timed_get(all_url)[0] for _ in range(options.cached)]
    results["guide_all_cached_ms"] = median_ms(cached_all)
    results["guide_all_bytes"] = timed_get(all_url)[1]

    print(f"{'measurement':<28}{'value':>12}{'target':>12}")
    for name, value in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if value < target else "  TE TRAAG")
        target_text = "" if target is None else f"< {target:g}"
        print(f"{name:<28}{value:>12.3f}{target_text:>12}{verdict}")
    write_results("pdf_guides", results)
    return 0 if all(results[k] < v for k, v in TARGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
