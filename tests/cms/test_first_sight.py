"""Issue 19, first pieces: search results say what they are, the site says "je", and the admin
makes no call to another host."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import (
    make_catalogue,
    make_essence,
    make_expert,
    make_home,
    make_series,
    make_standard_page,
    make_workshop,
)

pytestmark = pytest.mark.django_db


def test_search_results_say_what_they_are(client: Client):
    home = make_home()
    make_standard_page(home, "Over het gesprek", introduction="Een gesprek over hoop.")
    make_expert(make_catalogue(home), "Een gesprek over hoop", expert_name="Bram")
    make_workshop(make_series(home), make_essence(), title="Een gesprek over de toekomst")
    html = client.get("/zoeken/", {"q": "gesprek"}).content.decode()
    kinds = [part.split("<")[0] for part in html.split('class="search-results__kind">')[1:]]
    assert {"Boek", "Pagina", "Workshop"} <= set(kinds)


def test_the_search_and_not_found_pages_say_je(client: Client):
    make_home()
    assert "Waar zoek je naar?" in client.get("/zoeken/").content.decode()
    missing = client.get("/bestaat-niet/")
    assert missing.status_code == 404
    text = missing.content.decode()
    assert "die je zoekt" in text and " u " not in text


def test_wagtail_does_not_ask_another_host_for_its_newest_version():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
