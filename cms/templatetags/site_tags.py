"""Navigation parts of the base template: the main menu and breadcrumbs."""

import re

from django import template
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from cms import money

register = template.Library()


@register.inclusion_tag("cms/includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site:
        root = site.root_page
        # Pages in the menu are public by intent; a restricted one would ask for its password.
        items = [root, *root.get_children().live().in_menu()]
    active_path = current.path if current else ""
    return {
        "items": [
            {
                "page": item,
                "current": bool(current) and item.pk == current.pk,
                # An ancestor of the current page is marked too, except the home page.
                "ancestor": bool(current) and item.depth > 2 and active_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("cms/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, sub_page: str = ""):
    """The page's ancestors. A view of a routable page (a run sheet, the work methods) names
    itself as `sub_page`: the page becomes a link and the view the current crumb."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page, "sub_page": sub_page}
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if page.depth == 3 and site is not None and site.root_page.depth == 2:
        # A top-level page's only crumb is the home page, which the menu already loaded.
        ancestors = [site.root_page]
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "sub_page": sub_page}


@register.filter
def euro(amount) -> str:
    """An amount in Dutch notation: 1700 → "€ 1.700,00" (cms/money.py)."""
    return money.euro(amount) if amount is not None and amount != "" else ""


@register.filter
def result_kind(page) -> str:
    """What a search result is, in one word: a page type says it with `search_result_kind`
    (cms knows neither app's page types)."""
    return getattr(page, "search_result_kind", "Pagina")


@register.filter
def plain_text(html: str) -> str:
    """Rich text as one line of plain text, with a space where block elements met."""
    spaced = re.sub(r"</(p|li|h[1-6]|div)>|<br\s*/?>", " ", str(html or ""))
    return " ".join(strip_tags(spaced).split())
