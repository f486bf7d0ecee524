"""Editors' text in the stricter formats (PowerPoint, e-mail headers, QR codes), the cache after
a scheduled publish, and the limit on run sheets made at will: found by the attack review."""

import email
import email.policy
import io
import json

import pytest
from pptx import Presentation

from curriculum import decks
from curriculum.models import WorkMethod, WorkshopPage
from tests.curriculum.pdf_text import pdf_text
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 0
    traffic_light = make_work_method(
        "Stoplichtmodel", cards=[("Groen", "Dit neem ik mee.", "groen")]
    )
    return make_workshop(
        make_series(make_home()),
        make_essence(),
        title="Onderlinge afstemming en voortgang",
        programme=[
            session(60, "Aan de slag", for_participants=True),
            session(60, "Terugkoppeling", work_methods=[traffic_light.pk]),
        ],
    )


def republish(workshop: WorkshopPage, **fields) -> WorkshopPage:
    page = WorkshopPage.objects.get(pk=workshop.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return WorkshopPage.objects.get(pk=workshop.pk)


# Word's soft line break is a vertical tab; U+2028 and U+FFFF come along with pasted text.
@pytest.mark.parametrize("odd", ["\x0b", "\u2028", "\r\nBcc: iemand@example.org", "\uffff"])
def test_odd_characters_in_a_title_give_working_files(client, workshop, odd):
    workshop = republish(workshop, title=f"Onderlinge afstemming{odd}en voortgang")
    for ending in ("presentatie.pptx", "presentatie.pdf", "uitnodiging.eml", "uitnodiging.txt"):
        assert client.get(workshop.url + ending).status_code == 200, ending
    eml = client.get(workshop.url + "uitnodiging.eml").content
    mail = email.message_from_bytes(eml, policy=email.policy.default)
    assert mail["Bcc"] is None
    assert mail["Subject"].startswith("Uitnodiging workshop ‘Onderlinge afstemming")
    assert "voortgang’: zo bereid je je voor" in mail["Subject"]
    deck = Presentation(io.BytesIO(client.get(workshop.url + "presentatie.pptx").content))
    assert "_x000B_" not in deck.slides[0].shapes.title.text


def test_a_card_with_a_character_xml_cannot_hold_leaves_the_deck_working(client, workshop):
    method = WorkMethod.objects.get(name="Stoplichtmodel")
    card = {"title": "Groen\ufffe", "text": "Ja", "colour": "groen"}
    method.cards = json.dumps([{"type": "card", "value": card}])
    method.save()
    response = client.get(workshop.url + "presentatie.pptx")
    assert response.status_code == 200
    assert len(Presentation(io.BytesIO(response.content)).slides) == len(
        decks.deck_slides(workshop)
    )


def test_a_link_too_long_for_a_qr_code_is_printed_without_one(client, workshop):
    link = "https://example.org/" + "€" * 2000
    workshop = republish(
        workshop,
        preparation_items=json.dumps(
            [{"type": "item", "value": {"activity": "Lezen", "minutes": 75, "link": link}}]
        ),
    )
    response = client.get(workshop.url + "hand-out.pdf")
    assert response.status_code == 200
    assert "Lezen" in pdf_text(response.content)


def test_a_scheduled_publish_shows_in_the_next_download(client, workshop):
    # The revision that will go live exists (and is the latest) before it is live: a cache
    # keyed on the latest revision would keep serving the old text under the new key.
    page = WorkshopPage.objects.get(pk=workshop.pk)
    page.title = "Nieuwe titel na publicatie"
    revision = page.save_revision()
    before = client.get(workshop.url + "docentenhandreiking.pdf").content
    assert "Nieuwe titel na publicatie" not in pdf_text(before)
    revision.publish()
    for ending in ("docentenhandreiking.pdf", "presentatie.pdf", "hand-out.pdf"):
        text = pdf_text(client.get(workshop.url + ending).content)
        assert "Nieuwe titel na publicatie" in " ".join(text.split()), ending


def test_a_non_ascii_address_keeps_the_file_name(client, workshop):
    workshop = republish(workshop, slug="afstemming-ö")
    response = client.get(workshop.url + "presentatie.pptx")
    assert response.status_code == 200
    assert "filename*=utf-8''presentatie-afstemming-%C3%B6.pptx" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")


def test_run_sheets_made_at_will_are_limited(client, workshop, monkeypatch):
    from curriculum import run_sheets

    monkeypatch.setattr(run_sheets, "PDFS_PER_CLIENT_PER_HOUR", 2)
    urls = [f"{workshop.url}draaiboek.pdf?start=13:3{n}" for n in range(3)]
    assert [client.get(url).status_code for url in urls] == [200, 200, 429]
    assert "Probeer het later opnieuw" in client.get(urls[0]).content.decode()


@pytest.mark.parametrize(
    "ending",
    [
        "",
        "docentenhandreiking.pdf",
        "presentatie.pdf",
        "presentatie.pptx",
        "hand-out.pdf",
        "draaiboek/",
        "draaiboek.pdf",
        "uitnodiging.txt",
        "uitnodiging.eml",
    ],
)
def test_a_password_protected_workshop_keeps_its_material_to_itself(client, workshop, ending):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=workshop,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",  # noqa: S106
    )
    response = client.get(workshop.url + ending)
    assert response.status_code == 200  # Wagtail's password form, not the file
    assert "Wachtwoord" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
