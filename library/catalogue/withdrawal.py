"""Withdrawal: an expert leaves the library; the cover goes offline, the record and history
stay (a cover is never deleted, see library.models.admission.CoverPermissionTester)."""

from __future__ import annotations

from django.db import transaction

from library.models import Availability, ExpertPage


@transaction.atomic
def withdraw(expert: ExpertPage, user=None) -> ExpertPage:
    expert.availability = Availability.WITHDRAWN
    expert.save_revision(user=user, log_action=True)
    ExpertPage.objects.filter(pk=expert.pk).update(availability=Availability.WITHDRAWN)
    if expert.live:
        expert.unpublish(user=user, log_action=True)
    expert.refresh_from_db()
    return expert
