"""Admission: new book covers under the catalogue go through the working group's approval
(the task and its criteria check: library.models.admission; the criteria: criteria.py)."""

from __future__ import annotations

from wagtail.models import Workflow, WorkflowPage

from library.models import ExpertIndexPage

ADMISSION_WORKFLOW = "Toelating expert"


def assign_admission_workflow(catalogue: ExpertIndexPage) -> None:
    workflow = Workflow.objects.filter(name=ADMISSION_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=catalogue, defaults={"workflow": workflow})
