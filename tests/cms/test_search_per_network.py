"""The site search (/zoeken/) of a network finds only the pages in that network's tree (its own
pages and the shared pages it holds as Wagtail aliases) and the covers other networks lend
out, never another network's other pages."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import (
    make_catalogue,
    make_expert,
    make_home,
    make_network,
    make_standard_page,
)

EAST = "oost.example.test"


@pytest.fixture
def networks_with_pages(db):
    home_west = make_home()
    make_standard_page(home_west, "Sedatie in het westen")
    shared = make_standard_page(home_west, "Kwaliteitskader voor iedereen")
    lent = make_expert(
        make_catalogue(home_west),
        "Sedatie op afstand",
        summary="Over palliatieve sedatie.",
        lend_to_other_networks=True,
    )
    _site, home_east = make_network("Netwerk Oost", EAST)
    make_standard_page(home_east, "Sedatie in het oosten")
    alias = shared.create_alias(parent=home_east, update_slug="kwaliteitskader")
    return {"shared": shared, "alias": alias, "lent": lent}


def found(host: str | None, query: str) -> list[str]:
    client = Client(HTTP_HOST=host) if host else Client()
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_each_network_finds_only_its_own_pages(networks_with_pages):
    assert sorted(found(None, "sedatie")) == ["Sedatie in het westen", "Sedatie op afstand"]
    # A cover the west lends out is found in the east too (as in its catalogue); the west's
    # own pages never are.
    assert sorted(found(EAST, "sedatie")) == ["Sedatie in het oosten", "Sedatie op afstand"]


def test_the_start_of_a_word_stays_within_the_network(networks_with_pages):
    east = found(EAST, "ooste")
    assert "Sedatie in het oosten" in east
    # PostgreSQL's Dutch stemming also finds the east's home ("Netwerk Oost"): still its own.
    assert set(east) <= {"Sedatie in het oosten", "Netwerk Oost"}
    assert found(None, "ooste") == []


def test_shared_pages_are_found_through_the_networks_own_alias(networks_with_pages):
    west = Client().get("/zoeken/", {"q": "kwaliteitskader"})
    east = Client(HTTP_HOST=EAST).get("/zoeken/", {"q": "kwaliteitskader"})
    assert [page.pk for page in west.context["results"]] == [networks_with_pages["shared"].pk]
    assert [page.pk for page in east.context["results"]] == [networks_with_pages["alias"].pk]
    assert 'href="/kwaliteitskader/"' in east.content.decode()
