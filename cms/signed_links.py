"""Personal links for people without an account (an expert answering, a resident following their
request, an evaluation): a signed, timestamped token (django.core.signing) in the URL.

Each kind of link has its own salt, so a token for one purpose never opens another page; it
expires; a tampered token answers 400 and a used or expired one 410. Whether a link is "used"
is the caller's rule (an answered evaluation, a request no longer waiting), see `used()`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import wraps

from django.core import signing
from django.template.response import TemplateResponse
from django.urls import reverse

from cms import rate_limit
from cms.client_address import client_address

TAMPERED_TITLE = "Deze link klopt niet"
TAMPERED_MESSAGE = (
    "De link is niet compleet of is veranderd. Kopieer de hele link uit de e-mail, of klik er "
    "direct op."
)
# Opening personal links from one address: enough for a person clicking around, too few to
# try tokens. Counted in the shared cache (cms/rate_limit.py).
OPENINGS_PER_HOUR = 120


class LinkError(Exception):
    """The link cannot be used; title and message say why, in Dutch, for the visitor."""

    def __init__(self, title: str, message: str, status: int, *, was_used: bool = False):
        super().__init__(message)
        self.title = title
        self.message = message
        self.status = status
        # A used link did its work: the page must not say "nothing was saved" then.
        self.was_used = was_used


def used(title: str, message: str) -> LinkError:
    return LinkError(title, message, 410, was_used=True)


def gone(title: str, message: str) -> LinkError:
    """What a link points at is no longer there."""
    return LinkError(title, message, 404)


@dataclass(frozen=True)
class SignedLink:
    """One kind of personal link: its purpose (the salt), its URL and how long it works."""

    salt: str
    url_name: str
    max_age: datetime.timedelta
    expired_message: str

    def token(self, payload: dict) -> str:
        return signing.TimestampSigner(salt=self.salt).sign_object(payload)

    def url(self, payload: dict, site=None) -> str:
        """The full link, on the address of the network it belongs to (the first network's
        when `site` is None)."""
        from cms import networks

        path = reverse(self.url_name, args=[self.token(payload)])
        return networks.base_url(site) + path

    def open(self, token: str) -> dict:
        """The payload behind a token, or LinkError (400 tampered, 410 expired)."""
        try:
            data = signing.TimestampSigner(salt=self.salt).unsign_object(
                token, max_age=self.max_age
            )
        except signing.SignatureExpired as error:
            raise LinkError("Deze link is verlopen", self.expired_message, 410) from error
        except (signing.BadSignature, ValueError) as error:
            raise LinkError(TAMPERED_TITLE, TAMPERED_MESSAGE, 400) from error
        if not isinstance(data, dict):
            raise LinkError(TAMPERED_TITLE, TAMPERED_MESSAGE, 400)
        return data

    def object_for(self, token: str, queryset, key: str, missing: LinkError):
        """The object whose primary key the token holds under `key`, or `missing` (raised)
        when it no longer exists."""
        pk = self.open(token).get(key)
        if not isinstance(pk, int):
            raise LinkError(TAMPERED_TITLE, TAMPERED_MESSAGE, 400)
        found = queryset.filter(pk=pk).first()
        if found is None:
            raise missing
        return found


def link_page(view):
    """A view behind a personal link: rate limited per address, and a LinkError raised by the
    view is shown as a Dutch page with its status (400, 404, 410)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not rate_limit.take(f"signed-link:{client_address(request)}", OPENINGS_PER_HOUR):
            return error_page(
                request,
                LinkError(
                    "Even geduld",
                    "Vanaf dit netwerk zijn in korte tijd heel veel persoonlijke links geopend. "
                    "Probeer het over een uur opnieuw, of antwoord op de e-mail.",
                    429,
                ),
            )
        try:
            return view(request, *args, **kwargs)
        except LinkError as error:
            return error_page(request, error)

    return wrapped


def error_page(request, error: LinkError) -> TemplateResponse:
    return TemplateResponse(
        request, "cms/link_unavailable.html", {"error": error}, status=error.status
    )
