"""Keeping the library current: admission through the working group, withdrawal of experts."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage

from library.models import Availability, ExpertIndexPage, ExpertPage

ADMISSION_WORKFLOW = "Toelating expert"


def assign_admission_workflow(catalogue: ExpertIndexPage) -> None:
    """New book covers under the catalogue go through the working group's approval."""
    workflow = Workflow.objects.filter(name=ADMISSION_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=catalogue, defaults={"workflow": workflow})


@transaction.atomic
def withdraw(expert: ExpertPage, user=None) -> ExpertPage:
    """The expert leaves the library: the cover goes offline, the record and history stay."""
    expert.availability = Availability.WITHDRAWN
    expert.save_revision(user=user, log_action=True)
    ExpertPage.objects.filter(pk=expert.pk).update(availability=Availability.WITHDRAWN)
    if expert.live:
        expert.unpublish(user=user, log_action=True)
    expert.refresh_from_db()
    return expert
