"""The working group sees the reports and keeps the business case's rates."""

from django.db import migrations

from cms import roles


def grant(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps, roles.WORKING_GROUP, "library", ("view_reports", "change_businesscasesettings")
    )


class Migration(migrations.Migration):
    dependencies = [("library", "0006_business_case_settings"), ("cms", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
