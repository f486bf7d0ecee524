import re

import pytest
from playwright.sync_api import expect

from cms import roles
from library.models import ExpertPage, LoanRequest
from tests.browser.steps import fill_loan_form, log_in, on_first_network, path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_resident_borrows_and_secretariat_matches(page, demo_site, screenshot):
    expert = on_first_network(ExpertPage).filter(availability="available").order_by("title").first()
    page.goto(demo_site + path_of(expert))
    page.get_by_role("link", name="Leen deze expert").click()
    expect(page).to_have_url(re.compile(rf"/expertbibliotheek/lenen/\?expert={expert.pk}$"))
    expect(page.get_by_label("Welk boek wil je lenen?")).to_have_value(str(expert.pk))

    # First try with a mistake: an error next to the field, nothing lost.
    fill_loan_form(page, expert, email="sanne-at-example.org")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    expect(page.get_by_label("E-mailadres")).to_have_value("sanne-at-example.org")
    expect(page.get_by_label("Naam van je opleider")).to_have_value("Dr. P. Visser")
    screenshot(page, "formulier-fouten")

    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, je aanvraag is verstuurd")
    screenshot(page, "bedankt")
    loan = LoanRequest.objects.get(email="sanne@example.org")
    assert loan.expert_id == expert.pk

    log_in(page, demo_site, roles.SECRETARIAT)
    page.goto(demo_site + "/admin/leenbalie/")
    expect(page.get_by_text("Sanne de Boer")).to_be_visible()
    screenshot(page, "leenbalie")

    page.goto(demo_site + f"/admin/leenbalie/inspect/{loan.pk}/")
    for action in (
        "Ontvangst bevestigen",
        "Expert vragen naar beschikbaarheid",
        "AIOS en expert koppelen",
    ):
        page.get_by_role("link", name=action).click()
        page.get_by_role("button", name="Versturen en vastleggen").click()
        expect(page.locator(".loan-desk__status")).to_be_visible()
    expect(page.locator(".loan-desk__status")).to_contain_text("Gekoppeld")
    screenshot(page, "aanvraag-gekoppeld")
    loan.refresh_from_db()
    assert loan.status == "matched"
