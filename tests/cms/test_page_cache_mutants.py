"""The invalidation half of the page cache (cms/page_cache.py), rule by rule: which models
empty the cache, that a generation never expires, that a cache that is down does not stop a
publish, and that connecting the receivers twice does not invalidate twice. Written after
`make mutation` showed that the page tests, which see the cache only from outside, let changes
to these rules through."""

import logging
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from cms import page_cache
from cms.models import StandardPage
from cms.page_cache import (
    DRAFT_FIELDS,
    GENERATION_KEY,
    WAGTAIL_CONTENT_APPS,
    WAGTAIL_NOT_SHOWN,
    content_labels,
    shown_publicly,
)
from curriculum.models import Essence
from library.models import ExpertPage, LoanEvent, LoanRequest
from tests.factories import make_essence, make_home, make_standard_page


@pytest.fixture(autouse=True)
def fresh_labels():
    """content_labels() is computed once per process; these tests compute it anew."""
    content_labels.cache_clear()
    yield
    content_labels.cache_clear()


class RecordingCache:
    """Stands in for the page cache: records what invalidate() stores, or fails like a
    cache server that is down."""

    DEFAULT = object()  # Django's "the backend's default timeout" (300 s)

    def __init__(self, error: Exception | None = None):
        self.stored = []
        self.error = error

    def set(self, key, value, timeout=DEFAULT):
        if self.error:
            raise self.error
        self.stored.append((key, value, timeout))


def fake_app(label, **declared):
    return SimpleNamespace(label=label, **declared)


def test_only_apps_that_declare_public_content_count(monkeypatch):
    configs = [
        fake_app("shop", public_content=True, not_on_public_pages=("order", "invoice")),
        fake_app("blog", public_content=True),  # every model shows
        fake_app("auth"),  # says nothing: not shown
        fake_app("stats", public_content=False, not_on_public_pages=("visit",)),
    ]
    monkeypatch.setattr(apps, "get_app_configs", lambda: configs)
    content, not_shown = content_labels()
    assert content == WAGTAIL_CONTENT_APPS | {"shop", "blog"}
    assert not_shown == WAGTAIL_NOT_SHOWN | {"shop.order", "shop.invoice"}
    assert isinstance(content, frozenset) and isinstance(not_shown, frozenset)


def test_this_projects_declarations():
    content, not_shown = content_labels()
    assert content == WAGTAIL_CONTENT_APPS | {"cms", "curriculum", "library"}
    assert not_shown >= WAGTAIL_NOT_SHOWN
    assert {"library.loanrequest", "library.loanevent"} <= not_shown
    assert shown_publicly(ExpertPage) and shown_publicly(StandardPage)
    assert not shown_publicly(LoanRequest) and not shown_publicly(LoanEvent)
    assert not shown_publicly(User)  # an app that declares nothing


def test_a_new_generation_never_expires(monkeypatch):
    cache = RecordingCache()
    monkeypatch.setattr(page_cache, "page_cache", lambda: cache)
    page_cache.invalidate()
    page_cache.invalidate()
    assert [(key, timeout) for key, _, timeout in cache.stored] == [(GENERATION_KEY, None)] * 2
    first, second = (value for _, value, _ in cache.stored)
    assert first != second  # never an old generation again


def test_a_cache_that_is_down_is_logged_and_the_change_goes_on(monkeypatch, caplog):
    monkeypatch.setattr(page_cache, "page_cache", lambda: RecordingCache(OSError("schijf vol")))
    with caplog.at_level(logging.ERROR, logger="cms.page_cache"):
        page_cache.invalidate()
    [record] = caplog.records
    assert record.getMessage() == "Paginacache niet bereikbaar bij het vernieuwen"
    assert record.levelno == logging.ERROR and record.exc_info[0] is OSError


@pytest.mark.django_db
def test_saving_exactly_the_draft_fields_keeps_the_cache(monkeypatch):
    calls = []
    monkeypatch.setattr(page_cache, "invalidate_after_change", lambda: calls.append("change"))
    page_cache.on_content_change(StandardPage, update_fields=frozenset(DRAFT_FIELDS))
    page_cache.on_content_change(StandardPage, update_fields={"draft_title"})
    assert calls == []
    page_cache.on_content_change(StandardPage, update_fields={"draft_title", "title"})
    page_cache.on_content_change(StandardPage, update_fields=None)
    page_cache.on_content_change(LoanRequest, update_fields=None)  # never on a public page
    assert calls == ["change", "change"]


@pytest.mark.django_db
def test_connecting_the_receivers_again_invalidates_once_per_change(monkeypatch):
    calls = []
    monkeypatch.setattr(page_cache, "invalidate_after_change", lambda: calls.append("change"))
    pk = make_standard_page(make_home(), "Over ons").pk

    def invalidations_per_change() -> list[int]:
        counts = []
        for change in (
            lambda: make_essence(),  # post_save of a model that shows
            lambda: StandardPage.objects.get(pk=pk).save_revision().publish(),
            lambda: StandardPage.objects.get(pk=pk).unpublish(),  # page_unpublished, page save
        ):
            calls.clear()
            change()
            counts.append(len(calls))
        return counts

    once = invalidations_per_change()
    assert all(once)
    Essence.objects.all().delete()
    page_cache.connect_invalidation()  # as a second ready() would
    assert invalidations_per_change() == once
