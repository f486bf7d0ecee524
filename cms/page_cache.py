"""Anonymous visitors get published pages from Django's cache; editors never do.

Built on Django's cache framework (`get_cache_key`/`learn_cache_key`, the functions behind its
per-site cache middleware). Django's own middleware cannot skip logged-in users nor be
invalidated as a whole, so this one adds two things: it only serves and stores requests
without a session, and every key carries a *generation* that any change to published content
replaces. The generation lives in the cache itself, so with a shared Redis every app server
sees a change at once. Each process keeps what it served recently in memory in front of the
shared cache (`NearCache`), so a hit costs one round trip to Redis instead of three.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils.cache import get_cache_key, learn_cache_key

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/admin/", "/documenten/", "/evaluatie/", "/static/", "/media/")


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation() -> str:
    cache = page_cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY)
    return current


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
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    # A form's CSRF token belongs to one visitor; never share a page that carries one.
    return b"csrfmiddlewaretoken" not in response.content


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_SECONDS", 0) or not cacheable_request(request):
            return self.get_response(request)
        cache = NearCache(page_cache())
        prefix = f"page-cache:{generation()}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            key = learn_cache_key(
                request, response, settings.PAGE_CACHE_SECONDS, prefix, cache=cache
            )
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response


# What visitors see comes from these apps; within them, these models are never shown publicly
# (or are written while a page renders, like image renditions), so they do not invalidate.
CONTENT_APPS = frozenset(
    {
        "cms",
        "curriculum",
        "library",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "taggit",
    }
)
NOT_SHOWN = frozenset(
    {
        "library.loanrequest",
        "library.loanevent",
        "library.loanformsubmission",
        "library.evaluation",
        "library.remindersent",
        "library.supervisor",
        "library.emailtemplate",
        "library.businesscasesettings",
        "library.loanprocesssettings",
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


def shown_publicly(model) -> bool:
    meta = model._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_SHOWN


def on_content_change(sender, **kwargs) -> None:
    if shown_publicly(sender):
        invalidate()


def on_page_change(sender, **kwargs) -> None:
    invalidate()


def connect_invalidation() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(on_content_change, dispatch_uid=f"page-cache-{id(signal)}")
    # Moves update the tree with queries, without post_save; publish and unpublish are
    # covered by post_save too but are the events that matter, so connect them explicitly.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid=f"page-cache-page-{id(signal)}")
