import io
import json

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from cms.pdf import pdf_to_png
from library.models import ExpertIndexPage
from tests.curriculum.pdf_text import pdf_text
from tests.factories import make_catalogue, make_expert, make_home

MM = 72 / 25.4


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM))
        for page in reader.pages
    ]


def decoded_qr_codes(pdf: bytes) -> list[str]:
    image = Image.open(io.BytesIO(pdf_to_png(pdf, width_px=1600)))
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.fixture
def catalogue(db, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    catalogue = make_catalogue(
        make_home(),
        selling_points='[{"type": "point", "value": {"title": "Interprofessioneel", '
        '"text": "Van kaderarts tot nabestaande."}}]',
    )
    make_expert(
        catalogue,
        "Hoe ga ik om met hoop?",
        expert_name="Bram Jansen",
        email="bram.geheim@example.org",
        phone="06-0000 7777",
        topics=["hoop"],
    )
    make_expert(catalogue, "Pijn die niet wijkt", expert_name="Carla Smit")
    return catalogue


def test_flyer_is_one_a4_with_the_edited_words(client, catalogue):
    response = client.get("/expertbibliotheek/flyer.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert page_sizes_mm(response.content) == [(210, 297)]
    assert "Van kaderarts tot nabestaande." in pdf_text(response.content)

    catalogue = ExpertIndexPage.objects.get(pk=catalogue.pk)
    catalogue.selling_points = (
        '[{"type": "point", "value": {"title": "Interprofessioneel", '
        '"text": "Nieuwe regel na publicatie."}}]'
    )
    catalogue.save_revision().publish()
    text = pdf_text(client.get("/expertbibliotheek/flyer.pdf").content)
    assert "Nieuwe regel na publicatie." in text
    assert "Van kaderarts" not in text


def test_slide_is_one_16_by_9_page_and_a_png(client, catalogue):
    pdf = client.get("/expertbibliotheek/dia.pdf").content
    assert page_sizes_mm(pdf) == [(339, 190)]  # 338.7 × 190.5 mm, rounded
    png = client.get("/expertbibliotheek/dia.png")
    assert png["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert image.size[0] == 1920 and abs(image.size[0] / image.size[1] - 16 / 9) < 0.01


def test_qr_codes_decode_to_the_absolute_urls(client, catalogue):
    site_url = catalogue.get_site().root_url
    flyer = client.get("/expertbibliotheek/flyer.pdf").content
    assert decoded_qr_codes(flyer) == [f"{site_url}/expertbibliotheek/"]
    expert = catalogue.get_children().get(title="Hoe ga ik om met hoop?")
    cover = client.get(expert.url + "boekenkaft.pdf").content
    assert decoded_qr_codes(cover) == [f"{site_url}{expert.url}"]


def test_cover_pdf_holds_the_book_but_never_private_data(client, catalogue):
    expert = catalogue.get_children().get(title="Hoe ga ik om met hoop?").specific
    pdf = client.get(expert.url + "boekenkaft.pdf").content
    assert page_sizes_mm(pdf) == [(210, 297)]
    text = pdf_text(pdf)
    assert "Hoe ga ik om met hoop?" in text and "Bram Jansen" in text
    assert "bram.geheim@example.org" not in text and "06-0000 7777" not in text


def test_booklet_has_title_toc_and_a_page_per_cover(client, catalogue):
    pdf = client.get("/expertbibliotheek/catalogus.pdf").content
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 2 + 2  # title page, contents, two covers
    assert set(sizes) == {(210, 297)}
    text = pdf_text(pdf)
    assert "Inhoudsopgave" in text and "Pijn die niet wijkt" in text
    assert "bram.geheim@example.org" not in text


def test_admin_offers_the_downloads_and_pdf_previews(admin_client, catalogue):
    edit = admin_client.get(f"/admin/pages/{catalogue.pk}/edit/").content.decode()
    for label in ("Flyer downloaden (PDF)", "Dia downloaden (PNG)", "Catalogus als boekje (PDF)"):
        assert label in edit
    expert = catalogue.get_children().first()
    assert (
        "Boekenkaft downloaden (PDF)"
        in admin_client.get(f"/admin/pages/{expert.pk}/edit/").content.decode()
    )
    modes = dict(ExpertIndexPage.preview_modes)
    assert modes["flyer"] == "Flyer (PDF)"


def test_cover_pdf_preview_shows_unsaved_changes(admin_client, catalogue):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    expert = catalogue.get_children().get(title="Pijn die niet wijkt").specific
    data = nested_form_data(
        {
            "title": "Een nog niet opgeslagen titel",
            "slug": expert.slug,
            "summary": expert.summary,
            "expert_name": expert.expert_name,
            "kind": expert.kind,
            "role": expert.role,
            "topics": "",
            "example_questions": streamfield([]),
            "languages": "Nederlands",
            "conversation_form": "both",
            "preparation_minutes": 20,
            "body": streamfield([]),
            "availability": "available",
            "comments": inline_formset([]),
        }
    )
    url = f"/admin/pages/{expert.pk}/edit/preview/"
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url, {"mode": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert "Een nog niet opgeslagen titel" in pdf_text(response.content)


def test_flyer_and_slide_show_the_example_questions(client, catalogue):
    catalogue = ExpertIndexPage.objects.get(pk=catalogue.pk)
    questions = ["Wat te doen bij refractaire pijn?", "Hoe ga ik om met zingevingsvragen?"]
    catalogue.recruit_examples = json.dumps(
        [{"type": "question", "value": question} for question in questions]
    )
    catalogue.save_revision().publish()
    for url in ("/expertbibliotheek/flyer.pdf", "/expertbibliotheek/dia.pdf"):
        pdf = client.get(url).content
        assert len(page_sizes_mm(pdf)) == 1
        text = pdf_text(pdf)
        assert all(question in text for question in questions), url
