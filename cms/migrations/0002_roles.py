"""Create the site's three roles with the Wagtail permissions each needs so far."""

from django.db import migrations

from cms import roles


def create_roles(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    for name in roles.ALL_ROLES:
        # Every role works in the admin.
        roles.grant_model_permissions(apps, name, "wagtailadmin", ("access_admin",))

    roles.grant_page_permissions(apps, roles.EDITORS, roles.PAGE_PERMISSIONS)
    roles.grant_collection_permissions(
        apps, roles.EDITORS, "wagtailimages", roles.IMAGE_PERMISSIONS
    )
    roles.grant_collection_permissions(
        apps, roles.EDITORS, "wagtaildocs", roles.DOCUMENT_PERMISSIONS
    )
    roles.grant_model_permissions(apps, roles.EDITORS, "cms", ("change_sitesettings",))
    roles.grant_model_permissions(
        apps,
        roles.EDITORS,
        "wagtailredirects",
        ("add_redirect", "change_redirect", "delete_redirect"),
    )
    # The working group admits experts and reviews their book covers, so it can edit pages
    # (publishing stays with the editors until the library's own workflow lands).
    roles.grant_page_permissions(apps, roles.WORKING_GROUP, ("add_page", "change_page"))
    roles.grant_collection_permissions(
        apps, roles.WORKING_GROUP, "wagtailimages", ("add_image", "choose_image")
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
