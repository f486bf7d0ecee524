"""The appointment between resident and expert: recorded by the secretariat at the desk, sent to
both as a calendar invitation (.ics), and reminded of two days before (library.process.reminders).

Only a request that is "Gekoppeld" gets an appointment: before the introduction the two do not
know each other yet, and once the conversation is held there is nothing left to plan.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from cms import networks
from library.models import EmailKind, LoanEvent, LoanRequest, LoanStatus
from library.process.mail import (
    MissingEmailTemplate,
    compose,
    dutch_moment,
    record_unwritten,
    send,
    site_values,
)
from library.self_service import request_link

# The conversation is planned for the Netherlands, whatever the server's clock says.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DURATION = datetime.timedelta(hours=1)
# Further ahead than this is rather a typing error than a plan (and beyond the three weeks).
BOOKABLE_AHEAD = datetime.timedelta(days=92)
# The history notes of this module; their count is the invitation's SEQUENCE, so a changed
# appointment updates the event already in the calendars instead of adding a second one.
NOTE_PREFIX = "Afspraak vastgelegd"


class AppointmentRefused(ValueError):
    """Why an appointment cannot be recorded, in Dutch for the desk."""


def check_appointment(loan: LoanRequest, when: datetime.datetime) -> None:
    if loan.status != LoanStatus.MATCHED or loan.expert is None:
        raise AppointmentRefused(
            "Een afspraak leg je vast bij een aanvraag met de status ‘Gekoppeld’; deze aanvraag "
            f"is ‘{loan.get_status_display()}’."
        )
    if timezone.is_naive(when):
        raise AppointmentRefused("Geef de datum en tijd van de afspraak op.")
    today = timezone.localdate()
    day = when.astimezone(AMSTERDAM).date()
    if day < today:
        raise AppointmentRefused("De datum van de afspraak ligt in het verleden.")
    if day > today + BOOKABLE_AHEAD:
        raise AppointmentRefused("De afspraak ligt meer dan drie maanden vooruit. Klopt de datum?")


def record_appointment(loan: LoanRequest, when: datetime.datetime, user=None) -> list[LoanEvent]:
    """Record the appointment and send resident and expert each their invitation. Returns the
    e-mails' history lines (failed ones can be sent again from the history)."""
    check_appointment(loan, when)
    previous = loan.appointment_at
    with transaction.atomic():
        loan.appointment_at = when
        loan.save(update_fields=["appointment_at"])
        sequence = loan.events.filter(
            kind=LoanEvent.Kind.NOTE, subject__startswith=NOTE_PREFIX
        ).count()
        changed = f" (was {dutch_moment(previous)})" if previous else ""
        loan.events.create(
            user=user,
            kind=LoanEvent.Kind.NOTE,
            subject=f"{NOTE_PREFIX}: {dutch_moment(when)}{changed}",
        )
    # Saved first: a failed e-mail is in the history to send again, the appointment stays.
    return [
        send_invitation(loan, address, for_resident, sequence, user)
        for address, for_resident in ((loan.email, True), (loan.expert.email, False))
    ]


def send_invitation(
    loan: LoanRequest, address: str, for_resident: bool, sequence: int, user=None
) -> LoanEvent:
    """One e-mail per person: each invitation carries only what is for them (the resident's
    personal link to 'Mijn aanvraag' must not reach the expert)."""
    try:
        email = compose(EmailKind.APPOINTMENT, loan, recipients=[address])
    except MissingEmailTemplate as error:
        return record_unwritten(loan, EmailKind.APPOINTMENT, error, user, address)
    email.attachments.append(
        ("afspraak.ics", invitation(loan, for_resident, sequence), "text/calendar")
    )
    return send(loan, email, user)


def invitation(loan: LoanRequest, for_resident: bool, sequence: int = 0) -> bytes:
    """The appointment as an iCalendar file. PUBLISH, not REQUEST: the secretariat made the
    appointment for them, nobody needs to accept it, and there is no organiser to answer to."""
    calendar = Calendar()
    calendar.add("prodid", "-//Expertbibliotheek//Leenbalie//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    # One UID per request: a changed appointment replaces the one already in the calendar.
    event.add("uid", f"aanvraag-{loan.pk}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", loan.appointment_at.astimezone(AMSTERDAM))
    event.add("duration", DURATION)
    expert = loan.expert
    other = expert.expert_name if for_resident else f"{loan.name} (AIOS)"
    event.add("summary", f"Expertbibliotheek: gesprek met {other} over ‘{expert.title}’")
    event.add("description", description(loan, for_resident))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def description(loan: LoanRequest, for_resident: bool) -> str:
    """What the conversation is and how to prepare. Never a phone number: the two were
    introduced by e-mail and share their numbers themselves if they wish."""
    expert = loan.expert
    links = site_values(loan.site)
    lines = [
        f"Gesprek over ‘{expert.title}’ tussen {loan.name} (AIOS) en {expert.expert_name}.",
        f"Vorm van het gesprek: {expert.get_conversation_form_display()}.",
    ]
    if expert.preparation_assignment:
        lines.append(f"Voorbereidende opdracht voor de AIOS: {expert.preparation_assignment}")
    if for_resident:
        address = networks.page_address(expert)
        if address:
            lines.append(f"Het boek en de voorbereiding: {address}")
        lines.append(f"Mijn aanvraag: {request_link.link_for(loan)}")
    else:
        lines.append(f"Instructies voor experts: {links['link_instructies']}")
    return "\n\n".join(lines)
