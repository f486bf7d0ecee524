"""Benchmark of the recruitment material: cold render of flyer, slide, a book cover and the
catalogue booklet (demo content: 16 books), and a cached download. Prints a table and writes
benchmarks/results/print_material.json. Usage: make bench."""

from __future__ import annotations

import shutil
import statistics
import sys

from common import median_ms, setup_throwaway_site, time_get, write_results

SINGLE_PAGE_TARGET_S = 1.0
BOOKLET_TARGET_S = 5.0


def main() -> int:
    setup_throwaway_site()
    from django.test import Client

    from cms.pdf import cache_dir
    from library.models import ExpertIndexPage, ExpertPage

    client = Client(HTTP_HOST="127.0.0.1")
    catalogue = ExpertIndexPage.objects.get()
    cover = ExpertPage.objects.live().order_by("title").first()
    documents = {
        "flyer": catalogue.url + "flyer.pdf",
        "slide": catalogue.url + "dia.pdf",
        "slide_png": catalogue.url + "dia.png",
        "cover": cover.url + "boekenkaft.pdf",
        "booklet": catalogue.url + "catalogus.pdf",
    }
    time_get(client, documents["cover"])  # warm imports and templates
    results = {}
    for name, url in documents.items():
        cold = []
        for _ in range(3):
            shutil.rmtree(cache_dir(), ignore_errors=True)
            cold.append(time_get(client, url)[0])
        cached = [time_get(client, url)[0] for _ in range(20)]
        results[name] = {
            "cold_s": round(statistics.median(cold), 3),
            "cached_ms": round(median_ms(cached), 2),
        }
    books = ExpertPage.objects.live().exclude(availability="withdrawn").count()
    print(f"{'document':<12}{'cold s':>9}{'cached ms':>11}")
    for name, row in results.items():
        print(f"{name:<12}{row['cold_s']:>9.3f}{row['cached_ms']:>11.1f}")
    print(f"(booklet with {books} books)")
    write_results("print_material", {**results, "booklet_books": books})
    slow = [n for n in ("flyer", "slide", "cover") if results[n]["cold_s"] >= SINGLE_PAGE_TARGET_S]
    if results["booklet"]["cold_s"] >= BOOKLET_TARGET_S:
        slow.append("booklet")
    for name in slow:
        print("TE TRAAG:", name)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
