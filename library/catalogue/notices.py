"""Notices to the library's lead (trekker): a cover placed, changed or withdrawn, a candidate
who sent in a cover. Sent and recorded like every e-mail, in the expert's or candidate's
history; without a lead address in the settings, nothing is sent."""

from __future__ import annotations

from django.conf import settings

from cms import networks
from library.models import EmailKind, LoanProcessSettings
from library.process.mail import compose_and_send


def lead_address(owner=None) -> str:
    """The lead of the owner's network: a candidate's own, a cover's by its place in the
    tree (the first network's for anything else)."""
    site = getattr(owner, "site", None) if owner is not None else None
    if site is None and hasattr(owner, "get_site"):
        site = owner.get_site()
    site = site or networks.default_network()
    return LoanProcessSettings.for_site(site).lead_email if site else ""


def notify_lead(
    owner, message: str, *, expert_name: str, book_title: str = "", url: str = "", user=None
):
    """Tell the lead what happened (`message`, one line, e.g. "boekenkaft geplaatst").

    `owner` is the ExpertPage or Candidate whose history records the e-mail."""
    address = lead_address(owner)
    if not address:
        return None
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return compose_and_send(
        owner,
        EmailKind.LEAD_NOTICE,
        user=user,
        recipients=[address],
        bericht=message,
        naam_expert=expert_name,
        titel_boek=book_title or "(nog geen boekenkaft)",
        link_boek=f"{base_url}{url}" if url else "",
    )
