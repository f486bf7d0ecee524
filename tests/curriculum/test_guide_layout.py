"""Page layout of the trainer guides, read back from the PDF: no page with only notes, a
contents of two levels, and no programme row alone on a page."""

import re

import pytest
from django.core.management import call_command

from curriculum import guides
from curriculum.models import WorkshopIndexPage
from tests.curriculum.pdf_text import pdf_pages
from tests.factories import make_essence, make_home, make_series, make_workshop, session

LINK = '<a href="https://palliaweb.nl/{}">bron</a>'


def notes_only_pages(pages: list[str]) -> list[int]:
    """The notes close a chapter and the next chapter starts a new page, so a page whose text
    starts with the notes' title holds nothing but notes (the running header and page number
    come last in the extracted text)."""
    return [number for number, text in enumerate(pages, 1) if text.startswith("Noten ")]


def row_starts(workshop) -> list[tuple[str, bool]]:
    """How each programme row begins in the PDF text (its minutes, then its part), and whether
    it is a row long enough to fill most of a page by itself (see _workshop.html)."""
    return [
        (
            f"{block.value['minutes']} min {block.value['part']}",
            len(block.value["description"].source) > 1000,
        )
        for block in workshop.programme
    ]


def lone_rows(pages: list[str], workshop) -> list[tuple[int, str]]:
    """Pages of the workshop's chapter (its title is in the running header) holding exactly
    one row of its programme."""
    starts = row_starts(workshop)
    if len(starts) < 2:
        return []
    lone = []
    for number, text in enumerate(pages, 1):
        if f"Workshop ‘{workshop.title}’ pagina" not in text:
            continue
        on_page = [index for index, (start, _) in enumerate(starts) if start in text]
        if len(on_page) != 1:
            continue
        index = on_page[0]
        # A row that fills most of a page cannot share it: it stands alone, and the row
        # after it (with the chapter's notes) may too.
        if not (starts[index][1] or (index > 0 and starts[index - 1][1])):
            lone.append((number, starts[index][0]))
    return lone


def contents_entries(pages: list[str]) -> list[str]:
    contents = next(text for text in pages if text.startswith("Inhoudsopgave"))
    return re.findall(r"(\d+(?:\.\d+)*)\.? [^.]+?\s*(?:\.\s*){2,}\d+", contents)


@pytest.fixture
def demo(db):
    call_command("load_demo")
    return WorkshopIndexPage.objects.get(alias_of__isnull=True)  # not a network's alias


def test_demo_guides_have_no_notes_only_page_nor_lone_row_and_two_level_contents(demo):
    workshops = list(demo.workshops())
    all_pages = pdf_pages(guides.render_all_guides(demo))
    assert notes_only_pages(all_pages) == []
    for workshop in workshops:
        assert lone_rows(all_pages, workshop) == [], workshop.title
    numbers = contents_entries(all_pages)
    assert "9" in numbers and "9.1" in numbers
    assert all(number.count(".") <= 1 for number in numbers), numbers

    for workshop in workshops:
        pages = pdf_pages(guides.render_guide(workshop))
        assert notes_only_pages(pages) == [], workshop.title
        assert lone_rows(pages, workshop) == [], workshop.title


@pytest.fixture
def series(db):
    return make_series(make_home())


def long_text(sentences: int) -> str:
    return (
        "<p>"
        + " ".join(["Deelnemers bespreken wat zij in hun werk tegenkomen."] * sentences)
        + "</p>"
    )


@pytest.mark.parametrize("intro_paragraphs", range(6, 15))
def test_the_last_row_and_the_notes_share_a_page(series, intro_paragraphs):
    """A workshop whose introduction pushes the end of the programme across a page boundary,
    at every offset: the last row never ends up alone, the notes never on a page of their own."""
    introduction = "".join(
        f"<p>Alinea {n}: {long_text(3)[3:-4]} Zie {LINK.format(n)}.</p>"
        for n in range(intro_paragraphs)
    )
    workshop = make_workshop(
        series,
        make_essence(),
        introduction=introduction,
        programme=[
            session(10, "Opening", long_text(4)),
            session(30, "Casus", long_text(8)),
            session(30, "Oefenen", long_text(8), tips=f"<p>Zie {LINK.format('tips')}.</p>"),
            session(30, "Reflectie", long_text(6)),
            session(20, "Afsluiting", "<p>Terugblik op de leerdoelen.</p>"),
        ],
    )
    pages = pdf_pages(guides.render_guide(workshop))
    assert notes_only_pages(pages) == []
    assert lone_rows(pages, workshop) == []


def test_contents_shows_chapters_and_sections_only(series):
    workshop = make_workshop(series, make_essence())
    pages = pdf_pages(guides.render_guide(workshop))
    numbers = contents_entries(pages)
    assert "2" in numbers and "2.1" in numbers
    assert all(number.count(".") <= 1 for number in numbers), numbers
    # The sections of a workshop are still numbered in the text.
    assert any("2.1.3 Programma" in text for text in pages)
