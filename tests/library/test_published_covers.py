"""One rule for what the public site shows of the library (ExpertPageQuerySet): a cover behind
a password, or withdrawn, appears nowhere public. The booklet printed a restricted cover."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from cms.models import SiteSettings
from library.catalogue.withdrawal import withdraw
from library.models import ExpertPage
from tests.factories import make_catalogue, make_expert, make_home, make_loan_form

pytestmark = pytest.mark.django_db

SECRET = "Besloten Boek"
GONE = "Vertrokken Boek"


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def library():
    home = make_home()
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)
    catalogue = make_catalogue(home)
    make_loan_form(catalogue)
    public = make_expert(catalogue, "Open Boek", expert_name="Open Expert")
    restricted = make_expert(catalogue, SECRET, expert_name="Besloten Expert")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    withdrawn = make_expert(catalogue, GONE, expert_name="Vertrokken Expert")
    withdraw(withdrawn)
    return {"catalogue": catalogue, "public": public, "restricted": restricted}


def test_the_rule_itself(library):
    published = set(ExpertPage.objects.published().values_list("title", flat=True))
    assert published == {"Open Boek"}
    assert set(ExpertPage.objects.borrowable().values_list("title", flat=True)) == {"Open Boek"}
    assert library["public"].is_published and not library["restricted"].is_published


@pytest.mark.parametrize(
    "url",
    [
        "/expertbibliotheek/",
        "/expertbibliotheek/?q=boek",
        "/zoeken/?q=boek",
        "/expertbibliotheek/lenen/",
    ],
)
def test_hidden_covers_appear_on_no_public_page(library, url):
    html = Client().get(url).content.decode()
    assert "Open Boek" in html  # the page lists covers at all
    assert SECRET not in html and "Besloten Expert" not in html
    assert GONE not in html and "Vertrokken Expert" not in html


@pytest.mark.parametrize("name", ["catalogus.pdf", "flyer.pdf"])
def test_hidden_covers_are_not_printed(library, name):
    text = pdf_text(Client().get(f"/expertbibliotheek/{name}"))
    assert SECRET not in text and GONE not in text
    if name == "catalogus.pdf":
        assert "Open Boek" in text


def test_the_hidden_covers_own_pdf_is_not_served(library):
    restricted = Client().get(library["restricted"].url + "boekenkaft.pdf")
    assert restricted["Content-Type"] != "application/pdf"  # the password form instead
    assert Client().get("/expertbibliotheek/vertrokken-boek/boekenkaft.pdf").status_code == 404
