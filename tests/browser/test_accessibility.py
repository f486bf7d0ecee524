"""axe-core (through axe-playwright-python) on every public page type of the demo site: no
violation of the WCAG 2.1 A/AA rules. And the loan form with the keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from curriculum.models import WorkshopPage
from library.models import ExpertPage, LoanRequest
from tests.browser.steps import fill_loan_form, on_first_network, path_of

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
    cover = on_first_network(ExpertPage).exclude(availability="withdrawn").order_by("title").first()
    workshop_5 = on_first_network(WorkshopPage).get(essence__number=5)
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
        "boekenkaft": path_of(cover),
        "uitleenformulier": "/expertbibliotheek/lenen/",
        "workshops": "/workshops/",
        "workshop": path_of(on_first_network(WorkshopPage).order_by("essence__number").first()),
        "workshop-uit-de-handreiking": path_of(workshop_5),
        "werkvormen": "/workshops/werkvormen/",
        "draaiboek": path_of(workshop_5) + "draaiboek/?start=13:30&pauze=15",
        "draaiboek-fout": path_of(workshop_5) + "draaiboek/?start=25:00",
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


def personal_link_pages() -> dict[str, str]:
    """The pages behind personal links (no account), with fresh links made by the services."""
    from library.models import CandidateStatus
    from library.process import loans
    from library.recruitment import pipeline
    from library.self_service import answer_link, cover, reflections, request_link
    from tests.factories import RESIDENT, make_candidate

    expert = ExpertPage.objects.borrowable().exclude(email="").order_by("title").first()
    asked = loans.register(expert=expert, **RESIDENT)
    for step in ("confirm", "ask_expert"):
        loans.perform(asked, step)
    held = loans.register(expert=expert, **{**RESIDENT, "email": "tweede@example.org"})
    for step in ("confirm", "ask_expert", "introduce", "held"):
        loans.perform(held, step)
    reflection = reflections.hand_in(held, "Wat ik leerde van het gesprek.", None)
    candidate = make_candidate(status=CandidateStatus.INVITED)
    return {
        "antwoord-expert": f"/antwoord/{answer_link.LINK.token({'r': asked.pk, 'n': 1})}/",
        "mijn-boekenkaft-vragen": "/mijn-boekenkaft/",
        "mijn-boekenkaft": f"/mijn-boekenkaft/{cover.token_for(expert)}/",
        "mijn-aanvraag-vragen": "/mijn-aanvraag/",
        "mijn-aanvraag": f"/mijn-aanvraag/{request_link.token_for(asked)}/",
        "mijn-aanvraag-na-gesprek": f"/mijn-aanvraag/{request_link.token_for(held)}/",
        "certificaat-controle": f"/certificaat/{reflection.certificate_code}/",
        "blanco-boekenkaft": f"/boekenkaft-invullen/{pipeline.token_for(candidate)}/",
        "link-klopt-niet": "/mijn-aanvraag/geen-geldige-link/",
    }


def test_pages_behind_personal_links_have_no_wcag_violations(page, demo_site, screenshot):
    found: dict[str, list[str]] = {}
    for label, path in personal_link_pages().items():
        response = page.goto(demo_site + path)
        assert response.status == (400 if label == "link-klopt-niet" else 200), label
        problems = violations(page)
        if problems:
            found[label] = problems
            screenshot(page, f"axe-{label}")
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
