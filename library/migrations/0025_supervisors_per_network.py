"""Supervisors belong to a network: existing ones to the first network (the default site)."""

import django.db.models.deletion
from django.db import migrations, models


def to_first_network(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Supervisor = apps.get_model("library", "Supervisor")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        Supervisor.objects.update(site=default)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0024_lend_to_other_networks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="supervisor",
            name="site",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="supervisors",
                to="wagtailcore.site",
                verbose_name="Netwerk",
            ),
        ),
        migrations.RunPython(to_first_network, migrations.RunPython.noop),
    ]
