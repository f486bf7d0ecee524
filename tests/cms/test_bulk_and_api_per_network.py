"""Wagtail's bulk actions, admin API and snippet choosers within the user's networks (issue 20,
found by the attack review): another network's supervisors cannot be bulk-deleted (by id or by
"all"), a bulk action's confirmation page never prints another network's titles, the admin API
lists only the own network's images and documents, and the supervisors and standard e-mails
have no chooser that would list every network's rows (cms.admin_network_objects)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cms import networks, roles
from library.models import Supervisor
from tests.cms.test_collections_per_network import make_document, make_image
from tests.factories import (
    first_network,
    make_catalogue,
    make_expert,
    make_home,
    make_network,
    user_in_network,
)

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    home_a = make_home()
    site_a = first_network()
    site_b, home_b = make_network("Netwerk Oost", "oost.example.test")
    drafts = {}
    for key, home in (("A", home_a), ("B", home_b)):
        draft = make_expert(
            make_catalogue(home),
            f"Concept {key}-geheim",
            expert_name=key,
            topics=[f"{key.lower()}geheimtag"],
        )
        draft.unpublish()
        drafts[key] = draft
    from wagtail.models import Collection

    return {
        "sites": {"A": site_a, "B": site_b},
        "drafts": drafts,
        "supervisors": {
            key: Supervisor.objects.create(
                name=f"Dr. {key}-geheim", email=f"{key.lower()}@example.org", site=site
            )
            for key, site in (("A", site_a), ("B", site_b))
        },
        "images": {
            "A": make_image("Beeld A-geheim", networks.first_network_collection()),
            "B": make_image("Beeld B-geheim", Collection.objects.get(name="Netwerk Oost")),
        },
        "documents": {
            "A": make_document("Document A-geheim", networks.first_network_collection()),
            "B": make_document("Document B-geheim", Collection.objects.get(name="Netwerk Oost")),
        },
        "secretariat_a": client_of(user_in_network(site_a, roles.SECRETARIAT, "sec-a")),
        "editors_a": client_of(user_in_network(site_a, roles.EDITORS, "red-a")),
    }


def test_another_networks_supervisor_cannot_be_bulk_deleted(world):
    other = world["supervisors"]["B"]
    url = f"/admin/bulk/library/supervisor/delete/?id={other.pk}"
    assert world["secretariat_a"].get(url).status_code == 404
    assert world["secretariat_a"].post(url).status_code == 404
    mixed = (
        f"/admin/bulk/library/supervisor/delete/?id={world['supervisors']['A'].pk}&id={other.pk}"
    )
    assert world["secretariat_a"].post(mixed).status_code == 404
    assert Supervisor.objects.count() == 2


def test_deleting_all_supervisors_deletes_the_own_networks_only(world):
    page = world["secretariat_a"].get("/admin/bulk/library/supervisor/delete/?id=all")
    assert page.status_code == 200
    assert "Dr. A-geheim" in page.content.decode() and "B-geheim" not in page.content.decode()
    world["secretariat_a"].post("/admin/bulk/library/supervisor/delete/?id=all")
    assert list(Supervisor.objects.values_list("name", flat=True)) == ["Dr. B-geheim"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/bulk/wagtailcore/page/delete/?id={page}",
        "/admin/bulk/wagtailcore/page/unpublish/?id={page}",
        "/admin/bulk/wagtailimages/image/delete/?id={image}",
        "/admin/bulk/wagtailimages/image/add_to_collection/?id={image}",
        "/admin/bulk/wagtaildocs/document/delete/?id={document}",
        "/admin/bulk/library/supervisor/delete/?id={supervisor}",
    ],
)
def test_a_bulk_actions_page_names_nothing_of_another_network(world, path):
    def ids(key):
        return {
            "page": world["drafts"][key].pk,
            "image": world["images"][key].pk,
            "document": world["documents"][key].pk,
            "supervisor": world["supervisors"][key].pk,
        }

    client = world["secretariat_a"] if "supervisor" in path else world["editors_a"]
    other = client.get(path.format(**ids("B")))
    assert other.status_code == 404
    assert "B-geheim" not in other.content.decode()
    own = client.get(path.format(**ids("A")))
    assert own.status_code == 200 and "A-geheim" in own.content.decode()
    superuser = client_of(User.objects.create_superuser("beheer", "b@example.org", "pw"))
    assert "B-geheim" in superuser.get(path.format(**ids("B"))).content.decode()


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_admin_api_lists_the_own_networks_files_only(world, kind):
    client = world["editors_a"]
    listing = client.get(f"/admin/api/main/{kind}/")
    assert listing.status_code == 200
    titles = {item["title"] for item in listing.json()["items"]}
    assert any("A-geheim" in title for title in titles)
    assert not any("B-geheim" in title for title in titles)
    assert client.get(f"/admin/api/main/{kind}/{world[kind]['B'].pk}/").status_code == 404
    assert client.get(f"/admin/api/main/{kind}/{world[kind]['A'].pk}/").status_code == 200


@pytest.mark.parametrize("model", ["supervisor", "emailtemplate"])
def test_network_snippets_have_no_chooser_listing_every_network(world, model):
    for client in (world["editors_a"], world["secretariat_a"]):
        assert client.get(f"/admin/snippets/choose/library/{model}/").status_code == 404
        chosen = f"/admin/snippets/choose/library/{model}/chosen/{world['supervisors']['B'].pk}/"
        assert client.get(chosen).status_code == 404
    # The listing and editing still work.
    listing = world["secretariat_a"].get(f"/admin/snippets/library/{model}/")
    assert listing.status_code == 200


def test_the_snippets_overview_counts_the_own_networks_rows(world):
    from library.models import EmailTemplate

    EmailTemplate.objects.create(site=world["sites"]["B"], kind="receipt", subject="B", body="B")
    EmailTemplate.objects.create(site=world["sites"]["A"], kind="receipt", subject="A", body="A")
    EmailTemplate.objects.create(kind="receipt", subject="Landelijk", body="L")
    overview = world["secretariat_a"].get("/admin/snippets/")
    assert overview.status_code == 200
    counts = {t["model"].__name__: t["count"] for t in overview.context["view"].snippet_types}
    assert counts["Supervisor"] == 1 and counts["EmailTemplate"] == 1


def test_all_pages_in_a_listing_means_a_folder_of_the_own_tree(world):
    client = world["editors_a"]
    for query in (
        "",
        "&q=geheim",
        "&childOf=abc",
        f"&childOf={world['drafts']['B'].get_parent().pk}",
    ):
        response = client.get(f"/admin/bulk/wagtailcore/page/delete/?id=all{query}")
        assert response.status_code == 404, query
        assert "B-geheim" not in response.content.decode()
    own = client.get(
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={world['drafts']['A'].get_parent().pk}"
    )
    assert own.status_code == 200 and "Concept A-geheim" in own.content.decode()


def test_tag_suggestions_come_from_the_own_network(world):
    client = world["editors_a"]
    assert client.get("/admin/tag-autocomplete/", {"term": "ageheim"}).json() == ["ageheimtag"]
    assert client.get("/admin/tag-autocomplete/", {"term": "bgeheim"}).json() == []
    for_topics = client.get("/admin/tag-autocomplete/taggit/tag/", {"term": "bgeheim"})
    assert for_topics.json() == []
    superuser = client_of(User.objects.create_superuser("beheer", "b@example.org", "pw"))
    assert superuser.get("/admin/tag-autocomplete/", {"term": "bgeheim"}).json() == ["bgeheimtag"]


def test_the_desks_book_filter_lists_the_own_networks_covers(world):
    page = world["secretariat_a"].get("/admin/leenbalie/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Concept A-geheim" in html and "Concept B-geheim" not in html
