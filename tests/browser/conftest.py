"""Playwright driving Debian's Chromium against pytest-django's live server."""

import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def allow_sync_db_calls_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # are still synchronous, which Django would otherwise refuse.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser():
    """One Chromium per test: Playwright's event loop must not outlive the test, or Django's
    per-context database connection differs between the test's setup and its teardown (and the
    page tree restored by serialized_rollback goes missing)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: apt-get install chromium (make test doet dit als root).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Database calls made while Playwright ran opened a connection of their own; close it,
        # or PostgreSQL refuses to drop the test database at the end.
        from django.db import connections

        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot under test-artifacts/<test name>-<label>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, label: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def demo_site(live_server, settings):
    """The demo content on the live server; returns its base URL. The live server runs on
    localhost, where the demo would put its second network: the first network takes the
    server's own address, as with `make run`."""
    from django.core.management import call_command

    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo")
    return live_server.url
