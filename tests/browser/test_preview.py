"""The page editor's live preview in Chromium: every preview mode, web page or PDF, loads in
the admin's preview panel (the frame is not refused by CSP frame-ancestors or X-Frame-Options).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from cms import roles
from curriculum.models import WorkshopPage
from library.models import ExpertIndexPage, ExpertPage
from tests.browser.steps import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What Chromium logs when it refuses to show a response in a frame.
REFUSED = re.compile(r"Refused to (frame|display)|Content Security Policy|X-Frame-Options", re.I)


def preview_mode_of(url: str) -> str | None:
    """The mode of a GET to the editor's preview view, None for any other URL."""
    parts = urlsplit(url)
    if not parts.path.endswith("/preview/"):
        return None
    return parse_qs(parts.query, keep_blank_values=True).get("mode", [""])[0]


def is_preview_of(mode: str):
    return lambda response: (
        response.request.method == "GET" and preview_mode_of(response.url) == mode
    )


def frame_ancestors(headers: dict[str, str]) -> str | None:
    for directive in headers.get("content-security-policy", "").split(";"):
        name, _, value = directive.strip().partition(" ")
        if name == "frame-ancestors":
            return value
    return None


def check_every_preview_mode(page, base_url: str, model_page, refusals: list[str], screenshot):
    """Open the editor and its preview panel, then choose each mode in turn."""
    # Wagtail reopens the side panel that was open last; start each editor with it closed.
    page.evaluate("window.localStorage.clear()")
    page.goto(f"{base_url}/admin/pages/{model_page.pk}/edit/")
    modes = model_page.preview_modes
    with page.expect_response(is_preview_of(modes[0][0]), timeout=60_000) as first:
        page.locator('[data-side-panel-toggle="preview"]').click()
    responses = {modes[0][0]: first.value}
    panel_frame = page.locator("#w-preview-iframe")
    for mode, label in modes:
        if mode not in responses:
            with page.expect_response(is_preview_of(mode), timeout=60_000) as chosen:
                page.locator("select[name=preview_mode]").select_option(label=label)
            responses[mode] = chosen.value
        response = responses[mode]
        assert response.status == 200, (label, response.status)
        # Wagtail shows the new frame once it loaded (a refused one shows Chromium's error page).
        expect(panel_frame).to_have_attribute("src", re.compile(rf"[?&]mode={mode}(&|$)"))
        expect(page.locator("iframe.w-preview__iframe")).to_have_count(1)
        headers = response.all_headers()
        if "(PDF)" in label:
            assert headers["content-type"] == "application/pdf", label
            # Chromium's PDF viewer, not its error page, is what the frame holds.
            content_type = panel_frame.evaluate("frame => frame.contentDocument?.contentType")
            assert content_type == "application/pdf", label
        else:
            assert headers["content-type"].startswith("text/html"), label
            expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_have_text(
                model_page.title
            )
        assert not refusals, (label, refusals)
        assert frame_ancestors(headers) == "'self'", label
        assert headers["x-frame-options"] == "SAMEORIGIN", label
        if screenshot is not None:
            page.wait_for_timeout(1500)  # the PDF viewer draws its first page
            screenshot(page, f"{type(model_page).__name__}-{mode or 'web'}")


@pytest.mark.parametrize("role", ["superuser", roles.EDITORS])
def test_every_preview_mode_loads_in_the_preview_panel(page, demo_site, role, screenshot):
    refusals: list[str] = []
    page.on(
        "console", lambda message: REFUSED.search(message.text) and refusals.append(message.text)
    )
    log_in(page, demo_site, role)
    workshop = WorkshopPage.objects.live().first()
    cover = ExpertPage.objects.live().first()
    catalogue = ExpertIndexPage.objects.live().first()
    shoot = screenshot if role == "superuser" else None
    check_every_preview_mode(page, demo_site, workshop, refusals, shoot)
    check_every_preview_mode(page, demo_site, cover, refusals, shoot)
    check_every_preview_mode(page, demo_site, catalogue, refusals, shoot)
