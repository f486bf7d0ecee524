"""The loan form's submissions in the admin read as the resident chose: the book's title, the
programme's and the competence areas' names, not a page id and slugs."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import User

from library.models import LoanFormPage

RESIDENT = {
    "email": "sanne@example.org",
    "phone": "06-0000 2222",
    "supervisor": "Dr. P. Visser",
    "learning_goals": "Hoop bespreken.",
    "motivation": "Ik vermijd dit gesprek.",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def submissions(library, client):
    form = LoanFormPage.objects.get()
    for answers in (
        {
            "name": "Sanne de Boer",
            "expert": str(library["first"].pk),
            "programme": "huisartsgeneeskunde",
            "competence_areas": ["medisch-handelen"],
        },
        {"name": "Tim Bakker", "expert": "geen", "programme": "anders", "programme_other": "SEH"},
    ):
        response = client.post(form.url, {**RESIDENT, **answers}, follow=True)
        assert "Bedankt" in response.content.decode()
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "pw"))
    return f"/admin/forms/submissions/{form.pk}/"


def listing_rows(html: str) -> list[dict[str, str]]:
    """The submissions table as one dict per row, by column heading."""

    def text(cell: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", cell).split())

    table = re.search(r'<table class="listing.*?</table>', html, re.S).group(0)
    head = re.search(r"<thead.*?</thead>", table, re.S).group(0)
    headings = [text(cell) for cell in re.findall(r"<th\b.*?</th>", head, re.S)]
    body = re.search(r"<tbody.*?</tbody>", table, re.S).group(0)
    return [
        dict(zip(headings, [text(c) for c in re.findall(r"<td\b.*?</td>", row, re.S)], strict=True))
        for row in re.findall(r"<tr\b.*?</tr>", body, re.S)
    ]


def by_name(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["Naam"]: row for row in rows}


def test_the_listing_names_the_book_and_the_programme(submissions, client, library):
    rows = by_name(listing_rows(client.get(submissions).content.decode()))

    sanne, tim = rows["Sanne de Boer"], rows["Tim Bakker"]
    assert sanne["Welk boek wil je lenen?"] == library["first"].title == "Hoop houden"
    assert sanne["Opleiding"] == "Huisartsgeneeskunde"
    assert sanne["Bij welk competentiegebied past je leerdoel?"] == "Medisch handelen"
    assert tim["Welk boek wil je lenen?"] == "Geen expert gevonden"
    assert tim["Opleiding"] == "Andere opleiding"
    assert tim["Andere opleiding, namelijk"] == "SEH"


def test_a_book_taken_offline_keeps_its_title(submissions, client, library):
    library["first"].unpublish()

    rows = by_name(listing_rows(client.get(submissions).content.decode()))

    assert rows["Sanne de Boer"]["Welk boek wil je lenen?"] == "Hoop houden"


def test_the_export_names_them_too(submissions, client):
    response = client.get(f"{submissions}?export=csv")
    rows = by_name(list(csv.DictReader(io.StringIO(b"".join(response).decode()))))

    assert rows["Sanne de Boer"]["Welk boek wil je lenen?"] == "Hoop houden"
    assert rows["Sanne de Boer"]["Opleiding"] == "Huisartsgeneeskunde"
    assert rows["Tim Bakker"]["Welk boek wil je lenen?"] == "Geen expert gevonden"
