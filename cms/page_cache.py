"""Anonymous visitors get published pages from Django's cache; editors never do.

Built on Django's cache framework (`get_cache_key`/`learn_cache_key`, the functions behind its
per-site cache middleware). Django's own middleware cannot skip logged-in users nor be
invalidated as a whole, so this one adds two things: it only serves and stores requests
without a session, and every key carries a *generation* that any change to published content
replaces. The generation lives in the cache itself, so with a shared Redis every app server
sees a change at once. Each process keeps what it served recently in memory in front of the
shared cache (`NearCache`), so a hit costs one round trip to Redis instead of three.

Several networks (Wagtail sites) share the cache without mixing: Django's keys hash the
absolute URL, host included, so "/" on one network's hostname is another entry than "/" on
the next (tests/cms/test_caches_per_network.py). The generation is one for the whole
installation on purpose: a publish on one network can change what another shows (the national
curriculum's aliases, which Wagtail republishes with their original; snippets, images and
documents shared by all), and one extra render per page is cheaper than finding out which.
"""

from __future__ import annotations

import functools
import logging
import uuid
from contextlib import contextmanager

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils.cache import get_cache_key, learn_cache_key

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# A cache server that is down or a full disk: the site then renders every page itself.
CACHE_ERRORS = (OSError, redis.RedisError)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> str:
    return page_cache().get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)


class NearCache:
    """This process's recent pages, in front of the shared cache, for Django's key functions.

    The keys carry the generation, so no entry here outlives an invalidation: only the
    generation itself is read from the shared cache on every request. Large responses (all
    eight guides in one PDF) are left to the shared cache alone.
    """

    MAX_BYTES = 512 * 1024
    local = LocMemCache("page-cache-near", {"OPTIONS": {"MAX_ENTRIES": 300}})

    def __init__(self, shared) -> None:
        self.shared = shared

    def keep_local(self, value) -> bool:
        return len(getattr(value, "content", b"")) <= self.MAX_BYTES

    def get(self, key, default=None):
        value = self.local.get(key)
        if value is None:
            value = self.shared.get(key)
            if value is not None and self.keep_local(value):
                self.local.set(key, value, settings.PAGE_CACHE_SECONDS)
        return default if value is None else value

    def set(self, key, value, timeout) -> None:
        self.shared.set(key, value, timeout)
        if self.keep_local(value):
            self.local.set(key, value, timeout)


def invalidate() -> None:
    """Forget every cached page: a new generation, never an old one reused."""
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except CACHE_ERRORS:
        # A publish must not fail on the cache; a cache server that lost its data has
        # lost the old generation too.
        logger.exception("Paginacache niet bereikbaar bij het vernieuwen")


def invalidate_after_change() -> None:
    """Now, and again when the transaction commits: a request that rendered the old content
    in between would otherwise store it under the new generation."""
    invalidate()
    transaction.on_commit(invalidate)


def cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/admin/")
    )


def cacheable_response(response) -> bool:
    # A page with a form sets the CSRF cookie, so `cookies` also keeps out every page with
    # a CSRF token: it belongs to one visitor.
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-cache", "no-store"))


@contextmanager
def keyed_without_cookies(request):
    """Cache keys as if the request carried no cookies.

    Pages vary on Cookie (the user bar reads the session), so every visitor with a cookie of
    their own (the year-long CSRF cookie after opening the loan form, any analytics cookie)
    would get private copies. Requests here have no session, and pages that set or read other
    cookies are never stored, so the cookies cannot change what is served.
    """
    cookie = request.META.pop("HTTP_COOKIE", None)
    try:
        yield
    finally:
        if cookie is not None:
            request.META["HTTP_COOKIE"] = cookie


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        try:
            cache = NearCache(page_cache())
            prefix = f"page-cache:{generation()}"
            with keyed_without_cookies(request):
                key = get_cache_key(request, prefix, "GET", cache=cache)
            cached = cache.get(key) if key is not None else None
        except CACHE_ERRORS:
            logger.warning("Paginacache niet bereikbaar; pagina zonder cache", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(response):
            response["X-Page-Cache"] = "miss"
            try:
                with keyed_without_cookies(request):
                    key = learn_cache_key(
                        request, response, settings.PAGE_CACHE_SECONDS, prefix, cache=cache
                    )
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            except CACHE_ERRORS:
                logger.warning("Paginacache niet bereikbaar; niet bewaard", exc_info=True)
        return response


# What visitors see comes from Wagtail's content apps and from every app whose AppConfig says
# `public_content = True`; within them, the models an app lists in `not_on_public_pages` (and
# Wagtail's bookkeeping below, or models written while a page renders, like image renditions)
# never show, so saving them does not empty the cache. Each app declares its own models, so
# `cms` names none of them.
WAGTAIL_CONTENT_APPS = frozenset(
    {"wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit"}
)
WAGTAIL_NOT_SHOWN = frozenset(
    {
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.referenceindex",
        "wagtailcore.uploadedfile",
        "wagtailimages.rendition",
    }
)


@functools.cache
def content_labels() -> tuple[frozenset[str], frozenset[str]]:
    """(apps whose models visitors may see, model labels they never see), once per process."""
    from django.apps import apps

    content, not_shown = set(WAGTAIL_CONTENT_APPS), set(WAGTAIL_NOT_SHOWN)
    for config in apps.get_app_configs():
        if getattr(config, "public_content", False):
            content.add(config.label)
            not_shown.update(
                f"{config.label}.{name}" for name in getattr(config, "not_on_public_pages", ())
            )
    return frozenset(content), frozenset(not_shown)


def shown_publicly(model) -> bool:
    meta = model._meta
    content, not_shown = content_labels()
    return meta.app_label in content and meta.label_lower not in not_shown


# Saving a draft (and Wagtail's autosave, while an editor types) writes only these fields of
# a page or snippet; visitors see none of them, so they must not empty the cache.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def on_content_change(sender, update_fields=None, **kwargs) -> None:
    if not shown_publicly(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    invalidate_after_change()


def on_page_change(sender, **kwargs) -> None:
    invalidate_after_change()


def connect_invalidation() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(on_content_change, dispatch_uid="page-cache")
    # Sent after Wagtail's own transactions; publishing also saves the page, but these are
    # the events that matter, so they are connected explicitly.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid="page-cache-page")
