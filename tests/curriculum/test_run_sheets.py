"""The run sheet (draaiboek): clock times from a start time and a break, on the web page and in
the one-page PDF, with the materials each part needs."""

import io
import re
from urllib.parse import quote

import pytest
from pypdf import PdfReader

from curriculum.run_sheets import Part, RunSheetForm, break_after, build_run_sheet
from tests.curriculum.pdf_text import pdf_text
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    home = make_home()
    series = make_series(home)
    hats = make_work_method(
        "Zes denkhoeden", materials="gekleurde hoeden\nflap-over en stiften\n\n"
    )
    traffic_light = make_work_method("Stoplichtmodel", materials="stoplichtkaartjes")
    return make_workshop(
        series,
        make_essence(),
        title="Onderlinge afstemming en voortgang",
        programme=[
            session(10, "Inleiding", materials=["beamer en laptop"]),
            session(20, "Essentie"),
            session(
                35,
                "Aan de slag",
                materials=["Flap-over en stiften", "boek per groepje"],
                work_methods=[hats.pk],
                for_participants=True,
            ),
            session(35, "Reflecteren"),
            session(20, "Terugkoppeling", work_methods=[traffic_light.pk]),
        ],
    )


def run_sheet_url(workshop, query: str = "") -> str:
    return workshop.url + "draaiboek/" + (f"?{query}" if query else "")


def pdf_url(workshop, query: str = "") -> str:
    return workshop.url + "draaiboek.pdf" + (f"?{query}" if query else "")


def table_rows(html: str) -> list[str]:
    """The body rows of the schedule as plain text, one string per row."""
    body = html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr\b.*?</tr>", body, re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


# --- the schedule itself ---


def test_break_falls_at_the_boundary_closest_to_half_the_programme():
    assert break_after([10, 20, 35, 35, 20]) == 2  # after 65 of 120 minutes, not after 30
    assert break_after([30, 30, 30, 30]) == 1  # exactly half
    assert break_after([20, 40, 40, 20]) == 1  # 60 and 60: the earlier boundary wins a tie
    assert break_after([50, 20, 50]) == 0  # 50 and 70 lie 10 from 60: the first
    assert break_after([120]) is None


def test_clock_times_add_up_with_the_break():
    parts = [Part(m, name) for m, name in [(10, "a"), (20, "b"), (35, "c"), (35, "d"), (20, "e")]]
    sheet = build_run_sheet(parts, 13 * 60 + 30, 15)
    assert [(row.start_clock, row.end_clock, row.part) for row in sheet.rows] == [
        ("13:30", "13:40", "a"),
        ("13:40", "14:00", "b"),
        ("14:00", "14:35", "c"),
        ("14:35", "14:50", "Pauze"),
        ("14:50", "15:25", "d"),
        ("15:25", "15:45", "e"),
    ]
    assert sheet.end_clock == "15:45"
    assert sheet.end - sheet.start == sheet.programme_minutes + sheet.break_minutes


def test_a_single_part_leaves_no_place_for_a_break():
    form = RunSheetForm({"start": "13:30", "pauze": "15"}, parts=[Part(120, "Alles")])
    assert not form.is_valid()
    assert "een pauze kan nergens tussen" in form.errors["pauze"][0]
    assert RunSheetForm({"start": "13:30"}, parts=[Part(120, "Alles")]).is_valid()


# --- the web page ---


def test_page_shows_clock_times_with_the_break(client, workshop):
    response = client.get(run_sheet_url(workshop, "start=13:30&pauze=15"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = table_rows(html)
    assert [row.split(" ", 1)[0] for row in rows] == [
        "13:30–13:40",
        "13:40–14:00",
        "14:00–14:35",
        "14:35–14:50",
        "14:50–15:25",
        "15:25–15:45",
    ]
    assert "Pauze" in rows[3]
    assert "Van 13:30 tot 15:45 uur: 120 minuten programma en 15 minuten pauze" in html
    assert "De pauze valt tussen twee onderdelen, zo dicht mogelijk bij de helft" in html
    assert 'href="/workshops/workshop-5/draaiboek.pdf?start=13%3A30&amp;pauze=15"' in html
    assert "Download als PDF" in html


def test_without_start_the_form_shows_1330_and_a_schedule_without_break(client, workshop):
    response = client.get(run_sheet_url(workshop))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="start"[^>]*value="13:30"', html)
    rows = table_rows(html)
    assert len(rows) == 5
    assert not any("Pauze" in row for row in rows)
    assert rows[-1].startswith("15:10–15:30")
    assert "zonder pauze" in html


@pytest.mark.parametrize("pauze", ["", "0"])
def test_no_break_when_left_empty_or_zero(client, workshop, pauze):
    html = client.get(run_sheet_url(workshop, f"start=09:00&pauze={pauze}")).content.decode()
    rows = table_rows(html)
    assert [row.split(" ", 1)[0] for row in rows] == [
        "09:00–09:10",
        "09:10–09:30",
        "09:30–10:05",
        "10:05–10:40",
        "10:40–11:00",
    ]


@pytest.mark.parametrize("start", ["13.30", "13,30", "1330", "13u30", "13.30 uur", "13:30uur"])
def test_a_time_as_people_type_it_is_accepted(client, workshop, start):
    response = client.get(run_sheet_url(workshop, f"start={quote(start)}&pauze=15"))
    assert response.status_code == 200
    assert table_rows(response.content.decode())[0].startswith("13:30–13:40")


def test_a_full_hour_may_be_given_alone(client, workshop):
    response = client.get(run_sheet_url(workshop, "start=9"))
    assert table_rows(response.content.decode())[0].startswith("09:00–09:10")


def test_a_night_time_asks_whether_the_afternoon_was_meant(client, workshop):
    response = client.get(run_sheet_url(workshop, "start=1:30"))
    assert response.status_code == 400
    assert "bedoel je 13:30?" in response.content.decode()


@pytest.mark.parametrize("start", ["", "25:00", "13:75", "half twee", "13:30:00", "12345"])
def test_an_invalid_start_is_refused_in_dutch(client, workshop, start):
    response = client.get(run_sheet_url(workshop, f"start={start}&pauze=15"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf de begintijd in cijfers, bijvoorbeeld 13:30" in html
    assert re.search(r'<input[^>]*name="start"[^>]*aria-invalid="true"', html)
    assert 'aria-describedby="id_start_helptext id_start_error"' in html
    assert 'id="id_start_error"' in html
    assert 'class="error-summary"' in html
    assert "<tbody" not in html  # no schedule from wrong input


@pytest.mark.parametrize("pauze", ["-5", "61", "kwartier", "1.5"])
def test_an_invalid_break_is_refused_in_dutch(client, workshop, pauze):
    response = client.get(run_sheet_url(workshop, f"start=13:30&pauze={pauze}"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul voor de pauze 0 tot 60 minuten in" in html
    assert re.search(r'<input[^>]*name="pauze"[^>]*aria-invalid="true"', html)


def test_a_workshop_that_would_run_past_midnight_is_refused(client, workshop):
    latest = client.get(run_sheet_url(workshop, "start=21:44&pauze=15"))
    assert latest.status_code == 200
    assert "tot 23:59 uur" in latest.content.decode()

    response = client.get(run_sheet_url(workshop, "start=21:45&pauze=15"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "na middernacht" in html
    assert "Kies uiterlijk 21:44 als begintijd." in html
    assert client.get(pdf_url(workshop, "start=23:00")).status_code == 400


def test_materials_come_from_the_part_its_methods_and_the_printed_case(client, workshop):
    html = client.get(run_sheet_url(workshop, "start=13:30")).content.decode()
    rows = table_rows(html)
    assert "beamer en laptop" in rows[0]
    # Own materials first, then the method's (the same flip-over only once), then the case.
    assert "Aan de slag Flap-over en stiften boek per groepje gekleurde hoeden" in rows[2]
    assert rows[2].endswith("hand-out voor deelnemers (casus en vragen), één per deelnemer")
    assert rows[2].lower().count("flap-over") == 1
    assert "stoplichtkaartjes" in rows[4]
    assert "casus en vragen" not in rows[4]

    checklist = html.split('id="materiaallijst"', 1)[1].split("</ul>", 1)[0]
    assert checklist.count('type="checkbox"') == 6
    items = [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li>(.*?)</li>", checklist, re.DOTALL)
    ]
    assert items == [
        "beamer en laptop (Inleiding)",
        "Flap-over en stiften (Aan de slag)",
        "boek per groepje (Aan de slag)",
        "gekleurde hoeden (Aan de slag)",
        "hand-out voor deelnemers (casus en vragen), één per deelnemer (Aan de slag)",
        "stoplichtkaartjes (Terugkoppeling)",
    ]


def test_unpublished_workshop_has_no_run_sheet(client, workshop):
    workshop.unpublish()
    assert client.get(run_sheet_url(workshop, "start=13:30")).status_code == 404
    assert client.get(pdf_url(workshop, "start=13:30")).status_code == 404


# --- the PDF ---


def test_pdf_is_one_a4_with_the_same_clock_times(client, workshop):
    response = client.get(pdf_url(workshop, "start=13.30&pauze=15"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) * 25.4 / 72), round(float(height) * 25.4 / 72)) == (210, 297)
    text = pdf_text(response.content)
    for times in ("13:30–13:40", "13:40–14:00", "14:00–14:35", "14:35–14:50", "15:25–15:45"):
        assert times in text
    assert "Einde 15:45" in text
    assert "Datum: ____" in text
    assert "Draaiboek: Onderlinge afstemming en voortgang" in text
    assert "Materiaallijst" in text
    # The checklist says when each material is needed.
    assert "beamer en laptop (13:30)" in text
    assert "gekleurde hoeden (14:00)" in text
    assert "hand-out voor deelnemers (casus en vragen), één per deelnemer (14:00)" in text
    assert "stoplichtkaartjes (15:25)" in text
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_pdf_without_break(client, workshop):
    text = pdf_text(client.get(pdf_url(workshop, "start=09:00")).content)
    assert "Zonder pauze" in text
    assert "10:40–11:00" in text
    assert "Pauze" not in text.replace("Zonder pauze", "")


def test_pdf_refuses_invalid_input_with_a_short_dutch_page(client, workshop):
    response = client.get(pdf_url(workshop, "start=x&pauze=90"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Schrijf de begintijd in cijfers, bijvoorbeeld 13:30" in html
    assert "Vul voor de pauze 0 tot 60 minuten in" in html
    assert 'href="/workshops/workshop-5/draaiboek/?start=x&amp;pauze=90"' in html


def test_the_longest_demo_workshop_fits_on_one_page(client):
    """Every demo workshop, with a material on every part and a break, stays on one A4."""
    from django.core.management import call_command

    from curriculum.models import WorkshopPage

    call_command("load_demo", verbosity=0)
    workshops = list(WorkshopPage.objects.live())
    longest = max(workshops, key=lambda page: len(page.programme))
    programme = longest.programme.get_prep_value()
    for block in programme:
        block["value"]["materials"] = [
            "flap-over en stiften",
            f"hand-out bij {block['value']['part']}",
            "post-its in drie kleuren voor iedere deelnemer",
        ]
        block["value"]["for_participants"] = True
    longest.programme = programme
    longest.save_revision().publish()
    response = client.get(pdf_url(longest, "start=13:30&pauze=30"))
    assert response.status_code == 200
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_the_breadcrumbs_lead_back_to_the_workshop(client, workshop):
    html = client.get(run_sheet_url(workshop)).content.decode()
    assert f'<a href="{workshop.url}">{workshop.title}</a>' in html
    assert '<li aria-current="page">Draaiboek</li>' in html
