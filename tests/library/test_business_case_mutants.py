"""The business case's arithmetic to the cent, the labels the report prints, and the period
the register's counts come from. Written after `make mutation` showed that the totals of the
toolkit example alone let a minus for a plus and an open-ended period through."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from library.models import LoanRequest
from library.reporting import business_case
from library.reporting.business_case import BusinessCase, Counts, Line, compute, rounded
from tests.factories import local_time, make_catalogue, make_expert, make_home

# The toolkit's rates (BusinessCaseSettings' defaults), without the database.
RATES = SimpleNamespace(
    staff_rate=Decimal("35.00"),
    project_rate=Decimal("80.00"),
    expert_fee=Decimal("100.00"),
    website_minutes=60,
    recruit_expert_minutes=20,
    place_cover_minutes=5,
    recruit_supervisor_minutes=30,
    maintenance_minutes=60,
    recruit_resident_minutes=5,
    first_response_minutes=5,
    matching_minutes=5,
)
COUNTS = Counts(experts=10, covers=10, supervisors=5, residents=24, loans=3)


def test_every_line_of_the_report():
    case = compute(COUNTS, RATES)
    assert [(line.label, line.minutes) for line in case.startup] == [
        ("Website gereedmaken", 60),
        ("Experts werven (10 × 20 min)", 200),
        ("Boekenkaften plaatsen (10 × 5 min)", 50),
        ("Opleiders werven (5 × 30 min)", 150),
    ]
    assert [(line.label, line.minutes) for line in case.yearly] == [("Periodiek onderhoud", 60)]
    assert [(line.label, line.minutes) for line in case.per_resident] == [
        ("AIOS werven door opleider", 5),
        ("Eerste reactie op de aanvraag", 5),
        ("AIOS en expert koppelen", 5),
    ]
    # Staff hours at the staff rate, recruiting and maintenance at the project rate.
    assert [rounded(line.amount) for line in case.startup] == [
        Decimal("35.00"),
        Decimal("266.67"),
        Decimal("29.17"),
        Decimal("200.00"),
    ]
    assert [rounded(line.amount) for line in case.per_resident] == [
        Decimal("6.67"),
        Decimal("2.92"),
        Decimal("2.92"),
    ]


def test_period_figures_leave_out_the_one_off_start_up():
    case = compute(COUNTS, RATES)
    assert case.startup_total == (Decimal(460), Decimal("530.83"))
    assert case.yearly_total == (Decimal(60), Decimal("80.00"))
    assert case.per_resident_total == (Decimal(15), Decimal("12.50"))
    assert case.residents_total == Decimal("300.00")  # 24 × € 12,50
    assert case.expert_fees_total == Decimal("300.00")  # 3 loans × € 100
    # Only what scales with use: with the start-up it would be 1130,83 (47,12 per AIOS), with
    # the yearly maintenance 680,00 (28,33).
    assert case.period_total == Decimal("600.00")
    assert case.per_resident_with_fees == Decimal("25.00")  # 600,00 / 24
    no_residents = compute(Counts(10, 10, 5, residents=0, loans=0), RATES)
    assert no_residents.per_resident_with_fees is None
    assert no_residents.period_total == Decimal("0.00")
    assert no_residents.startup_total == (Decimal(460), Decimal("530.83"))


def test_the_per_resident_figure_does_not_depend_on_the_start_up():
    small = compute(Counts(experts=1, covers=1, supervisors=1, residents=24, loans=3), RATES)
    large = compute(Counts(experts=40, covers=40, supervisors=9, residents=24, loans=3), RATES)
    assert small.startup_total != large.startup_total
    assert small.per_resident_total == large.per_resident_total == (Decimal(15), Decimal("12.50"))
    assert small.per_resident_with_fees == large.per_resident_with_fees == Decimal("25.00")


def test_half_a_cent_rounds_up():
    assert rounded(Decimal("0.125")) == Decimal("0.13")
    assert rounded(Decimal("2.665")) == Decimal("2.67")
    assert rounded(Decimal("2.664")) == Decimal("2.66")


def test_no_lines_total_zero_as_decimals():
    minutes, amount = BusinessCase.total([])
    assert (minutes, amount) == (Decimal(0), Decimal("0.00"))
    assert isinstance(minutes, Decimal) and isinstance(amount, Decimal)
    lines = [Line("a", Decimal(10), Decimal("1.005")), Line("b", Decimal(5), Decimal("1.000"))]
    assert BusinessCase.total(lines) == (Decimal(15), Decimal("2.01"))


def test_last_twelve_months_ends_today():
    start, end = business_case.last_twelve_months()
    assert end == timezone.localdate()
    assert end - start == datetime.timedelta(days=365)


@pytest.mark.django_db
def test_counts_take_the_period_with_both_ends_included():
    def request(day: datetime.date, supervisor: str, email: str, status="received"):
        loan = LoanRequest.objects.create(
            name="AIOS",
            email=email,
            phone="06",
            programme="huisartsgeneeskunde",
            supervisor=supervisor,
            learning_goals="Leren.",
            consent_at=timezone.now(),
            status=status,
        )
        created = local_time(day.year, day.month, day.day)
        LoanRequest.objects.filter(pk=loan.pk).update(created_at=created)

    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)
    request(datetime.date(2024, 12, 31), "Dr. Voor", "voor@example.org", "held")
    request(start, "Dr. Begin", "begin@example.org", "held")
    request(end, "Dr. Eind", "eind@example.org", "completed")
    request(end, "Dr. Eind", "eind@example.org", "closed")  # the same resident again
    request(datetime.date(2025, 7, 1), "Dr. Na", "na@example.org", "completed")
    counts = business_case.counts_for_period(start, end)
    assert (counts.supervisors, counts.residents, counts.loans) == (2, 2, 2)


def cover_first_published(catalogue, title: str, expert_name: str, when: datetime.datetime):
    from library.models import ExpertPage

    cover = make_expert(catalogue, title, expert_name=expert_name)
    ExpertPage.objects.filter(pk=cover.pk).update(first_published_at=when)
    cover.refresh_from_db()
    return cover


@pytest.mark.django_db
def test_counts_take_the_experts_recruited_in_the_period_not_every_live_cover():
    from library.models import Availability, ExpertPage

    catalogue = make_catalogue(make_home())
    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)
    # Live all along, but recruited before the period: not counted.
    cover_first_published(catalogue, "Oud boek", "Oud", local_time(2024, 12, 31, 23))
    cover_first_published(catalogue, "Eerste", "Anna", local_time(2025, 1, 1, 0))
    cover_first_published(catalogue, "Tweede boek van Anna", "Anna", local_time(2025, 3, 1))
    gone = cover_first_published(catalogue, "Weg", "Bert", local_time(2025, 6, 30, 23))
    # Recruited in the period, withdrawn since: still recruited then.
    ExpertPage.objects.filter(pk=gone.pk).update(availability=Availability.WITHDRAWN)
    gone.unpublish()
    cover_first_published(catalogue, "Later", "Later", local_time(2025, 7, 1, 0))
    counts = business_case.counts_for_period(start, end)
    assert (counts.experts, counts.covers) == (2, 3)
