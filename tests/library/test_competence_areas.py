"""Issue 17, point 7: a resident links the learning goal to the programme's competence areas
(a list per programme the working group keeps), and the desk, the unmatched-goals report and
the certificate use the same words. Through HTTP."""

import io

import pypdf
import pytest
from django.test import Client
from django.utils import timezone

from cms import roles
from library.models import CompetenceArea, LoanRequest
from library.self_service import request_link
from tests.factories import history, local_time, make_loan_with_history, user_in_group
from tests.library.test_loans import form_data

FORM_URL = "/expertbibliotheek/lenen/"
QUESTION = "Bij welk competentiegebied past je leerdoel?"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def logged_in(group: str) -> Client:
    client = Client()
    client.force_login(user_in_group(group))
    return client


def only_for(slug: str, *programmes: str) -> CompetenceArea:
    area = CompetenceArea.objects.get(slug=slug)
    area.programmes = list(programmes)
    area.save()
    return area


def chosen(loan: LoanRequest) -> set[str]:
    return set(loan.competence_areas.values_list("slug", flat=True))


# --- the loan form ---


def test_the_form_offers_every_area_as_a_checkbox_group(client, library):
    only_for("communiceren", "anesthesiologie")  # still shown: nothing filters without script
    html = client.get(FORM_URL).content.decode()
    assert f"<legend>{QUESTION}</legend>" in html
    for area in CompetenceArea.objects.all():
        assert f'type="checkbox" name="competence_areas" value="{area.slug}"' in html
        assert f"> {area.name}</label>" in html
    # The question comes right after the learning goal.
    assert html.index('name="learning_goals"') < html.index(QUESTION) < html.index("motivation")


def test_the_form_stores_the_chosen_areas(client, library):
    only_for("communiceren", "huisartsgeneeskunde")
    response = client.post(
        FORM_URL,
        form_data(library["first"].pk, competence_areas=["communiceren", "professionaliteit"]),
    )
    assert response.status_code == 303  # to the thank-you page
    loan = LoanRequest.objects.get()
    assert chosen(loan) == {"communiceren", "professionaliteit"}
    assert loan.submission.form_data["competence_areas"] == ["communiceren", "professionaliteit"]


def test_the_question_is_optional(client, library):
    client.post(FORM_URL, form_data(library["first"].pk))
    assert chosen(LoanRequest.objects.get()) == set()


def test_an_area_of_another_programme_is_refused_in_dutch(client, library):
    only_for("communiceren", "anesthesiologie", "ouderengeneeskunde")
    response = client.post(
        FORM_URL,
        form_data(library["first"].pk, competence_areas=["communiceren", "professionaliteit"]),
    )
    html = response.content.decode()
    assert "Communiceren hoort niet bij de opleiding Huisartsgeneeskunde" in html
    assert "Professionaliteit hoort niet" not in html  # an area of every programme fits
    assert 'href="#id_competence_areas_0"' in html  # the summary leads to the first box
    assert not LoanRequest.objects.exists()
    # The same area fits a resident of its own programme.
    client.post(
        FORM_URL,
        form_data(
            library["first"].pk, programme="anesthesiologie", competence_areas=["communiceren"]
        ),
    )
    assert chosen(LoanRequest.objects.get()) == {"communiceren"}


# --- the desk, the report, the certificate ---


def test_the_desk_shows_the_areas(client, library):
    client.post(FORM_URL, form_data(library["first"].pk, competence_areas=["communiceren"]))
    loan = LoanRequest.objects.get()
    desk = logged_in(roles.SECRETARIAT)
    html = desk.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "<dt>Competentiegebied</dt><dd>Communiceren</dd>" in html


def test_the_unmatched_goals_report_has_a_column_for_the_areas(client, library):
    client.post(FORM_URL, form_data("geen", competence_areas=["communiceren", "professionaliteit"]))
    today = timezone.localdate()
    period = f"?start={today:%Y-%m-%d}&end={today:%Y-%m-%d}"
    working_group = logged_in(roles.WORKING_GROUP)
    page = working_group.get(f"/admin/rapporten/leerdoelen-zonder-expert/{period}")
    html = page.content.decode()
    assert "Competentiegebied" in html
    assert "Communiceren, Professionaliteit" in html
    csv_response = working_group.get(
        f"/admin/rapporten/leerdoelen-zonder-expert/{period}&export=csv"
    )
    csv_text = b"".join(csv_response.streaming_content).decode()
    assert "Competentiegebied" in csv_text and "Communiceren, Professionaliteit" in csv_text


def certificate_text(loan) -> str:
    client = Client()
    page = f"/mijn-aanvraag/{request_link.token_for(loan)}/"
    text = "Het gesprek leerde me dat hoop houden iets anders is dan beloven dat het goed komt."
    client.post(page, {"action": "reflection", "text": text})
    response = client.get(f"{page}certificaat.pdf")
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join("\n".join(page.extract_text() for page in reader.pages).split())


def held_loan(expert) -> LoanRequest:
    dates = [local_time(2026, 3, day) for day in (2, 3, 5, 20)]
    return make_loan_with_history(expert, local_time(2026, 3, 1), history("held", *dates))


def test_the_certificate_uses_the_requests_areas_else_the_covers(library):
    expert = library["first"]
    expert.competence_areas.set(CompetenceArea.objects.filter(slug="communiceren"))
    expert.save()  # parental relations are written when the page is saved
    linked = held_loan(expert)
    linked.competence_areas.set(CompetenceArea.objects.filter(slug="professionaliteit"))
    text = certificate_text(linked)
    assert "Competentiegebieden Professionaliteit" in text
    assert "Communiceren" not in text

    unlinked = held_loan(expert)
    unlinked.email = "tom@example.org"
    unlinked.save()
    text = certificate_text(unlinked)
    assert "Competentiegebieden Communiceren" in text
    assert "Professionaliteit" not in text


# --- who keeps the list ---


def edit_url(area: CompetenceArea) -> str:
    return f"/admin/snippets/library/competencearea/edit/{area.pk}/"


def test_the_working_group_ticks_an_areas_programmes_in_the_admin(db):
    area = CompetenceArea.objects.get(slug="communiceren")
    working_group = logged_in(roles.WORKING_GROUP)
    form = working_group.get(edit_url(area)).content.decode()
    assert 'type="checkbox" name="programmes" value="huisartsgeneeskunde"' in form
    response = working_group.post(
        edit_url(area),
        {
            "name": "Communiceren",
            "slug": "communiceren",
            "sort_order": "1",
            "programmes": ["huisartsgeneeskunde", "ouderengeneeskunde"],
        },
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.programmes == ["huisartsgeneeskunde", "ouderengeneeskunde"]
    listing = working_group.get("/admin/snippets/library/competencearea/").content.decode()
    assert "Huisartsgeneeskunde, Ouderengeneeskunde" in listing
    # Adding one is allowed; deleting is not (requests and covers point at the areas).
    assert working_group.get("/admin/snippets/library/competencearea/add/").status_code == 200
    delete = f"/admin/snippets/library/competencearea/delete/{area.pk}/"
    assert working_group.get(delete).status_code == 403


@pytest.mark.parametrize("group", [roles.EDITORS, roles.SECRETARIAT])
def test_other_roles_do_not_change_the_areas(db, group):
    area = CompetenceArea.objects.get(slug="communiceren")
    client = logged_in(group)
    assert client.get(edit_url(area)).status_code == 403
    response = client.post(
        edit_url(area),
        {
            "name": "Communiceren",
            "slug": "communiceren",
            "sort_order": "1",
            "programmes": ["anders"],
        },
    )
    assert response.status_code == 403
    area.refresh_from_db()
    assert area.programmes == []
