"""The admin listings of the essences and the work methods: Dutch headings, readable cells."""

import re

import pytest
from django.contrib.auth.models import User

from tests.factories import make_essence, make_work_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "pw"))
    return client


def listing(client, url: str) -> tuple[list[str], str]:
    html = client.get(url).content.decode()
    table = re.search(r'<table class="listing.*?</table>', html, re.S).group(0)
    head = re.search(r"<thead.*?</thead>", table, re.S).group(0)
    headings = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<th\b.*?</th>", head, re.S)
    ]
    return [heading for heading in headings if heading], table


def test_work_methods_listing_has_dutch_headings_and_the_group_size(admin_client):
    method = make_work_method(group_size="tweetallen", source="Handreiking workshop 5")

    headings, table = listing(admin_client, "/admin/snippets/curriculum/workmethod/")

    assert headings == ["Naam", "Groepsgrootte", "Bron"]
    assert "tweetallen" in table
    assert "Handreiking workshop 5" in table
    # The name still opens the work method.
    assert f'href="/admin/snippets/curriculum/workmethod/edit/{method.pk}/"' in table


def test_essences_listing_reads_yes_or_no_in_dutch(admin_client):
    essence = make_essence(podcast_url="https://example.org/aflevering-5")

    headings, table = listing(admin_client, "/admin/snippets/curriculum/essence/")

    assert headings[:2] == ["Nummer", "Naam"]
    assert headings[-2:] == ["Leesvraag", "Podcast"]
    spoken = [
        " ".join(t.split()) for t in re.findall(r'class="w-sr-only">(.*?)</span>', table, re.S)
    ]
    assert spoken == ["Nee", "Ja"]  # no reading question, a podcast
    assert f'href="/admin/snippets/curriculum/essence/edit/{essence.pk}/"' in table
