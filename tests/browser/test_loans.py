import re

import pytest
from playwright.sync_api import expect

from cms import roles
from library.models import ExpertPage, LoanRequest
from tests.factories import user_in_group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_resident_borrows_and_secretariat_matches(page, demo_site, screenshot):
    expert = ExpertPage.objects.live().filter(availability="available").order_by("title").first()
    page.goto(demo_site + expert.url)
    page.get_by_role("link", name="Leen deze expert").click()
    expect(page).to_have_url(re.compile(rf"/expertbibliotheek/lenen/\?expert={expert.pk}$"))
    expect(page.get_by_label("Welk boek wil je lenen?")).to_have_value(str(expert.pk))

    # First try with a mistake: errors next to the fields, nothing lost.
    page.get_by_label("Naam", exact=False).first.fill("Sanne de Boer")
    page.get_by_label("E-mailadres").fill("sanne-at-example.org")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    expect(page.get_by_label("E-mailadres")).to_have_value("sanne-at-example.org")
    screenshot(page, "formulier-fouten")

    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_label("Telefoonnummer").fill("06-0000 2222")
    page.get_by_label("Opleiding (verplicht)").select_option("huisartsgeneeskunde")
    page.get_by_label("Naam van je opleider").fill("Dr. P. Visser")
    page.get_by_label("Je persoonlijke leerdoel(en)").fill("Hoop bespreken met patiënten.")
    page.get_by_label("Waarom wil je hier meer over leren?").fill("Ik vermijd dit gesprek.")
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, je aanvraag is verstuurd")
    screenshot(page, "bedankt")
    loan = LoanRequest.objects.get(email="sanne@example.org")
    assert loan.expert_id == expert.pk

    user_in_group(roles.SECRETARIAT, "secretaris").set_password("wachtwoord-secretariaat")
    from django.contrib.auth.models import User

    secretary = User.objects.get(username="secretaris")
    secretary.set_password("wachtwoord-secretariaat")
    secretary.save()
    page.goto(demo_site + "/admin/login/")
    page.get_by_label("Gebruikersnaam").fill("secretaris")
    page.get_by_label("Wachtwoord").fill("wachtwoord-secretariaat")
    page.get_by_role("button", name="Inloggen").click()
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
