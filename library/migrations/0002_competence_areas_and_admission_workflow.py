"""Competence areas, and the admission workflow: a book cover is published after the working
group approves it against the criteria for the expert's kind."""

from django.db import migrations

from cms import roles

COMPETENCE_AREAS = [
    ("medisch-handelen", "Medisch handelen"),
    ("communiceren", "Communiceren"),
    ("professionaliteit", "Professionaliteit"),
]
WORKFLOW_NAME = "Toelating expert"
TASK_NAME = "Werkgroep toetst de criteria"


def forwards(apps, schema_editor):
    CompetenceArea = apps.get_model("library", "CompetenceArea")
    for order, (slug, name) in enumerate(COMPETENCE_AREAS):
        CompetenceArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    if created:
        task.groups.add(Group.objects.get(name=roles.WORKING_GROUP))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("library", "CompetenceArea").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_expert_library"),
        ("cms", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
