"""The secretariat's admin screens: the loan form's submissions fit the screen (the export keeps
every answer), a request's name at the loan desk opens it with its next steps, and the
dashboard's loan panel is one of Wagtail's own panels."""

import csv
import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.test import Client

from cms import roles
from library.models import LoanFormPage, LoanRequest
from tests.factories import user_in_group
from tests.library.test_loans import FORM_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan(library):
    cache.clear()
    Client().post(FORM_URL, form_data(library["first"].pk))
    return LoanRequest.objects.get()


def client_in(role: str) -> Client:
    client = Client()
    client.force_login(user_in_group(role))
    return client


def inspect_url(loan: LoanRequest) -> str:
    return f"/admin/leenbalie/inspect/{loan.pk}/"


def headings(html: str) -> list[str]:
    table = re.search(r'<table class="listing loan-submissions">.*?</table>', html, re.S)
    head = re.search(r"<thead.*?</thead>", table.group(0), re.S).group(0)
    cells = re.findall(r"<th\b.*?</th>", head, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_the_submissions_listing_shows_the_key_columns_and_links_to_the_desk(loan):
    desk = client_in(roles.SECRETARIAT)
    listing = desk.get(f"/admin/forms/submissions/{LoanFormPage.objects.get().pk}/")
    html = listing.content.decode()
    assert headings(html) == [
        "",
        "Datum van inzending",
        "Welk boek wil je lenen?",
        "Naam",
        "Opleiding",
        "Andere opleiding, namelijk",
        "Bij welk competentiegebied past je leerdoel?",
        "In de leenbalie",
    ]
    for not_listed in ("sanne@example.org", "06-0000 2222", "Dr. P. Visser", "hoop bespreek"):
        assert not_listed not in html
    assert f'<a href="{inspect_url(loan)}">Ontvangen</a>' in html


def test_the_submissions_export_keeps_every_answer(loan):
    desk = client_in(roles.SECRETARIAT)
    export = desk.get(f"/admin/forms/submissions/{LoanFormPage.objects.get().pk}/?export=csv")
    (row,) = csv.DictReader(io.StringIO(b"".join(export).decode()))
    assert row["E-mailadres"] == "sanne@example.org"
    assert row["Telefoonnummer"] == "06-0000 2222"
    assert row["Naam van je opleider"] == "Dr. P. Visser"
    assert "hoop bespreek" in row["Je persoonlijke leerdoel(en)"]
    assert row["Welk boek wil je lenen?"] == "Hoop houden"


def test_a_name_at_the_desk_opens_the_request_with_its_next_steps(loan):
    desk = client_in(roles.SECRETARIAT)
    listing = desk.get("/admin/leenbalie/").content.decode()
    title_link = re.search(r'<a href="([^"]+)"[^>]*>\s*Sanne de Boer\s*</a>', listing)
    assert title_link is not None and title_link.group(1) == inspect_url(loan)
    # Correcting the resident's details stays possible from the row's menu.
    assert f'href="/admin/leenbalie/edit/{loan.pk}/"' in listing

    inspect = desk.get(title_link.group(1))
    html = inspect.content.decode()
    assert inspect.status_code == 200
    assert f'href="/admin/leenbalie/{loan.pk}/stap/confirm/">Ontvangst bevestigen</a>' in html
    assert "Status:</b> Ontvangen" in html


def test_the_dashboard_lists_what_is_overdue_in_a_wagtail_panel(loan):
    LoanRequest.objects.filter(pk=loan.pk).update(
        created_at=loan.created_at - datetime.timedelta(days=14)
    )
    html = client_in(roles.SECRETARIAT).get("/admin/").content.decode()
    panel = re.search(r'<section[^>]*id="loan-desk-section".*?</section>', html, re.S)
    assert panel is not None, "the loan desk is not one of Wagtail's panels"
    panel = panel.group(0)
    assert "w-panel--dashboard" in panel
    assert '<h2 class="w-panel__heading' in panel and "Leenbalie" in panel
    assert "1 open aanvraag; <b>1 over de termijn</b>." in panel
    assert '<table class="listing listing--dashboard">' in panel
    assert f'<a href="{inspect_url(loan)}">Sanne de Boer</a>' in panel
    assert "Hoop houden" in panel and "Ontvangst bevestigen: uiterlijk" in panel
    assert 'href="/admin/leenbalie/?overdue=1"' in panel


@pytest.mark.parametrize("role", [roles.WORKING_GROUP, roles.EDITORS])
def test_only_the_secretariat_sees_the_loan_panel(loan, role):
    html = client_in(role).get("/admin/").content.decode()
    assert "loan-desk" not in html and "Sanne de Boer" not in html
