"""Counting attempts in Django's shared cache, so every app server and worker sees one count.

Checking a count and then raising it are two steps another request can slip between (ten
parallel posts were all accepted); `take` reserves a slot in one atomic step instead:
`cache.add` creates the counter only if it is missing and `cache.incr` raises it, both atomic
in Redis, in the in-process memory cache and in this site's file cache (cms/cache.py).
"""

from __future__ import annotations

from django.core.cache import cache


def take(key: str, limit: int, window_seconds: int = 60 * 60) -> bool:
    """Count one attempt under `key`; False when it is over `limit` in this window."""
    key = f"rate:{key}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # The counter expired between add and incr: this attempt opens a new window.
        cache.add(key, 0, timeout=window_seconds)
        count = cache.incr(key)
    return count <= limit
