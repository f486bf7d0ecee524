"""The participant handout (hand-out) of a workshop: what participants prepare (with QR codes to
the links), the learning goals, the essence's chapter and reading question, the case and its
questions, and printable cards for the work methods that use them. Never the trainer's tips.

Rendered by the site's PDF engine and cached on disk like the trainer guide: keyed on the
workshop's and the series' revisions and on the snippets it shows (essence, work methods).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from django.http import HttpResponse
from django.utils.safestring import SafeString

from cms import qr
from cms.pdf import CachedPDF, Printable, pdf_response, render_pdf
from curriculum import guides
from curriculum.models import WorkMethod, WorkshopPage

HANDOUT_TEMPLATE = "pdf/curriculum/handout.html"
HANDOUT_CSS = ("css/pdf-handout.css",)
HANDOUT_TEMPLATES = (HANDOUT_TEMPLATE, "pdf/curriculum/_linked_items.html", *HANDOUT_CSS)
# A 2 × 3 grid fills an A4 with cards of about 9 × 8 cm, big enough to hold in one hand.
CARDS_PER_PAGE = 6


@dataclass(frozen=True)
class LinkedItem:
    """A preparation task: its text, its minutes where known, and its link with a QR code."""

    text: str
    minutes: int | None = None
    link: str = ""
    qr: SafeString | None = None


@dataclass(frozen=True)
class CardPage:
    """One printed page of a method's cards; a method with more than six cards gets more."""

    method: WorkMethod
    cards: list
    first: bool


def linked_items(rows: list[tuple[str, int | None, str]]) -> list[LinkedItem]:
    codes: dict[str, SafeString] = {}
    items = []
    for text, minutes, link in rows:
        if link and link not in codes and qr.fits(link):
            codes[link] = qr.qr_svg(link)
        items.append(LinkedItem(text, minutes, link, codes.get(link)))
    return items


def card_pages(workshop: WorkshopPage) -> list[CardPage]:
    """The cards of the work methods this workshop uses, six to a page, a method's cards never
    sharing a page with another method's."""
    pages = []
    for method in workshop.used_work_methods():
        cards = [block.value for block in method.cards]
        for offset in range(0, len(cards), CARDS_PER_PAGE):
            pages.append(
                CardPage(method, cards[offset : offset + CARDS_PER_PAGE], first=offset == 0)
            )
    return pages


def handout_context(workshop: WorkshopPage) -> dict:
    preparation = linked_items(
        [
            (item.value["activity"], item.value["minutes"], item.value["link"] or "")
            for item in workshop.preparation_items
        ]
    )
    tasks = linked_items(
        [
            (task.value["text"], None, task.value["link"] or "")
            for task in workshop.participant_preparation
        ]
    )
    return {
        "workshop": workshop,
        "series": workshop.series,
        "essence": workshop.essence,
        "preparation": preparation,
        "preparation_total": sum(item.minutes or 0 for item in preparation),
        "tasks": tasks,
        # Only what participants get on paper: the description, never the tips.
        "cases": [block.value for block in workshop.programme if block.value["for_participants"]],
        "card_pages": card_pages(workshop),
        "document_title": f"Hand-out deel {workshop.part_number}: {workshop.title}",
    }


def render_handout(workshop: WorkshopPage) -> bytes:
    return render_pdf(HANDOUT_TEMPLATE, handout_context(workshop), extra_css=HANDOUT_CSS)


def handout_document(workshop: WorkshopPage) -> CachedPDF:
    return CachedPDF(
        name=f"hand-out-{workshop.pk}",
        versions=guides.workshop_versions(workshop),
        templates=HANDOUT_TEMPLATES,
    )


def handout_pdf(workshop: WorkshopPage) -> bytes:
    return handout_document(workshop).get_or_render(lambda: render_handout(workshop))


def handout_response(workshop: WorkshopPage) -> HttpResponse:
    return pdf_response(handout_pdf(workshop), f"hand-out-{workshop.slug}.pdf")


def handouts_to_warm() -> Iterator[Printable]:
    """Every published workshop's handout, for `warm_pdf_cache`."""
    for workshop in guides.published_workshops():
        yield Printable(
            f"Hand-out deel {workshop.part_number}: {workshop.title}",
            handout_document(workshop),
            partial(render_handout, workshop),
        )
