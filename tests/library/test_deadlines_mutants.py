"""The due dates of the loan process (library/process/deadlines.py), one rule at a time: from
which day each deadline counts, what the desk is told is due, the day a deadline passes, and
how a date is written. Written after `make mutation` showed that the process tests only met
requests whose deadlines were far away or long gone."""

import datetime

import pytest

from library.models import LoanRequest, LoanStatus
from library.process import deadlines
from tests.factories import local_time, make_loan

S = LoanStatus
D = datetime.date


@pytest.fixture(autouse=True)
def fresh_holidays():
    """The holidays are looked up once per year and process; these tests look them up anew."""
    deadlines.dutch_holidays.cache_clear()
    yield
    deadlines.dutch_holidays.cache_clear()


@pytest.fixture
def today(monkeypatch):
    day = D(2026, 3, 10)  # a Tuesday
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: _localdate(args, day))
    return day


def _localdate(args, day):
    from django.utils import timezone

    # localdate(value) converts a moment; only "today" (no argument) is pinned.
    return timezone.localtime(args[0]).date() if args and args[0] is not None else day


def with_status(loan, status, changed_on: D):
    LoanRequest.objects.filter(pk=loan.pk).update(
        status=status,
        status_changed_at=local_time(changed_on.year, changed_on.month, changed_on.day),
    )
    loan.refresh_from_db()
    return loan


def test_dates_are_written_in_dutch():
    assert deadlines.dutch_date(D(2026, 4, 27)) == "27 april 2026"
    assert deadlines.dutch_date(D(2026, 1, 5)) == "5 januari 2026"
    assert deadlines.dutch_date(None) == ""


def test_the_holidays_of_a_year_are_the_dutch_ones_of_that_year():
    days = deadlines.dutch_holidays(2026)
    assert D(2026, 4, 27) in list(days)  # Koningsdag, without asking for the day first
    assert D(2026, 12, 25) in list(days)
    assert {day.year for day in days} == {2026}
    assert not deadlines.is_working_day(D(2026, 4, 27))  # a Monday
    assert deadlines.is_working_day(D(2026, 4, 28))


def test_the_expert_and_contact_deadlines_count_calendar_days_forward():
    assert deadlines.expert_answer_due_after(D(2026, 3, 10)) == D(2026, 3, 17)
    assert deadlines.contact_due_after(D(2026, 3, 10)) == D(2026, 3, 18)


@pytest.mark.django_db
def test_each_deadline_counts_from_the_day_its_step_began(library, today):
    waiting = with_status(make_loan(library["first"]), S.WAITING_FOR_EXPERT, D(2026, 3, 2))
    matched = with_status(make_loan(library["first"]), S.MATCHED, D(2026, 3, 3))
    assert deadlines.expert_answer_due(waiting) == D(2026, 3, 9)
    assert deadlines.contact_due(matched) == D(2026, 3, 11)
    # In any other status the step has not begun: it would begin today.
    confirmed = with_status(make_loan(library["first"]), S.CONFIRMED, D(2026, 3, 1))
    assert deadlines.expert_answer_due(confirmed) == D(2026, 3, 17)
    assert deadlines.contact_due(waiting) == D(2026, 3, 18)


@pytest.mark.django_db
def test_what_is_due_next_per_status(library, today):
    received = make_loan(library["first"])
    LoanRequest.objects.filter(pk=received.pk).update(created_at=local_time(2026, 3, 6))
    received.refresh_from_db()  # a Friday: five working days is Friday 13 March
    waiting = with_status(make_loan(library["first"]), S.WAITING_FOR_EXPERT, D(2026, 3, 2))
    matched = with_status(make_loan(library["first"]), S.MATCHED, D(2026, 3, 3))
    assert deadlines.next_due(received) == ("ontvangst bevestigen", D(2026, 3, 13))
    assert deadlines.next_due(waiting) == ("antwoord van de expert", D(2026, 3, 9))
    # After the introduction the desk watches the three weeks until the appointment.
    assert deadlines.next_due(matched) == ("afspraak tussen AIOS en expert", D(2026, 3, 24))
    matched.appointment_at = local_time(2026, 3, 20, 14)
    assert deadlines.next_due(matched) == ("gesprek op 20 maart 2026", D(2026, 3, 20))
    for status in (S.CONFIRMED, S.CONVERSATION_HELD, S.CLOSED):
        assert deadlines.next_due(with_status(make_loan(), status, D(2026, 3, 1))) is None


@pytest.mark.django_db
def test_a_deadline_passes_the_day_after_its_due_date(library, today):
    waiting = with_status(make_loan(library["first"]), S.WAITING_FOR_EXPERT, D(2026, 3, 3))
    due = deadlines.expert_answer_due(waiting)  # 10 March
    assert not deadlines.is_overdue(waiting, due)
    assert deadlines.is_overdue(waiting, due + datetime.timedelta(days=1))
    assert not deadlines.is_overdue(waiting)  # today is the due date
    assert deadlines.overdue_requests(due) == []
    assert deadlines.overdue_requests(D(2026, 3, 11)) == [waiting]
