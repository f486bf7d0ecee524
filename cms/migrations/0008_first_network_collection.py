"""The first network's images and documents get a collection of their own, beside the other
networks' collections. Its role groups held their image and document rights on the root
collection, and Wagtail's collection rights hold for every collection below, so the first
network's editors could change and delete every other network's images and documents."""

from django.db import migrations

from cms import roles

FALLBACK_NAME = "Eerste netwerk"
# treebeard's MP_Node defaults, which Wagtail's Collection keeps.
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def next_child_path(Collection, parent) -> str:
    """The path treebeard's add_child would give a new last child (the historical model has
    no add_child)."""
    last = (
        Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    step = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    digits = ""
    while step:
        step, digit = divmod(step, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return parent.path + digits.rjust(STEPLEN, "0")


def first_network_groups(apps, site):
    Group = apps.get_model("auth", "Group")
    tied = Group.objects.filter(network_link__site=site) if site else Group.objects.none()
    return tied if tied.exists() else Group.objects.filter(name__in=roles.ALL_ROLES)


def give_first_network_a_collection(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    name = (site.site_name if site else "") or FALLBACK_NAME
    collection = Collection.objects.filter(
        path__startswith=root.path, depth=root.depth + 1, name=name
    ).first()
    if collection is None:
        collection = Collection.objects.create(
            name=name, path=next_child_path(Collection, root), depth=root.depth + 1, numchild=0
        )
        root.numchild = Collection.objects.filter(
            path__startswith=root.path, depth=root.depth + 1
        ).count()
        root.save(update_fields=["numchild"])
    for app_label, model_name in (("wagtailimages", "Image"), ("wagtaildocs", "Document")):
        apps.get_model(app_label, model_name).objects.filter(collection=root).update(
            collection=collection
        )
    grants = GroupCollectionPermission.objects.filter(
        collection=root, group__in=first_network_groups(apps, site)
    )
    for grant in grants:
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=collection, permission_id=grant.permission_id
        )
        grant.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_network_identity"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    # Back is a no-op: the images, documents and rights stay in the first network's
    # collection, which is safe (nobody gains rights) and still works after going back.
    operations = [migrations.RunPython(give_first_network_a_collection, migrations.RunPython.noop)]
