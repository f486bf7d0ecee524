import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    # Transactional, because the live server runs in another thread; the rollback restores the
    # page tree that Wagtail's migrations create.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_navigation_and_search(page, demo_site, screenshot):
    page.goto(demo_site + "/")
    expect(page.locator("h1")).to_have_text("Expertbibliotheek Palliatieve Zorg")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    screenshot(page, "home")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Over de expertbibliotheek"
    ).click()
    expect(page).to_have_url(demo_site + "/over-de-expertbibliotheek/")
    expect(page.locator("h1")).to_have_text("Over de expertbibliotheek")
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_contain_text("Home")
    screenshot(page, "over")

    search = page.get_by_role("searchbox", name="Zoeken op de site")
    search.fill("Mensenbieb")
    search.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("voor ‘Mensenbieb’")
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name="Over de expertbibliotheek")).to_be_visible()
    screenshot(page, "zoeken")


def test_skip_link_is_first_and_visible_on_focus(page, demo_site, screenshot):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the skip link must come into view on focus"
    screenshot(page, "skiplink")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_mobile_layout_has_no_horizontal_scroll(browser, demo_site, screenshot):
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        for path in ("/", "/over-de-expertbibliotheek/", "/zoeken/?q=ethicus"):
            page.goto(demo_site + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        screenshot(page, "mobiel-zoeken")
        page.goto(demo_site + "/over-de-expertbibliotheek/")
        screenshot(page, "mobiel-over")
    finally:
        context.close()


def test_pages_load_nothing_from_other_hosts(page, demo_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/over-de-expertbibliotheek/", "/zoeken/?q=privacy", "/bestaat-niet/"):
        page.goto(demo_site + path)
    foreign = [url for url in requested if not url.startswith(demo_site)]
    assert foreign == []


def test_admin_login_in_dutch(page, demo_site, screenshot):
    from django.contrib.auth.models import User

    User.objects.create_superuser("beheer", "beheer@example.org", "wachtwoord-voor-test")
    page.goto(demo_site + "/admin/")
    page.get_by_label("Gebruikersnaam").fill("beheer")
    page.get_by_label("Wachtwoord").fill("wachtwoord-voor-test")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Expertbibliotheek")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    screenshot(page, "dashboard")
