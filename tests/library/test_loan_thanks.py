"""The thank-you page after a loan request: its own address (post/redirect/get), the book and
what happens next for the browser that sent it, nothing personal for anyone else, and never
from or into the page cache."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cms import roles
from library.models import LoanFormSubmission, LoanRequest
from library.process import deadlines
from tests.cms.test_page_cache import get
from tests.factories import user_in_group
from tests.library.test_loans import FORM_URL, form_data

THANKS_URL = f"{FORM_URL}bedankt/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def counts() -> tuple[int, int]:
    return LoanRequest.objects.count(), LoanFormSubmission.objects.count()


def test_a_sent_form_redirects_to_its_own_thank_you_address(client, library):
    response = client.post(FORM_URL, form_data(library["first"].pk))
    assert response.status_code == 303
    assert response["Location"] == THANKS_URL
    assert counts() == (1, 1)


def test_reloading_the_thank_you_page_sends_nothing_again(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    first = client.get(THANKS_URL)
    again = client.get(THANKS_URL)
    assert first.status_code == again.status_code == 200
    for page in (first, again):
        assert "Je vraagt om het boek <b>Hoop houden</b>" in page.content.decode()
    assert counts() == (1, 1)


def test_the_thank_you_page_names_the_book_the_expert_and_the_next_steps(
    client, library, monkeypatch
):
    monkeypatch.setattr(deadlines, "EXPERT_ANSWERS_WITHIN_DAYS", 9)
    client.post(FORM_URL, form_data(library["first"].pk))
    html = client.get(THANKS_URL).content.decode()
    loan = LoanRequest.objects.get()
    assert "Bedankt, je aanvraag is verstuurd" in html
    assert "Je vraagt om het boek <b>Hoop houden</b>, met expert Bram Jansen." in html
    confirm_by = deadlines.dutch_date(
        deadlines.confirm_due_after(timezone.localdate(loan.created_at))
    )
    assert f"bevestigt je aanvraag uiterlijk <b>{confirm_by}</b>" in html
    assert "de expert antwoordt binnen 9 dagen" in html
    # The resident follows it from here, through their own personal link (signed with the
    # time, so compared by what it opens rather than character by character).
    link = re.search(r'href="(/mijn-aanvraag/[^"/]+/)"', html).group(1)
    assert client.get(link).context["loan"] == loan


def test_the_link_on_the_thank_you_page_opens_my_request(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    token = client.get(THANKS_URL).context["my_request_token"]
    page = client.get(f"/mijn-aanvraag/{token}/")
    assert page.status_code == 200 and page.context["loan"] == loan


def test_another_visitor_sees_only_the_general_thank_you(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    assert LoanRequest.objects.count() == 1  # the request exists; the stranger sees none of it
    stranger = Client().get(THANKS_URL)
    html = stranger.content.decode()
    assert stranger.status_code == 200
    assert "Wat gebeurt er nu?" in html and 'href="/mijn-aanvraag/"' in html
    assert "Hoop houden" not in html and "Bram Jansen" not in html
    assert not re.search(r"/mijn-aanvraag/[^\"/]+/", html)  # no personal link at all
    assert "my_request_token" not in stranger.context


def test_a_forged_session_value_names_no_request(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    session = client.session
    session["library.loan_form.sent_submission"] = str(LoanFormSubmission.objects.get().pk)
    session.save()
    assert "Hoop houden" not in client.get(THANKS_URL).content.decode()


def test_a_second_request_shows_its_own_book(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    client.post(FORM_URL, form_data(library["second"].pk))
    html = client.get(THANKS_URL).content.decode()
    assert library["second"].title in html and "Hoop houden" not in html


def test_a_bot_gets_the_general_thank_you_and_nothing_is_stored(client, library):
    response = client.post(FORM_URL, form_data(library["first"].pk, website="http://spam"))
    assert response.status_code == 303 and response["Location"] == THANKS_URL
    html = client.get(THANKS_URL).content.decode()
    assert "Bedankt" in html and "Hoop houden" not in html
    assert counts() == (0, 0)


def test_the_thank_you_page_is_never_cached(library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    response = visitor.get(THANKS_URL)
    assert "no-store" in response["Cache-Control"]
    # The general page too: a cached copy would be served to the resident who just sent one.
    assert [get(visitor, THANKS_URL)[:2] for _ in range(2)] == [(200, None), (200, None)]


def test_the_form_itself_still_answers_at_its_address(client, library):
    response = client.get(FORM_URL, {"expert": library["first"].pk})
    assert response.status_code == 200
    assert f'<option value="{library["first"].pk}" selected>' in response.content.decode()


def test_the_landing_preview_still_shows_the_thank_you_page(client, library):
    from library.models import LoanFormPage

    client.force_login(user_in_group(roles.SECRETARIAT))
    page = LoanFormPage.objects.get()
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/?mode=landing")
    assert preview.status_code == 200
    assert "Bedankt, je aanvraag is verstuurd" in preview.content.decode()
    form = client.get(f"/admin/pages/{page.pk}/view_draft/?mode=form")
    assert 'name="learning_goals"' in form.content.decode()


def test_each_browser_sees_its_own_request_only(library):
    first, second = Client(), Client()
    first.post(FORM_URL, form_data(library["first"].pk))
    second.post(FORM_URL, form_data(library["second"].pk, email="tim@example.org"))
    own = first.get(THANKS_URL).content.decode()
    assert "Hoop houden" in own and library["second"].title not in own
    other = second.get(THANKS_URL).content.decode()
    assert library["second"].title in other and "Hoop houden" not in other


def test_a_session_planted_before_sending_names_nothing_afterwards(library):
    # An attacker's own (valid) session id, tossed into the resident's browser beforehand.
    attacker = Client()
    attacker.post(FORM_URL, form_data(library["first"].pk))
    planted = attacker.cookies["sessionid"].value
    resident = Client()
    resident.cookies["sessionid"] = planted
    resident.post(FORM_URL, form_data(library["second"].pk, name="Resident Eigen"))
    assert resident.cookies["sessionid"].value != planted
    assert "Resident Eigen" not in attacker.get(THANKS_URL).content.decode()
    html = attacker.get(THANKS_URL).content.decode()
    assert library["second"].title not in html


def test_the_session_ends_with_the_browser_and_the_request_shows_for_an_hour_only(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    assert client.cookies["sessionid"]["max-age"] == ""  # a browser-session cookie
    assert client.get(THANKS_URL).context.get("my_request_token")
    LoanFormSubmission.objects.update(submit_time=timezone.now() - timedelta(minutes=61))
    later = client.get(THANKS_URL)  # the next user of a shared computer
    assert later.status_code == 200
    assert "my_request_token" not in later.context
    assert "Hoop houden" not in later.content.decode()
