import re

import pytest
from playwright.sync_api import expect

from library.models import ExpertPage
from tests.browser.steps import on_first_network, path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_filter_catalogue_open_cover_and_find_the_loan_button(page, demo_site, screenshot):
    page.goto(demo_site + "/expertbibliotheek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Expertbibliotheek")
    screenshot(page, "catalogus")

    page.locator("summary", has_text="Filters").click()  # the filters fold away
    page.get_by_label("Soort expert").select_option("experience")
    page.get_by_label("Nu beschikbaar").check()
    page.get_by_role("button", name="Toon boeken").click()
    expect(page).to_have_url(re.compile(r"soort=experience"))
    cards = page.locator(".book-card")
    expect(cards.first).to_be_visible()
    for kind in cards.locator(".book-card__kind").all_text_contents():
        assert kind == "Ervaringsdeskundige"
    screenshot(page, "catalogus-gefilterd")

    first_title = cards.first.get_by_role("link")
    title = first_title.text_content()
    first_title.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expert = ExpertPage.objects.get(title=title)
    loan = page.get_by_role("link", name=re.compile("Leen deze expert"))
    expect(loan).to_have_attribute("href", f"/expertbibliotheek/lenen/?expert={expert.pk}")
    screenshot(page, "boekenkaft")


def test_text_search_and_empty_state(page, demo_site):
    page.goto(demo_site + "/expertbibliotheek/")
    page.get_by_label("Zoek op onderwerp, vraag of naam").fill("sedatie")
    page.keyboard.press("Enter")
    expect(page.locator(".book-card").first).to_be_visible()
    page.get_by_label("Zoek op onderwerp, vraag of naam").fill("xyzonvindbaar")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Geen boek gevonden met deze keuzes")).to_be_visible()
    expect(page.get_by_role("link", name="Leg je leerdoel aan ons voor")).to_be_visible()


def test_phone_sized_catalogue_and_cover(browser, demo_site, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(demo_site + "/expertbibliotheek/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        screenshot(page, "catalogus-mobiel")
        absent = on_first_network(ExpertPage).get(availability="absent")
        page.goto(demo_site + path_of(absent))
        expect(page.get_by_text("Tijdelijk afwezig")).to_be_visible()
        screenshot(page, "boekenkaft-mobiel")
    finally:
        context.close()
