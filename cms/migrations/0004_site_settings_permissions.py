"""Where personal data goes is the secretariat's decision: the secretariat may change the
recipient addresses (and nothing else in the site settings), the editors the site's texts."""

from django.db import migrations

from cms import roles


def grant(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps, roles.SECRETARIAT, "cms", ("change_sitesettings", "route_personal_data")
    )
    roles.grant_model_permissions(apps, roles.EDITORS, "cms", ("edit_site_texts",))


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_accessibility_statement_page")]

    operations = [
        migrations.AlterModelOptions(
            name="sitesettings",
            options={
                "permissions": [
                    (
                        "route_personal_data",
                        "Mag wijzigen waar persoonsgegevens heen gaan (ontvangers, vragen leenformulier)",
                    ),
                    (
                        "edit_site_texts",
                        "Mag naam, voettekst en vaste pagina's van de website wijzigen",
                    ),
                ],
                "verbose_name": "Website-instellingen",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
