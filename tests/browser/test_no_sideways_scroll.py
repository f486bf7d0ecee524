"""Issue 19, done when: at 390 px (a phone) the pages a resident or trainer opens first do not
scroll sideways, and no element sticks out past the right edge of the screen."""

import pytest
from playwright.sync_api import expect

from library.models import ExpertPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
COVER = "aan-het-bed-tijdens-palliatieve-sedatie"
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Every element whose box ends right of the screen, except what nobody sees: elements without a
# box, visually hidden ones (the 1 px "sr-only" pattern, clip, clip-path) and content inside a
# container of its own that scrolls or clips sideways (a wide table in an overflow-x wrapper
# is the accepted way to show a table on a phone). The page itself (html, body) never counts
# as such a container: hiding overflow there would hide the content, not fit it.
STICKING_OUT = """
() => {
    const edge = document.documentElement.clientWidth + 1;
    const visuallyHidden = (element) => {
        for (let node = element; node && node !== document.body; node = node.parentElement) {
            const style = getComputedStyle(node);
            const box = node.getBoundingClientRect();
            if (style.display === "none" || style.visibility === "hidden") return true;
            if (style.clip !== "auto" && style.clip !== "") return true;
            if (style.clipPath !== "none") return true;
            if (box.width <= 1 && box.height <= 1) return true;
        }
        return false;
    };
    const clippedByContainer = (element) => {
        for (let node = element.parentElement; node && node !== document.body;
             node = node.parentElement) {
            if (getComputedStyle(node).overflowX !== "visible") {
                return node.getBoundingClientRect().right <= edge;
            }
        }
        return false;
    };
    const describe = (element) => {
        let name = element.tagName.toLowerCase();
        if (element.id) name += "#" + element.id;
        for (const cls of element.classList) name += "." + cls;
        const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
        const right = Math.round(element.getBoundingClientRect().right);
        return `${name} (rechterrand ${right}px) "${text}"`;
    };
    return [...document.body.querySelectorAll("*")]
        .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.right > edge;
        })
        .filter((element) => !visuallyHidden(element) && !clippedByContainer(element))
        .map(describe);
}
"""


def loan_form_for_one_book() -> str:
    expert = ExpertPage.objects.get(slug=COVER)
    return f"/expertbibliotheek/lenen/?expert={expert.pk}"


PAGES = {
    "home": lambda: "/",
    "catalogus": lambda: "/expertbibliotheek/",
    "boekenkaft": lambda: f"/expertbibliotheek/{COVER}/",
    "uitleenformulier": loan_form_for_one_book,
    "workshop": lambda: "/workshops/goed-contact/",
    "toegankelijkheidsverklaring": lambda: "/toegankelijkheid/",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("label", PAGES)
def test_no_sideways_scrolling_at_390_px(phone, demo_site, screenshot, label):
    phone.goto(demo_site + PAGES[label]())
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    screenshot(phone, "390px")
    sticking_out = phone.evaluate(STICKING_OUT)
    assert sticking_out == [], f"{label}: steekt rechts buiten het scherm uit:\n" + "\n".join(
        sticking_out
    )
    assert phone.evaluate(SIDEWAYS) <= 0


def test_the_check_finds_an_element_that_sticks_out(phone, demo_site):
    """The check above would pass on any page if it never found anything: a wide element put
    into the accessibility statement is found, and a wide table in a scrolling box is not."""
    phone.goto(demo_site + "/toegankelijkheid/")
    phone.evaluate(
        """() => {
            const wide = document.createElement("p");
            wide.id = "te-breed";
            wide.style.width = "600px";
            wide.textContent = "Te breed";
            document.querySelector("main").append(wide);
            const box = document.createElement("div");
            box.style.overflowX = "auto";
            // CSSOM, not style attributes: the site's CSP refuses those.
            const table = document.createElement("table");
            table.style.width = "900px";
            table.insertRow().insertCell().textContent = "Tabel";
            box.append(table);
            document.querySelector("main").append(box);
        }"""
    )
    sticking_out = phone.evaluate(STICKING_OUT)
    assert [item for item in sticking_out if item.startswith("p#te-breed")]
    assert not [item for item in sticking_out if "Tabel" in item]
    assert phone.evaluate(SIDEWAYS) > 0
