"""The loan process's deadlines, in working days where the toolkit says so.

Weekends and Dutch public holidays (from the maintained `holidays` package) are not working
days. Every due date lives here: the rules by date (`*_due_after`, for the reports), a
request's due dates (`*_due`, `next_due`, `is_overdue`, `overdue_requests`, for the desk, the
e-mails and the reminders) and how a date is written (`dutch_date`). This module imports only
the models, so the process modules (loans, mail, reminders) and the loan form can all use it.
"""

from __future__ import annotations

import datetime
from functools import cache

import holidays
from django.utils import timezone
from django.utils.formats import date_format

from library.models.loans import LoanRequest, LoanStatus

CONFIRM_WITHIN_WORKING_DAYS = 5
EXPERT_ANSWERS_WITHIN_DAYS = 7
# After the expert's "yes" by link, the introduction is the secretariat's next step.
INTRODUCE_WITHIN_WORKING_DAYS = 2
CONTACT_WITHIN_DAYS = 8
CONVERSATION_WITHIN_DAYS = 21

S = LoanStatus


def dutch_date(day: datetime.date | None) -> str:
    return date_format(day, "j F Y") if day else ""


# --- working days ---


@cache
def dutch_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


# --- the rules, from the day a step began ---


def confirm_due_after(received_on: datetime.date) -> datetime.date:
    return add_working_days(received_on, CONFIRM_WITHIN_WORKING_DAYS)


def expert_answer_due_after(asked_on: datetime.date) -> datetime.date:
    return asked_on + datetime.timedelta(days=EXPERT_ANSWERS_WITHIN_DAYS)


def contact_due_after(matched_on: datetime.date) -> datetime.date:
    return matched_on + datetime.timedelta(days=CONTACT_WITHIN_DAYS)


# --- a request's due dates ---


def changed_on(loan: LoanRequest) -> datetime.date:
    return timezone.localdate(loan.status_changed_at)


def confirm_due(loan: LoanRequest) -> datetime.date:
    return confirm_due_after(timezone.localdate(loan.created_at))


def expert_answer_due(loan: LoanRequest) -> datetime.date:
    start = changed_on(loan) if loan.status == S.WAITING_FOR_EXPERT else timezone.localdate()
    return expert_answer_due_after(start)


def introduce_due(loan: LoanRequest) -> datetime.date:
    return add_working_days(changed_on(loan), INTRODUCE_WITHIN_WORKING_DAYS)


def contact_due(loan: LoanRequest) -> datetime.date:
    start = changed_on(loan) if loan.status == S.MATCHED else timezone.localdate()
    return contact_due_after(start)


def appointment_due(loan: LoanRequest) -> tuple[str, datetime.date]:
    """After the introduction the desk watches the three-week window: the appointment is due
    within it (the 8-day contact rule is the resident's, told in the receipt, and reported by
    them). Once an appointment is recorded, the conversation is due on its day: the day after,
    a request still "Gekoppeld" is overdue, since nobody marked the conversation held."""
    if loan.appointment_at is not None:
        day = timezone.localdate(loan.appointment_at)
        return (f"gesprek op {dutch_date(day)}", day)
    start = changed_on(loan) if loan.status == S.MATCHED else timezone.localdate()
    due = start + datetime.timedelta(days=CONVERSATION_WITHIN_DAYS)
    return ("afspraak tussen AIOS en expert", due)


def next_due(loan: LoanRequest) -> tuple[str, datetime.date] | None:
    """What must happen next and by when, or None when nothing is due from the desk."""
    if loan.status == S.RECEIVED:
        return ("ontvangst bevestigen", confirm_due(loan))
    if loan.status == S.CONFIRMED and loan.waits_until and loan.expert_id:
        # The resident waits for an absent expert: ask them the day they are back (at once
        # when the cover no longer says when).
        back = loan.expert.absent_until
        day = back + datetime.timedelta(days=1) if back else changed_on(loan)
        return ("expert vragen na de afwezigheid", day)
    if loan.status == S.WAITING_FOR_EXPERT:
        return ("antwoord van de expert", expert_answer_due(loan))
    if loan.status == S.EXPERT_AGREED:
        return ("kennismaking versturen", introduce_due(loan))
    if loan.status == S.MATCHED:
        return appointment_due(loan)
    return None


def is_overdue(loan: LoanRequest, today: datetime.date | None = None) -> bool:
    due = next_due(loan)
    return due is not None and due[1] < (today or timezone.localdate())


def overdue_requests(today: datetime.date | None = None) -> list[LoanRequest]:
    candidates = LoanRequest.objects.filter(
        status__in=[S.RECEIVED, S.WAITING_FOR_EXPERT, S.EXPERT_AGREED, S.MATCHED]
    )
    return [loan for loan in candidates if is_overdue(loan, today)]
