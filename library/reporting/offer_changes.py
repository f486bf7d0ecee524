"""The e-mail to supervisors when the library's offer changes: new covers and withdrawn experts.

There is no field that says when this mail last went out; every sent mail is written into the
supervisor's history (Wagtail's log, shown under Snippets → Opleiders → Geschiedenis), and the
latest entry is where the next mail starts. Nothing new to migrate, and the date stays a
suggestion: the lead can always choose another one.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, Site

from cms import networks
from library.models import Availability, EmailKind, ExpertPage, Supervisor
from library.process.mail import ComposedEmail, compose, deliver

LOG_ACTION = "library.offer_mail"
DEFAULT_MONTHS = 6


@dataclass(frozen=True)
class OfferChanges:
    since: datetime.date
    added: list[ExpertPage]
    withdrawn: list[ExpertPage]

    def __bool__(self) -> bool:
        return bool(self.added or self.withdrawn)


@dataclass(frozen=True)
class OfferMail:
    supervisor: Supervisor
    email: ComposedEmail
    changes: OfferChanges


def start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier, or the month's last day (31 August → 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_sent(sites: Iterable[Site] | None = None) -> datetime.date | None:
    """When these networks' supervisors (None: any) last got the offer mail."""
    entries = ModelLogEntry.objects.filter(action=LOG_ACTION)
    if sites is not None:
        register = Supervisor.objects.filter(site__in=sites).values_list("pk", flat=True)
        entries = entries.filter(
            content_type=ContentType.objects.get_for_model(Supervisor),
            object_id__in=[str(pk) for pk in register],
        )
    entry = entries.order_by("-timestamp").first()
    return timezone.localdate(entry.timestamp) if entry else None


def default_since(
    today: datetime.date | None = None, sites: Iterable[Site] | None = None
) -> datetime.date:
    """Where the networks' previous offer mail left off, or half a year back when none was
    sent."""
    today = today or timezone.localdate()
    return last_sent(sites) or months_before(today, DEFAULT_MONTHS)


def changes_since(since: datetime.date, site: Site | None = None) -> OfferChanges:
    """What changed in the offer of one network (its own covers and those lent to it), or
    of every network without a site."""
    start = start_of(since)
    offered = ExpertPage.objects.offered_to(site)
    added = offered.published().filter(first_published_at__gte=start)
    # When a cover left the site: withdraw() unpublishes it with a log entry. A cover that was
    # already offline when it was withdrawn left the offer at that earlier unpublish; one
    # first published and withdrawn in the same stretch was never news to a supervisor.
    last_unpublished = (
        PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.unpublish")
        .order_by("-timestamp")
        .values("timestamp")[:1]
    )
    withdrawn = (
        offered.filter(availability=Availability.WITHDRAWN, first_published_at__lt=start)
        .annotate(left_at=Subquery(last_unpublished))
        .filter(left_at__gte=start)
    )
    return OfferChanges(
        since=since,
        added=list(added.order_by("first_published_at", "pk")),
        withdrawn=list(withdrawn.order_by("left_at", "pk")),
    )


def cover_line(cover: ExpertPage, with_link: bool) -> str:
    who = ", ".join(part for part in (cover.expert_name, cover.role) if part)
    line = f"- ‘{cover.title}’: {who}"
    address = networks.page_address(cover) if with_link else ""
    if address:
        line += f"\n  {address}"
    return line


def changes_text(changes: OfferChanges) -> str:
    """The {wijzigingen} of the standard e-mail: plain text, one line per cover."""
    parts = []
    if changes.added:
        lines = "\n".join(cover_line(cover, with_link=True) for cover in changes.added)
        parts.append(f"Nieuw in de bibliotheek:\n{lines}")
    if changes.withdrawn:
        lines = "\n".join(cover_line(cover, with_link=False) for cover in changes.withdrawn)
        parts.append(f"Niet meer te lenen:\n{lines}")
    return "\n\n".join(parts)


def mails_for(since: datetime.date, sites: Iterable[Site] | None = None) -> list[OfferMail]:
    """One mail per supervisor in the register (Snippets → Opleiders) of `sites` (None:
    every network), each with the changes in their own network's offer and in their
    network's standard e-mail; none for a network where nothing changed. Raises
    MissingEmailTemplate when the standard e-mail is missing."""
    register = Supervisor.objects.select_related("site").order_by("site_id", "name", "pk")
    if sites is not None:
        register = register.filter(site__in=sites)
    mails = []
    for site, supervisors in groupby(register, key=lambda supervisor: supervisor.site):
        changes = changes_since(since, site)
        if not changes:
            continue
        text = changes_text(changes)
        mails += [
            OfferMail(
                supervisor,
                compose(
                    EmailKind.OFFER_CHANGED,
                    site=site,
                    recipients=[supervisor.email],
                    naam_opleider=supervisor.name,
                    wijzigingen=text,
                ),
                changes,
            )
            for supervisor in supervisors
        ]
    return mails


def send_mails(mails: list[OfferMail], user=None) -> tuple[list[str], list[str]]:
    """Send each mail; returns the names sent to and the failures as text. Each sent mail is
    logged on its supervisor, which is where the next mail's period starts."""
    sent: list[str] = []
    failed: list[str] = []
    for mail in mails:
        error = deliver(mail.email)
        if error:
            failed.append(f"{mail.supervisor.name}: {error}")
            continue
        sent.append(mail.supervisor.name)
        log(
            mail.supervisor,
            LOG_ACTION,
            user=user,
            data={
                "since": mail.changes.since.isoformat(),
                "added": [cover.title for cover in mail.changes.added],
                "withdrawn": [cover.title for cover in mail.changes.withdrawn],
            },
        )
    return sent, failed
