"""Notices to the library's lead (trekker): a cover placed, changed or withdrawn, a candidate
who sent in a cover. Sent and recorded like every e-mail, in the expert's or candidate's
history; without a lead address in the settings, nothing is sent."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page

from cms import networks
from library.models import EmailKind, LoanProcessSettings
from library.process.mail import compose_and_send, network_of_owner


def lead_address(owner=None) -> str:
    """The lead of the owner's network: a candidate's own, a cover's by its place in the
    tree (the first network's for anything else)."""
    site = network_of_owner(owner) or networks.default_network()
    return LoanProcessSettings.for_site(site).lead_email if site else ""


def notify_lead(
    owner,
    message: str,
    *,
    expert_name: str,
    book_title: str = "",
    page: Page | None = None,
    in_admin: bool = False,
    user=None,
):
    """Tell the lead what happened (`message`, one line, e.g. "boekenkaft geplaatst"), with a
    link to the cover: its public page, or (`in_admin`) its editor, on the network's address.

    `owner` is the ExpertPage or Candidate whose history records the e-mail."""
    address = lead_address(owner)
    if not address:
        return None
    if page is not None and in_admin:
        link = networks.base_url(network_of_owner(owner)) + reverse(
            "wagtailadmin_pages:edit", args=[page.pk]
        )
    else:
        link = networks.page_address(page)
    return compose_and_send(
        owner,
        EmailKind.LEAD_NOTICE,
        user=user,
        recipients=[address],
        bericht=message,
        naam_expert=expert_name,
        titel_boek=book_title or "(nog geen boekenkaft)",
        link_boek=link,
    )
