"""Trainer guides (docentenhandreikingen): one per workshop and all eight in one document.

Rendered by the site's PDF engine (cms.pdf) and cached on disk, keyed on the revisions of the
pages and the snippets they show. Every network shows the national series as an alias
(curriculum/national.py): a guide is drawn from and cached for the original page, so a download
on any network's site after one on another renders nothing new. Publishing a workshop or the
series queues a task that renders the new version straight away
(curriculum/trainer_material.py), so trainers rarely wait for a render.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from functools import partial

from django.db.models import Max
from django.http import HttpResponse
from django.utils import dateformat, timezone, translation

from cms.pdf import CachedPDF, Printable, human_size, pdf_response, render_pdf
from curriculum import work_methods
from curriculum.models import Essence, WorkMethod, WorkshopIndexPage, WorkshopPage
from curriculum.national import original_of

logger = logging.getLogger(__name__)

GUIDE_TEMPLATE = "pdf/curriculum/guide.html"
GUIDE_TEMPLATES = (
    GUIDE_TEMPLATE,
    "pdf/_cover_page.html",
    "pdf/curriculum/_general.html",
    "pdf/curriculum/_workshop.html",
    "pdf/curriculum/_essence_material.html",
    "pdf/curriculum/_appendix.html",
    "pdf/_notes.html",
)


def snippets_version() -> tuple:
    """Essences and work methods appear in the guides but have no revisions of their own."""
    return (
        Essence.objects.aggregate(Max("updated_at"))["updated_at__max"],
        WorkMethod.objects.aggregate(Max("updated_at"))["updated_at__max"],
        WorkMethod.objects.count(),
    )


def workshop_versions(workshop: WorkshopPage) -> tuple:
    """What every printed document of one workshop (guide, deck, handout) is drawn from."""
    series = workshop.series
    return (
        workshop.live_revision_id,
        series.live_revision_id if series else None,
        snippets_version(),
    )


def published_workshops() -> Iterator[WorkshopPage]:
    """Every published workshop of every series, for `warm_pdf_cache`."""
    for series in WorkshopIndexPage.objects.live().order_by("path"):
        yield from series.workshops()


def guide_document(workshop: WorkshopPage) -> CachedPDF:
    workshop = original_of(workshop)
    return CachedPDF(
        name=f"docentenhandreiking-{workshop.pk}",
        versions=workshop_versions(workshop),
        templates=GUIDE_TEMPLATES,
    )


def all_guides_document(series: WorkshopIndexPage) -> CachedPDF:
    series = original_of(series)
    workshops = series.workshops()
    return CachedPDF(
        name=f"docentenhandreikingen-{series.pk}",
        versions=(
            series.live_revision_id,
            tuple(workshops.values_list("pk", "live_revision_id")),
            snippets_version(),
        ),
        templates=GUIDE_TEMPLATES,
    )


def month_year(value: datetime.date) -> str:
    with translation.override("nl"):  # a task renders without a request's language
        return dateformat.format(value, "F Y")


def guide_cover(
    series: WorkshopIndexPage | None, workshops: list[WorkshopPage], printed_on: datetime.date
) -> dict[str, str]:
    """The words on the front page (templates/pdf/_cover_page.html, shared with the catalogue
    booklet)."""
    cover = {
        "kicker": "Docentenhandreiking workshops",
        "title": f"‘{series.series_title}’" if series else "",
        "subtitle": series.subtitle if series else "",
    }
    if len(workshops) == 1:
        workshop = workshops[0]
        latest = workshop.latest_version
        return cover | {
            "heading": f"Deel {workshop.part_number}: Workshop ‘{workshop.title}’",
            "status": workshop.get_content_status_display(),
            "status_modifier": workshop.content_status,
            "date": f"Versie {latest['version']}, {month_year(latest['date'])}"
            if latest
            else month_year(printed_on),
        }
    parts = [str(workshop.part_number) for workshop in workshops if workshop.is_example_content]
    latest = series.latest_version if series else None
    return cover | {
        "heading": f"Alle {len(workshops)} workshops",
        "status": (
            f"Voorbeeldinhoud, nog niet vastgesteld: deel {', '.join(parts)}. Het colofon zegt "
            "per workshop waar de inhoud vandaan komt."
        )
        if parts
        else "",
        "status_modifier": "example",
        "date": month_year(latest["date"] if latest else printed_on),
    }


def render_guides(series: WorkshopIndexPage | None, workshops: list[WorkshopPage]) -> bytes:
    if len(workshops) == 1:
        workshop = workshops[0]
        title = f"Docentenhandreiking deel {workshop.part_number}: {workshop.title}"
    else:
        title = f"Docentenhandreiking: {series.series_title if series else 'workshops'}"
    printed_on = timezone.localdate()
    return render_pdf(
        GUIDE_TEMPLATE,
        {
            "cover": guide_cover(series, workshops, printed_on),
            "series": series,
            "general_sections": series.general_sections() if series else [],
            "essences": Essence.objects.all(),
            "workshops": workshops,
            # Only the methods these workshops use: a trainer carries no pages they never need.
            "appendix_methods": work_methods.appendix_methods(workshops),
            "document_title": title,
            "printed_on": printed_on,
        },
    )


def render_guide(workshop: WorkshopPage) -> bytes:
    return render_guides(workshop.series, [workshop])


def render_all_guides(series: WorkshopIndexPage) -> bytes:
    return render_guides(series, list(series.workshops()))


def guide_pdf(workshop: WorkshopPage) -> bytes:
    workshop = original_of(workshop)
    return guide_document(workshop).get_or_render(lambda: render_guide(workshop))


def all_guides_pdf(series: WorkshopIndexPage) -> bytes:
    series = original_of(series)
    return all_guides_document(series).get_or_render(lambda: render_all_guides(series))


def guide_response(workshop: WorkshopPage) -> HttpResponse:
    return pdf_response(guide_pdf(workshop), f"docentenhandreiking-{workshop.slug}.pdf")


def all_guides_response(series: WorkshopIndexPage) -> HttpResponse:
    return pdf_response(all_guides_pdf(series), f"docentenhandreikingen-{series.slug}.pdf")


def preview_response(workshop: WorkshopPage) -> HttpResponse:
    """The guide of unsaved changes in the page editor: rendered, never cached."""
    return pdf_response(render_guide(workshop), f"voorbeeld-{workshop.slug or 'workshop'}.pdf")


def guide_size_label(workshop: WorkshopPage) -> str:
    """'245 kB' for the link on the web page. Publishing renders the guide in the background;
    a page viewed before that (or without a task worker) renders it once, then reads the size
    from the cache file."""
    workshop = original_of(workshop)
    document = guide_document(workshop)
    size = document.size()
    if size is None:
        size = len(document.get_or_render(lambda: render_guide(workshop)))
    return human_size(size)


def all_guides_size_label(series: WorkshopIndexPage) -> str:
    # The all-eight document takes seconds to render: show its size only once it exists.
    series = original_of(series)
    return human_size(all_guides_document(series).size())


def guides_to_warm() -> Iterator[Printable]:
    """Every published guide and each series' all-in-one document, for `warm_pdf_cache`."""
    for series in WorkshopIndexPage.objects.live().order_by("path"):
        for workshop in series.workshops():
            yield Printable(
                f"Docentenhandreiking deel {workshop.part_number}: {workshop.title}",
                guide_document(workshop),
                partial(render_guide, workshop),
            )
        yield Printable(
            f"Docentenhandreikingen {series.title} (alle workshops)",
            all_guides_document(series),
            partial(render_all_guides, series),
        )
