"""The library declares which of its models never show on public pages (library/apps.py):
the loan process writes them all day, and each write must leave the page cache alone, while a
change to a cover empties it."""

import pytest
from django.test import Client

from cms.models import SiteSettings
from library.models import EmailTemplate, LoanRequest, Supervisor
from tests.cms.test_page_cache import assert_cached, get
from tests.factories import make_expert, make_home, make_lending_catalogue, make_loan

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    home = make_home()
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)  # else made on first visit
    return make_lending_catalogue(home)


def test_the_loan_process_keeps_the_cached_pages(catalogue):
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    visitor = Client()
    assert_cached(visitor, catalogue.url)
    loan = make_loan(expert)  # a request, its history line and its form submission
    loan.status = "confirmed"
    loan.save()
    Supervisor.objects.create(name="Dr. P. Visser", email="visser@example.org")
    EmailTemplate.objects.update(subject="Gewijzigd")
    assert LoanRequest.objects.exists()
    assert get(visitor, catalogue.url)[1] == "hit"


def test_a_change_to_a_cover_empties_the_cache(catalogue):
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    visitor = Client()
    assert_cached(visitor, catalogue.url)
    expert.summary = "Nieuwe samenvatting"
    expert.save_revision().publish()
    assert get(visitor, catalogue.url)[1] == "miss"
