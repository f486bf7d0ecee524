"""The appointment and the three-week window (issue 17): the desk records the appointment,
resident and expert each get a calendar invitation, a reminder goes out two days before, and a
request without an appointment three weeks after the introduction is overdue."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from cms import roles
from library.models import LoanRequest, LoanStatus
from library.process import deadlines, reminders
from library.self_service import request_link
from tests.factories import local_time, make_loan, user_in_group

S = LoanStatus
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EXPERT_PHONE = "06-0000 1111"  # make_expert's default
RESIDENT_PHONE = "06-0000 2222"  # tests.factories.RESIDENT


@pytest.fixture
def desk(client, db):
    client.force_login(user_in_group(roles.SECRETARIAT))
    return client


@pytest.fixture
def matched(library):
    loan = make_loan(library["first"], phone=RESIDENT_PHONE)
    LoanRequest.objects.filter(pk=loan.pk).update(
        status=S.MATCHED, status_changed_at=timezone.now()
    )
    loan.refresh_from_db()
    return loan


def url(loan) -> str:
    return f"/admin/leenbalie/{loan.pk}/afspraak/"


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def post(client, loan, day: datetime.date, time: str = "14:30"):
    return client.post(url(loan), {"date": day.isoformat(), "time": time}, follow=True)


def invitation(message) -> Calendar:
    """The one calendar attachment of an e-mail, parsed."""
    calendars = [a for a in message.attachments if a[2].startswith("text/calendar")]
    assert len(calendars) == 1, message.attachments
    content = calendars[0][1]
    return Calendar.from_ical(content.encode() if isinstance(content, str) else content)


def event_of(calendar: Calendar):
    (event,) = calendar.walk("VEVENT")
    return event


# --- recording at the desk ------------------------------------------------------------------


def test_the_desk_records_the_appointment_and_both_get_an_invitation(desk, matched):
    day = in_days(10)
    response = post(desk, matched, day)
    assert "De afspraak is vastgelegd" in response.content.decode()
    matched.refresh_from_db()
    wanted = datetime.datetime.combine(day, datetime.time(14, 30), tzinfo=AMSTERDAM)
    assert matched.appointment_at == wanted
    assert matched.events.filter(subject__startswith="Afspraak vastgelegd").count() == 1

    assert len(mail.outbox) == 2
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    resident, expert = by_recipient[("sanne@example.org",)], by_recipient[("bram@example.org",)]
    for message in (resident, expert):
        calendar = invitation(message)
        assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
        assert calendar.walk("VTIMEZONE"), "a time zone for calendars that do not know it"
        event = event_of(calendar)
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert start.replace(tzinfo=None) == datetime.datetime.combine(day, datetime.time(14, 30))
        assert start == wanted
        assert event.decoded("DURATION") == datetime.timedelta(hours=1)
        assert str(event["UID"]) == f"aanvraag-{matched.pk}@127.0.0.1"
    resident_text = str(event_of(invitation(resident))["DESCRIPTION"])
    expert_text = str(event_of(invitation(expert))["DESCRIPTION"])
    assert matched.expert.get_conversation_form_display() in resident_text

    # The resident's own link to 'Mijn aanvraag', and only the resident gets it.
    link = re.search(r"Mijn aanvraag: (\S+)", resident_text)
    assert link, resident_text
    token = link[1].rstrip("/").rsplit("/", 1)[-1]
    assert request_link.LINK.open(token) == {"r": matched.pk}
    assert link[1].split(token)[0] in request_link.link_for(matched)
    assert "Mijn aanvraag" not in expert_text
    assert "Instructies voor experts" in expert_text
    # Nobody gets the other's phone number.
    assert EXPERT_PHONE not in resident_text and EXPERT_PHONE not in resident.body
    assert RESIDENT_PHONE not in expert_text and RESIDENT_PHONE not in expert.body


def test_a_changed_appointment_updates_the_same_event(desk, matched):
    post(desk, matched, in_days(10))
    post(desk, matched, in_days(12), "09:00")
    first, second = (event_of(invitation(message)) for message in mail.outbox[::2])
    assert first["UID"] == second["UID"]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert second.decoded("DTSTART").date() == in_days(12)


@pytest.mark.parametrize(
    ("days", "message"),
    [(-1, "in het verleden"), (100, "meer dan drie maanden vooruit")],
)
def test_a_date_out_of_range_is_refused(desk, matched, days, message):
    response = post(desk, matched, in_days(days))
    assert message in response.content.decode()
    matched.refresh_from_db()
    assert matched.appointment_at is None
    assert mail.outbox == []


def test_only_a_matched_request_gets_an_appointment(desk, library):
    loan = make_loan(library["first"])  # "Ontvangen"
    response = post(desk, loan, in_days(5))
    assert "met de status ‘Gekoppeld’" in response.content.decode()
    loan.refresh_from_db()
    assert loan.appointment_at is None
    assert mail.outbox == []


def test_the_inspect_page_offers_the_form_only_when_matched(desk, matched, library):
    page = desk.get(f"/admin/leenbalie/inspect/{matched.pk}/").content.decode()
    assert "Afspraak vastleggen" in page and f'action="{url(matched)}"' in page
    other = make_loan(library["first"])
    assert (
        "Afspraak vastleggen"
        not in desk.get(f"/admin/leenbalie/inspect/{other.pk}/").content.decode()
    )


def test_editors_may_not_record_an_appointment(client, matched):
    client.force_login(user_in_group(roles.EDITORS))
    assert client.get(url(matched)).status_code == 403
    response = client.post(url(matched), {"date": in_days(5).isoformat(), "time": "10:00"})
    assert response.status_code == 403
    matched.refresh_from_db()
    assert matched.appointment_at is None
    assert mail.outbox == []


# --- the three-week window --------------------------------------------------------------------


def introduced_on(loan, day: datetime.date):
    LoanRequest.objects.filter(pk=loan.pk).update(
        status=S.MATCHED, status_changed_at=local_time(day.year, day.month, day.day)
    )
    loan.refresh_from_db()
    return loan


def test_without_an_appointment_three_weeks_after_the_introduction_is_overdue(library):
    introduction = datetime.date(2026, 3, 2)
    loan = introduced_on(make_loan(library["first"]), introduction)
    assert deadlines.next_due(loan)[0] == "afspraak tussen AIOS en expert"
    assert not deadlines.is_overdue(loan, introduction + datetime.timedelta(days=20))
    assert not deadlines.is_overdue(loan, introduction + datetime.timedelta(days=21))
    assert deadlines.is_overdue(loan, introduction + datetime.timedelta(days=22))
    assert loan in deadlines.overdue_requests(introduction + datetime.timedelta(days=22))


def test_with_an_appointment_it_is_overdue_only_the_day_after(library):
    introduction = datetime.date(2026, 3, 2)
    loan = introduced_on(make_loan(library["first"]), introduction)
    loan.appointment_at = local_time(2026, 3, 30, 15)  # beyond the three weeks: agreed later
    loan.save(update_fields=["appointment_at"])
    assert deadlines.next_due(loan) == ("gesprek op 30 maart 2026", datetime.date(2026, 3, 30))
    assert not deadlines.is_overdue(loan, datetime.date(2026, 3, 24))
    assert not deadlines.is_overdue(loan, datetime.date(2026, 3, 30))
    assert deadlines.is_overdue(loan, datetime.date(2026, 3, 31))


def test_a_new_appointment_is_a_new_deadline_for_the_digest(library):
    loan = introduced_on(make_loan(library["first"]), datetime.date(2026, 3, 2))
    before = reminders.overdue_key(loan)
    loan.appointment_at = local_time(2026, 3, 30, 15)
    with_appointment = reminders.overdue_key(loan)
    loan.appointment_at = local_time(2026, 4, 2, 15)
    assert len({before, with_appointment, reminders.overdue_key(loan)}) == 3


# --- the reminder two days before -------------------------------------------------------------


def test_the_reminder_goes_out_two_days_before_once(desk, matched):
    day = in_days(10)
    post(desk, matched, day)
    mail.outbox.clear()
    subject = "Over twee dagen"

    def reminded():
        return [message for message in mail.outbox if message.subject.startswith(subject)]

    reminders.send_reminders(day - datetime.timedelta(days=3))
    assert reminded() == []
    run = reminders.send_reminders(day - datetime.timedelta(days=2))
    assert run.appointments == [matched]
    assert sorted(message.to[0] for message in reminded()) == [
        "bram@example.org",
        "sanne@example.org",
    ]
    assert reminders.send_reminders(day - datetime.timedelta(days=2)).appointments == []
    assert reminders.send_reminders(day - datetime.timedelta(days=1)).appointments == []
    assert len(reminded()) == 2
    # Not a reflection reminder: that one is still to come after the conversation.
    assert not matched.reminders.filter(kind="reflection").exists()
