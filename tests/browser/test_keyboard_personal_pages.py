"""The pages behind personal links, with the keyboard alone: the expert's answer page and the
resident's "Mijn aanvraag". Tab reaches the form's first control and its send button, every
element on the way shows where the focus is, and a wrong answer puts focus on the errors."""

import pytest
from playwright.sync_api import expect

from library.models import ExpertPage
from library.process import loans
from library.self_service import answer_link, request_link
from tests.browser.test_accessibility import active
from tests.factories import RESIDENT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the focused element looks like and where it is: the page's own form (not the search
# form in the header), its control, and its focus indicator.
FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName,
        type: el.type || '',
        text: (el.textContent || el.value || '').trim().slice(0, 60),
        inForm: !!el.closest('main form'),
        outline: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        shadow: style.boxShadow,
        focusVisible: el.matches(':focus-visible'),
    };
}"""
CONTROLS = {"INPUT", "SELECT", "TEXTAREA"}
# Every element Tab lands on must show the site's focus ring (static/css/site.css,
# :focus-visible): an outline or a box-shadow.


def expert_with_email() -> ExpertPage:
    return ExpertPage.objects.borrowable().exclude(email="").order_by("title").first()


def has_focus_indicator(focused: dict) -> bool:
    outline = focused["outline"] not in ("", "none") and focused["outlineWidth"] != "0px"
    shadow = focused["shadow"] not in ("", "none")
    return outline or shadow


def tab_to_form(page, button: str, max_tabs: int = 60) -> list[dict]:
    """Press Tab from the top of the page until the form's send button has focus. Returns the
    focused elements, in order."""
    seen = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if focused["inForm"] and focused["tag"] == "BUTTON" and button in focused["text"]:
            return seen
    pytest.fail(f"‘{button}’ is met Tab niet te bereiken: {seen}")


def without_focus_indicator(seen: list[dict]) -> list[str]:
    return [
        f"{f['tag']} {f['type']} ‘{f['text']}’ (outline {f['outline']}, shadow {f['shadow']})"
        for f in seen
        if not has_focus_indicator(f)
    ]


def first_control(seen: list[dict]) -> dict:
    controls = [f for f in seen if f["inForm"] and f["tag"] in CONTROLS]
    assert controls, f"Tab bereikt geen invoerveld in het formulier: {seen}"
    return controls[0]


def test_expert_answers_with_the_keyboard_alone(page, demo_site, screenshot):
    loan = loans.register(expert=expert_with_email(), **RESIDENT)
    loans.perform(loan, "confirm")
    loans.perform(loan, "ask_expert")
    page.goto(demo_site + f"/antwoord/{answer_link.LINK.token({'r': loan.pk, 'n': 1})}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Een AIOS wil je lenen")

    seen = tab_to_form(page, "Antwoord versturen")
    control = first_control(seen)
    assert control["tag"] == "INPUT" and control["type"] == "radio"  # ja / nu niet / afwezig
    screenshot(page, "toetsenbord-verstuurknop")

    # Send the empty form with Enter: the errors come back and focus is on their summary.
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Controleer je antwoord")
    assert "error-summary" in active(page)["cls"]
    loan.refresh_from_db()
    assert loan.status == "waiting"
    screenshot(page, "toetsenbord-fouten")
    assert not without_focus_indicator(seen), without_focus_indicator(seen)


def test_my_request_with_the_keyboard_alone(page, demo_site, screenshot):
    loan = loans.register(expert=expert_with_email(), **RESIDENT)
    for step in ("confirm", "ask_expert", "introduce", "held"):
        loans.perform(loan, step)
    page.goto(demo_site + f"/mijn-aanvraag/{request_link.token_for(loan)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn aanvraag")

    seen = tab_to_form(page, "Reflectieverslag inleveren")
    control = first_control(seen)
    assert control["tag"] == "TEXTAREA"  # Plak hier je reflectieverslag
    assert any(f["inForm"] and f["type"] == "file" for f in seen)
    screenshot(page, "toetsenbord-inleverknop")
    assert not without_focus_indicator(seen), without_focus_indicator(seen)
