"""An expert's absence: set by the expert (answer link, "Mijn boekenkaft") or in the admin."""

from __future__ import annotations

import datetime

from django.db import transaction

from cms import page_cache
from cms.dates import dutch_date
from library.models import Availability, ExpertEvent, ExpertPage


@transaction.atomic
def set_absence(
    expert: ExpertPage, until: datetime.date | None, *, note: str = "", user=None
) -> ExpertPage:
    """Away until `until` (inclusive), or back when None.

    Written on the live cover (what the catalogue and the loan form read) and on its latest
    revision, so that publishing a later edit, or a draft waiting for approval, keeps it
    instead of bringing the old value back. It is not a content change needing admission."""
    values = {
        "availability": Availability.ABSENT if until else Availability.AVAILABLE,
        "absent_until": until,
    }
    ExpertPage.objects.filter(pk=expert.pk).update(**values)
    latest = expert.get_latest_revision()
    if latest is not None:
        latest.content.update(
            availability=values["availability"],
            absent_until=until.isoformat() if until else None,
        )
        latest.save(update_fields=["content"])
    page_cache.invalidate_after_change()
    text = f"Afwezig tot en met {dutch_date(until)}" if until else "Weer beschikbaar"
    ExpertEvent.objects.create(
        expert=expert,
        user=user,
        kind=ExpertEvent.Kind.NOTE,
        subject=f"{text}{f' ({note})' if note else ''}",
    )
    expert.refresh_from_db()
    return expert
