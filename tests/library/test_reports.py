import csv
import datetime
import io

import openpyxl
import pytest

from cms import roles
from library.process import deadlines, retention
from library.reporting import statistics
from tests.factories import local_time, make_loan_with_history, user_in_group

YEAR = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
PERIOD = "?start=2025-01-01&end=2025-12-31"
REPORTS = [
    "leerdoelen-zonder-expert",
    "per-opleider",
    "per-expert",
    "doorlooptijden",
    "evaluaties",
]


@pytest.fixture
def working_group(client, db):
    client.force_login(user_in_group(roles.WORKING_GROUP))
    return client


def snapshot() -> dict:
    """Every report's figures for 2025, to compare before and after anonymising."""
    turnaround = statistics.turnaround(*YEAR)
    return {
        "unmatched": statistics.unmatched_goals(*YEAR),
        "supervisors": statistics.per_supervisor(*YEAR),
        "experts": statistics.per_expert(*YEAR),
        "timelines": turnaround.timelines,
        "evaluations": statistics.evaluation_summaries(*YEAR),
        "per_month": statistics.requests_per_month(*YEAR),
    }


def test_per_supervisor_counts_residents_per_half_year(known):
    rows = {(row.supervisor, row.half_year): row for row in statistics.per_supervisor(*YEAR)}
    assert set(rows) == {("Dr. P. Visser", "2025-1"), ("Drs. K. Bakker", "2025-2")}
    visser = rows[("Dr. P. Visser", "2025-1")]
    # Sanne asked twice (one resident), Tom once under another spelling of the name.
    assert (visser.requested, visser.matched, visser.held) == (2, 1, 1)
    bakker = rows[("Drs. K. Bakker", "2025-2")]
    assert (bakker.requested, bakker.matched, bakker.held) == (2, 2, 2)
    first_half = statistics.per_supervisor(datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
    assert [row.supervisor for row in first_half] == ["Dr. P. Visser"]


def test_learning_goals_without_an_expert_and_their_words(known):
    rows = statistics.unmatched_goals(*YEAR)
    assert [row.created for row in rows] == [datetime.date(2025, 3, 10)]
    assert rows[0].book == "geen expert gevonden"
    assert rows[0].status == "Gesloten zonder koppeling"
    words = dict(statistics.frequent_words([row.learning_goals for row in rows]))
    assert "spirituele" in words and "ouders" in words
    assert "bij" not in words and "met" not in words


def test_per_expert_requests_conversations_and_unavailability(known):
    rows = {row.expert: row for row in statistics.per_expert(*YEAR)}
    bram, carla = rows["Bram Jansen"], rows["Carla Smit"]
    assert (bram.requests, bram.conversations, bram.unavailable) == (2, 2, 0)
    assert (carla.requests, carla.conversations, carla.unavailable) == (2, 1, 1)
    assert (bram.usefulness, bram.recommend_share) == (2.0, 0)
    assert (carla.usefulness, carla.recommend_share, carla.evaluations) == (4.5, 100, 2)


def test_turnaround_against_the_deadlines(known):
    turnaround = statistics.turnaround(*YEAR, today=datetime.date(2026, 1, 1))
    assert turnaround.confirmed_in_time_share == 80  # the request of 10 March waited 8 days
    assert turnaround.expert_in_time_share == 75  # Carla answered after 14 days in May
    assert turnaround.median_days_to_conversation == 28  # 28, 19 and 30 days
    months = dict(statistics.requests_per_month(*YEAR))
    assert months["feb 2025"] == 1 and months["jun 2025"] == 0 and sum(months.values()) == 5


def test_evaluation_averages(known):
    rows = {row.label: row for row in statistics.evaluation_summaries(*YEAR)}
    assert (rows["AIOS"].answered, rows["AIOS"].usefulness, rows["AIOS"].recommend_share) == (
        2,
        3.0,
        50,
    )
    assert rows["Expert"].usefulness == 5.0
    assert rows["Samen"].usefulness == 3.7 and rows["Samen"].recommend_share == 67
    assert rows["Samen"].conversation_minutes == 51.7


@pytest.mark.parametrize("slug", REPORTS)
def test_report_pages_and_exports_hold_the_same_rows(known, working_group, slug):
    url = f"/admin/rapporten/{slug}/{PERIOD}"
    page = working_group.get(url)
    assert page.status_code == 200
    table = page.context["table"]
    csv_response = working_group.get(url + "&export=csv")
    assert csv_response["Content-Type"] == "text/csv"
    assert f"{slug}_2025-01-01_2025-12-31.csv" in csv_response["Content-Disposition"]
    csv_rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    xlsx_response = working_group.get(url + "&export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content)))
    xlsx_rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]

    def text(value):
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:  # Excel reads 2.0 back as 2
            return str(float(value))
        except ValueError:
            return str(value)

    assert csv_rows[0] == page.context["headings"]
    assert [[text(cell) for cell in row] for row in xlsx_rows] == [
        [text(cell) for cell in row] for row in csv_rows
    ]
    assert len(csv_rows) - 1 == len(table) > 0


def test_chart_is_inline_svg_without_scripts(known, working_group):
    html = working_group.get(f"/admin/rapporten/doorlooptijden/{PERIOD}").content.decode()
    assert '<svg role="img"' in html and '<title id="chart-title">Aanvragen per maand' in html
    assert "feb 2025: 1" in html
    assert "80%" in html and "75%" in html


def test_turnaround_report_names_the_deadlines_of_the_process(known, working_group, monkeypatch):
    url = f"/admin/rapporten/doorlooptijden/{PERIOD}"
    html = working_group.get(url).content.decode()
    assert "binnen 5 werkdagen" in html and "binnen 7 dagen" in html
    monkeypatch.setattr(deadlines, "CONFIRM_WITHIN_WORKING_DAYS", 6)
    monkeypatch.setattr(deadlines, "EXPERT_ANSWERS_WITHIN_DAYS", 9)
    page = working_group.get(url)
    html = page.content.decode()
    assert "Ontvangst bevestigd binnen 6 werkdagen" in html  # the figures
    assert "Expert antwoordde binnen 9 dagen" in html
    assert "bevestigd binnen 6 werkdagen, antwoord van de expert binnen 9 dagen" in html
    assert {"Binnen 6 werkdagen", "Binnen 9 dagen"} <= set(page.context["headings"])
    assert "5 werkdagen" not in html and "7 dagen" not in html
    csv_response = working_group.get(url + "&export=csv")
    headings = next(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    assert {"Binnen 6 werkdagen", "Binnen 9 dagen"} <= set(headings)


def test_reports_stay_the_same_after_personal_data_is_removed(known):
    before = snapshot()
    (result,) = retention.purge_personal_data(now=local_time(2030, 1, 1))
    assert len(result.requests) == 2  # the closed and the completed request
    assert snapshot() == before


def test_invalid_period_is_a_dutch_message(known, working_group):
    html = working_group.get(
        "/admin/rapporten/per-expert/?start=2025-12-31&end=2025-01-01"
    ).content.decode()
    assert "De begindatum ligt na de einddatum." in html


@pytest.mark.parametrize(
    "group, status",
    [(roles.WORKING_GROUP, 200), (roles.EDITORS, 403), (roles.SECRETARIAT, 403)],
)
@pytest.mark.parametrize("slug", REPORTS)
def test_only_the_working_group_sees_reports(client, known, group, slug, status):
    client.force_login(user_in_group(group))
    assert client.get(f"/admin/rapporten/{slug}/{PERIOD}").status_code == status


def test_reports_hold_no_personal_data_and_the_working_group_no_desk(known, working_group):
    for slug in REPORTS:
        html = working_group.get(f"/admin/rapporten/{slug}/{PERIOD}").content.decode()
        for personal in ("Sanne de Boer", "sanne@example.org", "06-0000 2222", "Tom Kok"):
            assert personal not in html
    loan = known["a"]
    for url in (
        "/admin/leenbalie/",
        f"/admin/leenbalie/inspect/{loan.pk}/",
        f"/admin/leenbalie/{loan.pk}/gegevens.json",
        f"/admin/leenbalie/{loan.pk}/wissen/",
        "/admin/leenbalie/herinneringen/",
    ):
        assert working_group.get(url).status_code == 403, url


def test_requests_count_in_the_month_and_half_year_of_dutch_time(db):
    # 23:30 UTC on 30 June is 01:30 on 1 July in Amsterdam: July, second half-year.
    loan = make_loan_with_history(
        None, datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.UTC), [], supervisor="X"
    )
    months = dict(statistics.requests_per_month(datetime.date(2025, 6, 1), YEAR[1]))
    assert (months["jun 2025"], months["jul 2025"]) == (0, 1)
    [row] = statistics.per_supervisor(*YEAR)
    assert row.half_year == "2025-2"
    assert statistics.turnaround(*YEAR).timelines[0].created == datetime.date(2025, 7, 1)
    assert loan.pk == statistics.turnaround(*YEAR).timelines[0].request


@pytest.mark.django_db
def test_per_expert_reads_the_publication_rule_once(django_assert_max_num_queries):
    from tests.factories import make_catalogue, make_expert, make_home

    catalogue = make_catalogue(make_home())
    for number in range(8):
        make_expert(catalogue, f"Boek {number}", slug=f"boek-{number}")
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    with django_assert_max_num_queries(8):  # not one per expert
        rows = statistics.per_expert(start, end)
    assert {row.availability for row in rows} == {"Beschikbaar"}
