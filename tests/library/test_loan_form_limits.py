"""What the loan form refuses: line breaks in one-line fields (a forged "Bcc:" line), and more
requests than the limits allow, also when they arrive at the same moment."""

import re
import threading

import pytest
from django.core import mail
from django.test import Client

from library.models import LoanFormPage, LoanRequest
from tests.library.test_loans import form_data

URL = "/expertbibliotheek/lenen/"


def errors_of(response) -> dict:
    """The form's errors; none when it redirected to the thank-you page."""
    form = (response.context or {}).get("form")
    return dict(form.errors) if form is not None else {}


@pytest.mark.parametrize("field", ["name", "phone", "supervisor", "programme_other"])
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\u2028", "\x85"])
def test_one_line_fields_refuse_line_breaks(client, library, field, line_break):
    forged = f"Sanne{line_break}Bcc: spion@example.net"
    extra = {"programme": "anders", "programme_other": "Ouderengeneeskunde"}
    response = client.post(URL, form_data(library["first"].pk, **{**extra, field: forged}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[field] == ["Dit veld past op één regel: haal de regelovergang (Enter) weg."]
    assert not LoanRequest.objects.exists()
    assert not any("spion@example.net" in message.body for message in mail.outbox)


def test_the_desk_refuses_line_breaks_too(library):
    from django.core.exceptions import ValidationError

    from tests.factories import make_loan

    loan = make_loan(library["first"])
    loan.supervisor = "Dr. Visser\nBcc: spion@example.net"
    with pytest.raises(ValidationError) as refused:
        loan.full_clean()
    assert "supervisor" in refused.value.message_dict


def test_long_texts_keep_their_line_breaks(client, library):
    response = client.post(
        URL, form_data(library["first"].pk, learning_goals="Eerste doel.\nTweede doel.")
    )
    assert response.status_code == 303
    assert LoanRequest.objects.get().learning_goals == "Eerste doel.\nTweede doel."


def test_three_requests_per_address_per_hour(client, library):
    statuses = []
    for number in range(4):
        response = client.post(URL, form_data(library["first"].pk, name=f"Sanne {number}"))
        statuses.append("email" in errors_of(response))
    assert statuses == [False, False, False, True]
    assert LoanRequest.objects.count() == 3


def test_an_invalid_request_uses_no_slot(client, library):
    for _ in range(5):
        client.post(URL, form_data(library["first"].pk, consent=""))
    client.post(URL, form_data(library["first"].pk))
    assert LoanRequest.objects.count() == 1


def test_per_visitor_limit_also_behind_the_proxy(library, settings):
    settings.LOAN_FORM_LIMIT_PER_ADDRESS = 2
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def post(number: int, visitor: str):
        meta = {**proxy, "HTTP_X_FORWARDED_FOR": f"198.51.100.{number}, {visitor}"}
        data = form_data(library["first"].pk, email=f"aios{number}@example.org")
        return Client().post(URL, data, **meta)

    refusals = ["__all__" in errors_of(post(n, "203.0.113.9")) for n in range(3)]
    # The forged first entry changes every time; the address the proxy saw does not.
    assert refusals == [False, False, True]
    assert "Vanaf dit netwerk zijn het afgelopen uur al veel aanvragen" in str(
        post(9, "203.0.113.9").content.decode()
    )
    # Another visitor behind the same proxy is not affected.
    assert not errors_of(post(4, "203.0.113.10"))
    assert LoanRequest.objects.count() == 3


def test_parallel_requests_never_pass_the_limit(library):
    """Ten requests with one e-mail address validated at the same moment: three pass."""
    page = LoanFormPage.objects.get()
    forms = []
    for number in range(10):
        form = page.get_form(form_data(library["first"].pk, name=f"Sanne {number}"), page=page)
        form.visitor_address = f"203.0.113.{number}"
        forms.append(form)
    start = threading.Barrier(len(forms))
    results = []

    def validate(form):
        start.wait()
        results.append(form.is_valid())

    threads = [threading.Thread(target=validate, args=(form,)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 10
    assert results.count(True) == 3


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c", "\u200b", "\ufeff"])
def test_invisible_direction_marks_are_refused(client, library, mark):
    response = client.post(URL, form_data(library["first"].pk, name=f"Sanne{mark} de Boer"))
    assert "name" in errors_of(response)
    assert not LoanRequest.objects.exists()


@pytest.mark.parametrize(
    "spellings",
    [
        ["rl@aios.example", "RL@AIOS.EXAMPLE", " rl@Aios.Example ", '"rl"@aios.example'],
        [
            "q@bücher.example",
            "q@xn--bcher-kva.example",
            "q@bu\u0308cher.example",
            "q@ｂücher.example",
        ],
    ],
)
def test_one_mailbox_counts_once_however_it_is_spelled(client, library, spellings):
    refused = []
    for number, address in enumerate(spellings):
        data = form_data(library["first"].pk, email=address, name=f"Sanne {number}")
        refused.append("email" in errors_of(client.post(URL, data, REMOTE_ADDR=f"10.1.0.{number}")))
    assert refused == [False, False, False, True]


def test_a_line_break_in_the_notification_subject_does_not_stop_the_notification(client, library):
    from django.core import mail as outbox

    page = LoanFormPage.objects.get()
    page.to_address = "secretariaat@example.org"
    page.subject = "Nieuwe aanvraag\r\nBcc: spion@example.net"
    page.save_revision().publish()
    client.post(URL, form_data(library["first"].pk))
    notification = next(m for m in outbox.outbox if m.to == ["secretariaat@example.org"])
    assert notification.subject == "Nieuwe aanvraag Bcc: spion@example.net"
    assert "spion@example.net" not in notification.bcc


def test_a_phone_fills_in_name_email_and_number(client, library):
    html = client.get(URL).content.decode()
    assert re.search(r'<input type="text" name="name"[^>]*autocomplete="name"', html)
    assert re.search(r'<input type="email" name="email"[^>]*autocomplete="email"', html)
    assert re.search(r'<input type="tel" name="phone"[^>]*autocomplete="tel"', html)
