import pytest
from django.test import Client, override_settings

from tests.factories import first_network, make_home, make_standard_page


@pytest.fixture
def pages(db):
    home = make_home()
    make_standard_page(
        home,
        "Over de bibliotheek",
        introduction="Een kaderhuisarts vertelt over proactieve zorgplanning.",
    )
    make_standard_page(home, "Privacy", introduction="Wat we met je gegevens doen.")
    return home


def test_search_finds_a_word_of_the_content(client: Client, pages):
    response = client.get("/zoeken/", {"q": "kaderhuisarts"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 resultaat voor ‘kaderhuisarts’" in content
    assert 'href="/over-de-bibliotheek/"' in content
    assert 'href="/privacy/"' not in content.split("search-results")[1]


def test_search_without_results_says_so(client: Client, pages):
    response = client.get("/zoeken/", {"q": "onvindbaarwoord"})
    assert "0 resultaten" in response.content.decode()
    assert "Probeer een ander" in response.content.decode()


def test_search_ignores_bad_page_numbers(client: Client, pages):
    response = client.get("/zoeken/", {"q": "privacy", "pagina": "abc"})
    assert response.status_code == 200


def test_unpublished_pages_are_not_found(client: Client, pages):
    draft = make_standard_page(pages, "Concept", introduction="geheimconcept")
    draft.unpublish()
    response = client.get("/zoeken/", {"q": "geheimconcept"})
    assert "0 resultaten" in response.content.decode()


def test_404_is_dutch(client: Client, pages):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@override_settings(DEBUG=False)
def test_500_is_dutch(pages):
    from django.urls import path

    def broken(request):
        raise RuntimeError("kapot")

    urlconf = type("urls", (), {"urlpatterns": [path("kapot/", broken)]})
    with override_settings(ROOT_URLCONF=urlconf):
        client = Client(raise_request_exception=False)
        response = client.get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_footer_shows_site_settings(client: Client, pages):

    from cms.models import SiteSettings

    privacy = pages.get_children().get(slug="privacy")
    settings = SiteSettings.for_site(first_network())
    settings.secretariat_email = "secretariaat@example.org"
    settings.footer_text = "Gemaakt door het netwerk."
    settings.privacy_page = privacy
    settings.save()
    content = client.get("/").content.decode()
    assert 'href="mailto:secretariaat@example.org"' in content
    assert "Gemaakt door het netwerk." in content
    assert '<a href="/privacy/">Privacy</a>' in content


def test_search_summary_of_rich_text_keeps_words_apart():
    from cms.templatetags.site_tags import plain_text

    assert plain_text("<p>Eerste zin.</p><p>Tweede <b>zin</b>.</p>") == "Eerste zin. Tweede zin."


@pytest.mark.django_db
def test_dutch_words_are_stemmed_on_postgresql(client: Client):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("stemming needs PostgreSQL's 'dutch' search configuration")
    home = make_home()
    make_standard_page(home, "Vrijwilligers", introduction="Onze vrijwilligers vertellen.")
    response = client.get("/zoeken/", {"q": "vrijwilliger"})
    assert "1 resultaat" in response.content.decode()
