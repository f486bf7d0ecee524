"""The participant handout: preparation with minutes and QR links, learning goals, the essence's
chapter and reading question, the case and its questions, printable cards, never the tips."""

import io
import json

import pytest
from pypdf import PdfReader

from curriculum import handouts
from curriculum.models import WorkMethod, WorkshopPage
from tests.curriculum.pdf_text import pdf_pages, pdf_text
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

pytestmark = pytest.mark.django_db

PODCAST = "https://podcast.example.org/aflevering-5"
HATS = [
    ("Witte hoed", "Feiten: wat weten we zeker?", "wit"),
    ("Rode hoed", "Gevoel: wat roept dit bij je op?", "rood"),
    ("Zwarte hoed", "Risico's: wat kan er misgaan?", "zwart"),
    ("Gele hoed", "Kansen: wat gaat er goed?", "geel"),
    ("Groene hoed", "Ideeën: wat kan anders?", "groen"),
    ("Blauwe hoed", "Overzicht: wat is de volgende stap?", "blauw"),
    ("Oranje extra", "Een zevende kaart, op een tweede pagina.", "oranje"),
]


@pytest.fixture
def workshop():
    home = make_home()
    series = make_series(home)
    essence = make_essence(
        book_chapter="Hoofdstuk 5, Onderlinge afstemming en voortgang",
        reading_question="Wie is voor jouw patiënt het vaste aanspreekpunt?",
    )
    hats = make_work_method("Zes denkhoeden", cards=HATS)
    make_work_method("Stoplichtmodel", cards=[("Stoplicht groen", "Dit neem ik mee.", "groen")])
    duo = make_work_method("Reflectiegesprek")  # used, but without cards
    workshop = make_workshop(
        series,
        essence,
        title="Onderlinge afstemming en voortgang",
        goals=["ziet het belang van samenwerken", "kan reflecteren op de eigen praktijk"],
        programme=[
            session(10, "Inleiding", "<p>Uitleg van het programma.</p>"),
            session(20, "Essentie", "<p>Wat betekent continuïteit voor jou?</p>"),
            session(
                35,
                "Aan de slag",
                "<p>Lees de casus van Marcella.</p><ol><li>Hoe stem je de zorg af?</li>"
                "<li>Wie deelt welke informatie?</li></ol>",
                tips="<p>GEHEIME TIP: kies drie van de zes hoeden.</p>",
                work_methods=[hats.pk],
                for_participants=True,
            ),
            session(
                35,
                "Reflecteren",
                "<ol><li>Wat is jouw rol bij een overdracht?</li></ol>",
                tips="<p>TRAINERSNOTITIE: werk in duo's.</p>",
                work_methods=[duo.pk],
                for_participants=True,
            ),
            session(20, "Terugkoppeling", "<p>Terugblik op de leerdoelen.</p>"),
        ],
    )
    workshop.participant_preparation = json.dumps(
        [
            {"type": "task", "value": {"text": "De podcast beluisteren", "link": PODCAST}},
            {"type": "task", "value": {"text": "Eigen leerpunten opschrijven", "link": ""}},
        ]
    )
    workshop.save_revision().publish()
    return WorkshopPage.objects.get(pk=workshop.pk)


def handout_url(workshop) -> str:
    return workshop.url + "hand-out.pdf"


@pytest.fixture
def handout(client, workshop, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    response = client.get(handout_url(workshop))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_handout_holds_title_goals_and_preparation_with_minutes(handout):
    pages = pdf_pages(handout)
    assert "Onderlinge afstemming en voortgang" in pages[0]
    assert "Hand-out voor deelnemers" in pages[0]
    text = "\n".join(pages)
    assert "ziet het belang van samenwerken" in text
    assert "kan reflecteren op de eigen praktijk" in text
    assert "Reken op 75 minuten in totaal" in text
    for minutes, activity in ((15, "Stap 1"), (40, "Stap 2"), (20, "Stap 3")):
        assert f"{minutes} min {activity}" in text
    assert "De podcast beluisteren" in text
    assert "Eigen leerpunten opschrijven" in text


def test_links_are_written_out_with_a_qr_code(workshop):
    context = handouts.handout_context(workshop)
    podcast = next(item for item in context["tasks"] if item.link == PODCAST)
    assert podcast.qr.startswith("<svg")
    assert all(item.qr is None for item in context["tasks"] if not item.link)
    text = pdf_text(handouts.render_handout(workshop))
    assert PODCAST in text


def test_essence_material_shows_chapter_and_reading_question(handout, workshop):
    text = pdf_text(handout)
    assert "Hoofdstuk 5, Onderlinge afstemming en voortgang" in text
    assert "Wie is voor jouw patiënt het vaste aanspreekpunt?" in text

    essence = workshop.essence
    essence.book_chapter = essence.reading_question = ""
    essence.save()
    text = pdf_text(handouts.render_handout(WorkshopPage.objects.get(pk=workshop.pk)))
    assert "Leesvraag" not in text
    assert "Bij het boek" not in text


def test_case_questions_of_participant_parts_and_never_the_tips(handout):
    text = pdf_text(handout)
    assert "Casus en vragen" in text
    assert "Lees de casus van Marcella." in text
    assert "Hoe stem je de zorg af?" in text
    assert "Wat is jouw rol bij een overdracht?" in text
    assert "Uitleg van het programma." not in text  # a part without `for_participants`
    assert "GEHEIME TIP" not in text
    assert "TRAINERSNOTITIE" not in text


def test_cards_of_used_methods_only_on_pages_of_their_own(handout):
    pages = pdf_pages(handout)
    card_pages = [page for page in pages if "Knip de kaarten uit" in page]
    # Seven hats: six on the first page, the seventh on a second.
    assert len(card_pages) == 2
    assert "Kaarten: Zes denkhoeden" in card_pages[0]
    assert "Kaarten: Zes denkhoeden (vervolg)" in card_pages[1]
    for title, text, _colour in HATS[:6]:
        assert title in card_pages[0]
        assert text in card_pages[0]
    assert "Oranje extra" in card_pages[1]
    # The traffic light is not used in this workshop; the reflection method has no cards.
    assert "Stoplicht groen" not in "\n".join(pages)
    assert "Kaarten: Reflectiegesprek" not in "\n".join(pages)


def test_no_cards_section_without_cards(client, workshop, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    hats = WorkMethod.objects.get(name="Zes denkhoeden")
    hats.cards = "[]"
    hats.save()
    text = pdf_text(client.get(handout_url(workshop)).content)
    assert "Kaarten" not in text
    assert "Knip de kaarten" not in text
    assert "Witte hoed" not in text


def test_card_colours_keep_their_text_readable():
    """Black text on the light tints, white on the dark colours, at least 4.5:1 each."""
    from cms.pdf import static_file

    css = static_file(handouts.HANDOUT_CSS[0]).read_text()
    dark_text, light_text = "#1d2327", "#ffffff"
    for colour in ("wit", "geel", "oranje", "groen"):
        rule = css.split(f".card--{colour} .card__band", 1)[1].split("}", 1)[0]
        background = rule.split("background:", 1)[1].split(";", 1)[0].strip()
        assert contrast(background, dark_text) >= 4.5, colour
        assert f"color: {dark_text}" in rule
    for colour in ("rood", "blauw", "zwart"):
        rule = css.split(f".card--{colour} .card__band", 1)[1].split("}", 1)[0]
        background = rule.split("background:", 1)[1].split(";", 1)[0].strip()
        assert contrast(background, light_text) >= 4.5, colour
        assert f"color: {light_text}" in rule


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_handout_is_tagged_with_language_and_title(handout):
    reader = PdfReader(io.BytesIO(handout))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == "Hand-out deel 5: Onderlinge afstemming en voortgang"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_second_download_comes_from_the_cache_and_a_publish_renews_it(
    client, workshop, monkeypatch, settings, tmp_path
):
    settings.PDF_CACHE_DIR = tmp_path
    renders = []
    real_render = handouts.render_handout
    monkeypatch.setattr(
        handouts, "render_handout", lambda page: renders.append(page) or real_render(page)
    )
    first = client.get(handout_url(workshop))
    second = client.get(handout_url(workshop))
    assert first.content == second.content
    assert len(renders) == 1

    workshop.learning_goals.append(("goal", "nieuw leerdoel na publicatie"))
    workshop.save_revision().publish()
    assert "nieuw leerdoel na publicatie" in pdf_text(client.get(handout_url(workshop)).content)
    assert len(renders) == 2

    # A changed card (a snippet without revisions) also renews the handout.
    hats = WorkMethod.objects.get(name="Zes denkhoeden")
    hats.cards = json.dumps(
        [{"type": "card", "value": {"title": "Nieuwe kaart", "text": "Tekst", "colour": "wit"}}]
    )
    hats.save()
    assert "Nieuwe kaart" in pdf_text(client.get(handout_url(workshop)).content)
    assert len(list(tmp_path.glob("hand-out-*.pdf"))) == 1


def test_unpublished_workshop_has_no_handout(client, workshop):
    workshop.unpublish()
    assert client.get(handout_url(workshop)).status_code == 404
