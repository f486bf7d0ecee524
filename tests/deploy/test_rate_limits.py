"""The loan form's limits hold under parallel posts to gunicorn (2 workers, one machine, the
file cache they share): the check and the count are one atomic step (cms/rate_limit.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from library.models import LoanRequest
from tests.deploy.servers import app_server_env, csrf_token, loan_form_data, start_gunicorn, stop
from tests.factories import (
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_loan_form,
)

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
URL = "/expertbibliotheek/lenen/"


def prepared_posts(base: str, expert_id: int, numbers: list[int], same_email: bool):
    """Each visitor fetches the form first (its CSRF cookie and token), then all post at once."""
    visitors = []
    for number in numbers:
        session = requests.Session()
        token = csrf_token(session.get(base + URL, timeout=30).text)
        data = loan_form_data(token, expert_id, number)
        if same_email:
            data["email"] = "dezelfde@example.org"
        visitors.append((session, data))
    return visitors


def post_all(base: str, visitors) -> list[str]:
    def post(visitor):
        session, data = visitor
        response = session.post(base + URL, data=data, headers={"Referer": base + URL}, timeout=60)
        session.close()
        return response.text

    with ThreadPoolExecutor(len(visitors)) as pool:
        return list(pool.map(post, visitors))


@pytest.fixture
def book():
    catalogue = make_catalogue(make_home())
    make_loan_form(catalogue)
    make_email_templates()
    return make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")


def test_ten_parallel_posts_with_one_address_three_accepted(book, tmp_path):
    server, base = start_gunicorn(app_server_env(CACHE_DIR=str(tmp_path / "cache")), workers=2)
    try:
        pages = post_all(base, prepared_posts(base, book.pk, list(range(10)), same_email=True))
    finally:
        stop([server])
    assert sum("Bedankt" in page for page in pages) == 3
    assert sum("al meerdere aanvragen" in page for page in pages) == 7
    assert LoanRequest.objects.filter(email="dezelfde@example.org").count() == 3


def test_parallel_posts_from_one_network_stop_at_its_limit(book, tmp_path):
    env = app_server_env(CACHE_DIR=str(tmp_path / "cache"), LOAN_FORM_LIMIT_PER_ADDRESS="4")
    server, base = start_gunicorn(env, workers=2)
    try:
        pages = post_all(base, prepared_posts(base, book.pk, list(range(12)), same_email=False))
    finally:
        stop([server])
    assert sum("Bedankt" in page for page in pages) == 4
    assert LoanRequest.objects.count() == 4
