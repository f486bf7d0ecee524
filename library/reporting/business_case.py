"""The toolkit's business case, computed: start-up, yearly and per-resident costs, kept apart
as the toolkit keeps them.

The start-up cost is one-off: it is never added to a period's costs or to a resident's, or
every period would pay for the website again. Yearly maintenance is per year, whatever the
period. What scales with use (residents, expert fees) is the period's cost.

Rates and minutes are editable settings (BusinessCaseSettings); the counts are either given
(the toolkit's example) or taken from the register for a period.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

CENT = Decimal("0.01")


def euros(minutes: Decimal | int, hourly_rate: Decimal) -> Decimal:
    return Decimal(minutes) * Decimal(hourly_rate) / Decimal(60)


def rounded(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Counts:
    experts: int
    covers: int
    supervisors: int
    residents: int
    loans: int


@dataclass(frozen=True)
class Line:
    label: str
    minutes: Decimal
    amount: Decimal


@dataclass(frozen=True)
class BusinessCase:
    counts: Counts
    startup: list[Line]
    yearly: list[Line]
    per_resident: list[Line]
    expert_fee_per_loan: Decimal

    @staticmethod
    def total(lines: list[Line]) -> tuple[Decimal, Decimal]:
        return sum((line.minutes for line in lines), Decimal(0)), rounded(
            sum((line.amount for line in lines), Decimal(0))
        )

    @property
    def startup_total(self) -> tuple[Decimal, Decimal]:
        return self.total(self.startup)

    @property
    def yearly_total(self) -> tuple[Decimal, Decimal]:
        return self.total(self.yearly)

    @property
    def per_resident_total(self) -> tuple[Decimal, Decimal]:
        return self.total(self.per_resident)

    @property
    def residents_total(self) -> Decimal:
        return rounded(self.per_resident_total[1] * self.counts.residents)

    @property
    def expert_fees_total(self) -> Decimal:
        return rounded(self.expert_fee_per_loan * self.counts.loans)

    @property
    def period_total(self) -> Decimal:
        """What the residents of the period cost: their handling and the experts' fees.
        Neither the one-off start-up nor the yearly maintenance is part of it."""
        return rounded(self.residents_total + self.expert_fees_total)

    @property
    def per_resident_with_fees(self) -> Decimal | None:
        if not self.counts.residents:
            return None
        return rounded(self.period_total / self.counts.residents)


def compute(counts: Counts, rates) -> BusinessCase:
    """`rates` is a BusinessCaseSettings (or anything with the same attributes)."""

    def line(label: str, minutes: int, rate: Decimal) -> Line:
        return Line(label, Decimal(minutes), euros(minutes, rate))

    startup = [
        line("Website gereedmaken", rates.website_minutes, rates.staff_rate),
        line(
            f"Experts werven ({counts.experts} × {rates.recruit_expert_minutes} min)",
            counts.experts * rates.recruit_expert_minutes,
            rates.project_rate,
        ),
        line(
            f"Boekenkaften plaatsen ({counts.covers} × {rates.place_cover_minutes} min)",
            counts.covers * rates.place_cover_minutes,
            rates.staff_rate,
        ),
        line(
            f"Opleiders werven ({counts.supervisors} × {rates.recruit_supervisor_minutes} min)",
            counts.supervisors * rates.recruit_supervisor_minutes,
            rates.project_rate,
        ),
    ]
    yearly = [line("Periodiek onderhoud", rates.maintenance_minutes, rates.project_rate)]
    per_resident = [
        line("AIOS werven door opleider", rates.recruit_resident_minutes, rates.project_rate),
        line("Eerste reactie op de aanvraag", rates.first_response_minutes, rates.staff_rate),
        line("AIOS en expert koppelen", rates.matching_minutes, rates.staff_rate),
    ]
    return BusinessCase(counts, startup, yearly, per_resident, Decimal(rates.expert_fee))


def counts_for_period(start: datetime.date, end: datetime.date, networks=None) -> Counts:
    """The register's real numbers for a period (start and end inclusive).

    Experts and covers are those recruited in the period: first published in it. Covers
    recruited earlier cost their recruiting then, not again in every later period; one
    withdrawn since was still recruited in the period.

    `networks`: the sites counted (None: every network); requests by the one counting rule
    (statistics.counted_for), covers by the network whose tree holds them."""
    from library.models import ExpertPage
    from library.models.loans import CONVERSATION_STATUSES
    from library.reporting import statistics

    requests = statistics.requests_in(start, end, networks)
    covers = statistics.pages_of(
        ExpertPage.objects.filter(
            first_published_at__date__gte=start, first_published_at__date__lte=end
        ),
        networks,
    )
    return Counts(
        experts=covers.values("expert_name").distinct().count(),
        covers=covers.count(),
        supervisors=requests.values("supervisor").distinct().count(),
        residents=requests.values("resident_key").distinct().count(),
        loans=requests.filter(status__in=CONVERSATION_STATUSES).count(),
    )


def last_twelve_months() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today - datetime.timedelta(days=365), today
