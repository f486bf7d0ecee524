import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from cms import roles
from library.models import ExpertPage, LoanRequest
from library.process import loans
from tests.browser.steps import log_in
from tests.factories import RESIDENT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def asked_loan() -> tuple[LoanRequest, str]:
    expert = ExpertPage.objects.borrowable().filter(email__gt="").order_by("title").first()
    loan = loans.register(expert=expert, **RESIDENT)
    loans.perform(loan, "confirm")
    loans.perform(loan, "ask_expert")
    path = re.search(r"https?://[^/\s]+(/antwoord/\S+/)", mail.outbox[-1].body).group(1)
    return loan, path


def test_expert_says_yes_on_a_phone_and_the_desk_has_the_introduction_ready(
    browser, demo_site, screenshot
):
    loan, path = asked_loan()
    phone = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(demo_site + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Een AIOS wil je lenen")
    expect(page.get_by_text(RESIDENT["learning_goals"][:30])).to_be_visible()
    assert RESIDENT["email"] not in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"sideways scrolling on a phone: {width}px"
    screenshot(page, "antwoord-390")

    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies ‘ja’, ‘nu niet’ of ‘afwezig’.")
    page.get_by_label("Ja, ik kan binnen drie weken").check()
    page.get_by_label("Bij ‘ja’: data die je uitkomen", exact=False).fill("Dinsdagmiddag lukt.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel voor je antwoord")
    screenshot(page, "bedankt-390")
    phone.close()

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    log_in(page, demo_site, roles.SECRETARIAT)
    page.goto(demo_site + f"/admin/leenbalie/inspect/{loan.pk}/")
    expect(page.get_by_text("Klaar om te versturen: de kennismaking")).to_be_visible()
    expect(page.get_by_text("Dinsdagmiddag lukt.").first).to_be_visible()
    screenshot(page, "leenbalie-klaar")
    page.get_by_role("link", name="Kennismaking versturen…").click()
    page.get_by_role("button", name="Versturen en vastleggen").click()
    expect(page.locator(".loan-desk__status")).to_contain_text("Gekoppeld")
    desk.close()


def test_answer_page_on_a_wide_screen(browser, demo_site, screenshot):
    _, path = asked_loan()
    wide = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    page.goto(demo_site + path)
    page.get_by_label("Nu niet", exact=True).check()
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("waarom het nu niet lukt")
    screenshot(page, "antwoord-1280-fout")
    wide.close()
