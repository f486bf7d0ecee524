"""The admin shows the site's own roles only: Wagtail's starter groups "Moderators" and
"Editors" and their "Moderators approval" workflow go. Task history of an older install is
kept (the workflow and task are then only switched off)."""

from django.db import migrations

DEFAULT_GROUPS = ("Moderators", "Editors")
DEFAULT_WORKFLOW = "Moderators approval"


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")

    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
        else:
            workflow.delete()
    for task in Task.objects.filter(name=DEFAULT_WORKFLOW):
        if TaskState.objects.filter(task=task).exists():
            Task.objects.filter(pk=task.pk).update(active=False)
        else:
            task.delete()
    Group.objects.filter(name__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_site_settings_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
