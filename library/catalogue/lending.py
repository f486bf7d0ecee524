"""Which network's catalogue a resident found a lent cover in. The lent card links to the
cover on its own network (whose loan form and secretariat handle the request); the link
carries the borrowing network along (`via`), to the cover's loan button and the loan form,
so the request counts in the reports of both networks (statistics.counted_for).

`via` is signed so that a request cannot be counted for a network by editing an address;
it names a network, nothing personal, and grants nothing, so it does not expire."""

from __future__ import annotations

from django.core import signing
from wagtail.models import Site

SALT = "library.lent-via"


def via_token(site: Site) -> str:
    return signing.dumps(site.pk, salt=SALT)


def via_site(token: str | None) -> Site | None:
    if not token:
        return None
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Site.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def with_via(url: str, site: Site | None) -> str:
    if site is None or not url:
        return url
    return f"{url}{'&' if '?' in url else '?'}via={via_token(site)}"


def borrowing_network(expert, token: str | None) -> Site | None:
    """The network a request for this cover was found in, when that is another network
    that may borrow it (the cover is lent out); None otherwise."""
    site = via_site(token)
    if site is None or expert is None or not getattr(expert, "lend_to_other_networks", False):
        return None
    owner = expert.get_site()
    return site if owner is None or owner.pk != site.pk else None
