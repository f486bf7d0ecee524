"""Issue 19, done when: axe-core finds no WCAG 2.1 A/AA violation on the home page and on the
catalogue with its "Filters" disclosure open, also on a phone. test_accessibility.py covers
both at 1280 px with the filters closed, test_phones.py the open filters at 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SIZES = {"telefoon": {"width": 390, "height": 844}, "breed": {"width": 1280, "height": 900}}


@pytest.fixture(params=SIZES)
def sized_page(request, browser):
    context = browser.new_context(locale="nl-NL", viewport=SIZES[request.param])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_home_page_has_no_wcag_violations(sized_page, demo_site, screenshot):
    sized_page.goto(demo_site + "/")
    expect(sized_page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(sized_page, "home")
    assert violations(sized_page) == []


def test_catalogue_with_the_filters_open_has_no_wcag_violations(sized_page, demo_site, screenshot):
    sized_page.goto(demo_site + "/expertbibliotheek/")
    sized_page.locator("summary", has_text="Filters").click()
    # Every filter in view, so axe checks their labels and contrast too.
    expect(sized_page.get_by_label("Soort expert")).to_be_visible()
    expect(sized_page.get_by_label("Nu beschikbaar")).to_be_visible()
    screenshot(sized_page, "filters-open")
    assert violations(sized_page) == []
