"""make bench: every public page type against the floor of this stack, and the PDFs.

In a throw-away SQLite database with the demo content (grown to 20, then 500 book covers),
for each page: SQL queries of an uncached request, median and p95 server time over N in-process
requests with the page cache off (cold) and on (warm), and the floor: the same bytes returned
from memory through the same middleware (benchmarks/floor_urls.py). Then the PDFs cold and
cached. Prints a table and writes bench-results.json in the project folder.
Usage: .venv/bin/python benchmarks/pages.py [--requests N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys

from common import ROOT, first_network_page, median_ms, p95_ms, setup_throwaway_site, time_get

TOPICS = ["pijn", "hoop", "rouw", "ethiek", "zingeving", "naasten", "sedatie", "dementie"]
FILTERED = {"soort": "professional", "gebied": "communiceren", "beschikbaar": "1"}
TARGETS = {
    "catalogue_500_median_ms": 150.0,
    "max_queries": 15,
    "guide_cold_s": 2.0,
    "guide_cached_ms": 50.0,
    "guide_all_cold_s": 15.0,
    "flyer_cold_s": 1.0,
    "booklet_cold_s": 5.0,
}


def grow_catalogue_to(total: int) -> None:
    from curriculum.models import Essence
    from library.models import CompetenceArea, ExpertIndexPage, ExpertPage

    catalogue = first_network_page(ExpertIndexPage)
    areas = list(CompetenceArea.objects.all())
    essences = list(Essence.objects.all())
    number = ExpertPage.objects.child_of(catalogue).live().count()
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


def measure_page(client, settings, name: str, url: str, params: dict, requests: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from floor_urls import FLOOR_BYTES

    settings.PAGE_CACHE_SECONDS = 0
    time_get(client, url, params)  # warm Wagtail's site root cache and the templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    query_count = len(queries)  # Django empties the query log per request: count now
    FLOOR_BYTES[name] = response.content
    cold = [time_get(client, url, params)[0] for _ in range(requests)]
    floor = [time_get(client, f"/__floor__/{name}/")[0] for _ in range(requests)]
    settings.PAGE_CACHE_SECONDS = 600
    time_get(client, url, params)  # store
    warm = [time_get(client, url, params)[0] for _ in range(requests)]
    row = {
        "queries": query_count,
        "median_ms": round(median_ms(cold), 3),
        "p95_ms": round(p95_ms(cold), 3),
        "floor_median_ms": round(median_ms(floor), 3),
        "cached_median_ms": round(median_ms(warm), 3),
        "cached_p95_ms": round(p95_ms(warm), 3),
        "bytes": len(response.content),
    }
    row["ratio"] = round(row["median_ms"] / row["floor_median_ms"], 2)
    row["cached_ratio"] = round(row["cached_median_ms"] / row["floor_median_ms"], 2)
    return row


def measure_document(client, url: str, rounds: int, cached_requests: int) -> dict:
    from cms.pdf import cache_dir

    cold = []
    for _ in range(rounds):
        shutil.rmtree(cache_dir(), ignore_errors=True)
        cold.append(time_get(client, url)[0])
    cached = [time_get(client, url)[0] for _ in range(cached_requests)]
    return {
        "cold_s": round(statistics.median(cold), 3),
        "cached_ms": round(median_ms(cached), 3),
        "cached_p95_ms": round(p95_ms(cached), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--rounds", type=int, default=3, help="cold renders per PDF")
    options = parser.parse_args()

    setup_throwaway_site()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings
    from wagtail.models import Site

    from curriculum.models import WorkshopIndexPage, WorkshopPage
    from library.models import ExpertIndexPage, ExpertPage

    # The first network's own host: with several networks 127.0.0.1 may name another one.
    first_site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=f"{first_site.hostname}:{first_site.port}")
    catalogue = first_network_page(ExpertIndexPage)
    series = first_network_page(WorkshopIndexPage)
    workshop = first_network_page(WorkshopPage, essence__number=5)
    cover = (
        ExpertPage.objects.child_of(catalogue)
        .live()
        .exclude(availability="withdrawn")
        .order_by("title")
        .first()
    )
    pages: dict[str, dict] = {}
    pdf: dict[str, dict] = {}

    with override_settings(ROOT_URLCONF="floor_urls"):
        grow_catalogue_to(20)
        for name, url, params in [
            ("home", "/", {}),
            ("catalogue_20", catalogue.url, {}),
            ("cover", cover.url, {}),
            ("loan_form", catalogue.url + "lenen/", {}),
            ("workshops", series.url, {}),
            ("workshop", workshop.url, {}),
            ("search", "/zoeken/", {"q": "gesprek"}),
        ]:
            pages[name] = measure_page(client, settings, name, url, params, options.requests)

        settings.PAGE_CACHE_SECONDS = 0  # cold and cached here: the PDF engine and its cache
        time_get(client, cover.url + "boekenkaft.pdf")  # warm the PDF engine once
        for name, url in [
            ("guide", workshop.url + "docentenhandreiking.pdf"),
            ("guide_all", series.url + "docentenhandreiking.pdf"),
            ("flyer", catalogue.url + "flyer.pdf"),
            ("booklet", catalogue.url + "catalogus.pdf"),
        ]:
            pdf[name] = measure_document(client, url, options.rounds, 50)

        grow_catalogue_to(500)
        pages["catalogue_500"] = measure_page(
            client, settings, "catalogue_500", catalogue.url, {}, options.requests
        )
        pages["catalogue_filtered"] = measure_page(
            client, settings, "catalogue_filtered", catalogue.url, FILTERED, options.requests
        )

    print(
        f"{'page':<20}{'queries':>8}{'median':>9}{'p95':>9}{'floor':>8}{'ratio':>7}"
        f"{'cached':>9}{'c.ratio':>8}   (ms)"
    )
    for name, row in pages.items():
        print(
            f"{name:<20}{row['queries']:>8}{row['median_ms']:>9.2f}{row['p95_ms']:>9.2f}"
            f"{row['floor_median_ms']:>8.2f}{row['ratio']:>7.1f}{row['cached_median_ms']:>9.2f}"
            f"{row['cached_ratio']:>8.1f}"
        )
    print(f"\n{'pdf':<20}{'cold s':>8}{'cached ms':>11}")
    for name, row in pdf.items():
        print(f"{name:<20}{row['cold_s']:>8.3f}{row['cached_ms']:>11.2f}")

    checks = {
        "catalogue 500 under 150 ms": pages["catalogue_500"]["median_ms"]
        < TARGETS["catalogue_500_median_ms"],
        "same queries for 20 and 500 books": pages["catalogue_20"]["queries"]
        == pages["catalogue_500"]["queries"],
        "catalogue at most 15 queries": pages["catalogue_500"]["queries"] <= TARGETS["max_queries"],
        "guide cold under 2 s": pdf["guide"]["cold_s"] < TARGETS["guide_cold_s"],
        "guide cached under 50 ms": pdf["guide"]["cached_ms"] < TARGETS["guide_cached_ms"],
        "all eight guides under 15 s": pdf["guide_all"]["cold_s"] < TARGETS["guide_all_cold_s"],
        "flyer under 1 s": pdf["flyer"]["cold_s"] < TARGETS["flyer_cold_s"],
        "booklet under 5 s": pdf["booklet"]["cold_s"] < TARGETS["booklet_cold_s"],
    }
    print()
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    results = {"pages": pages, "pdf": pdf, "checks": checks, "requests": options.requests}
    (ROOT / "bench-results.json").write_text(json.dumps(results, indent=2))
    print(f"\nGeschreven: {ROOT / 'bench-results.json'}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
