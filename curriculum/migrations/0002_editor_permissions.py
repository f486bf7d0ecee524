"""Editors maintain the essences and work methods."""

from django.db import migrations

from cms import roles


def grant(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps,
        roles.EDITORS,
        "curriculum",
        (
            "add_essence",
            "change_essence",
            "delete_essence",
            "add_workmethod",
            "change_workmethod",
            "delete_workmethod",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0001_workshops"), ("cms", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
