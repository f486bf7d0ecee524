"""The slide deck per workshop: a 16:9 PDF and an editable PowerPoint file with notes, both
drawn from `decks.deck_slides()` and read back here with pypdf and python-pptx."""

import io
import re
import shutil
import subprocess

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pypdf import PdfReader

from curriculum import decks
from curriculum.models import WorkshopPage
from tests.curriculum.pdf_text import normalise, pdf_pages
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PODCAST = "https://podcast.example.org/aflevering-5"
KADER = "https://palliaweb.nl/zorgpraktijk/coordinatie-en-continuiteit"
HATS_TIP = "Kies drie van de zes hoeden"
REFLECTION_TIP = "Spreek af dat wat gedeeld wordt in het duo blijft"
LONG_REFLECTION = (
    "<p>Voorbeelden van reflectievragen:</p><ol>"
    + "".join(
        f"<li>Reflectievraag {n}: wat is jouw rol als zorgverlener wanneer een patiënt wordt "
        "overgedragen aan een andere zorginstelling, en hoe betrek je de patiënt en zijn naasten "
        "daarbij, ook als de tijd kort is en de overdracht 's nachts plaatsvindt?"
        + (
            "<ul><li>a) Hoe zou jij dat aanpakken, en hoe zorg je ervoor dat de zorg wordt "
            "georganiseerd rond wat voor de patiënt belangrijk is?</li>"
            "<li>b) Welke vragen stel je dan het liefst, en welke stel je nooit?</li></ul>"
            if n in (3, 6)
            else ""
        )
        + "</li>"
        for n in range(1, 8)
    )
    + "</ol>"
)


def programme(methods: dict) -> list[dict]:
    return [
        session(10, "Inleiding", "<ul><li>Uitleg van het programma</li></ul>"),
        session(
            20,
            "Essentie Coördinatie en continuïteit",
            "<p>Wat versta je onder coördinatie en continuïteit?</p>",
            tips="<p>Vat de essentie samen met het Kwaliteitskader.</p>",
        ),
        session(
            35,
            "Aan de slag",
            "<p>Bespreek de casus in groepjes:</p><ol><li>Hoe stem je de zorg af?</li>"
            "<li>Hoe deel je informatie?</li><li>Wanneer betrek je specialisten?</li></ol>",
            tips=f"<p>{HATS_TIP}: <b>wit</b>, <b>geel</b> en <b>rood</b>.</p>",
            work_methods=[methods["hats"].pk],
            materials=["geprinte casus per groepje"],
            for_participants=True,
        ),
        session(
            35,
            "Reflecteren op eigen handelen",
            LONG_REFLECTION,
            tips=f"<p>{REFLECTION_TIP}.</p>",
            work_methods=[methods["duo"].pk],
        ),
        session(
            20,
            "Plenaire terugkoppeling",
            "<ul><li>Terugblik op de leerdoelen</li></ul>",
            tips="<p>Sluit af met het stoplichtmodel.</p>",
            work_methods=[methods["light"].pk],
        ),
    ]


@pytest.fixture
def methods(db):
    return {
        "hats": make_work_method("Zes denkhoeden", description="Denken met gekleurde hoeden."),
        "duo": make_work_method("Reflectiegesprek in duo's", description="Twee aan twee."),
        "light": make_work_method(
            "Stoplichtmodel",
            description="Afsluiten met de kleuren van een verkeerslicht.",
            cards=[
                ("Groen", "Dit ga ik toepassen.", "groen"),
                ("Oranje", "Hier denk ik nog over na.", "oranje"),
                ("Rood", "Hiermee stop ik.", "rood"),
            ],
        ),
    }


@pytest.fixture
def workshop(db, methods, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"
    home = make_home()
    series = make_series(home)
    essence = make_essence(
        description="De zorg sluit naadloos aan, met één vast aanspreekpunt.",
        quotation="Maak eerst contact, en sluit aan bij waar mensen staan.",
        quotation_source="Marcella, in hoofdstuk 5",
        book_chapter="Hoofdstuk 5, Onderlinge afstemming en voortgang",
        reading_question="Wie is in jouw werk het vaste aanspreekpunt van de patiënt?",
        podcast_url=PODCAST,
        kwaliteitskader_url=KADER,
    )
    return make_workshop(
        series,
        essence,
        title="Onderlinge afstemming en voortgang",
        goals=["ziet het belang van samenwerken", "kan reflecteren op de eigen praktijk"],
        programme=programme(methods),
    )


def fresh(workshop) -> WorkshopPage:
    return WorkshopPage.objects.get(pk=workshop.pk)


def pptx_of(data: bytes):
    return Presentation(io.BytesIO(data))


def titles(slides: list) -> list[str]:
    return [slide.title for slide in slides]


def title_of(slide) -> str:
    for shape in slide.placeholders:
        if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return shape.text_frame.text
    return ""


# --- the content: one list for both files ---


def test_slides_follow_the_workshop_in_order(workshop):
    slides = decks.deck_slides(workshop)
    assert [(s.kind, s.title) for s in slides if not s.continued] == [
        ("title", "Onderlinge afstemming en voortgang"),
        ("essence", "Essentie: Coördinatie en continuïteit"),
        ("goals", "Leerdoelen"),
        ("programme", "Programma"),
        ("part", "Inleiding"),
        ("part", "Essentie Coördinatie en continuïteit"),
        ("case", "Aan de slag"),  # a part for the participants: stays on screen
        ("part", "Reflecteren op eigen handelen"),
        ("part", "Plenaire terugkoppeling"),
        ("reading", "Leesvraag"),
        ("more", "Meer weten"),
        ("closing", "Afsluiting en reflectie"),
    ]
    first = titles(slides).index("Reflecteren op eigen handelen")
    assert titles(slides)[first + 1 : first + 3] == [
        "Reflecteren op eigen handelen (vervolg)",
        "Reflecteren op eigen handelen (vervolg 2)",
    ]
    assert len(set(titles(slides))) == len(slides)  # PowerPoint's check wants distinct titles
    assert slides[0].subtitle[:2] == ["Deel 5", "Essentie: Coördinatie en continuïteit"]
    assert slides[0].kicker == "In gesprek over het leven en het einde"
    case = next(s for s in slides if s.kind == "case")
    assert [line.text for line in case.lines][1:] == [
        "Hoe stem je de zorg af?",
        "Hoe deel je informatie?",
        "Wanneer betrek je specialisten?",
    ]


def test_the_quotation_opens_the_essence_and_a_summary_is_not_quoted(workshop):
    essence_slide = decks.deck_slides(workshop)[1]
    assert [(line.style, line.text) for line in essence_slide.lines] == [
        ("quote", "Maak eerst contact, en sluit aan bij waar mensen staan."),
        ("source", "— Marcella, in hoofdstuk 5"),
    ]
    assert "De zorg sluit naadloos aan" in essence_slide.notes

    workshop.essence.quotation = ""
    workshop.essence.save()
    essence_slide = decks.deck_slides(fresh(workshop))[1]
    assert [(line.style, line.text) for line in essence_slide.lines] == [
        ("", "De zorg sluit naadloos aan, met één vast aanspreekpunt.")
    ]


def test_optional_slides_are_left_out_without_their_content(workshop):
    essence = workshop.essence
    essence.reading_question = essence.podcast_url = essence.kwaliteitskader_url = ""
    essence.animation_url = essence.book_chapter = ""
    essence.save()
    page = fresh(workshop)
    for block in page.programme:
        block.value["for_participants"] = False
    page.save_revision().publish()
    kinds = [slide.kind for slide in decks.deck_slides(fresh(workshop))]
    assert "reading" not in kinds and "more" not in kinds and "case" not in kinds
    assert kinds[-1] == "closing"


def test_a_long_part_continues_with_its_numbering(workshop):
    slides = [s for s in decks.deck_slides(workshop) if s.title.startswith("Reflecteren")]
    assert len(slides) >= 2
    assert [s.continued for s in slides] == [False] + [True] * (len(slides) - 1)
    numbers = [line.number for s in slides for line in s.lines if line.list_kind == "ol"]
    assert numbers == list(range(1, 8))  # every question once, numbered on across slides
    assert all(decks.lines_fit(s.lines, s.body_pt) for s in slides)
    assert min(s.body_pt for s in slides) >= 20
    first_of_next = slides[1].lines[0]
    assert first_of_next.level == 0  # a slide does not start with an orphaned sub-item


# --- the PowerPoint file ---


def test_pptx_download(workshop, client):
    response = client.get(workshop.url + "presentatie.pptx")
    assert response.status_code == 200
    assert response["Content-Type"] == PPTX
    assert response["Content-Disposition"] == (
        f'attachment; filename="presentatie-{workshop.slug}.pptx"'
    )
    deck = pptx_of(response.content)
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 13.333 × 7.5 in
    assert deck.core_properties.title == "Presentatie deel 5: Onderlinge afstemming en voortgang"
    assert deck.core_properties.language == "nl-NL"
    assert deck.core_properties.author


def test_every_slide_has_a_real_title_and_programme_slides_have_notes(workshop, client):
    slides = decks.deck_slides(workshop)
    deck = pptx_of(client.get(workshop.url + "presentatie.pptx").content)
    assert len(deck.slides) == len(slides)
    for content, slide in zip(slides, deck.slides, strict=True):
        assert title_of(slide) == content.title
        if content.kind in ("part", "case"):
            assert slide.has_notes_slide
            notes = slide.notes_slide.notes_text_frame.text
            assert f"Tijd: {content.kicker.split(' · ')[-1]}" in notes
    notes = {
        title_of(slide): slide.notes_slide.notes_text_frame.text
        for slide in deck.slides
        if slide.has_notes_slide
    }
    assert HATS_TIP in notes["Aan de slag"]
    assert "Werkvorm: Zes denkhoeden" in notes["Aan de slag"]
    assert "werkvormen/#werkvorm-zes-denkhoeden" in notes["Aan de slag"]
    assert "geprinte casus per groepje" in notes["Aan de slag"]
    assert REFLECTION_TIP in notes["Reflecteren op eigen handelen"]
    assert REFLECTION_TIP in notes["Reflecteren op eigen handelen (vervolg)"]
    assert "Tijd: 35 minuten (minuut 65–100)" in notes["Reflecteren op eigen handelen"]


def test_programme_table_times_match_the_workshop(workshop, client):
    deck = pptx_of(client.get(workshop.url + "presentatie.pptx").content)
    slide = next(s for s in deck.slides if title_of(s) == "Programma")
    table = next(s for s in slide.shapes if s.has_table).table
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Minuut", "Duur", "Onderdeel"]
    minutes = [block.value["minutes"] for block in workshop.programme]
    assert [row[1] for row in rows[1:-1]] == [f"{m} min" for m in minutes]
    starts = [sum(minutes[:i]) for i in range(len(minutes))]
    assert [row[0] for row in rows[1:-1]] == [str(start) for start in starts]
    assert [row[2] for row in rows[1:-1]] == [block.value["part"] for block in workshop.programme]
    assert rows[-1][:2] == ["120", f"{workshop.duration_minutes} min"]


def test_lists_are_real_bullets_and_numbers(workshop, client):
    deck = pptx_of(client.get(workshop.url + "presentatie.pptx").content)
    slides = {title_of(s): s for s in deck.slides}
    body = slides["Aan de slag"].placeholders[1].text_frame
    numbered = [p for p in body.paragraphs if p._p.xpath("./a:pPr/a:buAutoNum")]
    assert [p.text for p in numbered] == [
        "Hoe stem je de zorg af?",
        "Hoe deel je informatie?",
        "Wanneer betrek je specialisten?",
    ]
    assert body.paragraphs[0]._p.xpath("./a:pPr/a:buNone")  # the lead-in is no bullet
    continued = slides["Reflecteren op eigen handelen (vervolg)"].placeholders[1].text_frame
    first = continued.paragraphs[0]
    content = decks.deck_slides(workshop)
    continued_slide = content[titles(content).index("Reflecteren op eigen handelen (vervolg)")]
    assert first._p.xpath("./a:pPr/a:buAutoNum/@startAt") == [str(continued_slide.lines[0].number)]
    reflection = [
        paragraph
        for slide in deck.slides
        if title_of(slide).startswith("Reflecteren")
        for paragraph in slide.placeholders[1].text_frame.paragraphs
    ]
    assert [p.level for p in reflection if p.text.startswith(("a)", "b)"))] == [1] * 4


def test_qr_codes_with_alternative_text(workshop, client):
    deck = pptx_of(client.get(workshop.url + "presentatie.pptx").content)
    slide = next(s for s in deck.slides if title_of(s) == "Meer weten")
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    descriptions = [p._element.nvPicPr.cNvPr.get("descr") for p in pictures]
    assert len(pictures) == 2
    assert any(PODCAST in d for d in descriptions)
    assert any(KADER in d for d in descriptions)


def test_closing_names_the_traffic_light_and_its_cards(workshop):
    closing = decks.deck_slides(workshop)[-1]
    text = "\n".join(line.text for line in closing.lines)
    assert "Afsluiten met: Stoplichtmodel" in text
    for card in ("Groen: Dit ga ik toepassen.", "Oranje: Hier denk ik nog over na."):
        assert card in text
    assert "ziet het belang van samenwerken" in closing.notes


# --- the PDF ---


def test_pdf_has_one_16_9_page_per_slide_with_its_title(workshop, client):
    response = client.get(workshop.url + "presentatie.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="presentatie-{workshop.slug}.pdf"'
    slides = decks.deck_slides(workshop)
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == len(slides)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width / height - 16 / 9) < 0.001
    for slide, text in zip(slides, pdf_pages(response.content), strict=True):
        assert normalise(slide.title) in text
    pages = pdf_pages(response.content)
    programme_page = pages[[s.kind for s in slides].index("programme")]
    assert "65 35 min Reflecteren op eigen handelen" in programme_page
    continued = slides[titles(slides).index("Reflecteren op eigen handelen (vervolg)")]
    markers = re.findall(r"(?<![\d:])(\d+)\.(?!\d)", pages[slides.index(continued)])
    assert markers[0] == str(continued.lines[0].number) != "1"  # numbered on, not from 1


def struct_elements(reader: PdfReader) -> list[dict]:
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S"):
                found.append(node)
            children = node.get("/K")
            for child in children if isinstance(children, list) else [children]:
                if child is not None:
                    walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdf_is_tagged_with_one_heading_per_slide(workshop, tmp_path):
    pdf = decks.render_deck_pdf(workshop)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == "Presentatie deel 5: Onderlinge afstemming en voortgang"
    elements = struct_elements(reader)
    headings = [e for e in elements if e["/S"] in ("/H1", "/H2")]
    assert len(headings) == len(reader.pages)
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) == 2 and all(PODCAST in f["/Alt"] or KADER in f["/Alt"] for f in figures)
    assert any(e["/S"] == "/L" for e in elements) and any(e["/S"] == "/Table" for e in elements)
    if shutil.which("pdfinfo"):
        path = tmp_path / "deck.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE)


def test_long_text_stays_on_its_slide(workshop):
    reader = PdfReader(io.BytesIO(decks.render_deck_pdf(workshop)))
    slides = decks.deck_slides(workshop)
    for slide, page in zip(slides, reader.pages, strict=True):
        if slide.lines or slide.rows:
            assert lowest_baseline(page) <= decks.BODY_BOTTOM, slide.title


def lowest_baseline(page) -> float:
    """The lowest line of text but the slide number, in points from the top of the page."""
    tops = []

    def visit(text, matrix, text_matrix, font, size):
        if text.strip() and not re.fullmatch(r"\d+ / \d+", text.strip()):
            tops.append(float(page.mediabox.height) - (text_matrix[5] * matrix[3] + matrix[5]))

    page.extract_text(visitor_text=visit)
    return max(tops)


# --- caching, publishing, access ---


def test_second_download_is_served_from_the_cache(workshop, client, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the disk cache is tested here, not the page cache
    renders = []
    real_pdf, real_pptx = decks.render_deck_pdf, decks.render_deck_pptx
    monkeypatch.setattr(decks, "render_deck_pdf", lambda p: renders.append("pdf") or real_pdf(p))
    monkeypatch.setattr(decks, "render_deck_pptx", lambda p: renders.append("pptx") or real_pptx(p))
    for route in ("presentatie.pdf", "presentatie.pptx"):
        first, second = client.get(workshop.url + route), client.get(workshop.url + route)
        assert first.status_code == second.status_code == 200
        assert first.content == second.content
    assert renders == ["pdf", "pptx"]


def test_a_new_revision_renders_anew(workshop, client, settings):
    pdf_url, pptx_url = workshop.url + "presentatie.pdf", workshop.url + "presentatie.pptx"
    assert "nieuw leerdoel na publicatie" not in "".join(pdf_pages(client.get(pdf_url).content))
    client.get(pptx_url)

    page = fresh(workshop)
    page.learning_goals.append(("goal", "nieuw leerdoel na publicatie"))
    page.save_revision().publish()

    assert "nieuw leerdoel na publicatie" in "".join(pdf_pages(client.get(pdf_url).content))
    deck = pptx_of(client.get(pptx_url).content)
    goals = next(s for s in deck.slides if title_of(s) == "Leerdoelen")
    assert "nieuw leerdoel na publicatie" in goals.placeholders[1].text_frame.text
    cached = sorted(p.name.split("-")[1] for p in settings.PDF_CACHE_DIR.glob("presentatie-*"))
    assert cached == ["pdf", "pptx"]  # one file each: the old versions are gone


def test_an_unpublished_workshop_has_no_deck(workshop, client):
    workshop.unpublish()
    for route in ("presentatie.pdf", "presentatie.pptx"):
        assert client.get(f"/workshops/{workshop.slug}/{route}").status_code == 404


def test_admin_header_offers_the_trainer_material(workshop, client):
    admin = User.objects.create_superuser("beheer", "beheer@example.org", "pw")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk])).content.decode()
    for label, route in (
        ("Docentenhandreiking (PDF)", "docentenhandreiking.pdf"),
        ("Presentatie (PowerPoint)", "presentatie.pptx"),
        ("Presentatie (PDF)", "presentatie.pdf"),
        ("Hand-out deelnemers (PDF)", "hand-out.pdf"),
        ("Draaiboek", "draaiboek/"),
    ):
        assert f'href="{workshop.url}{route}"' in html
        assert label in html

    workshop.unpublish()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk])).content.decode()
    assert f'href="{workshop.url}presentatie.pptx"' not in html


def test_decks_are_warmed_with_the_guides(workshop):
    from wagtail import hooks

    from cms.pdf import WARM_PDF_CACHE_HOOK

    labels = [
        printable.label for hook in hooks.get_hooks(WARM_PDF_CACHE_HOOK) for printable in hook()
    ]
    assert "Presentatie deel 5: Onderlinge afstemming en voortgang (PDF)" in labels
    assert "Presentatie deel 5: Onderlinge afstemming en voortgang (PowerPoint)" in labels
