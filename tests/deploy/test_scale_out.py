"""Two app servers on two loopback ports sharing one PostgreSQL, one Redis and one media folder:
a change published through one is served by the other at once, and loan forms sent to both
all arrive. Runs when PostgreSQL is the database (the second pass of .ci/run) and
redis-server is installed; the test starts and stops Redis and both servers itself."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
import requests
from django.db import connection

from cms.models import SiteSettings
from library.models import LoanFormSubmission, LoanRequest
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.deploy.servers import (
    app_server_env,
    csrf_token,
    loan_form_data,
    start_gunicorn,
    start_redis,
    stop,
)
from tests.factories import make_expert, make_home, make_lending_catalogue, make_standard_page

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not shutil.which("redis-server"),
        reason="needs PostgreSQL (scripts/with-postgres.sh) and redis-server",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def cluster():
    """Redis and two gunicorn app servers; yields their base URLs."""
    work = Path(tempfile.mkdtemp(prefix="cms-scale-out-"))
    redis, redis_url = start_redis(work)
    processes = [redis]
    env = app_server_env(REDIS_URL=redis_url, MEDIA_ROOT=str(work / "media"))
    urls = []
    try:
        for _ in range(2):
            process, url = start_gunicorn(env)
            processes.append(process)
            urls.append(url)
        yield urls
    finally:
        stop(processes)
        shutil.rmtree(work, ignore_errors=True)


def test_two_app_servers_share_database_cache_and_media(cluster, monkeypatch):
    from django.contrib.auth.models import User
    from playwright.sync_api import expect, sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    first, second = cluster
    home = make_home()
    page = make_standard_page(home, "Over ons")
    catalogue = make_lending_catalogue(home)
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    User.objects.create_superuser("beheer", "beheer@example.org", "wachtwoord-beheer")
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)  # else made on first visit

    # The second server has the page in the shared cache.
    assert "Over ons" in requests.get(second + page.url, timeout=10).text
    cached = requests.get(second + page.url, timeout=10)
    assert cached.headers.get("X-Page-Cache") == "hit"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(locale="nl-NL")
        tab.goto(first + "/admin/login/")
        tab.get_by_label("Gebruikersnaam").fill("beheer")
        tab.get_by_label("Wachtwoord").fill("wachtwoord-beheer")
        tab.get_by_role("button", name="Inloggen").click()
        expect(tab).to_have_url(re.compile(r"/admin/$"))
        tab.goto(f"{first}/admin/pages/{page.pk}/edit/")
        tab.locator("#id_title").fill("Over de expertbibliotheek")
        tab.locator('button[name="action-publish"]').evaluate("button => button.click()")
        expect(tab.locator(".messages")).to_contain_text("gepubliceerd")
        browser.close()

    fresh = requests.get(second + page.url, timeout=10)
    assert "Over de expertbibliotheek" in fresh.text, "the other server served the old page"

    sent = 0
    for number in range(20):
        server = (first, second)[number % 2]
        with requests.Session() as visitor:
            form = visitor.get(server + "/expertbibliotheek/lenen/", timeout=10)
            token = csrf_token(form.text)
            response = visitor.post(
                server + "/expertbibliotheek/lenen/",
                data=loan_form_data(token, expert.pk, number),
                headers={"Referer": server + "/expertbibliotheek/lenen/"},
                timeout=30,
            )
            assert response.status_code == 200 and "Bedankt" in response.text
            sent += 1
    assert LoanRequest.objects.count() == sent == 20
    assert LoanFormSubmission.objects.count() == 20
