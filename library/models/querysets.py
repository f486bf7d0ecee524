"""Rules about which pages the public site shows, as querysets (one place per rule)."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from wagtail.query import PageQuerySet


class Availability(models.TextChoices):
    """An expert's availability (ExpertPage.availability), which the rules below read."""

    AVAILABLE = "available", "Beschikbaar"
    ABSENT = "absent", "Tijdelijk afwezig"
    WITHDRAWN = "withdrawn", "Teruggetreden"


class ExpertPageQuerySet(PageQuerySet):
    """Which covers the public site shows, and which a resident can borrow: the one place
    these rules live (catalogue, search, booklet, loan form, desk, reports)."""

    def published(self) -> ExpertPageQuerySet:
        """Live, without a view restriction on the cover or a page above it, not withdrawn."""
        return self.live().public().exclude(availability=Availability.WITHDRAWN)

    def borrowable(self, today: datetime.date | None = None) -> ExpertPageQuerySet:
        """Published and not away today."""
        today = today or timezone.localdate()
        return self.published().exclude(availability=Availability.ABSENT, absent_until__gte=today)
