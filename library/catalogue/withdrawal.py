"""Withdrawal: an expert leaves the library; the cover goes offline, the record and history
stay (a cover is never deleted, see library.models.admission.CoverPermissionTester).

Whoever starts it (the admin's button, the expert on "Mijn boekenkaft"), the expert gets the
thank-you e-mail and the lead hears of it, both recorded in the expert's history."""

from __future__ import annotations

from django.db import transaction

from library.catalogue.notices import notify_lead
from library.models import Availability, EmailKind, ExpertEvent, ExpertPage
from library.process.mail import compose_and_send

LEAD_MESSAGE = "boekenkaft teruggetrokken"


def withdraw(expert: ExpertPage, user=None, *, notify: bool = True) -> ExpertPage:
    """Take the cover offline for good. `notify=False` is for content that was never a real
    expert (demo data): nobody is thanked or told."""
    already = ExpertPage.objects.filter(pk=expert.pk, availability=Availability.WITHDRAWN).exists()
    take_offline(expert, user)
    # A second click (another tab, the admin after the expert) thanks nobody twice.
    if notify and not already:
        thank_expert(expert, user)
        tell_lead(expert, LEAD_MESSAGE, user)
    return expert


@transaction.atomic
def take_offline(expert: ExpertPage, user=None) -> ExpertPage:
    expert.availability = Availability.WITHDRAWN
    expert.save_revision(user=user, log_action=True)
    ExpertPage.objects.filter(pk=expert.pk).update(availability=Availability.WITHDRAWN)
    if expert.live:
        expert.unpublish(user=user, log_action=True)
    expert.refresh_from_db()
    return expert


def thank_expert(expert: ExpertPage, user=None) -> ExpertEvent:
    # Without an address `send` records the e-mail as failed, so the secretariat sees that
    # nobody was thanked and can fill in the address and send it again.
    return compose_and_send(
        expert,
        EmailKind.RECRUIT_THANKS,
        user=user,
        recipients=[expert.email] if expert.email else [],
        naam_expert=expert.expert_name,
        titel_boek=expert.title,
    )


def tell_lead(expert: ExpertPage, message: str, user=None) -> ExpertEvent | None:
    """The lead works in the admin, so the notice links to the cover's editor (a withdrawn
    cover has no public page any more)."""
    return notify_lead(
        expert,
        message,
        expert_name=expert.expert_name,
        book_title=expert.title,
        page=expert,
        in_admin=True,
        user=user,
    )
