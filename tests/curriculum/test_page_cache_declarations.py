"""The curriculum declares all its models public (curriculum/apps.py): a changed essence or
work method shows on the workshop pages at once."""

import pytest
from django.test import Client

from cms.models import SiteSettings
from tests.cms.test_page_cache import assert_cached, get
from tests.factories import make_essence, make_home, make_series, make_work_method

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("make", [make_essence, make_work_method])
def test_a_changed_snippet_empties_the_cache(make):
    home = make_home()
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)  # else made on first visit
    series = make_series(home)
    snippet = make()
    visitor = Client()
    assert_cached(visitor, series.url)
    snippet.name = f"{snippet.name} (herzien)"
    snippet.save()
    assert get(visitor, series.url)[1] == "miss"
