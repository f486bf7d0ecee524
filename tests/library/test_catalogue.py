import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_catalogue, make_essence, make_expert, make_home


def titles(client, catalogue, **params):
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    content = response.content.decode()
    return {title for title in ALL_TITLES if f">{title}</a></h3>" in content}


ALL_TITLES = {
    "Pijn bij kanker",
    "Hoop houden",
    "Veeleisende naasten",
    "Afscheid nemen als vrijwilliger",
    "Rouw na verlies",
    "Een teruggetrokken boek",
}


@pytest.fixture
def catalogue(db):
    home = make_home()
    catalogue = make_catalogue(home)
    marking = make_essence(1, "Markering")
    communication = make_essence(7, "Effectieve communicatie")
    make_expert(
        catalogue,
        "Pijn bij kanker",
        topics=["pijn"],
        areas=["medisch-handelen"],
        essences=[marking],
        conversation_form="in_person",
        role="Anesthesioloog-pijnspecialist",
        questions=["Wanneer kies ik voor methadon?"],
    )
    make_expert(
        catalogue,
        "Hoop houden",
        topics=["hoop", "zingeving"],
        areas=["communiceren", "professionaliteit"],
        essences=[communication],
        conversation_form="video",
        role="Geestelijk verzorger",
        expert_name="Bram Jansen",
    )
    make_expert(
        catalogue,
        "Veeleisende naasten",
        topics=["naasten"],
        areas=["communiceren"],
        essences=[communication],
        conversation_form="both",
        availability="absent",
        absent_until=timezone.localdate() + datetime.timedelta(days=10),
    )
    make_expert(
        catalogue,
        "Afscheid nemen als vrijwilliger",
        kind="volunteer",
        role="VPTZ-vrijwilliger",
        topics=["afscheid"],
        areas=["professionaliteit"],
    )
    make_expert(
        catalogue,
        "Rouw na verlies",
        kind="bereaved",
        role="Nabestaande",
        topics=["rouw", "zingeving"],
        areas=["professionaliteit"],
    )
    withdrawn = make_expert(catalogue, "Een teruggetrokken boek", topics=["pijn"])
    withdrawn.availability = "withdrawn"
    withdrawn.save_revision().publish()
    return catalogue


def test_every_published_book_and_never_a_withdrawn_one(client, catalogue):
    assert titles(client, catalogue) == ALL_TITLES - {"Een teruggetrokken boek"}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"soort": "professional"}, {"Pijn bij kanker", "Hoop houden", "Veeleisende naasten"}),
        ({"soort": "volunteer"}, {"Afscheid nemen als vrijwilliger"}),
        ({"soort": "experience"}, {"Rouw na verlies"}),
        ({"gebied": "communiceren"}, {"Hoop houden", "Veeleisende naasten"}),
        ({"essentie": "7"}, {"Hoop houden", "Veeleisende naasten"}),
        ({"onderwerp": "zingeving"}, {"Hoop houden", "Rouw na verlies"}),
        ({"onderwerp": "pijn"}, {"Pijn bij kanker"}),
        (
            {"vorm": "video"},
            {
                "Hoop houden",
                "Veeleisende naasten",
                "Afscheid nemen als vrijwilliger",
                "Rouw na verlies",
            },
        ),
        (
            {"vorm": "in_person"},
            {
                "Pijn bij kanker",
                "Veeleisende naasten",
                "Afscheid nemen als vrijwilliger",
                "Rouw na verlies",
            },
        ),
        ({"beschikbaar": "1", "gebied": "communiceren"}, {"Hoop houden"}),
        ({"q": "methadon"}, {"Pijn bij kanker"}),
        ({"q": "Bram Jansen"}, {"Hoop houden"}),
        ({"q": "zingeving", "soort": "experience"}, {"Rouw na verlies"}),
        (
            {"gebied": "professionaliteit", "onderwerp": "zingeving", "essentie": "7"},
            {"Hoop houden"},
        ),
        ({"q": "bestaatnergens"}, set()),
        ({"soort": "onzin", "essentie": "99"}, ALL_TITLES - {"Een teruggetrokken boek"}),
    ],
)
def test_filters_and_search_narrow_the_catalogue(client, catalogue, params, expected):
    assert titles(client, catalogue, **params) == expected


def test_empty_result_points_to_the_learning_goal_path(client, catalogue):
    content = client.get(catalogue.url, {"q": "bestaatnergens"}).content.decode()
    assert "Geen boek gevonden met deze keuzes" in content
    assert 'href="/expertbibliotheek/lenen/?expert=geen"' in content


def test_absent_expert_shows_return_date(client, catalogue):
    content = client.get(catalogue.url).content.decode()
    back = timezone.localdate() + datetime.timedelta(days=10)
    assert "Afwezig tot en met" in content
    assert str(back.day) in content


def test_pagination_keeps_the_filters(client, catalogue):
    for number in range(30):
        make_expert(catalogue, f"Extra boek {number:02d}", topics=["extra"], slug=f"extra-{number}")
    first = client.get(catalogue.url, {"onderwerp": "extra"}).content.decode()
    assert "30 boeken gevonden" in first
    assert "onderwerp=extra&amp;pagina=2" in first
    second = client.get(catalogue.url, {"onderwerp": "extra", "pagina": "2"}).content.decode()
    assert "Extra boek 29" in second


def count_queries(client, url, params=None) -> int:
    client.get(url, params)  # warm Wagtail's site root cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_books(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count what rendering the page costs
    catalogue = make_catalogue(make_home())
    essence = make_essence(3, "Proactieve zorgplanning")

    def add_books(start, end):
        for number in range(start, end):
            make_expert(
                catalogue,
                f"Boek {number:03d}",
                slug=f"boek-{number}",
                topics=["pijn", f"onderwerp-{number % 7}"],
                areas=["communiceren"],
                essences=[essence],
            )

    add_books(0, 20)
    small = count_queries(client, catalogue.url)
    small_filtered = count_queries(client, catalogue.url, {"gebied": "communiceren", "q": "boek"})
    add_books(20, 200)
    assert count_queries(client, catalogue.url) == small
    assert (
        count_queries(client, catalogue.url, {"gebied": "communiceren", "q": "boek"})
        == small_filtered
    )
    # 16: one more than before, since "published" also reads the view restrictions above the
    # covers (PageQuerySet.public()); what matters is that it does not grow with the books.
    # A search asks twice (whole words, then the start of a word: cms.search).
    assert small <= 16 and small_filtered <= 18, (small, small_filtered)
