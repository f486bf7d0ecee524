import pytest
from playwright.sync_api import expect

from cms import roles
from library.models import Evaluation, LoanRequest
from library.process import evaluations
from tests.browser.steps import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_working_group_reads_the_turnaround_report_and_downloads_it(page, demo_site, screenshot):
    log_in(page, demo_site, roles.WORKING_GROUP)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_site + "/admin/rapporten/doorlooptijden/")
    chart = page.get_by_role("img", name="Aanvragen per maand")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() >= 12
    expect(page.get_by_text("Ontvangst bevestigd binnen 5 werkdagen", exact=True)).to_be_visible()
    screenshot(page, "doorlooptijden")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    assert download.value.suggested_filename.startswith("doorlooptijden_")
    assert all(url.startswith(demo_site) for url in requests), "nothing from other hosts"

    page.goto(demo_site + "/admin/rapporten/per-opleider/")
    expect(page.get_by_role("cell", name="Dr. M. Vermeulen").first).to_be_visible()
    screenshot(page, "per-opleider")


def test_resident_fills_in_the_evaluation_on_a_phone(browser, demo_site, screenshot):
    loan = LoanRequest.objects.filter(status="completed").first()
    evaluation = Evaluation.objects.filter(request=loan, role=Evaluation.Role.RESIDENT).first()
    if evaluation is None:
        evaluation = Evaluation.objects.create(request=loan, role=Evaluation.Role.RESIDENT)
    evaluation.answered_at = None
    evaluation.save()
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    link = demo_site + f"/evaluatie/{evaluations.token_for(evaluation)}/"
    page.goto(link)
    page.get_by_role("button", name="Evaluatie versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies een cijfer van 1 tot en met 5.")
    screenshot(page, "evaluatie-fouten")
    page.get_by_role("group", name="Hoe nuttig was het gesprek").get_by_label("4").check()
    page.get_by_label("Hoeveel minuten kostte de voorbereiding?").fill("20")
    page.get_by_label("Hoeveel minuten duurde het gesprek?").fill("50")
    page.get_by_role("group", name="Zou je een collega aanraden").get_by_label("Ja").check()
    page.get_by_label("Wil je nog iets kwijt?").fill("Heel waardevol gesprek.")
    page.get_by_role("button", name="Evaluatie versturen").click()
    expect(page.get_by_role("heading", name="Dank je wel voor je evaluatie")).to_be_visible()
    screenshot(page, "evaluatie-bedankt")
    evaluation.refresh_from_db()
    assert evaluation.usefulness == 4 and evaluation.comments == "Heel waardevol gesprek."
    page.goto(link)
    expect(page.get_by_role("heading", name="Deze evaluatie is al ingevuld")).to_be_visible()
    context.close()
