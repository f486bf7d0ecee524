from django.db import migrations

from cms import roles


def grant_recruitment(apps, schema_editor):
    # The working group keeps the recruitment pipeline (library.recruitment.admin); nobody
    # else sees the candidates' personal data.
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps,
        roles.WORKING_GROUP,
        "library",
        ("add_candidate", "change_candidate", "view_candidate"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0015_recruitment_candidates_and_expert_history"),
    ]

    operations = [
        migrations.RunPython(grant_recruitment, migrations.RunPython.noop),
    ]
