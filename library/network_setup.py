"""A new network in one step: its Site with the same pages, settings and roles as the demo's.

`manage.py create_network` calls this; the demo's second network (library.demo) too. Page
builders are the demo's own (cms.demo, library.demo), so a new network starts with exactly
the pages the first one started with, and its own copy of the national standard e-mails.
Shared nationally, so not copied: the workshop series (an alias of the first network's,
curriculum.national)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from cms import networks


@dataclass
class NetworkPages:
    home: Page
    catalogue: Page
    loan_form: Page
    workshops: Page | None


def address_taken(hostname: str, port: int) -> Site | None:
    return Site.objects.filter(hostname=hostname, port=port).first()


def home_slug(name: str) -> str:
    """A free slug under the tree root for the network's home (slugs are unique there)."""
    base = slugify(name)[:60] or "netwerk"
    slug, number = base, 2
    root = Page.get_first_root_node()
    while root.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def share_curriculum(home: Page) -> Page | None:
    """The national workshop series on this network (curriculum.national, when installed)."""
    try:
        from curriculum.national import share_curriculum as share
    except ImportError:
        return None
    return share(home)


@transaction.atomic
def create_network(
    name: str,
    hostname: str,
    port: int = 80,
    *,
    secretariat_email: str = "",
    demo: bool = False,
) -> Site:
    """A complete network at hostname:port: home, catalogue with its instruction pages, loan
    form, about/privacy/accessibility, its settings (organisation name = `name`) and its three
    role groups. Refuses an address that already belongs to a site. `demo` marks the demo's
    own example network: it gets the demo's example lead for its notices."""
    from cms.demo import ensure_home, ensure_site_pages, ensure_site_settings, tree_root
    from library.demo.network import (
        DEMO_LEAD,
        ensure_catalogue,
        ensure_catalogue_link,
        ensure_demo_lead,
        ensure_email_templates,
        ensure_loan_form,
    )
    from library.models import BusinessCaseSettings, LoanProcessSettings

    name = name.strip()
    hostname = hostname.strip().lower()
    if not name:
        raise CommandError("Geef het netwerk een naam.")
    if not hostname:
        raise CommandError("Geef het netwerk een hostnaam, bijvoorbeeld zorgnetwerk.example.nl.")
    taken = address_taken(hostname, port)
    if taken is not None:
        raise CommandError(
            f"Het adres {hostname}:{port} hoort al bij het netwerk "
            f"‘{networks.network_name(taken)}’. Er is niets aangemaakt."
        )

    home = ensure_home(tree_root(), home_slug(name))
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
    # The roles first: the loan form gives the network's secretariat its rights on the form
    # when the form is made (LoanFormPage.save).
    networks.create_network_roles(site, name)
    pages = ensure_site_pages(home, secretariat_email)
    ensure_site_settings(site, pages, secretariat_email=secretariat_email, organisation_name=name)
    # Per-network settings start at the defaults; for_site creates the row.
    LoanProcessSettings.for_site(site)
    BusinessCaseSettings.for_site(site)
    if demo:
        ensure_demo_lead(site, DEMO_LEAD)
    # The workshops before the catalogue: the menu then reads as the first network's.
    share_curriculum(home)
    catalogue = ensure_catalogue(home)
    ensure_loan_form(catalogue)
    ensure_catalogue_link(home, catalogue)
    ensure_email_templates(site)
    return site


def network_pages(site: Site) -> NetworkPages:
    """The pages `create_network` made, for its report."""
    from curriculum.models import WorkshopIndexPage
    from library.models import ExpertIndexPage, LoanFormPage

    home = site.root_page.specific
    return NetworkPages(
        home=home,
        catalogue=ExpertIndexPage.objects.child_of(home).first(),
        loan_form=LoanFormPage.objects.descendant_of(home).first(),
        workshops=WorkshopIndexPage.objects.child_of(home).first(),
    )
