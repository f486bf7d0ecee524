"""The participants' invitation: the text on the workshop page, the .txt and the .eml draft."""

import html
import json
from email import message_from_bytes
from email.policy import default

import pytest

from curriculum.invitations import invitation_subject, invitation_text
from curriculum.models import WorkshopPage
from tests.factories import make_essence, make_home, make_series, make_workshop

PODCAST = "https://app.springcast.fm/17076/s25-onderlinge-afstemming-en-voortgang"
KADER = "https://palliaweb.nl/getmedia/kwaliteitskader.pdf"
ANIMATION = "https://www.youtube.com/watch?v=8HQR9zbgqf8"
LITERATURE = "https://palliaweb.nl/publicaties/overgang"
READING_QUESTION = "Waar sloten de zorgverleners in het verhaal niet op elkaar aan?"
TASKS = [
    ("Domein 2.5 uit het Kwaliteitskader doornemen", KADER),
    ("Hoofdstuk 5 uit het boek lezen", ""),
    ("De animatie Coördinatie en continuïteit bekijken", ANIMATION),
]
ITEMS = [
    ("Het hoofdstuk lezen", 15, ""),
    ("De podcastaflevering beluisteren", 40, PODCAST),
    ("De aangereikte literatuur doornemen", 20, LITERATURE),
]


def stream(block_type: str, values: list[dict]) -> str:
    return json.dumps([{"type": block_type, "value": value} for value in values])


@pytest.fixture
def workshop(db):
    series = make_series(make_home(), series_title="In gesprek over het leven en het einde")
    essence = make_essence(reading_question=READING_QUESTION)
    workshop = make_workshop(
        series,
        essence,
        title="Onderlinge afstemming en voortgang",
        participant_preparation=stream(
            "task", [{"text": text, "link": link} for text, link in TASKS]
        ),
    )
    workshop.preparation_items = stream(
        "item", [{"activity": a, "minutes": m, "link": link} for a, m, link in ITEMS]
    )
    workshop.save_revision().publish()
    return WorkshopPage.objects.get(pk=workshop.pk)


def assert_holds_the_preparation(body: str) -> None:
    for text, link in TASKS:
        assert f"- {text}" in body
        if link:
            assert f"\n  {link}\n" in body, link  # written out in full, on a line of its own
    for activity, minutes, link in ITEMS:
        assert f"- {minutes} minuten: {activity}" in body
        if link:
            assert link in body
    assert "ongeveer 75 minuten in totaal" in body
    assert READING_QUESTION in body
    assert "[datum en tijd]" in body
    assert "[naam trainer]" in body


def test_the_text_file_is_a_utf8_attachment_with_subject_and_preparation(client, workshop):
    response = client.get(workshop.url + "uitnodiging.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == ('attachment; filename="uitnodiging-workshop-5.txt"')
    text = response.content.decode("utf-8")
    assert text.startswith(
        "Onderwerp: Uitnodiging workshop ‘Onderlinge afstemming en voortgang’: zo bereid je je "
        "voor\n\nHallo,"
    )
    assert "de workshop ‘Onderlinge afstemming en voortgang’ (deel 5 uit de reeks ‘In gesprek" in (
        text.replace("\n", " ")
    )
    assert "essentie Coördinatie en continuïteit" in text
    assert_holds_the_preparation(text)
    assert text.rstrip().endswith("Met vriendelijke groet,\n[naam trainer]")


def test_the_eml_is_an_unsent_draft_mail_clients_can_open(client, workshop):
    response = client.get(workshop.url + "uitnodiging.eml")
    assert response.status_code == 200
    assert response["Content-Type"] == "message/rfc822"
    assert response["Content-Disposition"] == ('attachment; filename="uitnodiging-workshop-5.eml"')
    raw = response.content
    assert b"\r\n\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF, as RFC 5322
    assert raw.isascii()  # headers and body encoded for transport
    message = message_from_bytes(raw, policy=default)
    assert message["Subject"] == invitation_subject(workshop)
    assert message["X-Unsent"] == "1"
    assert message["Date"]
    assert message["From"] is None and not message["To"]
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content().replace("\r\n", "\n")
    assert not body.startswith("Onderwerp:")  # the subject is the header, not a body line
    assert_holds_the_preparation(body)


def test_a_link_on_this_site_is_written_out_with_its_host(client, workshop):
    workshop.participant_preparation = stream(
        "task", [{"text": "Het werkblad invullen", "link": "/media/documents/werkblad.pdf"}]
    )
    workshop.save_revision().publish()
    text = client.get(workshop.url + "uitnodiging.txt").content.decode()
    assert "\n  http://testserver/media/documents/werkblad.pdf\n" in text


def test_without_reading_question_or_tasks_the_mail_leaves_them_out(client, workshop):
    workshop.essence.reading_question = ""
    workshop.essence.save()
    workshop.participant_preparation = "[]"
    workshop.save_revision().publish()
    text = client.get(workshop.url + "uitnodiging.txt").content.decode()
    assert "Leesvraag" not in text
    assert "Wat je vooraf doet" not in text
    assert "- 40 minuten: De podcastaflevering beluisteren" in text


def test_other_extensions_are_not_found(client, workshop):
    assert client.get(workshop.url + "uitnodiging.pdf").status_code == 404


def test_the_page_offers_the_text_a_copy_button_and_both_downloads(client, workshop):
    page = client.get(workshop.url)
    content = page.content.decode()
    assert '<h2 id="deelnemers-uitnodigen">Deelnemers uitnodigen</h2>' in content
    assert '<label for="invitation-text">' in content
    textarea = content.split('<textarea id="invitation-text"', 1)[1].split("</textarea>", 1)
    assert " readonly" in textarea[0].split(">", 1)[0]
    shown = html.unescape(textarea[0].split(">", 1)[1])
    assert shown == invitation_text(workshop, page.wsgi_request)
    # The button works through a static script (no inline script under the CSP) and stays
    # hidden until that script runs; its result is announced in a live region.
    assert '<script src="/static/js/copy-text.js" defer></script>' in content
    button = content.split('class="copy-button"', 1)[1].split(">", 1)[0]
    assert 'data-copy-target="invitation-text"' in button and " hidden" in button
    assert 'id="invitation-copied" role="status" aria-live="polite"' in content
    assert f'href="{workshop.url}uitnodiging.txt"' in content
    assert f'href="{workshop.url}uitnodiging.eml"' in content
    csp = page["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_a_link_stands_in_the_mail_once(client, workshop):
    # The podcast is a task and has its preparation time: its link is given once.
    workshop.participant_preparation = stream(
        "task", [{"text": text, "link": link} for text, link in [*TASKS, ("Luisteren", PODCAST)]]
    )
    workshop.save_revision().publish()
    body = client.get(workshop.url + "uitnodiging.txt").content.decode()
    assert "- Luisteren" in body and "minuten: De podcastaflevering beluisteren" in body
    links = [line.strip() for line in body.splitlines() if line.strip().startswith("http")]
    assert links and len(links) == len(set(links))
