"""The national curriculum (issue 20, point 2): one series, an alias of it on every network."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page

from cms import roles
from cms.models import SiteSettings
from curriculum import guides
from curriculum.models import WorkshopIndexPage, WorkshopPage
from curriculum.national import share_curriculum
from tests.factories import (
    first_network,
    make_essence,
    make_home,
    make_network,
    make_series,
    make_workshop,
    user_in_network,
)

HOST_A = "testserver"
HOST_B = "oost.example.test"


@pytest.fixture
def curriculum(db, settings):
    home_a = make_home()
    series = make_series(home_a)
    workshop = make_workshop(series, make_essence(), title="Onderlinge afstemming en voortgang")
    site_b, home_b = make_network("Netwerk Voorbeeld-Oost", HOST_B)
    SiteSettings.objects.update_or_create(
        site=site_b, defaults={"organisation_name": "Netwerk Voorbeeld-Oost"}
    )
    alias = share_curriculum(home_b)
    caches[settings.PAGE_CACHE_ALIAS].clear()
    return {
        "series": series,
        "workshop": workshop,
        "site_b": site_b,
        "home_b": home_b,
        "alias": alias,
        "alias_workshop": WorkshopPage.objects.child_of(alias).get(),
    }


def test_the_series_is_aliased_recursively_under_the_other_network(curriculum):
    alias, alias_workshop = curriculum["alias"], curriculum["alias_workshop"]
    assert isinstance(alias, WorkshopIndexPage)
    assert alias.get_parent().pk == curriculum["home_b"].pk
    assert alias.alias_of_id == curriculum["series"].pk
    assert alias_workshop.alias_of_id == curriculum["workshop"].pk
    assert alias_workshop.essence_id == curriculum["workshop"].essence_id
    assert alias_workshop.live


def test_sharing_twice_returns_the_existing_alias(curriculum):
    again = share_curriculum(curriculum["home_b"])
    assert again.pk == curriculum["alias"].pk
    assert WorkshopIndexPage.objects.child_of(curriculum["home_b"]).count() == 1
    assert WorkshopPage.objects.filter(alias_of=curriculum["workshop"]).count() == 1
    # The first network's own home keeps its original, no alias of itself.
    home_a = first_network().root_page
    assert share_curriculum(home_a).pk == curriculum["series"].pk
    assert not WorkshopIndexPage.objects.filter(alias_of__isnull=False).child_of(home_a).exists()


def test_without_a_national_series_nothing_is_shared(db):
    make_home()
    _, home_b = make_network("Netwerk Leeg", "leeg.example.test")
    assert share_curriculum(home_b) is None
    assert not Page.objects.child_of(home_b).exists()


def test_the_workshop_is_shown_on_the_other_networks_own_host(curriculum, client):
    response = client.get("/workshops/workshop-5/", HTTP_HOST=HOST_B)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Onderlinge afstemming en voortgang" in content
    assert "Netwerk Voorbeeld-Oost" in content  # B's own header, not A's
    overview = client.get("/workshops/", HTTP_HOST=HOST_B)
    assert overview.status_code == 200
    assert 'href="/workshops/workshop-5/"' in overview.content.decode()


def test_publishing_the_original_updates_the_alias(curriculum, client):
    url = "/workshops/workshop-5/"
    assert (
        "Een nieuwe alinea van de redactie"
        not in client.get(url, HTTP_HOST=HOST_B).content.decode()
    )

    workshop = WorkshopPage.objects.get(pk=curriculum["workshop"].pk)
    workshop.introduction = "<p>Een nieuwe alinea van de redactie.</p>"
    workshop.save_revision().publish()

    alias_workshop = WorkshopPage.objects.get(pk=curriculum["alias_workshop"].pk)
    assert "Een nieuwe alinea van de redactie" in alias_workshop.introduction
    response = client.get(url, HTTP_HOST=HOST_B)
    assert "Een nieuwe alinea van de redactie" in response.content.decode()


def test_editors_of_the_other_network_cannot_change_the_national_text(curriculum):
    editor = user_in_network(curriculum["site_b"], roles.EDITORS, "redacteur-oost")
    client = Client()
    client.force_login(editor)
    alias_workshop = curriculum["alias_workshop"]
    edit_url = f"/admin/pages/{alias_workshop.pk}/edit/"

    response = client.get(edit_url)
    assert response.status_code == 200
    content = response.content.decode()
    # Wagtail shows an alias's edit view without a form, with a link to the original.
    assert f"/admin/pages/{curriculum['workshop'].pk}/edit/" in content
    assert 'name="introduction"' not in content

    client.post(edit_url, {"title": "Overschreven", "introduction": "<p>Eigen tekst</p>"})
    alias_workshop.refresh_from_db()
    assert alias_workshop.title == "Onderlinge afstemming en voortgang"
    original = WorkshopPage.objects.get(pk=curriculum["workshop"].pk)
    assert original.title == "Onderlinge afstemming en voortgang"
    # Nor the original itself: it lives on the first network's site.
    assert client.get(f"/admin/pages/{original.pk}/edit/").status_code in (302, 403)


def test_the_guide_is_rendered_once_for_both_networks(curriculum, monkeypatch, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 0
    renders = []
    real_render = guides.render_guides
    monkeypatch.setattr(
        guides,
        "render_guides",
        lambda series, workshops: renders.append(workshops) or real_render(series, workshops),
    )
    client = Client()
    url = "/workshops/workshop-5/docentenhandreiking.pdf"

    on_a = client.get(url, HTTP_HOST=HOST_A)
    on_b = client.get(url, HTTP_HOST=HOST_B)
    assert on_a.status_code == on_b.status_code == 200
    assert on_b["Content-Type"] == "application/pdf"
    assert on_b.content.startswith(b"%PDF")
    assert on_a.content == on_b.content
    assert len(renders) == 1
    assert [page.pk for page in renders[0]] == [curriculum["workshop"].pk]
    assert len(list(tmp_path.glob("docentenhandreiking-*.pdf"))) == 1


def test_the_guide_on_the_other_network_alone_answers_a_pdf(curriculum, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    response = Client().get("/workshops/workshop-5/docentenhandreiking.pdf", HTTP_HOST=HOST_B)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert guides.guide_document(curriculum["workshop"]).read() == response.content
    # The workshop page on B shows the size of that one cached guide.
    page = Client().get("/workshops/workshop-5/", HTTP_HOST=HOST_B).content.decode()
    assert 'href="/workshops/workshop-5/docentenhandreiking.pdf"' in page


def test_the_original_stays_editable_in_the_admin_and_its_alias_follows(curriculum):
    from tests.curriculum.test_workshop_pages import workshop_form

    workshop = curriculum["workshop"]
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("beheer", password="pw"))  # noqa: S106
    data = workshop_form(workshop.essence, [10, 20, 35, 35, 20], [15, 40, 20])
    data |= {"slug": workshop.slug, "action-publish": "action-publish"}
    data["title"] = "Afstemmen in het netwerk"

    response = admin.post(f"/admin/pages/{workshop.pk}/edit/", data)
    # The alias on network B has the same essence: it is no second workshop for it.
    assert "Er is al een workshop" not in response.content.decode()
    assert response.status_code == 302
    assert WorkshopPage.objects.get(pk=curriculum["alias_workshop"].pk).title == (
        "Afstemmen in het netwerk"
    )

    # A genuinely second workshop for that essence is still refused: every essence has one.
    data["slug"] = "nog-een-workshop"
    response = admin.post(
        f"/admin/pages/add/curriculum/workshoppage/{curriculum['series'].pk}/", data
    )
    assert response.status_code == 403
    assert not WorkshopPage.objects.filter(slug="nog-een-workshop").exists()


def test_each_network_lists_the_workshop_in_its_own_sitemap(curriculum, client):
    site_a = first_network()
    on_b = client.get("/sitemap.xml", HTTP_HOST=HOST_B).content.decode()
    on_a = client.get("/sitemap.xml", HTTP_HOST=HOST_A).content.decode()
    assert f"http://{HOST_B}/workshops/workshop-5/" in on_b
    assert f"{site_a.root_url}/workshops/workshop-5/" not in on_b
    assert f"{site_a.root_url}/workshops/workshop-5/" in on_a
    assert HOST_B not in on_a


def test_editors_of_the_other_network_cannot_unlink_the_alias(curriculum):
    editor = user_in_network(curriculum["site_b"], roles.EDITORS, "redacteur-oost")
    client = Client()
    client.force_login(editor)
    alias_workshop = curriculum["alias_workshop"]
    url = f"/admin/pages/{alias_workshop.pk}/convert_alias/"

    response = client.post(url, follow=True)
    assert "De workshops zijn landelijk" in response.content.decode()
    alias_workshop.refresh_from_db()
    assert alias_workshop.alias_of_id == curriculum["workshop"].pk
