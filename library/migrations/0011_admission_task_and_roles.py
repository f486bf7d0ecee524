"""The admission workflow's step becomes an AdmissionTask (approving checks the criteria and
publishes); the working group and the secretariat see experts' private data; the secretariat
keeps the loan form page (its recipients and questions)."""

from django.db import migrations

from cms import roles

TASK_NAME = "Werkgroep toetst de criteria"


def forwards(apps, schema_editor):
    roles.ensure_permissions_exist(apps)
    for group in (roles.WORKING_GROUP, roles.SECRETARIAT):
        roles.grant_model_permissions(apps, group, "library", ("change_expert_private_data",))

    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    AdmissionTask = apps.get_model("library", "AdmissionTask")
    admission_type, _ = ContentType.objects.get_or_create(
        app_label="library", model="admissiontask"
    )
    for old in GroupApprovalTask.objects.filter(name=TASK_NAME):
        new = AdmissionTask.objects.create(
            name=old.name, active=old.active, content_type=admission_type
        )
        new.groups.set(old.groups.all())
        WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
        if TaskState.objects.filter(task_id=old.pk).exists():
            Task.objects.filter(pk=old.pk).update(active=False, name=f"{old.name} (oud)")
        else:
            old.delete()

    LoanFormPage = apps.get_model("library", "LoanFormPage")
    for page in LoanFormPage.objects.all():
        roles.grant_page_permissions(
            apps, roles.SECRETARIAT, roles.LOAN_FORM_PAGE_PERMISSIONS, page_id=page.pk
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0010_admission_and_private_data"),
        ("cms", "0004_site_settings_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
