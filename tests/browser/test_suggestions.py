import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_books_are_suggested_while_the_goal_is_typed_on_a_phone(browser, demo_site, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_site + "/expertbibliotheek/lenen/")
    page.get_by_label("Je persoonlijke leerdoel(en)").fill(
        "Ik wil leren hoe ik palliatieve sedatie bespreek met de familie"
    )
    region = page.locator("#goal-suggestions")
    expect(region).to_contain_text("Misschien past een van deze boeken")
    expect(region.get_by_role("link").first).to_be_visible()
    first_title = region.get_by_role("link").first.inner_text()
    region.get_by_role("button", name=re.compile(r"^Kies het boek ")).first.click()
    chosen = page.get_by_label("Welk boek wil je lenen?")
    assert first_title in chosen.locator("option:checked").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "suggesties-390")
    context.close()
