"""Issue 19, phones: the catalogue's filters sit behind a "Filters" disclosure (<details>) whose
summary says how many filters are active; the filters inside still filter."""

import re

import pytest

from tests.factories import make_catalogue, make_expert, make_home


@pytest.fixture
def catalogue(db):
    catalogue = make_catalogue(make_home())
    make_expert(catalogue, "Pijn bij kanker", topics=["pijn"], conversation_form="in_person")
    make_expert(catalogue, "Hoop houden", topics=["hoop"], conversation_form="video")
    make_expert(catalogue, "Rouw na verlies", kind="bereaved", role="Nabestaande", topics=["rouw"])
    return catalogue


def get(client, catalogue, **params) -> str:
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    return response.content.decode()


def summary(content: str) -> str:
    """The disclosure's summary as text, tags stripped and whitespace collapsed."""
    match = re.search(
        r'<details class="filters__more"[^>]*>\s*<summary[^>]*>(.*?)</summary>', content, re.S
    )
    assert match, "the filters are not behind a <details>/<summary> disclosure"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def disclosure(content: str) -> str:
    match = re.search(r'<details class="filters__more"[^>]*>(.*?)</details>', content, re.S)
    assert match
    return match.group(1)


def test_the_filters_sit_in_a_closed_disclosure_inside_the_form(client, catalogue):
    content = get(client, catalogue)
    form = re.search(r'<form class="filters".*?</form>', content, re.S).group(0)
    assert '<details class="filters__more">' in form  # closed on load: no `open`
    inside = disclosure(content)
    for name in ("soort", "gebied", "essentie", "onderwerp", "vorm", "beschikbaar"):
        assert f'name="{name}"' in inside
    # The search box and the submit button stay in view.
    assert 'name="q"' not in inside
    assert "Toon boeken" not in inside
    assert "Toon boeken" in form


def test_no_filter_no_count(client, catalogue):
    assert summary(get(client, catalogue)) == "Filters"
    # The search text is not a filter behind the disclosure: it is in view.
    assert summary(get(client, catalogue, q="pijn")) == "Filters"


def test_one_active_filter(client, catalogue):
    assert summary(get(client, catalogue, soort="experience")) == "Filters (1 actief)"
    assert summary(get(client, catalogue, beschikbaar="1")) == "Filters (1 actief)"


def test_two_active_filters(client, catalogue):
    content = get(client, catalogue, onderwerp="pijn", vorm="in_person", q="kanker")
    assert summary(content) == "Filters (2 actief)"


def test_unknown_values_are_not_counted(client, catalogue):
    assert summary(get(client, catalogue, soort="onzin", essentie="99")) == "Filters"


def test_filters_inside_the_disclosure_still_filter(client, catalogue):
    content = get(client, catalogue, soort="experience")
    assert ">Rouw na verlies</a>" in content
    assert ">Pijn bij kanker</a>" not in content
    assert '<option value="experience" selected>' in disclosure(content)

    content = get(client, catalogue, onderwerp="hoop", vorm="video")
    assert ">Hoop houden</a>" in content
    assert ">Pijn bij kanker</a>" not in content
    assert ">Rouw na verlies</a>" not in content


def test_the_filters_land_on_the_results(client, catalogue):
    # On a phone the results start below the introduction and the filters: applying them
    # scrolls to the count of books found.
    content = get(client, catalogue, soort="experience")
    assert f'action="{catalogue.url}#results-title"' in content
    assert re.search(r'<h2 id="results-title"[^>]*>1 boek gevonden</h2>', content)
