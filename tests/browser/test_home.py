"""The home page on a phone: the hero's two paths fit the screen and the keyboard reaches both."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_both_paths_are_reachable_by_keyboard_on_a_phone(browser, demo_site, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(demo_site + "/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the home page scrolls sideways by {overflow}px"
        # The text is set in the site's own typeface, not a fallback.
        loaded = page.evaluate(
            "document.fonts.ready.then(fonts => [...fonts]"
            ".filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight))"
        )
        assert "Atkinson Hyperlegible Next 400" in loaded, loaded

        hero = page.get_by_role("region", name="Expertbibliotheek Palliatieve Zorg")
        reached = {}
        for _ in range(30):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "document.activeElement.closest('.hero') ? document.activeElement.href : null"
            )
            if focused:
                name = page.evaluate("document.activeElement.innerText")
                reached[focused] = name
                # The focus ring shows on the coloured button.
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline == "solid", outline
            if len(reached) == 2:
                break
        assert len(reached) == 2, reached
        names = " | ".join(reached.values())
        assert "Leen een expert" in names and "Geef een workshop" in names
        screenshot(page, "hero-focus")

        hero.get_by_role("link", name="Leen een expert").click()
        expect(page).to_have_url(demo_site + "/expertbibliotheek/")
        page.go_back()
        hero.get_by_role("link", name="Geef een workshop").click()
        expect(page).to_have_url(demo_site + "/workshops/")
    finally:
        context.close()
