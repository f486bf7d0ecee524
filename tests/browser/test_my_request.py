import re

import pypdf
import pytest
from django.core import mail
from playwright.sync_api import expect

from library.models import ExpertPage, Reflection
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


def test_resident_hands_in_the_reflection_and_downloads_a_verifiable_certificate(
    browser, demo_site, screenshot
):
    width = 390
    expert = ExpertPage.objects.borrowable().filter(email__gt="").order_by("title").first()
    loan = loans.register(expert=expert, **RESIDENT)
    mail.outbox.clear()
    loans.perform(loan, "confirm")
    path = re.search(r"https?://[^/\s]+(/mijn-aanvraag/\S+/)", mail.outbox[-1].body).group(1)

    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(demo_site + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn aanvraag")
    expect(page.get_by_text(RESIDENT_STATUS[loan.status].status)).to_be_visible()

    for action in ("ask_expert", "introduce", "held"):
        loans.perform(loan, action)
    loan.refresh_from_db()
    assert loan.status == "held"
    page.reload()
    expect(page.get_by_text(RESIDENT_STATUS[loan.status].status)).to_be_visible()
    expect(
        page.get_by_role("link", name="Certificaat van deelname downloaden (PDF)")
    ).to_have_count(0)

    page.get_by_label("Plak hier je reflectieverslag").fill(
        "Ik wilde leren hoe ik hoop bespreek. De expert vertelde wat hem hielp. "
        "Voortaan vraag ik eerst waar de patiënt op hoopt."
    )
    page.get_by_role("button", name="Reflectieverslag inleveren").click()
    expect(page.get_by_role("status")).to_contain_text("je reflectieverslag is ontvangen")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"reflectie-ingeleverd-{width}")

    with page.expect_download() as info:
        page.get_by_role("link", name="Certificaat van deelname downloaden (PDF)").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = pypdf.PdfReader(download.path())
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    code = Reflection.objects.get(request=loan).certificate_code
    for expected in (RESIDENT["name"], loan.book_title, code):
        assert expected in text, expected

    check = re.search(r"/certificaat/[A-Z0-9]+/", text)
    assert check, text
    assert code in check.group(0)
    page.goto(demo_site + check.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Echt: dit certificaat is door de Expertbibliotheek uitgegeven"
    )
    expect(page.get_by_text(loan.book_title, exact=False)).to_be_visible()
    assert RESIDENT["name"] not in page.content()
    screenshot(page, f"certificaat-echt-{width}")
    context.close()
