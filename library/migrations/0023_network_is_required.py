"""Every loan request, candidate and per-network setting now has its network (filled in by
0022; a separate migration, because PostgreSQL will not alter a table with pending updates)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0022_networks_own_requests_candidates_and_settings")]

    operations = [
        migrations.AlterField(
            model_name="loanrequest",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="loan_requests",
                to="wagtailcore.site",
                verbose_name="Netwerk",
            ),
        ),
        migrations.AlterField(
            model_name="candidate",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="candidates",
                to="wagtailcore.site",
                verbose_name="Netwerk",
            ),
        ),
        migrations.AlterField(
            model_name="loanprocesssettings",
            name="site",
            field=models.OneToOneField(
                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
        migrations.AlterField(
            model_name="businesscasesettings",
            name="site",
            field=models.OneToOneField(
                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
    ]
