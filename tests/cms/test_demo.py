import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from cms.models import HomePage, SiteSettings


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", flat=True)),
    }


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


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
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
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
