import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from library.models import ExpertPage
from library.process import loans
from library.self_service.request import RESIDENT_STATUS
from tests.factories import RESIDENT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_resident_opens_their_request_from_the_receipt_on_a_phone(browser, demo_site, screenshot):
    width = 390
    expert = ExpertPage.objects.borrowable().filter(email__gt="").order_by("title").first()
    loan = loans.register(expert=expert, **RESIDENT)
    mail.outbox.clear()
    loans.perform(loan, "confirm")
    path = re.search(r"https?://[^/\s]+(/mijn-aanvraag/\S+/)", mail.outbox[-1].body).group(1)

    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(demo_site + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn aanvraag")
    expect(page.get_by_text(RESIDENT_STATUS[loan.status].status)).to_be_visible()
    expect(page.get_by_text(expert.title, exact=True)).to_be_visible()
    assert expert.email not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"mijn-aanvraag-{width}")

    page.get_by_role("link", name="Ik wil mijn aanvraag intrekken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvraag intrekken")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"mijn-aanvraag-intrekken-{width}")
    page.get_by_role("button", name="Ja, trek mijn aanvraag in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanvraag is ingetrokken")
    loan.refresh_from_db()
    assert loan.status == "withdrawn"
    context.close()
