"""Every supervisor has its network (filled in by 0025; apart, as PostgreSQL will not alter a
table with pending updates); a name is unique within a network, not across networks."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0025_supervisors_per_network")]

    operations = [
        migrations.AlterField(
            model_name="supervisor",
            name="site",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="supervisors",
                to="wagtailcore.site",
                verbose_name="Netwerk",
            ),
        ),
        migrations.AlterField(
            model_name="supervisor",
            name="name",
            field=models.CharField(
                help_text="Schrijf de naam zoals AIOS hem in het uitleenformulier invullen.",
                max_length=120,
                verbose_name="Naam",
            ),
        ),
        migrations.AddConstraint(
            model_name="supervisor",
            constraint=models.UniqueConstraint(
                fields=("site", "name"),
                name="one_supervisor_name_per_network",
                violation_error_message="Er is al een opleider met deze naam.",
            ),
        ),
    ]
