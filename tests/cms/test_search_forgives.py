"""The site search forgives: the start of a word finds what the whole word finds ("sedat" the
cover about sedatie, "dement" the covers about dementie), as someone types.

Wagtail's database backend indexes a page when it is published (the factories publish), the
start of a word is searched in the pages' AutocompleteFields. Runs on SQLite and on PostgreSQL
(scripts/with-postgres.sh), where the start of a word is matched without stemming ('simple').
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import make_catalogue, make_expert, make_home, make_standard_page

SEDATION = "Als slapen de enige uitweg is"
DEMENTIA = "Als het geheugen verdwijnt"


@pytest.fixture
def site(db):
    home = make_home()
    catalogue = make_catalogue(home)
    # Neither title has the word: the start of the word is found in the summary and the topics.
    make_expert(
        catalogue,
        SEDATION,
        summary="Over palliatieve sedatie in de laatste levensfase.",
        expert_name="Carla Smit",
    )
    make_expert(
        catalogue,
        DEMENTIA,
        summary="Over zorg voor mensen met een verward geheugen.",
        expert_name="Bram Jansen",
        topics=["dementie"],
    )
    make_expert(catalogue, "Hoop houden", expert_name="Eva Bakker")
    draft = make_expert(
        catalogue, "Concept over sedatiebeleid", summary="Sedatiebeleid, nog niet klaar."
    )
    draft.unpublish()
    return {"home": home, "catalogue": catalogue}


def titles(client: Client, typed: str, **params) -> list[str]:
    content = client.get("/zoeken/", {"q": typed, **params}).content.decode()
    results = content.split('class="search-results"')[1] if "search-results" in content else ""
    return re.findall(r"<h2><a href=\"[^\"]*\">([^<]*)</a></h2>", results)


@pytest.mark.parametrize(
    "typed", ["sedat", "seda", "SEDAT", "sedatie", "palliatieve sedat", "sedat pallia"]
)
def test_the_start_of_a_word_finds_the_sedation_cover(client, site, typed):
    assert titles(client, typed) == [SEDATION]


@pytest.mark.parametrize(
    "typed", ["dement", "demen", "dementie", "geheugen dement", "dement geheug"]
)
def test_the_start_of_a_word_finds_the_dementia_cover(client, site, typed):
    assert titles(client, typed) == [DEMENTIA]


def test_the_count_says_what_the_start_of_a_word_found(client, site):
    content = client.get("/zoeken/", {"q": "sedat"}).content.decode()
    assert "1 resultaat voor ‘sedat’" in content


def test_a_draft_cover_is_not_found_by_the_start_of_a_word(client, site):
    assert "Concept over sedatiebeleid" not in titles(client, "sedatiebel")
    assert titles(client, "sedatiebel") == []


def test_a_page_that_is_not_public_is_not_found_by_the_start_of_a_word(client, site):
    from wagtail.models import PageViewRestriction

    secret = make_standard_page(site["home"], "Intern", introduction="Overdrachtsprotocol.")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert titles(client, "overdracht") == []


def test_a_nonsense_start_of_a_word_finds_nothing_and_says_so(client, site):
    content = client.get("/zoeken/", {"q": "xqzv"}).content.decode()
    assert "0 resultaten voor ‘xqzv’" in content
    assert "Probeer een ander" in content
    assert 'class="search-results"' not in content


def test_every_word_must_start_a_word_of_the_page(client, site):
    # "dement" is on the dementia cover, "sedat" on the sedation cover: no cover has both.
    assert titles(client, "sedat dement") == []


def test_pages_with_the_whole_word_come_before_pages_with_a_longer_word(client, site):
    home = site["home"]
    make_standard_page(home, "Vooruit plannen", introduction="Over zorgplanning met je naasten.")
    make_standard_page(home, "Thuis", introduction="Over zorg thuis.")
    # Dutch glues words together: the whole word "zorg" does not find "zorgplanning", so both
    # searches are merged, the whole word first, not only when the whole word finds nothing.
    found = titles(client, "zorg")
    assert found[0] == "Thuis"
    assert set(found) == {"Thuis", "Vooruit plannen", DEMENTIA}
    assert len(found) == len(set(found))  # a page found both ways is shown once


def test_a_standard_page_is_found_by_the_start_of_a_word_in_its_body(client, site):
    make_standard_page(
        site["home"],
        "Over ons",
        body=[{"type": "paragraph", "value": "<p>Wij werken samen met hospices.</p>"}],
    )
    assert titles(client, "hospic") == ["Over ons"]


def test_results_found_by_the_start_of_a_word_are_paginated(client, site):
    for number in range(12):
        make_standard_page(site["home"], f"Casus {number}", introduction="Over dementiezorg.")
    content = client.get("/zoeken/", {"q": "dement"}).content.decode()
    assert "13 resultaten voor ‘dement’" in content
    assert "Pagina 1 van 2" in content
    assert len(titles(client, "dement")) == 10
    second = titles(client, "dement", pagina="2")
    assert len(second) == 3
    assert not set(second) & set(titles(client, "dement"))


def catalogue_titles(client: Client, site, typed: str, **filters) -> list[str]:
    content = client.get(site["catalogue"].url, {"q": typed, **filters}).content.decode()
    return re.findall(r'<h3 class="book-card__title"[^>]*><a [^>]*>([^<]*)</a>', content)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sedat", [SEDATION]),
        ("dement", [DEMENTIA]),
        ("palliatieve sedat", [SEDATION]),
        ("sedat dement", []),  # every word counts in the catalogue, as before
    ],
)
def test_the_catalogue_search_finds_the_start_of_a_word_too(client, site, typed, expected):
    assert catalogue_titles(client, site, typed) == expected


def test_the_catalogue_search_by_the_start_of_a_word_keeps_the_filters(client, site):
    assert catalogue_titles(client, site, "sedat", soort="professional") == [SEDATION]
    assert catalogue_titles(client, site, "sedat", soort="volunteer") == []
