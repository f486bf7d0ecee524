"""The site's roles (Django groups) and the permissions each one holds.

Used by data migrations, so everything here works on historical models (`apps`). Later parts
of the site (loan desk, reports) add permissions to these groups in their own migrations.
"""

from __future__ import annotations

EDITORS = "Redacteuren"
SECRETARIAT = "Secretariaat"
WORKING_GROUP = "Werkgroep"
ALL_ROLES = (EDITORS, SECRETARIAT, WORKING_GROUP)

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image", "delete_image")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document", "delete_document")
# The secretariat keeps the loan form page itself: its recipients and questions.
LOAN_FORM_PAGE_PERMISSIONS = ("change_page", "publish_page")


def ensure_permissions_exist(apps) -> None:
    """Permissions are normally created after all migrations ran; a data migration that
    hands them out needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_model_permissions(
    apps, group_name: str, app_label: str, codenames: tuple[str, ...]
) -> None:
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in codenames:
        group.permissions.add(permission(apps, app_label, codename))


def grant_page_permissions(
    apps, group_name: str, codenames: tuple[str, ...], page_id: int | None = None
) -> None:
    """Page permissions on one page and its subtree; by default the tree's root, so they hold
    for every site and page. (Pass `django.apps.apps` to use it outside a migration.)"""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=group_name)
    root = Page.objects.get(pk=page_id) if page_id else Page.objects.filter(depth=1).first()
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission(apps, "wagtailcore", codename)
        )


def grant_collection_permissions(
    apps, group_name: str, app_label: str, codenames: tuple[str, ...]
) -> None:
    """Image or document permissions on the root collection."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=group_name)
    root = Collection.objects.filter(depth=1).first()
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission(apps, app_label, codename)
        )
