"""make bench, many networks: does the site cost the same per request with 20 networks as with 1?

In a throw-away SQLite database with the demo content, the first network's catalogue is grown
to 50 book covers and measured; then networks are added (each a Wagtail Site with its own home,
catalogue and 50 covers, the same paths as the first) until there are 20, and everything is
measured again; the second network is also measured while it is one of two, as the twin of the
last. Per page: SQL queries of an uncached request and the median server time uncached and
cached; then the page cache's hit ratio over the same visiting pattern (every page of every
network ROUNDS times), which must not drop when 20 hostnames share the cache.
Prints a table and writes benchmarks/results/networks.json.
Usage: .venv/bin/python benchmarks/networks.py [--requests N] [--networks N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from common import ROOT, median_ms, setup_throwaway_site, time_get

COVERS = 50
ROUNDS = 5  # visits per page in the hit-ratio run: at best (ROUNDS - 1) / ROUNDS hits
TOPICS = ["pijn", "hoop", "rouw", "ethiek", "zingeving", "naasten", "sedatie", "dementie"]
FILTERED = {"soort": "professional", "beschikbaar": "1"}


def fill_catalogue(catalogue, total: int, network: int) -> None:
    """Covers up to `total`, live as after a publish but without a revision each: publishing
    a thousand pages through revisions takes minutes, and no query of the catalogue or a
    cover page reads the revision."""
    from django.utils import timezone

    from library.models import CompetenceArea, ExpertPage

    areas = list(CompetenceArea.objects.all())
    now = timezone.now()
    number = ExpertPage.objects.child_of(catalogue).live().count()
    while number < total:
        expert = ExpertPage(
            title=f"Netwerk {network:02d} boek {number:02d}: over {TOPICS[number % 8]}",
            slug=f"benchmarkboek-{number}",
            summary="Een verzonnen boek voor de benchmark.",
            expert_name=f"Expert {network}-{number}",
            kind=["professional", "volunteer", "bereaved"][number % 3],
            role="Kaderhuisarts",
            conversation_form=["in_person", "video", "both"][number % 3],
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        catalogue.add_child(instance=expert)
        expert.topics.add(TOPICS[number % 8], TOPICS[(number + 3) % 8])
        if areas:
            expert.competence_areas.set([areas[number % len(areas)]])
        number += 1


def add_network(number: int):
    """A network as the public side sees it: Site, home, catalogue with COVERS covers. Its
    role groups are left out: visitors never meet them, and they cost seconds per network."""
    from wagtail.models import Page, Site

    from cms.models import HomePage, SiteSettings
    from library.models import ExpertIndexPage

    hostname = f"netwerk{number:02d}.bench.test"
    home = HomePage(
        title=f"Netwerk Palliatieve Zorg Bench {number:02d}",
        slug=f"bench-{number:02d}",
        hero_text="Welkom.",
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=home.title)
    SiteSettings.objects.get_or_create(site=site)
    catalogue = ExpertIndexPage(title="Expertbibliotheek", slug="expertbibliotheek")
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    fill_catalogue(catalogue, COVERS, number)
    return site


def site_pages(site) -> list[tuple[str, str, dict]]:
    """(name, path, query) of the pages measured on one network; the same paths everywhere."""
    from library.models import ExpertIndexPage, ExpertPage

    catalogue = ExpertIndexPage.objects.descendant_of(site.root_page).live().first()
    cover = ExpertPage.objects.child_of(catalogue).live().order_by("path").first()
    base = catalogue.relative_url(site)
    return [
        ("home", "/", {}),
        ("catalogue", base, {}),
        ("catalogue_filtered", base, FILTERED),
        ("cover", cover.relative_url(site), {}),
    ]


def host_of(site) -> str:
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def measure_site(site, settings, requests: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=host_of(site))
    rows = {}
    for name, path, params in site_pages(site):
        settings.PAGE_CACHE_SECONDS = 0
        time_get(client, path, params)  # warm Wagtail's site root paths and the templates
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params)
        assert response.status_code == 200, (site.hostname, path)
        query_count = len(queries)  # Django empties the query log per request: count now
        cold = [time_get(client, path, params)[0] for _ in range(requests)]
        settings.PAGE_CACHE_SECONDS = 600
        time_get(client, path, params)
        warm = [time_get(client, path, params)[0] for _ in range(requests)]
        rows[name] = {
            "queries": query_count,
            "median_ms": round(median_ms(cold), 3),
            "cached_median_ms": round(median_ms(warm), 3),
        }
    return rows


def hit_ratio(sites, settings) -> dict:
    """Every page of every site ROUNDS times, round after round, from an empty page cache."""
    from django.test import Client

    from cms.page_cache import invalidate

    settings.PAGE_CACHE_SECONDS = 600
    invalidate()
    visits = [
        (Client(HTTP_HOST=host_of(site)), site.root_page.title, path, params)
        for site in sites
        for _, path, params in site_pages(site)
    ]
    hits = total = wrong = 0
    for _ in range(ROUNDS):
        for client, title, path, params in visits:
            response = client.get(path, params)
            total += 1
            hits += response.get("X-Page-Cache") == "hit"
            # A network's page names its network; another's cached copy would not.
            if path == "/" and title.encode() not in response.content:
                wrong += 1
    return {
        "requests": total,
        "hits": hits,
        "ratio": round(hits / total, 3),
        "best": round((ROUNDS - 1) / ROUNDS, 3),
        "wrong_network": wrong,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--networks", type=int, default=20, help="networks in the big case")
    options = parser.parse_args()

    started = time.perf_counter()
    setup_throwaway_site()
    from django.conf import settings
    from wagtail.models import Site

    from library.models import ExpertIndexPage

    first = Site.objects.get(is_default_site=True)
    catalogue = ExpertIndexPage.objects.descendant_of(first.root_page).live().first()
    fill_catalogue(catalogue, COVERS, 1)
    # The demo may bring more than one network: the small case is the first network alone.
    others = list(Site.objects.exclude(pk=first.pk))
    Site.objects.filter(pk__in=[site.pk for site in others]).delete()
    Site.clear_site_root_paths_cache()

    one = {"sites": 1, "pages": measure_site(first, settings, options.requests)}
    one["hit_ratio"] = hit_ratio([first], settings)

    built = time.perf_counter()
    second = add_network(2)
    build_s = time.perf_counter() - built
    Site.clear_site_root_paths_cache()
    # A network built by the bench, measured while it is one of two: the twin of the last one.
    two = {"sites": 2, "pages": measure_site(second, settings, options.requests)}
    built = time.perf_counter()
    number = 3
    while Site.objects.count() < options.networks:
        add_network(number)
        number += 1
    build_s += time.perf_counter() - built
    Site.clear_site_root_paths_cache()
    sites = list(Site.objects.order_by("pk"))
    many = {
        "sites": len(sites),
        "pages": measure_site(first, settings, options.requests),
        "pages_last": measure_site(sites[-1], settings, options.requests),
        "hit_ratio": hit_ratio(sites, settings),
    }

    n = many["sites"]
    print(f"\n{n} netwerken × {COVERS} boekenkaften ({build_s:.0f} s opgebouwd)\n")
    columns = ["#1 van 1", f"#1 van {n}", "#2 van 2", f"#{n} van {n}"]
    runs = [one["pages"], many["pages"], two["pages"], many["pages_last"]]
    print(f"{'':<20}{'SQL-queries':>44}{'mediaan ms, ongecachet':>44}{'gecachet':>20}")
    print(
        f"{'pagina':<20}"
        + "".join(f"{c:>11}" for c in columns * 2)
        + f"{'#1 van 1':>10}{f'#1 van {n}':>10}"
    )
    for name in one["pages"]:
        print(
            f"{name:<20}"
            + "".join(f"{run[name]['queries']:>11}" for run in runs)
            + "".join(f"{run[name]['median_ms']:>11.2f}" for run in runs)
            + f"{one['pages'][name]['cached_median_ms']:>10.2f}"
            + f"{many['pages'][name]['cached_median_ms']:>10.2f}"
        )
    print(
        "(#1: het eerste netwerk, met de demo-inhoud; #2 en #n: netwerken die de benchmark "
        "bouwt, elk even groot)\n"
    )
    print(f"{'paginacache':<20}{'verzoeken':>10}{'hits':>7}{'ratio':>7}{'max':>7}{'fout':>6}")
    for label, result in (("1 netwerk", one), (f"{n} netwerken", many)):
        ratio = result["hit_ratio"]
        print(
            f"{label:<20}{ratio['requests']:>10}{ratio['hits']:>7}{ratio['ratio']:>7.3f}"
            f"{ratio['best']:>7.3f}{ratio['wrong_network']:>6}"
        )

    checks = {
        f"same queries with 1 and {n} networks": all(
            one["pages"][name]["queries"] == many["pages"][name]["queries"]
            and two["pages"][name]["queries"] == many["pages_last"][name]["queries"]
            for name in one["pages"]
        ),
        "page-cache hit ratio unchanged": one["hit_ratio"]["ratio"] == many["hit_ratio"]["ratio"],
        "no page of another network served": many["hit_ratio"]["wrong_network"] == 0,
    }
    print()
    for label, ok in checks.items():
        print(f"{'ok      ' if ok else 'NIET OK '}{label}")
    total_s = time.perf_counter() - started
    print(f"\nTotaal {total_s:.0f} s")
    results = {
        "one": one,
        "two": two,
        "many": many,
        "covers_per_network": COVERS,
        "build_s": round(build_s, 1),
        "total_s": round(total_s, 1),
        "checks": checks,
    }
    target = ROOT / "benchmarks" / "results" / "networks.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(results, indent=2))
    print(f"Geschreven: {target}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
