"""A trainer on a phone fills in the run sheet (draaiboek) and reads the clock times."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def workshop(live_server):
    home = make_home()
    series = make_series(home)
    hats = make_work_method("Zes denkhoeden", materials="zes gekleurde hoeden")
    return make_workshop(
        series,
        make_essence(),
        title="Onderlinge afstemming en voortgang",
        programme=[
            session(10, "Inleiding", materials=["beamer en laptop"]),
            session(20, "Essentie Coördinatie en continuïteit"),
            session(35, "Aan de slag", work_methods=[hats.pk], for_participants=True),
            session(35, "Reflecteren op eigen handelen"),
            session(20, "Plenaire terugkoppeling", materials=["flap-over en stiften"]),
        ],
    )


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_run_sheet_on_a_phone(phone, live_server, workshop, screenshot):
    page = phone
    page.goto(live_server.url + workshop.url + "draaiboek/")
    start = page.get_by_label("Begintijd")
    expect(start).to_have_value("13:30")

    start.fill("9.15")
    page.get_by_label("Pauze in minuten").fill("15")
    page.get_by_role("button", name="Toon draaiboek").click()
    expect(page).to_have_url(re.compile(r"/draaiboek/\?start=9\.15&pauze=15#kloktijden$"))
    table = page.get_by_role("table")
    expect(table).to_contain_text("09:15–09:25")
    rows = table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(6)
    expect(rows.nth(2)).to_contain_text("09:45–10:20")
    expect(rows.nth(2)).to_contain_text("Aan de slag")
    expect(rows.nth(2)).to_contain_text("zes gekleurde hoeden")
    expect(rows.nth(3)).to_contain_text("Pauze")  # after 65 of 120 minutes
    expect(rows.nth(3)).to_contain_text("10:20–10:35")
    expect(table).to_contain_text("11:30")  # the end
    pdf_link = page.get_by_role("link", name="Download als PDF")
    expect(pdf_link).to_have_attribute(
        "href", re.compile(r"draaiboek\.pdf\?start=09%3A15&pauze=15$")
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the run sheet scrolls sideways by {overflow}px"
    screenshot(page, "tijden")

    start = page.get_by_label("Begintijd")
    start.fill("kwart over negen")
    page.get_by_role("button", name="Toon draaiboek").click()
    start = page.get_by_label("Begintijd")
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(start).to_have_attribute("aria-describedby", re.compile(r"\bid_start_error\b"))
    error = page.locator("#id_start_error")
    expect(error).to_contain_text("Schrijf de begintijd in cijfers")
    expect(page.get_by_role("alert")).to_contain_text("Begintijd: Schrijf de begintijd in cijfers")
    expect(page.get_by_role("table")).to_have_count(0)
    # The message sits right above its own field, not elsewhere on the page.
    error_box, field_box = error.bounding_box(), start.bounding_box()
    assert abs(error_box["x"] - field_box["x"]) < 2
    assert 0 <= field_box["y"] - (error_box["y"] + error_box["height"]) < 24
    screenshot(page, "fout")
