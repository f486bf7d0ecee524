"""The site's own demo pages. Idempotence and the apps' demo data: tests/test_demo_content.py."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings
from tests.factories import first_network


@pytest.mark.django_db
def test_load_demo_builds_the_site(client):
    call_command("load_demo")
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
    assert set(home.get_children().values_list("slug", flat=True)) >= {
        "over-de-expertbibliotheek",
        "privacy",
    }
    settings = SiteSettings.for_site(first_network())
    assert settings.privacy_page.slug == "privacy"
    for url in ("/", "/over-de-expertbibliotheek/", "/privacy/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_load_demo_keeps_editor_changes():
    call_command("load_demo")
    about = Page.objects.get(slug="over-de-expertbibliotheek").specific
    about.introduction = "Door de redactie aangepast."
    about.save_revision().publish()
    call_command("load_demo")
    about.refresh_from_db()
    assert about.introduction == "Door de redactie aangepast."


@pytest.mark.django_db
def test_the_demo_site_follows_the_address_make_run_serves_on(settings):
    from cms.demo import ensure_home_page

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"  # `make run PORT=8001` later
    ensure_home_page()
    site.refresh_from_db()
    assert site.port == 8001

    site.hostname, site.port = "bieb.example.org", 443
    site.save()
    ensure_home_page()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("bieb.example.org", 443)  # a real address is kept


@pytest.mark.django_db
def test_the_demo_admin_login_names_the_address_served_on(settings):
    import io

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    settings.ONE_MACHINE = True
    output = io.StringIO()
    call_command("ensure_demo_admin", stdout=output)
    assert "http://127.0.0.1:8123/admin/" in output.getvalue()
