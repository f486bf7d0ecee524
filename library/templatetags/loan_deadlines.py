"""The loan process's deadlines for templates, so no page repeats a number of its own.

{% load loan_deadlines %}{% loan_deadlines as deadline %}
binnen {{ deadline.confirm_working_days }} werkdagen
"""

from __future__ import annotations

from types import SimpleNamespace

from django import template

from library.process import deadlines

register = template.Library()


@register.simple_tag
def loan_deadlines() -> SimpleNamespace:
    # Read at render time, not import time: library/process/deadlines.py is the one source.
    return SimpleNamespace(
        confirm_working_days=deadlines.CONFIRM_WITHIN_WORKING_DAYS,
        expert_answer_days=deadlines.EXPERT_ANSWERS_WITHIN_DAYS,
        contact_days=deadlines.CONTACT_WITHIN_DAYS,
        conversation_days=deadlines.CONVERSATION_WITHIN_DAYS,
    )


WEEKS = {1: "een week", 2: "twee weken", 3: "drie weken", 4: "vier weken"}


@register.filter
def period(days: int) -> str:
    """21 → "drie weken", 7 → "een week", 8 → "8 dagen": as the process says it to people."""
    weeks, rest = divmod(days, 7)
    return WEEKS[weeks] if not rest and weeks in WEEKS else f"{days} dagen"
