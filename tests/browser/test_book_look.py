"""The catalogue's books on a phone: a spine in the kind's colour, the expert's monogram where
there is no photo, and nothing that makes the page scroll sideways."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPINE = "getComputedStyle(document.querySelector('{}')).backgroundColor"
KIND = "getComputedStyle(document.documentElement).getPropertyValue('--kind-{}').trim()"


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


def test_books_on_a_phone(browser, demo_site, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(demo_site + "/expertbibliotheek/")
        card = page.locator(".book-card", has_text="Aan het bed tijdens palliatieve sedatie")
        expect(card.locator(".monogram")).to_have_text("GW")
        expect(card.locator(".book-card__kind")).to_have_text("Ervaringsdeskundige")
        expect(card).to_contain_text("door Gerard Wolters")
        spine = page.evaluate(SPINE.format(".book-card--bereaved .book-card__spine"))
        assert spine == rgb(page.evaluate(KIND.format("bereaved")))
        assert page.evaluate(SPINE.format(".book-card--professional .book-card__spine")) != spine
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

        card.get_by_role("link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Aan het bed tijdens palliatieve sedatie"
        )
        expect(page.locator(".book-cover__header .monogram")).to_have_text("GW")
        expect(
            page.get_by_role("heading", level=2, name="Over Gerard Wolters en het gesprek")
        ).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        screenshot(page, "boekenkaft-telefoon")
    finally:
        context.close()
