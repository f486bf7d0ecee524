"""Benchmark of the catalogue: SQL queries and render time with 20 and with 500 book covers.

Runs in a throw-away SQLite database with the demo content, adds fictional covers up to 20 and
then up to 500, and measures the catalogue plain, filtered and searched. Prints a table and
writes benchmarks/results/catalogue.json. Usage: make bench (or .venv/bin/python
benchmarks/catalogue.py [--requests N]).
"""

from __future__ import annotations

import argparse
import sys

from common import median_ms, p95_ms, setup_throwaway_site, time_get, write_results

MAX_QUERIES = 15
FILTERED_500_TARGET_MS = 150.0
TOPICS = ["pijn", "hoop", "rouw", "ethiek", "zingeving", "naasten", "sedatie", "dementie"]
VIEWS = {
    "plain": {},
    "filtered": {"soort": "professional", "gebied": "communiceren", "beschikbaar": "1"},
    "searched": {"q": "gesprek", "vorm": "video"},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per view")
    options = parser.parse_args()

    setup_throwaway_site()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from curriculum.models import Essence
    from library.models import CompetenceArea, ExpertIndexPage, ExpertPage

    catalogue = ExpertIndexPage.objects.get()
    areas = list(CompetenceArea.objects.all())
    essences = list(Essence.objects.all())
    client = Client(HTTP_HOST="127.0.0.1")

    def grow_to(total: int) -> None:
        number = ExpertPage.objects.live().count()
        while number < total:
            expert = ExpertPage(
                title=f"Benchmarkboek {number:03d}: een gesprek over {TOPICS[number % 8]}",
                slug=f"benchmarkboek-{number}",
                summary="Een verzonnen boek voor de benchmark.",
                expert_name=f"Expert {number}",
                kind=["professional", "volunteer", "bereaved"][number % 3],
                role="Kaderhuisarts",
                conversation_form=["in_person", "video", "both"][number % 3],
            )
            catalogue.add_child(instance=expert)
            expert.topics.add(TOPICS[number % 8], TOPICS[(number + 3) % 8])
            expert.competence_areas.set([areas[number % 3]])
            expert.essences.set([essences[number % 8]])
            expert.save_revision().publish()
            number += 1

    results: dict[str, dict] = {}
    for size in (20, 500):
        grow_to(size)
        for name, params in VIEWS.items():
            time_get(client, catalogue.url, params)  # warm caches
            with CaptureQueriesContext(connection) as queries:
                time_get(client, catalogue.url, params)
            # Django empties the query log at the start of every request: count now.
            query_count = len(queries)
            samples = [time_get(client, catalogue.url, params)[0] for _ in range(options.requests)]
            results[f"{name}_{size}"] = {
                "books": ExpertPage.objects.live().count(),
                "queries": query_count,
                "median_ms": round(median_ms(samples), 2),
                "p95_ms": round(p95_ms(samples), 2),
            }

    print(f"{'view':<16}{'books':>7}{'queries':>9}{'median ms':>11}{'p95 ms':>9}")
    for name, row in results.items():
        print(
            f"{name:<16}{row['books']:>7}{row['queries']:>9}"
            f"{row['median_ms']:>11.1f}{row['p95_ms']:>9.1f}"
        )
    write_results("catalogue", results)

    problems = []
    for name in VIEWS:
        small, large = results[f"{name}_20"]["queries"], results[f"{name}_500"]["queries"]
        if small != large or large > MAX_QUERIES:
            problems.append(f"{name}: {small} queries with 20 books, {large} with 500")
    if results["filtered_500"]["median_ms"] >= FILTERED_500_TARGET_MS:
        problems.append(f"filtered_500 median {results['filtered_500']['median_ms']} ms")
    for problem in problems:
        print("TE TRAAG / TE VEEL QUERIES:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
