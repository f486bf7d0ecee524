"""The secretariat runs the loan desk and keeps the standard e-mails; nobody else sees requests."""

from django.db import migrations

from cms import roles


def grant(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps,
        roles.SECRETARIAT,
        "library",
        (
            "view_loanrequest",
            "change_loanrequest",
            "process_loanrequest",
            "add_emailtemplate",
            "change_emailtemplate",
            "view_emailtemplate",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("library", "0003_loan_desk"), ("cms", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
