"""The cover rules (ExpertPageQuerySet), each condition on its own: the mutants that survived
`make mutation` showed that the other tests only ever met a withdrawn cover that was also
unpublished, and an absent expert whose date and status changed together."""

import datetime

import pytest

from library.models import ExpertPage
from library.models.querysets import Availability
from tests.factories import make_catalogue, make_expert, make_home

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def catalogue():
    return make_catalogue(make_home())


def titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


def set_availability(expert, availability, absent_until=None):
    # As the data can stand after an import or an old edit; the form itself would ask for a date.
    ExpertPage.objects.filter(pk=expert.pk).update(
        availability=availability, absent_until=absent_until
    )


def test_a_live_cover_marked_withdrawn_is_not_published(catalogue):
    make_expert(catalogue, "Open Boek")
    set_availability(make_expert(catalogue, "Teruggetreden Boek"), Availability.WITHDRAWN)
    # Still live and public: only the availability keeps it off the site.
    assert ExpertPage.objects.live().public().count() == 2
    assert titles(ExpertPage.objects.published()) == {"Open Boek"}
    assert titles(ExpertPage.objects.borrowable(TODAY)) == {"Open Boek"}


def test_absent_expert_is_borrowable_again_the_day_after_the_date(catalogue):
    set_availability(
        make_expert(catalogue, "Tot Gisteren"), Availability.ABSENT, TODAY.replace(day=9)
    )
    set_availability(make_expert(catalogue, "Tot Vandaag"), Availability.ABSENT, TODAY)
    set_availability(
        make_expert(catalogue, "Tot Morgen"), Availability.ABSENT, TODAY.replace(day=11)
    )
    assert titles(ExpertPage.objects.borrowable(TODAY)) == {"Tot Gisteren"}
    # Absent or not, the cover stays on the site.
    assert len(titles(ExpertPage.objects.published())) == 3


def test_a_date_alone_does_not_make_an_expert_absent(catalogue):
    # An available expert with a stale "absent until" left in the field.
    set_availability(make_expert(catalogue, "Weer Terug"), Availability.AVAILABLE, TODAY)
    assert titles(ExpertPage.objects.borrowable(TODAY)) == {"Weer Terug"}


def test_borrowable_without_a_date_means_today(catalogue, monkeypatch):
    set_availability(make_expert(catalogue, "Tot Vandaag"), Availability.ABSENT, TODAY)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)
    assert titles(ExpertPage.objects.borrowable()) == set()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY.replace(day=11))
    assert titles(ExpertPage.objects.borrowable()) == {"Tot Vandaag"}
