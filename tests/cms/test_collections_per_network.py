"""Each network's images and documents live in a collection of its own, the first network's
included: an editor of one network neither sees nor changes another network's files."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission

from cms import networks
from cms.roles import EDITORS, WORKING_GROUP
from tests.factories import first_network, make_home, make_network, user_in_network

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cms.migrations.0008_first_network_collection")


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_image(title: str, collection: Collection):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), collection=collection
    )


def make_document(title: str, collection: Collection):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n", name="d.pdf"), collection=collection
    )


@pytest.fixture
def two_networks():
    make_home()
    site_a = first_network()
    site_b, _ = make_network("Netwerk Oost", "oost.example.test")
    collection_a = networks.first_network_collection()
    collection_b = Collection.objects.get(name="Netwerk Oost")
    return {
        "editor_a": user_in_network(site_a, EDITORS, "redacteur-a"),
        "editor_b": user_in_network(site_b, EDITORS, "redacteur-b"),
        "image_a": make_image("Portret West", collection_a),
        "image_b": make_image("Portret Oost", collection_b),
        "document_a": make_document("Handreiking West", collection_a),
        "document_b": make_document("Handreiking Oost", collection_b),
        "collection_a": collection_a,
        "collection_b": collection_b,
    }


def test_the_first_networks_collection_is_a_child_of_the_root_and_holds_its_roles_rights():
    collection = networks.first_network_collection()
    root = Collection.get_first_root_node()
    assert collection.get_parent() == root
    first_roles = Group.objects.filter(network_link__site=first_network())
    assert not GroupCollectionPermission.objects.filter(collection=root, group__in=first_roles)
    editors = Group.objects.get(name=EDITORS)
    assert {
        grant.permission.codename
        for grant in GroupCollectionPermission.objects.filter(group=editors)
        if grant.collection_id == collection.pk
    } >= {"add_image", "change_image", "delete_image", "add_document", "change_document"}


# Each kind of file: its edit and delete addresses, and how its test titles start.
FILE_URLS = {
    "image": ("/admin/images/{pk}/", "/admin/images/{pk}/delete/", "Portret"),
    "document": ("/admin/documents/edit/{pk}/", "/admin/documents/delete/{pk}/", "Handreiking"),
}


@pytest.mark.parametrize("kind", FILE_URLS)
@pytest.mark.parametrize(("who", "whose"), [("editor_a", "b"), ("editor_b", "a")])
def test_an_editor_cannot_change_or_delete_another_networks_file(two_networks, kind, who, whose):
    client = client_of(two_networks[who])
    item = two_networks[f"{kind}_{whose}"]
    edit, delete, title = (part.format(pk=item.pk) for part in FILE_URLS[kind])
    assert client.get(edit).status_code == 403
    assert client.get(delete).status_code == 403
    crafted = {"title": "Overgenomen", "collection": two_networks[f"collection_{whose}"].pk}
    assert client.post(edit, crafted).status_code == 403
    assert client.post(delete).status_code == 403
    item.refresh_from_db()
    assert item.title.startswith(title)


@pytest.mark.parametrize(("who", "own", "other"), [("a", "West", "Oost"), ("b", "Oost", "West")])
def test_each_editor_sees_and_changes_only_their_own_networks_files(two_networks, who, own, other):
    client = client_of(two_networks[f"editor_{who}"])
    images = client.get("/admin/images/").content.decode()
    assert f"Portret {own}" in images
    assert f"Portret {other}" not in images
    documents = client.get("/admin/documents/").content.decode()
    assert f"Handreiking {own}" in documents
    assert f"Handreiking {other}" not in documents
    chooser = client.get("/admin/images/chooser/").content.decode()
    assert f"Portret {own}" in chooser
    assert f"Portret {other}" not in chooser
    image = two_networks[f"image_{who}"]
    assert client.get(f"/admin/images/{image.pk}/").status_code == 200
    assert client.post(f"/admin/images/{image.pk}/delete/").status_code == 302
    assert not get_image_model().objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
def test_an_upload_by_the_first_networks_roles_lands_in_its_own_collection(role):
    make_home()
    make_network("Netwerk Oost", "oost.example.test")
    client = client_of(user_in_network(first_network(), role, "uploader"))
    upload = SimpleUploadedFile("groep.png", get_test_image_file().file.getvalue(), "image/png")
    form = client.get("/admin/images/add/").context["form"]
    # One collection to add to, so Wagtail asks for none and takes that one.
    assert "collection" not in form.fields
    response = client.post("/admin/images/add/", {"title": "Groepsfoto", "file": upload})
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Groepsfoto")
    assert image.collection == networks.first_network_collection()


def test_a_multiple_upload_by_the_first_networks_editor_lands_in_its_own_collection():
    make_home()
    make_network("Netwerk Oost", "oost.example.test")
    client = client_of(user_in_network(first_network(), EDITORS, "redacteur-a"))
    upload = SimpleUploadedFile("a.png", get_test_image_file().file.getvalue(), "image/png")
    response = client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"]
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert image.collection == networks.first_network_collection()


def test_an_upload_by_the_second_networks_editor_lands_in_its_own_collection():
    make_home()
    site_b, _ = make_network("Netwerk Oost", "oost.example.test")
    client = client_of(user_in_network(site_b, EDITORS, "redacteur-b"))
    response = client.post(
        "/admin/documents/add/",
        {"title": "Folder Oost", "file": ContentFile(b"%PDF-1.4\n", name="f.pdf")},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Folder Oost")
    assert document.collection.name == "Netwerk Oost"


def put_back_in_the_root() -> tuple[Collection, set[tuple[int, int]]]:
    """The state before migration cms 0008: the first network's roles hold their rights on
    the root collection, which holds its images and documents."""
    root = Collection.get_first_root_node()
    first_roles = Group.objects.filter(network_link__site=first_network())
    held = GroupCollectionPermission.objects.filter(group__in=first_roles).exclude(collection=root)
    rights = {(grant.group_id, grant.permission_id) for grant in held}
    for group_id, permission_id in rights:
        GroupCollectionPermission.objects.get_or_create(
            group_id=group_id, collection=root, permission_id=permission_id
        )
    held.delete()
    return root, rights


def test_the_migration_moves_the_first_networks_files_and_rights_into_its_own_collection():
    make_home()
    site_b, _ = make_network("Netwerk Oost", "oost.example.test")
    old = networks.first_network_collection()
    root, rights = put_back_in_the_root()
    old.delete()
    assert rights
    site = first_network()
    site.site_name = "Netwerk West"
    site.save()
    image = make_image("Portret West", root)
    document = make_document("Handreiking West", root)
    collection_b = Collection.objects.get(name="Netwerk Oost")
    image_b = make_image("Portret Oost", collection_b)
    rights_b = set(
        GroupCollectionPermission.objects.filter(group__network_link__site=site_b).values_list(
            "collection_id", "permission_id"
        )
    )

    migration.give_first_network_a_collection(django_apps, None)

    collection = Collection.objects.get(name="Netwerk West")
    assert collection.get_parent() == Collection.get_first_root_node()
    image.refresh_from_db()
    document.refresh_from_db()
    image_b.refresh_from_db()
    assert image.collection == collection
    assert document.collection == collection
    assert image_b.collection == collection_b
    first_roles = Group.objects.filter(network_link__site=site)
    moved = GroupCollectionPermission.objects.filter(group__in=first_roles)
    assert {(grant.group_id, grant.permission_id) for grant in moved} == rights
    assert {grant.collection_id for grant in moved} == {collection.pk}
    assert not GroupCollectionPermission.objects.filter(collection=root)
    assert rights_b == set(
        GroupCollectionPermission.objects.filter(group__network_link__site=site_b).values_list(
            "collection_id", "permission_id"
        )
    )
    # The tree stays sound for treebeard (Wagtail's collection admin relies on it).
    assert not any(Collection.find_problems())
    assert networks.first_network_collection() == collection
    # Run again (a second migrate): the same collection is used, nothing more moves.
    migration.give_first_network_a_collection(django_apps, None)
    assert Collection.objects.filter(name="Netwerk West").count() == 1


def test_the_migration_names_an_unnamed_first_network_and_counts_on_from_the_last_child():
    make_home()
    old = networks.first_network_collection()
    root, _ = put_back_in_the_root()
    old.delete()
    site = first_network()
    site.site_name = ""
    site.save()
    # Thirty-six children: the next path step is written in base 36, past "Z".
    for number in range(36):
        root.add_child(name=f"Oud archief {number}")
    root.refresh_from_db()
    last = root.get_last_child()
    assert last.path.endswith("0010")

    migration.give_first_network_a_collection(django_apps, None)

    collection = Collection.objects.get(name=migration.FALLBACK_NAME)
    assert collection.path == root.path + "0011"
    root.refresh_from_db()
    assert root.numchild == 37
    assert not any(Collection.find_problems())
    editor = user_in_network(site, EDITORS, "redacteur")
    image = make_image("Na de migratie", collection)
    assert client_of(editor).get(f"/admin/images/{image.pk}/").status_code == 200
