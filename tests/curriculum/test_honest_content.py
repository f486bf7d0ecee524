"""Honest content: each workshop says where its content comes from, who wrote it and which
version it is, on its page and on its guide's cover and colophon; and the essence's material
(book chapter, podcast, animation, Kwaliteitskader, reading question) is shown in both."""

import json

import pytest
from django.template.defaultfilters import date as format_date
from django.utils import timezone

from curriculum import guides
from curriculum.models import WorkshopPage
from tests.curriculum.pdf_text import pdf_pages, pdf_text
from tests.factories import make_essence, make_home, make_series, make_workshop

PODCAST = "https://app.springcast.fm/17076/s25-onderlinge-afstemming-en-voortgang"
ANIMATION = "https://www.youtube.com/watch?v=8HQR9zbgqf8"
KADER = "https://palliaweb.nl/zorgpraktijk/coordinatie-en-continuiteit"
READING_QUESTION = (
    "Waar merkten de patiënt en zijn naasten dat zorgverleners langs elkaar heen werkten?"
)
GUIDE_NOTE = "Programma en leerdoelen uit de docentenhandreiking voor workshop 5 (versie 1.0)."
EXAMPLE_NOTE = "Deze workshop is voor deze demosite geschreven."
GUIDE_AUTHORS = [("Yvette van der Linden", "LUMC"), ("Elise Posma", "PZNL")]


def stream(block_type: str, values: list) -> str:
    return json.dumps([{"type": block_type, "value": value} for value in values])


def authors(pairs) -> str:
    return stream("author", [{"name": name, "organisation": org} for name, org in pairs])


def versions(*rows) -> str:
    return stream("version", [{"version": v, "date": d, "changes": c} for v, d, c in rows])


@pytest.fixture
def series(db):
    series = make_series(make_home())
    # The series is the site's collection: no authors or version of its own (see below for one
    # that has them).
    series.authors = []
    series.versions = []
    series.save_revision().publish()
    return series


@pytest.fixture
def from_guide(series):
    essence = make_essence(
        book_chapter="Hoofdstuk 5, ‘Onderlinge afstemming en voortgang’",
        podcast_url=PODCAST,
        animation_url=ANIMATION,
        kwaliteitskader_url=KADER,
        reading_question=READING_QUESTION,
    )
    return make_workshop(
        series,
        essence,
        content_status="from_guide",
        source_note=GUIDE_NOTE,
        authors=authors(GUIDE_AUTHORS),
        versions=versions(("1.0", "2024-10-01", "Eerste versie")),
    )


@pytest.fixture
def example(series):
    essence = make_essence(1, "Markering", chapter_title="De palliatieve fase van de ziekte begint")
    return make_workshop(
        series,
        essence,
        content_status="example",
        source_note=EXAMPLE_NOTE,
        versions=versions(
            ("0.0", "2026-10-01", "Opzet"), ("0.1", "2026-11-30", "Voorbeeldinhoud voor de demo")
        ),
    )


def test_an_example_workshop_page_says_so_with_its_note_and_version(client, example):
    content = client.get(example.url).content.decode()
    notice = content.split('<div class="content-status content-status--example">', 1)[1]
    notice = notice.split("</div>", 1)[0]
    assert "<b>Voorbeeldinhoud, nog niet vastgesteld</b>" in notice
    assert "versie 0.1, november 2026" in notice  # the latest version, not the first
    assert EXAMPLE_NOTE in notice
    assert "Auteurs" not in notice
    # Shown near the top, before the introduction and the programme.
    assert content.index("Voorbeeldinhoud, nog niet vastgesteld") < content.index("Programma")


def test_a_workshop_from_the_guide_names_its_source_authors_and_version(client, from_guide):
    content = client.get(from_guide.url).content.decode()
    notice = content.split('<div class="content-status content-status--from_guide">', 1)[1]
    notice = notice.split("</div>", 1)[0]
    assert "<b>Uit de docentenhandreiking</b> · versie 1.0, oktober 2024" in notice
    assert GUIDE_NOTE in notice
    assert "Yvette van der Linden (LUMC), Elise Posma (PZNL)" in notice
    assert "Voorbeeldinhoud" not in content


def test_an_example_guide_says_so_on_its_cover_and_carries_no_borrowed_authors(example, from_guide):
    pages = pdf_pages(guides.render_guide(example))
    cover, colophon = pages[0], pages[1]
    assert "Deel 1: Workshop ‘De palliatieve fase van de ziekte begint’" in cover
    assert "Voorbeeldinhoud, nog niet vastgesteld" in cover
    assert "Versie 0.1, november 2026" in cover
    assert "Herkomst" in colophon
    assert f"Voorbeeldinhoud, nog niet vastgesteld. {EXAMPLE_NOTE}" in colophon
    assert "0.1 30 november 2026 Voorbeeldinhoud voor de demo" in colophon
    assert "Auteurs" not in colophon and "Reeks" not in colophon
    text = "\n".join(pages)
    for name, _organisation in GUIDE_AUTHORS:
        assert name not in text  # workshop 5's authors did not write this one
    assert "Uit de docentenhandreiking" not in cover


def test_a_guide_from_the_trainer_guide_shows_its_own_authors_and_version(from_guide):
    pages = pdf_pages(guides.render_guide(from_guide))
    cover, colophon = pages[0], pages[1]
    assert "Uit de docentenhandreiking" in cover
    assert "Versie 1.0, oktober 2024" in cover
    assert "Voorbeeldinhoud" not in cover
    assert f"Uit de docentenhandreiking. {GUIDE_NOTE}" in colophon
    assert "Auteurs Yvette van der Linden, LUMC Elise Posma, PZNL" in colophon
    assert "1.0 1 oktober 2024 Eerste versie" in colophon


def test_without_a_version_the_cover_has_the_print_date_and_the_series_its_own_heading(db, example):
    series = example.get_parent().specific
    series.authors = authors([("A. Reeksauteur", "PZNL")])
    series.versions = versions(("2.0", "2025-03-01", "Nieuwe reeks"))
    series.save_revision().publish()
    example.versions = []
    example.save_revision().publish()
    workshop = WorkshopPage.objects.get(pk=example.pk)

    pages = pdf_pages(guides.render_guide(workshop))
    assert format_date(timezone.localdate(), "F Y") in pages[0]
    assert "maart 2025" not in pages[0]  # the series' version is not this workshop's
    colophon = pages[1]
    reeks = colophon.index("Reeks")
    assert colophon.index("Herkomst") < reeks
    assert colophon.index("A. Reeksauteur, PZNL") > reeks
    assert colophon.index("Versiegeschiedenis van de reeks Versie Datum Wijzigingen 2.0") > reeks


def test_the_all_in_one_guide_lists_each_workshops_status_and_version(series, example, from_guide):
    pages = pdf_pages(guides.render_all_guides(series))
    assert "Alle 2 workshops" in pages[0]
    assert "Voorbeeldinhoud, nog niet vastgesteld: deel 1." in pages[0]
    colophon = pages[1]
    assert "Herkomst en versie per workshop" in colophon
    assert (
        "1 De palliatieve fase van de ziekte begint Voorbeeldinhoud, nog niet vastgesteld "
        "0.1, november 2026"
    ) in colophon
    assert (
        "5 Onderlinge afstemming en voortgang Uit de docentenhandreiking Auteurs: Yvette van der "
        "Linden, Elise Posma 1.0, oktober 2024"
    ) in colophon


def test_the_essence_material_on_the_workshop_page(client, from_guide, example):
    content = client.get(from_guide.url).content.decode()
    section = content.split('<section class="essence-material"', 1)[1].split("</section>", 1)[0]
    assert '<h2 id="materiaal">Materiaal bij deze essentie</h2>' in section
    assert "<b>Boek:</b> Hoofdstuk 5, ‘Onderlinge afstemming en voortgang’" in section
    for url in (PODCAST, ANIMATION, KADER):
        assert f'href="{url}"' in section
    reading = section.split('<div class="reading-question">', 1)[1]
    assert "<h3" in reading and "Leesvraag</h3>" in reading
    assert READING_QUESTION in reading
    assert "Meer over" not in content  # the old link list is gone

    # An essence without any material shows no empty section.
    assert "Materiaal bij deze essentie" not in client.get(example.url).content.decode()


def test_the_essence_material_in_the_guide(from_guide, example):
    text = pdf_text(guides.render_guide(from_guide))
    start = text.index("Tijdsduur voorbereiding")  # the chapter, past the contents page
    chapter = text[start : text.index("2.1.2 Leerdoelen", start)]
    material = chapter[chapter.index("Materiaal bij deze essentie") :]
    assert "Boek: Hoofdstuk 5, ‘Onderlinge afstemming en voortgang’" in material
    assert "Podcast: aflevering ‘Onderlinge afstemming en voortgang’1" in material
    assert "Leesvraag" in material
    assert " ".join(READING_QUESTION.split()) in " ".join(material.split())
    # Links become the chapter's numbered notes, as everywhere in the guide.
    for url in (PODCAST, ANIMATION, KADER):
        assert url in text[start:]

    assert "Materiaal bij deze essentie" not in pdf_text(guides.render_guide(example))


def test_the_series_page_says_which_workshops_are_examples(client, series, from_guide, example):
    html = client.get(series.url).content.decode()
    assert html.count("workshop-list__status--example") == 1
    assert "Uit de docentenhandreiking</span>" in html
    assert "Voorbeeldinhoud, nog niet vastgesteld</span>" in html
