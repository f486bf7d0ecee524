"""Small builders for tests: each test makes just the pages it needs."""

from __future__ import annotations

import json

from wagtail.models import Page, Site

from cms.models import HomePage, StandardPage


def make_home(title: str = "Testhome", **fields) -> HomePage:
    """A home page as the root of the default site (the welcome page of a fresh install)."""
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug="testhome", hero_text=fields.pop("hero_text", "Welkom."))
    for name, value in fields.items():
        setattr(home, name, value)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def make_standard_page(parent: Page, title: str, **fields) -> StandardPage:
    body = fields.pop("body", [])
    page = StandardPage(title=title, body=json.dumps(body), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
