"""The loan process's deadlines, in working days where the toolkit says so.

Weekends and Dutch public holidays (from the maintained `holidays` package) are not working
days.
"""

from __future__ import annotations

import datetime
from functools import cache

import holidays

CONFIRM_WITHIN_WORKING_DAYS = 5
EXPERT_ANSWERS_WITHIN_DAYS = 7
CONTACT_WITHIN_DAYS = 8
CONVERSATION_WITHIN_DAYS = 21


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


def confirm_due(received_on: datetime.date) -> datetime.date:
    return add_working_days(received_on, CONFIRM_WITHIN_WORKING_DAYS)


def expert_answer_due(asked_on: datetime.date) -> datetime.date:
    return asked_on + datetime.timedelta(days=EXPERT_ANSWERS_WITHIN_DAYS)
