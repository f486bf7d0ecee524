"""Loan requests leave Wagtail's search index: it held a copy of residents' names, e-mail
addresses and learning goals that the retention rules never cleaned. The desk searches the
register itself."""

from django.db import migrations


def remove_index_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    loan_type = ContentType.objects.filter(app_label="library", model="loanrequest").first()
    if loan_type is not None:
        # On SQLite a trigger removes the matching full-text rows as well.
        IndexEntry.objects.filter(content_type=loan_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0012_one_line_resident_fields"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(remove_index_entries, migrations.RunPython.noop)]
