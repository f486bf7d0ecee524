"""The work methods explained: every method on one public page (/workshops/werkvormen/), and
the methods a trainer guide uses in its appendix (templates/pdf/curriculum/_appendix.html).

A workshop page and a guide's programme link each method to its section by `WorkMethod.anchor`,
so the page and the appendix use the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse

from curriculum.models import WorkMethod, WorkshopIndexPage, WorkshopPage

PAGE_TEMPLATE = "curriculum/work_methods_page.html"


@dataclass
class SourceNote:
    """One numbered footnote at the bottom of the page; methods with the same source share it."""

    number: int
    text: str
    link: str
    methods: list[WorkMethod] = field(default_factory=list)  # for the links back up


@dataclass(frozen=True)
class MethodSection:
    method: WorkMethod
    workshops: list[WorkshopPage]
    note: SourceNote | None


@dataclass(frozen=True)
class AppendixMethod:
    """A method in a guide's appendix, with its source as the text of one printed note."""

    method: WorkMethod

    @property
    def source_note(self) -> str:
        # On paper the address cannot be clicked: it follows the reference in the same note.
        return " ".join(part for part in (self.method.source, self.method.link) if part)


def used_methods(workshops: Iterable[WorkshopPage]) -> list[WorkMethod]:
    """The methods the workshops use, each once, in the order they first appear."""
    seen: dict[int, WorkMethod] = {}
    for workshop in workshops:
        for method in workshop.used_work_methods():
            seen.setdefault(method.pk, method)
    return list(seen.values())


def appendix_methods(workshops: Iterable[WorkshopPage]) -> list[AppendixMethod]:
    return [AppendixMethod(method) for method in used_methods(workshops)]


def workshops_by_method(series: WorkshopIndexPage) -> dict[int, list[WorkshopPage]]:
    """Per method (pk), the series' published workshops whose programme uses it, in essence
    order. Unpublished workshops stay out: the page would link to a 404."""
    using: dict[int, list[WorkshopPage]] = {}
    for workshop in series.workshops():
        for method in workshop.used_work_methods():
            using.setdefault(method.pk, []).append(workshop)
    return using


def method_sections(series: WorkshopIndexPage) -> tuple[list[MethodSection], list[SourceNote]]:
    """Every work method in name order with the workshops using it, and the numbered source
    notes in the order the page cites them."""
    using = workshops_by_method(series)
    notes: dict[tuple[str, str], SourceNote] = {}
    sections = []
    for method in WorkMethod.objects.order_by("name"):
        note = None
        if method.source or method.link:
            key = (method.source, method.link)
            note = notes.get(key)
            if note is None:
                note = notes[key] = SourceNote(len(notes) + 1, method.source, method.link)
            note.methods.append(method)
        sections.append(MethodSection(method, using.get(method.pk, []), note))
    return sections, list(notes.values())


def work_methods_view(request: HttpRequest, series: WorkshopIndexPage) -> HttpResponse:
    sections, notes = method_sections(series)
    # Rendered as the series page, so the menu, breadcrumbs and page cache treat it as such.
    return series.render(
        request,
        template=PAGE_TEMPLATE,
        context_overrides={"sections": sections, "source_notes": notes},
    )
