"""Who may keep the supervisors and process timings; resident keys and the book at each status
change for requests made before they were recorded."""

from django.db import migrations

from cms import roles


def grant(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    roles.grant_model_permissions(
        apps,
        roles.SECRETARIAT,
        "library",
        (
            "add_supervisor",
            "change_supervisor",
            "delete_supervisor",
            "view_supervisor",
            "change_loanprocesssettings",
        ),
    )
    roles.grant_model_permissions(
        apps,
        roles.WORKING_GROUP,
        "library",
        ("view_supervisor", "change_loanprocesssettings"),
    )


def fill_resident_keys(apps, schema_editor):
    from library.models.loans import resident_key_for

    LoanRequest = apps.get_model("library", "LoanRequest")
    for loan in LoanRequest.objects.filter(resident_key="").exclude(email=""):
        loan.resident_key = resident_key_for(loan.email)
        loan.save(update_fields=["resident_key"])


def fill_event_experts(apps, schema_editor):
    LoanEvent = apps.get_model("library", "LoanEvent")
    for event in LoanEvent.objects.filter(kind="status", expert__isnull=True).select_related(
        "request"
    ):
        if event.request.expert_id:
            event.expert_id = event.request.expert_id
            event.save(update_fields=["expert"])


class Migration(migrations.Migration):
    dependencies = [("library", "0008_working_group_operations"), ("cms", "0002_roles")]

    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(fill_resident_keys, migrations.RunPython.noop),
        migrations.RunPython(fill_event_experts, migrations.RunPython.noop),
    ]
