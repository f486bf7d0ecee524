"""Rules about which pages the public site shows, as querysets (one place per rule)."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site
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

    def offered_to(self, site: Site | None) -> ExpertPageQuerySet:
        """Covers of this network's tree and those other networks lend out, whatever their
        state (without a site: all)."""
        return self if site is None else self.filter(offered_below(site.root_page.path))

    def on_offer_in(self, site: Site | None) -> ExpertPageQuerySet:
        """What a network's public side offers (catalogue, loan form, suggestions, booklet):
        its own published covers, and the published covers other networks lend out
        (`lend_to_other_networks`). Without a site (no Site at all) every published cover,
        as before there were networks."""
        return self.offered_to(site).published()

    def on_offer_below(self, root_path: str) -> ExpertPageQuerySet:
        """on_offer_in for the network whose home has this tree path (saves looking up the
        Site when the home is known, as for a catalogue)."""
        return self.published().filter(offered_below(root_path))

    def borrowable_in(
        self, site: Site | None, today: datetime.date | None = None
    ) -> ExpertPageQuerySet:
        """On offer in this network and not away today."""
        return self.offered_to(site).borrowable(today)


def offered_below(root_path: str) -> Q:
    """Covers in the network's own tree, and covers other networks lend out."""
    return Q(path__startswith=root_path) | Q(lend_to_other_networks=True)


def lent_into(book, root_path: str) -> bool:
    """Whether this cover comes from another network than the one whose home has `root_path`."""
    return not book.path.startswith(root_path)
