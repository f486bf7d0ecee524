"""Which network's catalogue a resident found a lent cover in. The lent card links to the
cover on its own network (whose loan form and secretariat handle the request); the link
carries the borrowing network along (`via`), to the cover's loan button and the loan form,
so the request counts in the reports of both networks (statistics.counted_for).

`via` is signed so that a request cannot be counted for a network by editing an address;
it names a network, nothing personal, and grants nothing, so it does not expire (and, without a
timestamp, a card's link stays the same from one visit to the next)."""

from __future__ import annotations

from django.core import signing
from wagtail.models import Site

SIGNER = signing.Signer(salt="library.lent-via")


def via_token(site: Site) -> str:
    return SIGNER.sign(str(site.pk))


def via_site(token: str | None) -> Site | None:
    if not token:
        return None
    try:
        pk = SIGNER.unsign(token)
    except signing.BadSignature:
        return None
    return Site.objects.filter(pk=int(pk)).first() if pk.isdigit() else None


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
    from cms import networks

    owner = networks.network_of_page(expert)
    return site if owner is None or owner.pk != site.pk else None


def found_in(borrower: Site | None, owner: Site | None) -> dict[str, str] | None:
    """What the cover, the loan form and the thank-you page tell a resident who came from
    another network's catalogue: whose site this is, who handles the request, and the way
    back to their own catalogue."""
    if borrower is None or owner is None or borrower.pk == owner.pk:
        return None
    from django.apps import apps

    from cms import networks

    # By name, not by import: the cover and the loan form (library.models) call this module.
    catalogues = apps.get_model("library", "ExpertIndexPage").objects.live()
    catalogue = catalogues.descendant_of(borrower.root_page).first()
    return {
        "borrower": networks.network_name(borrower),
        "owner": networks.network_name(owner),
        "back_url": networks.page_address(catalogue) or networks.base_url(borrower) + "/",
    }
