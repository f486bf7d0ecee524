"""The national curriculum: one workshop series, shown on every network's site.

The eight workshops (pages), the essences and the work methods (snippets, global by nature)
exist once. The series lives under the first network's home; every other network gets a
Wagtail *alias* of it, recursively: a read-only copy of the series and its workshops under its
own home, which Wagtail republishes whenever the original is published.

Why aliases rather than one shared tree with per-site routing:
- Wagtail-native: no custom routing, no page that belongs to two sites. Aliases are kept in sync
  by Wagtail itself (`Page.update_aliases` on every publish of the original).
- Each network's site has its own URLs under its own host, its own sitemap entries and its own
  search results; the page cache and breadcrumbs work as for any other page of that site.
- Read-only in the admin: an alias's edit view offers no form (Wagtail shows "this page is an
  alias" with a link to the original), so editors of network B cannot change the national text;
  only editors with rights on the original (the first network) can. Turning the alias into an
  ordinary page of its own is refused to all but superusers (curriculum/wagtail_hooks.py).

Printed material is drawn from the original (`original_of`): a trainer guide downloaded on any
network's site is rendered and cached once (curriculum/guides.py).
"""

from __future__ import annotations

from typing import TypeVar

from django.db import transaction
from wagtail.models import Page, Site

from curriculum.models import WorkshopIndexPage, WorkshopPage

P = TypeVar("P", bound=Page)


def original_of(page: P) -> P:
    """The page an alias copies (specific), or the page itself."""
    if page.alias_of_id is None:
        return page
    return type(page).objects.get(pk=page.alias_of_id)


def national_series() -> WorkshopIndexPage | None:
    """The series every network shows: the original under the first network's home."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    originals = WorkshopIndexPage.objects.filter(alias_of__isnull=True)
    if site is not None:
        series = originals.descendant_of(site.root_page).first()
        if series is not None:
            return series
    # No default site (or it has no series): the oldest original series stands in.
    return originals.order_by("path").first()


@transaction.atomic
def share_curriculum(home: Page) -> Page | None:
    """Show the national series on the network whose home is `home`, as a recursive alias.

    Idempotent: returns the alias (or the series itself, under the first network's home) if
    there already is one. None when there is no national series yet (a fresh install)."""
    series = national_series()
    if series is None:
        return None
    if series.is_descendant_of(home) or series.pk == home.pk:
        return series
    existing = WorkshopIndexPage.objects.child_of(home).filter(alias_of=series).first()
    if existing is not None:
        return existing
    # Each network's home holds one series (WorkshopIndexPage.max_count): an original series
    # of its own would clash with the alias's slug, so leave that network as it is.
    if WorkshopIndexPage.objects.child_of(home).exists():
        return None
    alias = series.create_alias(parent=home, recursive=True)
    return alias.specific


def shared_workshops(home: Page):
    """The workshop aliases on one network's site (for checks and reports)."""
    return WorkshopPage.objects.descendant_of(home).filter(alias_of__isnull=False)
