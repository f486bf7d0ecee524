"""Suggestions for a learning goal (issue 17, point 8): the function, the loan form (without
and with JavaScript), the JSON endpoint, the loan desk and the unmatched-goals report."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms import roles
from library.catalogue import suggestions as suggestions_module
from library.catalogue.suggestions import goal_words, suggest_books
from library.catalogue.withdrawal import withdraw
from library.models import LoanRequest
from library.reporting import statistics
from tests.factories import make_expert, make_home, make_lending_catalogue, make_loan, user_in_group
from tests.library.test_loans import FORM_URL, form_data

GOAL = "Ik wil leren hoe ik een slechtnieuwsgesprek voer over dementie met de familie."
URL = "/expertbibliotheek/suggesties/"
BOX = "Misschien past een van deze boeken"


@pytest.fixture
def catalogue(db):
    return make_lending_catalogue(make_home())


@pytest.fixture
def books(catalogue):
    return {
        "question": make_expert(
            catalogue,
            "Samen beslissen",
            questions=["Hoe voer ik een slechtnieuwsgesprek met dementie in de familie?"],
            expert_name="Bram Jansen",
        ),
        "topic": make_expert(catalogue, "Leven met vergeetachtigheid", topics=["dementie"]),
        "other": make_expert(catalogue, "Pijn bij kanker", topics=["pijn"]),
    }


def titles(books) -> list[str]:
    return [book.title for book in books]


def test_goal_words_drop_stop_words_and_short_words():
    assert goal_words(GOAL) == ["slechtnieuwsgesprek", "voer", "dementie", "familie"]
    assert goal_words("Ik wil het leren, met je.") == []


def test_a_matching_question_or_topic_ranks_above_a_cover_that_does_not(books):
    # The question matches four words, the topic one: the question's cover comes first.
    assert titles(suggest_books(GOAL)) == ["Samen beslissen", "Leven met vergeetachtigheid"]
    assert titles(suggest_books("Pijnbestrijding of pijn bij kanker")) == ["Pijn bij kanker"]
    assert suggest_books("Iets heel anders: beademing") == []


def test_at_most_three_and_equal_scores_in_title_order(catalogue):
    # Created in reverse order: the order comes from the titles, not from the database.
    for letter in "EDCBA":
        make_expert(catalogue, f"Boek {letter}", topics=["dementie"], summary="Zelfde tekst.")
    assert titles(suggest_books("Omgaan met dementie")) == ["Boek A", "Boek B", "Boek C"]
    assert titles(suggest_books("Omgaan met dementie", limit=1)) == ["Boek A"]


def test_never_a_draft_withdrawn_or_restricted_cover(catalogue):
    make_expert(catalogue, "Open boek", topics=["dementie"])
    draft = make_expert(catalogue, "Concept", topics=["dementie"])
    draft.unpublish()
    withdraw(make_expert(catalogue, "Vertrokken", topics=["dementie"]), notify=False)
    restricted = make_expert(catalogue, "Besloten", topics=["dementie"])
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert titles(suggest_books("Dementie bespreken")) == ["Open boek"]


def test_no_expert_found_still_sends_and_the_thank_you_page_suggests(client, books):
    response = client.post(FORM_URL, form_data("geen", learning_goals=GOAL), follow=True)
    html = response.content.decode()
    assert "Bedankt, je aanvraag is verstuurd" in html
    assert LoanRequest.objects.get().expert is None
    assert BOX in html and "Samen beslissen" in html and books["question"].url in html
    assert "Pijn bij kanker" not in html


def test_a_request_with_a_book_gets_no_suggestions(client, books):
    html = client.post(FORM_URL, form_data(books["other"].pk, learning_goals=GOAL)).content
    assert BOX not in html.decode()


def test_a_form_with_errors_suggests_and_keeps_the_input(client, books):
    response = client.post(FORM_URL, form_data("", name="", learning_goals=GOAL))
    html = response.content.decode()
    assert response.status_code == 200 and not LoanRequest.objects.exists()
    assert BOX in html
    assert f'href="{FORM_URL}?expert={books["question"].pk}"' in html
    assert GOAL in html and "Dr. P. Visser" in html  # what the resident typed stays
    assert "Pijn bij kanker</a>" not in html


def test_the_form_page_loads_the_script_and_has_a_live_region(client, books):
    html = client.get(FORM_URL).content.decode()
    assert '<script src="/static/js/suggestions.js" defer></script>' in html
    assert 'id="goal-suggestions" aria-live="polite"' in html
    assert f'data-url="{URL}"' in html
    assert BOX not in html  # nothing typed yet


def test_the_endpoint_answers_public_data_only(client, books):
    response = client.get(URL, {"q": GOAL})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data == {
        "books": [
            {"title": "Samen beslissen", "expert": "Bram Jansen", "url": books["question"].url},
            {
                "title": "Leven met vergeetachtigheid",
                "expert": "Anna de Vries",
                "url": books["topic"].url,
            },
        ]
    }
    assert "@" not in response.content.decode()  # no private e-mail addresses
    assert json.loads(client.get(URL).content) == {"books": []}


def test_the_endpoint_reads_at_most_500_characters(client, books):
    padding = "x" * 495 + " "
    assert json.loads(client.get(URL, {"q": padding + "dementie"}).content) == {"books": []}
    assert json.loads(client.get(URL, {"q": "y" * 490 + " dementie"}).content)["books"]


def test_the_endpoint_is_rate_limited(client, books, monkeypatch):
    monkeypatch.setattr(suggestions_module, "ASKS_PER_CLIENT_PER_HOUR", 2)
    assert client.get(URL, {"q": GOAL}).status_code == 200
    assert client.get(URL, {"q": GOAL}).status_code == 200
    refused = client.get(URL, {"q": GOAL})
    assert refused.status_code == 429 and json.loads(refused.content)["books"] == []


@pytest.fixture
def desk(client, db):
    client.force_login(user_in_group(roles.SECRETARIAT))
    return client


def test_the_desk_suggests_books_for_a_request_without_one(desk, books):
    loan = make_loan(learning_goals=GOAL)
    html = desk.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "Suggesties bij dit leerdoel" in html
    assert "Samen beslissen (Bram Jansen)" in html
    assert f"/admin/leenbalie/{loan.pk}/boek/" in html
    with_book = make_loan(books["other"], learning_goals=GOAL)
    html = desk.get(f"/admin/leenbalie/inspect/{with_book.pk}/").content.decode()
    assert "Suggesties bij dit leerdoel" not in html


def test_the_unmatched_goals_report_shows_the_suggestions(client, books):
    make_loan(learning_goals=GOAL)
    make_loan(learning_goals="Beademing thuis regelen")
    today = timezone.localdate()
    period = (today - datetime.timedelta(days=1), today + datetime.timedelta(days=1))
    rows = statistics.unmatched_goals(*period)
    assert [row.suggestions for row in rows] == [
        "Samen beslissen, Leven met vergeetachtigheid",
        "geen",
    ]
    client.force_login(user_in_group(roles.WORKING_GROUP))
    page = client.get(
        "/admin/rapporten/leerdoelen-zonder-expert/",
        {"start": period[0].isoformat(), "end": period[1].isoformat()},
    )
    html = page.content.decode()
    assert "Suggesties" in html and "Samen beslissen, Leven met vergeetachtigheid" in html


def test_a_form_sent_back_uses_the_same_limit_on_searches(client, books, monkeypatch):
    monkeypatch.setattr(suggestions_module, "ASKS_PER_CLIENT_PER_HOUR", 1)
    data = {"learning_goals": "Pijnbestrijding of pijn bij kanker", "email": ""}
    first = client.post("/expertbibliotheek/lenen/", data)
    second = client.post("/expertbibliotheek/lenen/", data)
    assert first.context["suggestions"] and second.context["suggestions"] == []


def test_a_form_with_errors_and_a_chosen_book_suggests_nothing(client, books):
    # Suggestions above the errors would read as if the chosen book were lost.
    html = client.post(FORM_URL, form_data(books["other"].pk, name="", learning_goals=GOAL))
    assert "Vul je naam in." in html.content.decode()
    assert BOX not in html.content.decode()
