"""Fuzz the loan form through the Django test client: never a 500, never stored script, every
rejection is a field error in Dutch next to the field, and plausible input is accepted and
stored as typed (a form that refused everything would pass the first test alone)."""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.models import LoanRequest
from library.models.loans import Programme
from tests.library.test_loans import FORM_URL, form_data

FIELDS = ["name", "email", "phone", "supervisor", "learning_goals", "motivation", "programme"]
PAYLOADS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "Ro\x00bert",
        "\u202eevil\u202c",
        "a" * 5000,
        "名前 ✓ 🙂",
        "naam@@example..org",
        " ",
        "\r\n\t",
    ]
)
VALUES = st.one_of(st.text(max_size=300), PAYLOADS, st.text(min_size=3000, max_size=6000))


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), VALUES, min_size=1, max_size=4))
def test_random_input_is_stored_safely_or_refused_per_field(library, overrides):
    cache.clear()  # the rate limit would otherwise refuse after three valid examples
    client = Client()
    before = LoanRequest.objects.count()
    response = client.post(FORM_URL, form_data(library["first"].pk, **overrides), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "onerror=alert(1)>" not in html
    form = response.context.get("form")
    if form is not None and form.errors:
        assert LoanRequest.objects.count() == before
        assert set(form.errors) <= set(form.fields), form.errors  # every error on a field
        # The other fields keep form_data's valid values: only a changed field is refused.
        changed = set(overrides) | ({"programme_other"} if "programme" in overrides else set())
        assert set(form.errors) <= changed, form.errors
        assert 'role="alert"' in html
        return
    created = LoanRequest.objects.count() - before
    assert created == 1
    loan = LoanRequest.objects.order_by("-pk").first()
    stored = " ".join(
        [loan.name, loan.phone, loan.supervisor, loan.learning_goals, loan.motivation]
    )
    assert "<script" not in stored.lower() and "\x00" not in stored


# What residents plausibly type: letters and digits of any script, spaces and the punctuation of
# names, titles and sentences; no HTML, no control characters, no line break in one-line fields.
WORD_CHARACTERS = st.characters(categories=("L", "N"))
ONE_LINE = st.one_of(WORD_CHARACTERS, st.sampled_from(" .,'-()&/:;!?+#@"))
SENTENCES = st.one_of(ONE_LINE, st.just("\n"))


def plausible(characters, max_size: int):
    return st.text(characters, min_size=1, max_size=max_size).filter(
        lambda text: any(char.isalnum() for char in text)
    )


EMAILS = st.from_regex(
    r"[a-zA-Z0-9_+-]{1,12}(\.[a-zA-Z0-9_+-]{1,12}){0,2}"
    r"@([a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?\.){1,2}[a-z]{2,6}",
    fullmatch=True,
)
PHONES = st.from_regex(r"\+?[0-9][0-9 ()-]{5,20}[0-9]", fullmatch=True)


@st.composite
def resident_requests(draw):
    programme = draw(st.sampled_from(Programme.values))
    other = plausible(ONE_LINE, 120)
    return {
        "book": draw(st.sampled_from(["first", "second"])),
        "name": draw(plausible(ONE_LINE, 120)),
        "email": draw(EMAILS),
        "phone": draw(PHONES),
        "programme": programme,
        "programme_other": draw(other if programme == Programme.OTHER else st.just("")),
        "supervisor": draw(plausible(ONE_LINE, 120)),
        "learning_goals": draw(plausible(SENTENCES, 3000)),
        "motivation": draw(plausible(SENTENCES, 3000)),
    }


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(typed=resident_requests())
def test_plausible_input_is_accepted_and_stored_as_typed(library, typed):
    cache.clear()  # both rate limits (per address, per network) count in the cache
    book = library[typed["book"]]
    fields = {key: value for key, value in typed.items() if key != "book"}
    before = LoanRequest.objects.count()
    response = Client().post(FORM_URL, form_data(book.pk, **fields), follow=True)
    assert response.status_code == 200
    form = response.context.get("form")
    assert form is None or not form.errors, form.errors  # refused a plausible request
    assert "Bedankt, je aanvraag is verstuurd" in response.content.decode()
    assert LoanRequest.objects.count() == before + 1
    loan = LoanRequest.objects.order_by("-pk").first()
    stored = {key: getattr(loan, key) for key in fields}
    assert stored == {key: value.strip() for key, value in fields.items()}
    assert (loan.expert, loan.book_title, loan.status) == (book, book.title, "received")
