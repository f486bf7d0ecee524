"""One workshop per essence: once every essence has one, the admin offers no new workshop."""

import pytest
from django.contrib.auth.models import User

from curriculum.models import WorkshopPage
from tests.factories import make_essence, make_home, make_series, make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "pw"))
    return client


def series_with_workshops(workshops: int):
    series = make_series(make_home())
    for number in range(1, 9):
        essence = make_essence(number=number, name=f"Essentie {number}")
        if number <= workshops:
            make_workshop(series, essence)
    return series


def add_url(series) -> str:
    return f"/admin/pages/add/curriculum/workshoppage/{series.pk}/"


def test_an_essence_without_a_workshop_may_get_one(admin_client):
    series = series_with_workshops(7)

    assert WorkshopPage.can_create_at(series)
    assert admin_client.get(add_url(series)).status_code == 200
    choices = admin_client.get(f"/admin/pages/{series.pk}/add_subpage/")
    # With one page type only, Wagtail skips the choice and opens the form straight away.
    assert choices.status_code == 302
    assert choices.url == add_url(series)


def test_no_new_workshop_once_every_essence_has_one(admin_client):
    series = series_with_workshops(8)

    assert not WorkshopPage.can_create_at(series)
    assert admin_client.get(add_url(series)).status_code == 403
    choices = admin_client.get(f"/admin/pages/{series.pk}/add_subpage/")
    assert add_url(series) not in choices.content.decode()


def test_the_series_editor_explains_why(admin_client):
    series = series_with_workshops(8)

    page = admin_client.get(f"/admin/pages/{series.pk}/edit/").content.decode()

    assert "maak geen nieuwe workshop maar pas een bestaande aan" in page
