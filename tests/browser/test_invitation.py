"""The trainer copies the participants' invitation from the workshop page on a phone."""

import json

import pytest
from playwright.sync_api import expect

from curriculum.invitations import invitation_text
from curriculum.models import WorkshopPage
from tests.factories import make_essence, make_home, make_series, make_workshop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PODCAST = "https://app.springcast.fm/17076/s25-onderlinge-afstemming-en-voortgang"


@pytest.fixture
def workshop(live_server):
    series = make_series(make_home(), show_in_menus=True)
    essence = make_essence(reading_question="Wat viel je op aan de overdracht?")
    workshop = make_workshop(
        series,
        essence,
        title="Onderlinge afstemming en voortgang",
        participant_preparation=json.dumps(
            [{"type": "task", "value": {"text": "De podcast beluisteren", "link": PODCAST}}]
        ),
    )
    return WorkshopPage.objects.get(pk=workshop.pk)


def test_the_trainer_copies_the_invitation_on_a_phone(browser, live_server, workshop, screenshot):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 390, "height": 844}, base_url=live_server.url
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(workshop.url)

    text = page.get_by_label("E-mail aan de deelnemers")
    expect(text).to_have_attribute("readonly", "")
    expected = invitation_text(workshop)  # the page's request adds no host: no local links
    expect(text).to_have_value(expected)
    button = page.get_by_role("button", name="Kopieer tekst")
    button.scroll_into_view_if_needed()
    button.click()
    expect(page.get_by_role("status")).to_have_text("Tekst gekopieerd")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert PODCAST in expected and "Wat viel je op aan de overdracht?" in expected
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not errors
    page.get_by_role("heading", name="Deelnemers uitnodigen").scroll_into_view_if_needed()
    screenshot(page, "uitnodiging-390")

    with page.expect_download() as download:
        page.get_by_role("link", name="Uitnodiging als concept-e-mail").click()
    assert download.value.suggested_filename == "uitnodiging-workshop-5.eml"
    context.close()


def test_without_javascript_there_is_no_dead_copy_button(browser, live_server, workshop):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + workshop.url)
    expect(page.get_by_label("E-mail aan de deelnemers")).to_be_visible()
    expect(page.get_by_role("button", name="Kopieer tekst")).to_be_hidden()
    expect(page.get_by_role("link", name="Uitnodiging als tekstbestand")).to_be_visible()
    context.close()
