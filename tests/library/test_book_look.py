"""Books that look like books: the catalogue card and the cover show the expert's photo, or
their monogram when there is none or its file is gone, never a broken image."""

import json
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from library.templatetags.book_tags import initials
from tests.factories import make_catalogue, make_expert, make_home

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gerard Wolters", "GW"),
        ("Anna van der Berg", "AB"),
        ("Joost van der Heijden", "JH"),
        ("Ria in 't Veld", "RV"),
        ("Ellen", "E"),
        ("van Dijk", "D"),
        ("dr. Anna Berg", "AB"),
        ("Anna Jansen-de Vries", "AV"),
        ("özlem yılmaz", "ÖY"),
        ("Al Jansen", "AJ"),
        ("  ", ""),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.fixture
def catalogue():
    return make_catalogue(make_home())


def portrait(title="portret"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def card(html: str, title: str) -> str:
    """The catalogue card of one book."""
    start = html.index(f">{title}</a></h3>")
    return html[html.rindex("<article", 0, start) : html.index("</article>", start)]


def header(html: str) -> str:
    start = html.index('<header class="book-cover__header">')
    return html[start : html.index("</header>", start)]


def test_card_is_a_book_by_its_expert_with_a_monogram(client, catalogue):
    make_expert(catalogue, "Aan het bed", expert_name="Gerard Wolters", kind="bereaved")
    html = card(client.get(catalogue.url).content.decode(), "Aan het bed")
    assert "book-card--bereaved" in html
    assert re.search(r'book-card__kind">Ervaringsdeskundige<', html)
    assert re.search(r"door <b>Gerard Wolters</b>", html)
    assert re.search(r'<span class="monogram" aria-hidden="true">GW</span>', html)
    assert "<img" not in html


def test_card_and_cover_show_the_photo_where_given(client, catalogue):
    expert = make_expert(catalogue, "Pijn", photo=portrait(), photo_alt="Portret van Anna de Vries")
    for html in (
        card(client.get(catalogue.url).content.decode(), "Pijn"),
        header(client.get(expert.url).content.decode()),
    ):
        image = re.search(r'<img [^>]*src="([^"]+)"[^>]*alt="Portret van Anna de Vries"', html)
        assert image, html
        assert "not-found" not in image.group(1)
        assert default_storage.exists(image.group(1).removeprefix(settings.MEDIA_URL))
        assert "monogram" not in html


def test_a_photo_whose_file_is_gone_shows_the_monogram(client, catalogue):
    image = portrait()
    expert = make_expert(
        catalogue,
        "Rouw",
        expert_name="Anna van der Berg",
        photo=image,
        photo_alt="Portret van Anna van der Berg",
    )
    image.file.storage.delete(image.file.name)
    for html in (
        card(client.get(catalogue.url).content.decode(), "Rouw"),
        header(client.get(expert.url).content.decode()),
    ):
        assert "<img" not in html
        assert "not-found" not in html
        assert re.search(r'class="monogram[^"]*" aria-hidden="true">AB</span>', html)


@pytest.mark.parametrize("damage", [b"", b"dit is geen afbeelding"], ids=["leeg", "kapot"])
def test_a_damaged_photo_file_shows_the_monogram_not_an_error(client, catalogue, damage):
    image = portrait()
    expert = make_expert(catalogue, "Zorg", expert_name="Bas Verhoef", photo=image, photo_alt="Bas")
    with image.file.storage.open(image.file.name, "wb") as damaged:  # a failed restore
        damaged.write(damage)
    for url in (catalogue.url, expert.url):
        response = client.get(url)
        assert response.status_code == 200
        assert re.search(r'aria-hidden="true">BV</span>', response.content.decode())


def test_a_rendition_whose_file_is_gone_shows_the_monogram(client, catalogue):
    image = portrait()
    expert = make_expert(catalogue, "Hoop", expert_name="Ellen", photo=image, photo_alt="Ellen")
    assert "<img" in header(client.get(expert.url).content.decode())
    for rendition in image.renditions.all():
        rendition.file.storage.delete(rendition.file.name)
    image.file.storage.delete(image.file.name)
    html = header(client.get(expert.url).content.decode())
    assert "<img" not in html
    assert re.search(r'aria-hidden="true">E</span>', html)


def test_cover_is_a_book_with_a_heading_before_its_story(client, catalogue):
    expert = make_expert(
        catalogue,
        "Aan het bed",
        expert_name="Gerard Wolters",
        kind="bereaved",
        preparation_assignment="Lees de richtlijn.",
        body=json.dumps([{"type": "paragraph", "value": "<p>Ik ben Gerard Wolters.</p>"}]),
    )
    html = client.get(expert.url).content.decode()
    top = header(html)
    assert "book-cover--bereaved" in html
    assert re.search(r"<h1>Aan het bed</h1>", top)
    assert "door <b>Gerard Wolters</b>" in top
    assert 'aria-hidden="true">GW</span>' in top
    story = html.index("<h2>Over Gerard Wolters en het gesprek</h2>")
    assert story < html.index("Ik ben Gerard Wolters.") < html.index("<h2>Voorbereiding</h2>")


def test_an_editors_own_opening_heading_replaces_the_story_heading(client, catalogue):
    expert = make_expert(
        catalogue,
        "Aan het bed",
        expert_name="Gerard Wolters",
        body=json.dumps(
            [
                {"type": "heading", "value": {"text": "Wie ik ben", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Ik ben Gerard Wolters.</p>"},
            ]
        ),
    )
    html = client.get(expert.url).content.decode()
    assert "Wie ik ben</h2>" in html
    assert "Over Gerard Wolters en het gesprek" not in html


def test_cards_with_photos_cost_no_query_per_card(client, catalogue, settings):
    # The catalogue prefetches the card's rendition (library.catalogue.search.CARD_PHOTO): a
    # card asking for another size would cost a query (and a new rendition) per photo.
    from tests.library.test_catalogue import count_queries

    settings.PAGE_CACHE_SECONDS = 0
    for number in range(3):
        make_expert(
            catalogue,
            f"Boek {number}",
            slug=f"boek-{number}",
            photo=portrait(),
            photo_alt="Portret",
        )
    few = count_queries(client, catalogue.url)
    for number in range(3, 12):
        make_expert(
            catalogue,
            f"Boek {number}",
            slug=f"boek-{number}",
            photo=portrait(),
            photo_alt="Portret",
        )
    assert count_queries(client, catalogue.url) == few
