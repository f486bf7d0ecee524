"""The catalogue booklet's cover, page numbers and absence notes, and the filled flyer."""

import datetime

import pytest
from django.utils import timezone

from library.catalogue import print_material
from tests.curriculum.pdf_text import pdf_pages
from tests.factories import make_catalogue, make_expert, make_home


@pytest.fixture
def catalogue(db, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    catalogue = make_catalogue(make_home())
    make_expert(
        catalogue,
        "Hoe ga ik om met hoop?",
        expert_name="Bram Jansen",
        availability="absent",
        absent_until=timezone.localdate() + datetime.timedelta(days=10),
    )
    make_expert(catalogue, "Pijn die niet wijkt", expert_name="Carla Smit")
    return catalogue


def test_booklet_has_a_designed_cover_numbered_book_pages_and_the_absence(catalogue):
    pages = pdf_pages(print_material.render_booklet(catalogue))
    assert len(pages) == 4  # cover, contents, two books
    assert "Catalogus" in pages[0] and "2 boeken om te lenen" in pages[0]
    assert "pagina" not in pages[0]
    for number in (3, 4):
        assert f"pagina {number} van 4" in pages[number - 1]
    absent = next(page for page in pages[2:] if "Bram Jansen" in page)
    present = next(page for page in pages[2:] if "Carla Smit" in page)
    until = print_material.dutch_date(timezone.localdate() + datetime.timedelta(days=10))
    assert f"Tijdelijk afwezig tot en met {until}" in absent
    assert "afwezig" not in present


def test_flyer_is_one_page_with_the_three_steps(catalogue):
    pages = pdf_pages(print_material.render_flyer(catalogue))
    assert len(pages) == 1
    assert "Lenen in drie stappen" in pages[0]
    assert "Vul het leenformulier in" in pages[0]
