"""axe-core (through axe-playwright-python) on every public page type of the demo site: no
violation of the WCAG 2.1 A/AA rules. And the loan form with the keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from curriculum.models import WorkshopPage
from library.models import ExpertPage, LoanRequest
from tests.browser.steps import fill_loan_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [
        f"{item['id']}: {node['target']} {node['failureSummary']}"
        for item in results.response["violations"]
        for node in item["nodes"]
    ]


def test_every_public_page_type_has_no_wcag_violations(page, demo_site, screenshot):
    cover = ExpertPage.objects.live().exclude(availability="withdrawn").order_by("title").first()
    found: dict[str, list[str]] = {}

    def check(label: str) -> None:
        problems = violations(page)
        if problems:
            found[label] = problems
            screenshot(page, f"axe-{label}")

    pages = {
        "home": "/",
        "standaardpagina": "/over-de-expertbibliotheek/",
        "toegankelijkheid": "/toegankelijkheid/",
        "catalogus": "/expertbibliotheek/",
        "catalogus-gefilterd": "/expertbibliotheek/?soort=professional&beschikbaar=1",
        "catalogus-leeg": "/expertbibliotheek/?q=xyzzy-bestaat-niet",
        "boekenkaft": cover.url,
        "uitleenformulier": "/expertbibliotheek/lenen/",
        "workshops": "/workshops/",
        "workshop": WorkshopPage.objects.live().order_by("essence__number").first().url,
        "zoeken": "/zoeken/?q=gesprek",
        "404": "/bestaat-niet/",
    }
    for label, path in pages.items():
        page.goto(demo_site + path)
        check(label)

    page.goto(demo_site + "/expertbibliotheek/lenen/")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check("uitleenformulier-fouten")
    fill_loan_form(page, cover)
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, je aanvraag is verstuurd")
    check("uitleenformulier-bedankt")
    assert not found, "\n".join(f"{label}: {p}" for label, ps in found.items() for p in ps)


def active(page) -> dict:
    return page.evaluate(
        "() => ({name: document.activeElement.name || '', "
        "tag: document.activeElement.tagName, cls: document.activeElement.className})"
    )


def test_loan_form_with_the_keyboard_alone(page, demo_site, screenshot):
    page.goto(demo_site + "/expertbibliotheek/lenen/")
    # To the send button and press Enter: the errors come back and focus is on their summary.
    for _ in range(60):
        page.keyboard.press("Tab")
        if active(page)["tag"] == "BUTTON" and "Aanvraag" in page.evaluate(
            "document.activeElement.textContent"
        ):
            break
    else:
        pytest.fail("de verzendknop is met Tab niet te bereiken")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    assert "error-summary" in active(page)["cls"]
    screenshot(page, "toetsenbord-fouten")

    values = {
        "name": "Noor Toetsenbord",
        "email": "noor@example.org",
        "phone": "06-1111 2222",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Leren hoe ik slecht nieuws breng.",
        "motivation": "Ik wil dit oefenen.",
    }
    done = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        field = active(page)
        name = field["name"]
        if name in values and name not in done:
            page.keyboard.type(values[name])
            done.add(name)
        elif name == "expert" and name not in done:
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            done.add(name)
        elif name == "programme" and name not in done:
            page.keyboard.press("ArrowDown")
            done.add(name)
        elif name == "consent" and name not in done:
            page.keyboard.press("Space")
            done.add(name)
        elif field["tag"] == "BUTTON" and done >= {*values, "expert", "programme", "consent"}:
            page.keyboard.press("Enter")
            break
    else:
        pytest.fail(f"niet alle velden met Tab bereikt: {sorted(done)}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, je aanvraag is verstuurd")
    screenshot(page, "toetsenbord-verstuurd")
    assert LoanRequest.objects.filter(email="noor@example.org").exists()
