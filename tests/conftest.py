import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and Wagtail's caches live in Django's cache: each test starts empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
