"""Issue 19, phones: at 390 px the catalogue and the accessibility statement do not scroll
sideways, the catalogue's "Filters" disclosure opens and closes without JavaScript, and the
statement's long one-word heading fits."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_catalogue_filters_disclosure_at_390_px(phone, demo_site, screenshot):
    phone.goto(demo_site + "/expertbibliotheek/")
    assert phone.evaluate(SIDEWAYS) <= 0
    summary = phone.locator("summary", has_text="Filters")
    kind = phone.get_by_label("Soort expert")
    expect(summary).to_be_visible()
    expect(kind).to_be_hidden()  # closed on load
    expect(phone.get_by_label("Zoek op onderwerp, vraag of naam")).to_be_visible()
    screenshot(phone, "dicht")

    summary.click()  # JavaScript is off: the <details> element does this by itself
    expect(kind).to_be_visible()
    assert phone.evaluate(SIDEWAYS) <= 0
    screenshot(phone, "open")

    kind.select_option("experience")
    phone.get_by_label("Nu beschikbaar").check()
    phone.get_by_role("button", name="Toon boeken").click()
    expect(phone).to_have_url(re.compile(r"soort=experience"))
    expect(phone.locator("summary", has_text="Filters")).to_have_text(
        re.compile(r"Filters\s*\(2 actief\)")
    )
    for text in phone.locator(".book-card__kind").all_text_contents():
        assert text == "Ervaringsdeskundige"
    screenshot(phone, "gefilterd")

    # The keyboard opens and closes it too.
    phone.locator("summary", has_text="Filters").focus()
    phone.keyboard.press("Enter")
    expect(kind).to_be_visible()
    phone.keyboard.press("Space")
    expect(kind).to_be_hidden()


def test_accessibility_statement_fits_at_390_px(phone, demo_site, screenshot):
    phone.goto(demo_site + "/toegankelijkheid/")
    heading = phone.get_by_role("heading", level=1)
    expect(heading).to_have_text("Toegankelijkheidsverklaring")
    assert phone.evaluate(SIDEWAYS) <= 0
    fits = heading.evaluate("h => h.scrollWidth <= h.clientWidth")
    right = heading.evaluate("h => h.getBoundingClientRect().right")
    assert fits
    assert right <= PHONE["width"]
    screenshot(phone, "toegankelijkheid")


def test_catalogue_and_statement_at_1280_px(page, demo_site, screenshot):
    """Not a phone: the look on a wide screen, for the record; still no sideways scroll, and
    no WCAG violation with the filters open."""
    page.goto(demo_site + "/expertbibliotheek/?soort=professional")
    assert page.evaluate(SIDEWAYS) <= 0
    screenshot(page, "catalogus-dicht")
    page.locator("summary", has_text="Filters").click()
    expect(page.get_by_label("Soort expert")).to_be_visible()
    screenshot(page, "catalogus-open")
    assert violations(page) == []  # axe-core, with the filters in view
    page.goto(demo_site + "/toegankelijkheid/")
    assert page.evaluate(SIDEWAYS) <= 0
    screenshot(page, "toegankelijkheid")
