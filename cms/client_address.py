"""The visitor's own address, also behind the reverse proxies of docs/deploy.md.

django-axes locks a login per username and address. Behind a proxy every request comes from
the proxy, so without this one visitor's wrong passwords would lock a user out for everyone.
Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
the visitor's address is the PROXY_COUNT-th entry from the right; anything further left was
sent by the visitor and can be forged. (django-ipware takes the leftmost entry instead.)
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
