import pytest
from playwright.sync_api import expect

from tests.browser.steps import log_in
from tests.factories import make_essence, make_home, make_series, make_work_method, make_workshop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def workshop(live_server):
    home = make_home()
    series = make_series(home, show_in_menus=True)
    essence = make_essence()
    make_work_method("Stoplichtmodel")
    return make_workshop(series, essence, title="Onderlinge afstemming en voortgang")


def test_editor_sees_running_totals(page, live_server, workshop, screenshot):
    log_in(page, live_server.url, "superuser")
    page.goto(f"{live_server.url}/admin/pages/{workshop.pk}/edit/")
    programme_total = page.locator('[data-running-total="programme"]')
    expect(programme_total).to_have_text("Opgeteld: 120 van 120 minuten ✓")
    expect(page.locator('[data-running-total="preparation_items"]')).to_have_text(
        "Opgeteld: 75 van 75 minuten ✓"
    )
    page.locator('input[name="programme-4-value-minutes"]').fill("25")
    expect(programme_total).to_have_text("Opgeteld: 125 van 120 minuten (5 minuten te veel)")
    programme_total.scroll_into_view_if_needed()
    screenshot(page, "lopend-totaal")

    # Saving anyway is refused by the server with the Dutch message.
    page.get_by_role("button", name="Bewaar concept").click()
    refusal = page.get_by_text("duren samen 125 minuten; de workshop duurt 120 minuten")
    expect(refusal).to_be_visible()


def test_workshop_pages_on_screen(page, live_server, workshop, screenshot):
    page.goto(live_server.url + "/workshops/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workshops")
    screenshot(page, "overzicht")
    page.get_by_role("link", name="Onderlinge afstemming en voortgang").click()
    expect(page.get_by_role("table")).to_contain_text("Aan de slag")
    download = page.get_by_role("link", name="Docentenhandreiking downloaden")
    expect(download).to_have_attribute("href", workshop.url + "docentenhandreiking.pdf")
    screenshot(page, "workshop")
    response = page.request.get(live_server.url + workshop.url + "docentenhandreiking.pdf")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"


def test_the_programme_is_a_stack_of_cards_on_a_phone(browser, live_server, workshop, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + workshop.url)
    rows = page.get_by_role("table").locator("tbody").get_by_role("row")
    expect(rows).to_have_count(5)
    first, second = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"]  # one card under the other
    assert first["width"] <= 390
    # A part without tips or work methods shows no empty "Werkvormen en hulpmiddelen" heading.
    expect(rows.nth(0).locator(".programme__tips")).to_be_hidden()
    region = page.get_by_role("region", name="Programma")
    assert region.evaluate("element => element.scrollWidth - element.clientWidth") <= 0
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the workshop page scrolls sideways by {overflow}px"
    screenshot(page, "programma-als-kaarten")
    context.close()
