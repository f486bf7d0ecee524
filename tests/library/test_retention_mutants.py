"""Personal data (library/process/retention.py) in full detail: every field of the export,
every trace anonymising must remove, who did it, and which requests belong to the resident.
Written after `make mutation` showed that the purge and erase tests checked the name, the
address and the e-mail body, but not the rest of what the AVG asks for."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import (
    Evaluation,
    LoanEvent,
    LoanFormPage,
    LoanFormSubmission,
    LoanProcessSettings,
    LoanRequest,
    LoanStatus,
)
from library.process import retention
from tests.factories import first_network, local_time, make_loan, make_loan_with_history

S = LoanStatus
EXPORTED = "Gegevens van de AIOS geëxporteerd (inzageverzoek)"


@pytest.fixture
def staff(db):
    return User.objects.create_user("secretariaat", password="pw")


def email_event(loan, kind=LoanEvent.Kind.EMAIL_SENT, email_kind="receipt", **fields):
    return LoanEvent.objects.create(
        request=loan,
        kind=kind,
        email_kind=email_kind,
        recipients=loan.email,
        subject=f"Beste {loan.name}",
        body=f"Beste {loan.name}, ...",
        **fields,
    )


def with_submission(loan):
    loan.submission = LoanFormSubmission.objects.create(
        page=LoanFormPage.objects.get(),
        form_data={"name": loan.name, "email": loan.email, "programme": loan.programme},
    )
    loan.save(update_fields=["submission"])
    return loan


def test_anonymise_removes_every_trace_and_says_who_did_it(library, staff):
    loan = make_loan(library["first"], programme="anders", programme_other="Spoedeisende hulp")
    email_event(loan, email_kind="receipt")
    email_event(
        loan,
        kind=LoanEvent.Kind.EMAIL_FAILED,
        email_kind="introduction",
        error="550 <sanne@example.org>: onbekende ontvanger",
    )
    email_event(loan, email_kind="een-oude-soort")  # a kind that no longer exists
    retention.anonymise(loan, "testreden", user=staff)
    loan.refresh_from_db()
    assert (loan.name, loan.email, loan.phone, loan.motivation, loan.programme_other) == (
        retention.REMOVED,
        "",
        "",
        "",
        "",
    )
    emails = loan.events.filter(kind__in=retention.EMAIL_EVENTS).order_by("pk")
    assert [(e.subject, e.recipients, e.body, e.error) for e in emails] == [
        ("Ontvangstbevestiging (aan AIOS)", "", "", ""),
        ("Kennismaking (aan AIOS en expert)", "", "", ""),
        ("E-mail", "", "", ""),
    ]
    note = loan.events.last()
    assert (note.kind, note.user, note.subject) == (
        LoanEvent.Kind.NOTE,
        staff,
        "Persoonsgegevens verwijderd: testreden",
    )


def test_unknown_email_kind_is_just_an_email():
    assert retention.email_subject("receipt") == "Ontvangstbevestiging (aan AIOS)"
    assert retention.email_subject("bestaat-niet") == "E-mail"


def test_export_holds_every_field_and_is_recorded(library, staff):
    loan = with_submission(make_loan(library["first"]))
    LoanRequest.objects.filter(pk=loan.pk).update(created_at=local_time(2026, 2, 3, 9))
    loan.refresh_from_db()
    sent = email_event(loan)
    Evaluation.objects.create(
        request=loan,
        role=Evaluation.Role.RESIDENT,
        usefulness=4,
        preparation_minutes=20,
        conversation_minutes=45,
        would_recommend=True,
        answered_at=local_time(2026, 3, 1, 10),
        comments="Heel leerzaam.",
    )
    Evaluation.objects.create(request=loan, role=Evaluation.Role.EXPERT)  # not answered
    data = retention.export_resident(loan, user=staff)
    assert set(data) == {"geexporteerd_op", "aanvragen"}
    [item] = data["aanvragen"]
    received = loan.events.get(kind=LoanEvent.Kind.STATUS)
    assert item == {
        "ontvangen_op": "2026-02-03T08:00:00+00:00",
        "naam": "Sanne de Boer",
        "e-mailadres": "sanne@example.org",
        "telefoon": "06-0000 2222",
        "opleiding": "Huisartsgeneeskunde",
        "andere_opleiding": "",
        "opleider": "Dr. P. Visser",
        "leerdoelen": "Hoop bespreken.",
        "motivatie": "Ik vermijd dit gesprek.",
        "toestemming_gegeven_op": loan.consent_at.isoformat(),
        "boek": "Hoop houden",
        "expert": "Bram Jansen",
        "status": "Ontvangen",
        "formulier": {
            "name": "Sanne de Boer",
            "email": "sanne@example.org",
            "programme": "huisartsgeneeskunde",
        },
        "geschiedenis": [
            {"wanneer": received.at.isoformat(), "wat": "— → Ontvangen", "aan": "", "tekst": ""},
            {
                "wanneer": sent.at.isoformat(),
                "wat": "E-mail verstuurd: Beste Sanne de Boer",
                "aan": "sanne@example.org",
                "tekst": "Beste Sanne de Boer, ...",
            },
        ],
        "evaluaties": [
            {
                "door": "AIOS",
                "ingevuld_op": "2026-03-01T09:00:00+00:00",
                "nut": 4,
                "voorbereiding_minuten": 20,
                "gesprek_minuten": 45,
                "zou_aanraden": True,
                "toelichting": "Heel leerzaam.",
            },
            {
                "door": "Expert",
                "ingevuld_op": None,
                "nut": None,
                "voorbereiding_minuten": None,
                "gesprek_minuten": None,
                "zou_aanraden": None,
                "toelichting": "",
            },
        ],
        "reflectieverslag": None,  # none handed in (tests/library/test_reflections.py)
    }
    recorded = loan.events.last()
    assert (recorded.kind, recorded.user, recorded.subject) == (
        LoanEvent.Kind.NOTE,
        staff,
        EXPORTED,
    )
    # Without a form submission there is no form to hand out.
    other = make_loan(library["second"], email="ander@example.org")
    assert retention.export_resident(other)["aanvragen"][0]["formulier"] is None


def test_export_takes_as_many_queries_for_one_request_as_for_three(library):
    def exported_queries(count: int) -> int:
        email = f"aios{count}@example.org"
        for _ in range(count):
            loan = with_submission(make_loan(library["first"], email=email))
            email_event(loan)
            Evaluation.objects.create(request=loan, role=Evaluation.Role.EXPERT)
        with CaptureQueriesContext(connection) as queries:
            data = retention.export_resident(loan)
        assert len(data["aanvragen"]) == count
        return len(queries)

    assert exported_queries(3) == exported_queries(1)


def test_the_residents_requests_are_those_not_yet_anonymised(library):
    first = make_loan(library["first"])
    second = make_loan(library["second"])
    make_loan(library["second"], email="iemand-anders@example.org")
    assert set(retention.requests_of_resident(second)) == {first, second}
    retention.anonymise(first, "test")
    assert list(retention.requests_of_resident(second)) == [second]
    # A request without a resident key (from before the keys) stands alone.
    LoanRequest.objects.filter(pk=second.pk).update(resident_key="")
    second.refresh_from_db()
    assert list(retention.requests_of_resident(second)) == [second]


def test_erasing_records_who_did_it(library, staff):
    open_request = make_loan(library["first"])
    retention.erase_resident(open_request, user=staff)
    withdrawn, note = open_request.events.order_by("pk")[1:]
    assert (withdrawn.to_status, withdrawn.user) == (S.WITHDRAWN, staff)
    assert (note.user, note.subject) == (
        staff,
        "Persoonsgegevens verwijderd: op verzoek van de AIOS gewist",
    )


def test_purge_uses_the_moment_it_is_given_and_names_the_period(library):
    settings = LoanProcessSettings.for_site(first_network())
    settings.retention_months = 6
    settings.save()
    closed = make_loan_with_history(
        library["first"], local_time(2026, 1, 5), [(S.WITHDRAWN, local_time(2026, 1, 6))]
    )
    now = local_time(2026, 8, 1)
    (result,) = retention.purge_personal_data(now=now)
    assert result.cutoff == local_time(2026, 2, 1)
    assert result.requests == [closed] and not result.dry_run
    assert closed.events.last().subject == (
        "Persoonsgegevens verwijderd: bewaartermijn van 6 maanden na afsluiten verstreken"
    )
