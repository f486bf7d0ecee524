"""The loan process (library/process/loans.py) in the detail the desk relies on: what each
refusal says, who is recorded for every step and e-mail, what a form stores, which failed
e-mails are sent again and how. Written after `make mutation` showed that the process tests
followed the happy paths and let the rest through; the first test guards the bug that hid
here (`perform` without its needs_expert guard)."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from library.models import (
    EmailTemplate,
    Evaluation,
    LoanEvent,
    LoanFormPage,
    LoanRequest,
    LoanStatus,
)
from library.process import loans
from library.process.loans import IllegalTransition
from tests.factories import make_loan

S = LoanStatus
FORM_URL = "/expertbibliotheek/lenen/"


@pytest.fixture
def staff(db):
    return User.objects.create_user("secretariaat", password="pw")


def statuses(loan) -> list[str]:
    return list(loan.events.filter(kind=LoanEvent.Kind.STATUS).values_list("to_status", flat=True))


def test_a_step_that_needs_a_book_is_refused_without_one(library, staff):
    loan = loans.change_status(make_loan(None), S.CONFIRMED)
    for action in ("ask_expert", "introduce"):
        assert loans.ACTIONS[action].needs_expert
    with pytest.raises(IllegalTransition) as refused:
        loans.perform(loan, "ask_expert", staff)
    assert str(refused.value) == "Kies eerst een boek (expert) voor deze aanvraag."
    loan.refresh_from_db()
    assert loan.status == S.CONFIRMED and statuses(loan) == [S.RECEIVED, S.CONFIRMED]
    assert mail.outbox == []


def test_refusals_name_the_step_and_the_status(library):
    loan = make_loan(library["first"])
    with pytest.raises(IllegalTransition) as unknown:
        loans.perform(loan, "bestaat_niet")
    assert str(unknown.value) == "‘bestaat_niet’ kan niet bij een aanvraag met status ‘Ontvangen’."
    with pytest.raises(IllegalTransition) as too_early:
        loans.perform(loan, "introduce")
    assert str(too_early.value) == (
        "‘AIOS en expert koppelen’ kan niet bij een aanvraag met status ‘Ontvangen’."
    )
    with pytest.raises(IllegalTransition) as direct:
        loans.change_status(loan, S.MATCHED)
    assert str(direct.value) == "Van ‘Ontvangen’ kan een aanvraag niet naar ‘Gekoppeld’."


def test_every_step_and_email_records_who_took_it(library, staff):
    loan = make_loan(library["first"])
    sent = loans.perform(loan, "confirm", staff)
    assert (sent.kind, sent.email_kind, sent.user) == (LoanEvent.Kind.EMAIL_SENT, "receipt", staff)
    for action in ("ask_expert", "introduce", "held"):
        loans.perform(loan, action, staff)
    steps = loan.events.filter(kind=LoanEvent.Kind.STATUS).exclude(to_status=S.RECEIVED)
    assert [(e.to_status, e.user, e.expert) for e in steps] == [
        (status, staff, library["first"])
        for status in (S.CONFIRMED, S.WAITING_FOR_EXPERT, S.MATCHED, S.CONVERSATION_HELD)
    ]
    invitations = loan.events.filter(email_kind__startswith="evaluation_")
    assert [(e.email_kind, e.user) for e in invitations] == [
        ("evaluation_resident", staff),
        ("evaluation_expert", staff),
    ]


def test_a_step_writes_only_the_status_over_a_newer_edit(library):
    loan = make_loan(library["first"])
    LoanRequest.objects.filter(pk=loan.pk).update(phone="06-9999 9999")  # on another screen
    loans.change_status(loan, S.CONFIRMED)
    loans.choose_book(loan, library["second"])
    loan.refresh_from_db()
    assert (loan.phone, loan.status, loan.book_title) == (
        "06-9999 9999",
        S.CONFIRMED,
        "Pijn bij kanker",
    )


def test_registering_without_a_book_and_with_one(library):
    without = loans.register(expert=None, **request_fields())
    assert (without.book_title, without.expert_name) == ("", "")
    with_book = loans.register(expert=library["first"], **request_fields())
    assert (with_book.book_title, with_book.expert_name) == ("Hoop houden", "Bram Jansen")
    received = with_book.events.get()
    assert (received.to_status, received.expert) == (S.RECEIVED, library["first"])


def request_fields(**overrides):
    fields = {
        "name": "Sanne de Boer",
        "email": "sanne@example.org",
        "phone": "06-0000 2222",
        "programme": "huisartsgeneeskunde",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Hoop bespreken.",
    }
    return {**fields, **overrides}


def test_choosing_a_book_records_the_change_and_who_made_it(library, staff):
    loan = make_loan(None)
    loans.choose_book(loan, library["first"], staff)
    loans.choose_book(loan, library["second"], staff)
    notes = loan.events.filter(kind=LoanEvent.Kind.NOTE).order_by("pk")
    assert [(n.subject, n.user) for n in notes] == [
        ("Boek gewijzigd: ‘geen boek’ → ‘Hoop houden’", staff),
        ("Boek gewijzigd: ‘Hoop houden’ → ‘Pijn bij kanker’", staff),
    ]


def test_choosing_a_book_is_refused_after_the_match_and_for_a_hidden_book(library):
    loan = make_loan(library["first"])
    library["second"].unpublish()
    with pytest.raises(IllegalTransition) as hidden:
        loans.choose_book(loan, library["second"])
    assert str(hidden.value) == "Dit boek staat niet (meer) in de bibliotheek."
    for status in (S.CONFIRMED, S.WAITING_FOR_EXPERT, S.MATCHED):
        loans.change_status(loan, status)
    with pytest.raises(IllegalTransition) as matched:
        loans.choose_book(loan, library["first"])
    assert str(matched.value) == "Een ander boek kiezen kan alleen voordat er gekoppeld is."


def test_the_form_stores_every_answer_and_notifies_each_address(client, library):
    form_page = LoanFormPage.objects.get()
    form_page.to_address = "secretariaat@example.org, werkgroep@example.org"
    form_page.subject = ""
    form_page.save_revision().publish()
    data = {
        "expert": str(library["first"].pk),
        "name": "Sanne de Boer",
        "email": "sanne@example.org",
        "phone": "06-0000 2222",
        "programme": "anders",
        "programme_other": "Spoedeisende hulp",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Hoop bespreken bij jonge ouders.",
        "motivation": "Ik vermijd dit gesprek.",
        "consent": "on",
        "website": "",
    }
    response = client.post(FORM_URL, data, follow=True)
    assert response.status_code == 200
    loan = LoanRequest.objects.get()
    stored = {
        name: getattr(loan, name)
        for name in ("name", "email", "phone", "programme", "programme_other", "supervisor")
    }
    assert stored == {name: data[name] for name in stored}
    assert (loan.learning_goals, loan.motivation) == (data["learning_goals"], data["motivation"])
    assert "website" not in loan.submission.form_data  # the honeypot is no answer
    notified = loan.events.get(email_kind="form_notification")
    assert notified.recipients == "secretariaat@example.org, werkgroep@example.org"
    assert notified.subject == "Nieuwe leenaanvraag"  # the page has no subject of its own
    assert mail.outbox[-1].to == ["secretariaat@example.org", "werkgroep@example.org"]
    form_page.subject = "Aanvraag via de site"
    form_page.save_revision().publish()
    client.post(FORM_URL, {**data, "email": "tweede@example.org"})
    assert mail.outbox[-1].subject == "Aanvraag via de site"


def test_only_a_failed_email_is_sent_again_to_each_address_by_whoever_asks(library, staff):
    loan = make_loan(library["first"])
    with pytest.raises(IllegalTransition) as refused:
        loans.retry_email(loans.perform(loan, "confirm"))
    assert str(refused.value) == "Alleen een mislukte e-mail kan opnieuw worden verstuurd."
    failed = LoanEvent.objects.create(
        request=loan,
        kind=LoanEvent.Kind.EMAIL_FAILED,
        email_kind="receipt",
        recipients="sanne@example.org, mentor@example.org",
        subject="Ontvangen",
        body="",  # an e-mail whose text was empty: sent again as it was
        error="SMTP-server onbereikbaar",
    )
    again = loans.retry_email(failed, staff)
    assert (again.kind, again.email_kind, again.user) == (
        LoanEvent.Kind.EMAIL_SENT,
        "receipt",
        staff,
    )
    assert mail.outbox[-1].to == ["sanne@example.org", "mentor@example.org"]
    assert not Evaluation.objects.exists()


def test_an_invitation_that_could_not_be_written_is_sent_once_the_email_exists(library, staff):
    loan = make_loan(library["first"])
    for action in ("confirm", "ask_expert", "introduce"):
        loans.perform(loan, action)
    EmailTemplate.objects.filter(kind="evaluation_expert").delete()
    loans.perform(loan, "held", staff)
    unwritten = loan.events.get(kind=LoanEvent.Kind.EMAIL_FAILED)
    assert (unwritten.email_kind, unwritten.body) == ("evaluation_expert", "")
    EmailTemplate.objects.create(
        kind="evaluation_expert", subject="Evaluatie", body="Vul in: {link_evaluatie}"
    )
    sent = loans.retry_email(unwritten, staff)
    assert (sent.kind, sent.email_kind, sent.user) == (
        LoanEvent.Kind.EMAIL_SENT,
        "evaluation_expert",
        staff,
    )
    assert sent.recipients == "bram@example.org" and "/evaluatie/" in sent.body
    assert Evaluation.objects.filter(request=loan).count() == 2
    with pytest.raises(IllegalTransition) as twice:
        loans.retry_email(unwritten, staff)
    assert str(twice.value) == "Deze uitnodiging voor de evaluatie is al verstuurd."
