"""The site's own demo pages. Idempotence and the apps' demo data: tests/test_demo_content.py."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from cms import roles
from cms.models import HomePage, SiteSettings
from tests.factories import first_network


@pytest.mark.django_db
def test_load_demo_builds_the_site(client):
    call_command("load_demo")
    home = first_network().root_page.specific
    assert isinstance(home, HomePage) and home.slug == "home"
    # Wagtail's placeholder welcome page is gone; beside the first home only the second
    # network's.
    assert not Page.objects.filter(depth=2).exclude(sites_rooted_here__isnull=False).exists()
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
    about = Page.objects.child_of(first_network().root_page).get(slug="over-de-expertbibliotheek")
    about = about.specific
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


@pytest.mark.django_db
def test_load_demo_makes_two_networks_on_this_machine(client, settings):
    from library.demo import SECOND_NETWORK_EXPERTS, SECOND_NETWORK_NAME
    from library.models import ExpertIndexPage, ExpertPage, LoanFormPage

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo")
    first = first_network()
    second = Site.objects.get(site_name=SECOND_NETWORK_NAME)
    assert (first.hostname, first.port) == ("127.0.0.1", 8000)
    assert (second.hostname, second.port) == ("localhost", 8000)
    assert "(voorbeeld)" in first.site_name and "(voorbeeld)" in second.site_name
    assert SiteSettings.for_site(second).organisation_name == SECOND_NETWORK_NAME
    assert SiteSettings.for_site(first).organisation_name == first.site_name

    first_home = client.get("/", HTTP_HOST="127.0.0.1:8000")
    second_home = client.get("/", HTTP_HOST="localhost:8000")
    assert first_home.context["page"].pk == first.root_page_id
    assert second_home.context["page"].pk == second.root_page_id
    catalogue = ExpertIndexPage.objects.child_of(second.root_page).get()
    listing = client.get("/expertbibliotheek/", HTTP_HOST="localhost:8000").content.decode()
    for expert in SECOND_NETWORK_EXPERTS:
        assert expert["title"] in listing
    assert "Wanneer begin je over het levenseinde?" not in listing  # the first's own expert
    # ... and the one the first network lends out, with its origin.
    assert "Moet alles wat kan? Ethische vragen rond het levenseinde" in listing
    assert f"Uit: {first.site_name}" in listing
    assert LoanFormPage.objects.child_of(catalogue).live().exists()
    lent = ExpertPage.objects.child_of(catalogue).get(title=SECOND_NETWORK_EXPERTS[0]["title"])
    if hasattr(lent, "lend_to_other_networks"):
        assert lent.lend_to_other_networks
    assert {group.name for group in Group.objects.filter(network_link__site=second)} == {
        f"{role} · {SECOND_NETWORK_NAME}" for role in roles.ALL_ROLES
    }


@pytest.mark.django_db
def test_the_second_network_makes_room_when_the_first_moves_to_localhost(settings):
    from library.demo import SECOND_NETWORK_NAME

    call_command("load_demo")
    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8001"  # `make run HOST=localhost ...`
    call_command("load_demo")
    first = first_network()
    second = Site.objects.get(site_name=SECOND_NETWORK_NAME)
    assert (first.hostname, first.port) == ("localhost", 8001)
    assert (second.hostname, second.port) == ("127.0.0.1", 8001)
