"""One Dutch date format for every page, e-mail and document: "24 december 2026"."""

from __future__ import annotations

import datetime

from django.utils import dateformat, timezone, translation


def dutch_date(value: datetime.date) -> str:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # the day in the Netherlands, not in UTC
    # The language is fixed: a management command or a task runs without a request's language.
    with translation.override("nl"):
        return dateformat.format(value, "j F Y")
