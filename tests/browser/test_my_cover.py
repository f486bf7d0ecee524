import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from library.models import ExpertPage
from library.process import loans
from tests.factories import RESIDENT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [390, 1280])
def test_expert_finds_their_cover_page_from_the_footer_and_sets_an_absence(
    browser, demo_site, screenshot, width
):
    expert = ExpertPage.objects.borrowable().filter(email__gt="").order_by("title").first()
    loans.register(expert=expert, **RESIDENT)
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(demo_site + "/")
    page.get_by_role("link", name="Voor experts: Mijn boekenkaft").click()
    page.get_by_label("Je e-mailadres").fill(expert.email.upper())
    page.get_by_role("button", name="Stuur mij de link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    path = re.search(r"https?://[^/\s]+(/mijn-boekenkaft/\S+/)", mail.outbox[-1].body).group(1)

    page.goto(demo_site + path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(expert.title)
    expect(page.get_by_role("heading", name="Je aanvragen dit half jaar")).to_be_visible()
    assert RESIDENT["name"] not in page.content() and RESIDENT["email"] not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"mijn-boekenkaft-{width}")

    until = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Afwezig tot en met").fill(until.isoformat())
    page.get_by_role("button", name="Afwezigheid opslaan").click()
    expect(page.get_by_role("button", name="Ik ben weer beschikbaar")).to_be_visible()
    assert not ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
    context.close()
