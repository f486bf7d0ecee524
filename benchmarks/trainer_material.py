"""What a trainer downloads for class, timed: the slide deck as PDF and as PowerPoint, the run
sheet (web page and PDF, rendered per request) and the participant handout.

In a throw-away SQLite database with the demo content, for workshop 5 (the one with the seed's
full content) and the demo workshop with the most programme text: the median of N cold
renders (disk cache emptied before each; the PDF engine warmed once, as on a running server)
and of cached downloads, with the page cache off so the documents' own cache is measured.
Prints a table and writes benchmarks/results/trainer-material.json.
Usage: .venv/bin/python benchmarks/trainer_material.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time

from common import ROOT, median_ms, setup_throwaway_site, time_get

TARGETS = {"deck_pdf_cold_s": 3.0, "deck_pptx_cold_s": 1.0, "run_sheet_pdf_s": 1.0}
CACHED_REQUESTS = 20


def cold_and_cached(client, url: str, params: dict, rounds: int) -> dict:
    from cms.pdf import cache_dir

    cold, size = [], 0
    for _ in range(rounds):
        shutil.rmtree(cache_dir(), ignore_errors=True)
        elapsed, size = time_get(client, url, params)
        cold.append(elapsed)
    cached = [time_get(client, url, params)[0] for _ in range(CACHED_REQUESTS)]
    return {
        "cold_s": round(statistics.median(cold), 3),
        "cached_ms": round(median_ms(cached), 2),
        "bytes": size,
    }


def deck_rows(client, workshop, rounds: int) -> dict[str, dict]:
    from curriculum import decks

    slides = len(decks.deck_slides(workshop))
    rows = {}
    for kind, route in (("deck_pdf", "presentatie.pdf"), ("deck_pptx", "presentatie.pptx")):
        rows[kind] = {**cold_and_cached(client, workshop.url + route, {}, rounds), "slides": slides}
    return rows


# --- run sheet and handout ---
OTHER_MATERIAL = (
    ("run_sheet_html", "draaiboek/", {"start": "13:30", "pauze": "15"}),
    ("run_sheet_pdf", "draaiboek.pdf", {"start": "13:30", "pauze": "15"}),
    ("handout_pdf", "hand-out.pdf", {}),
)


def other_material_rows(client, workshop, rounds: int) -> dict[str, dict]:
    return {
        name: cold_and_cached(client, workshop.url + route, params, rounds)
        for name, route, params in OTHER_MATERIAL
    }


def longest_workshop(workshops, other_than):
    """The workshop with the most programme text besides `other_than` (workshop 5 is the
    longest of the demo: the second longest tells more)."""

    def text_length(workshop) -> int:
        return sum(
            len(block.value["description"].source) + len(block.value["tips"].source or "")
            for block in workshop.programme
        )

    return max((w for w in workshops if w.pk != other_than.pk), key=text_length)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="cold renders per document")
    options = parser.parse_args()

    setup_throwaway_site()
    from django.conf import settings
    from django.test import Client

    from curriculum import decks
    from curriculum.models import WorkshopPage

    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    workshops = list(WorkshopPage.objects.live().select_related("essence"))
    fifth = next(w for w in workshops if w.essence.number == 5)
    longest = longest_workshop(workshops, other_than=fifth)

    # The first render of a process loads fonts and templates: measured apart, as 'first'.
    start = time.perf_counter()
    decks.render_deck_pdf(fifth)
    first_pdf_s = time.perf_counter() - start

    results: dict[str, dict] = {}
    for label, workshop in (("workshop 5", fifth), ("longest other", longest)):
        rows = deck_rows(client, workshop, options.rounds)
        rows.update(other_material_rows(client, workshop, options.rounds))
        results[f"{label}: {workshop.title}"] = rows

    print(f"first deck PDF render in a fresh process: {first_pdf_s:.3f} s\n")
    print(f"{'document':<48}{'cold s':>8}{'cached ms':>11}{'kB':>7}{'slides':>8}")
    for label, rows in results.items():
        print(label)
        for name, row in rows.items():
            print(
                f"  {name:<46}{row['cold_s']:>8.3f}{row['cached_ms']:>11.2f}"
                f"{row['bytes'] / 1024:>7.0f}{row.get('slides', ''):>8}"
            )

    checks = {}
    for label, rows in results.items():
        checks[f"{label}: deck PDF cold under 3 s"] = (
            rows["deck_pdf"]["cold_s"] < TARGETS["deck_pdf_cold_s"]
        )
        checks[f"{label}: deck PowerPoint cold under 1 s"] = (
            rows["deck_pptx"]["cold_s"] < TARGETS["deck_pptx_cold_s"]
        )
        # Rendered for every request (its start time and break vary), so cold is all there is.
        checks[f"{label}: run sheet PDF under 1 s"] = (
            rows["run_sheet_pdf"]["cold_s"] < TARGETS["run_sheet_pdf_s"]
        )
    print()
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    output = ROOT / "benchmarks" / "results" / "trainer-material.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {"first_pdf_s": round(first_pdf_s, 3), "results": results, "checks": checks},
            indent=2,
        )
    )
    print(f"\nGeschreven: {output}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
