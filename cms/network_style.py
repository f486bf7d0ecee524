"""/huisstijl.css: the network's own colour as a tiny stylesheet.

The Content-Security-Policy allows styles from this host only ('self', no inline styles), so
the colour chosen in the site settings cannot go into a style attribute or element: each site
serves its own stylesheet, linked after site.css from templates/base.html.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe
from wagtail.models import Site

from cms.models.site_settings import HEX_COLOUR, SiteSettings

# The link carries the colour (?v=0b5563): a changed colour is a new address, so the old one
# may be kept for a year; without it (or with an outdated one) only briefly.
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"


def network_colours(site: Site | None) -> dict[str, str]:
    """The custom properties one site overrides; none when it keeps the default look."""
    if site is None:
        return {}
    settings = SiteSettings.for_site(site)
    # Validated on saving; checked again because it is written into a stylesheet unescaped.
    if not settings.primary_colour or not HEX_COLOUR.match(settings.primary_colour):
        return {}
    return {
        "--colour-primary": settings.primary_colour.lower(),
        "--colour-primary-dark": settings.primary_colour_dark,
    }


@require_safe
def network_style(request: HttpRequest) -> HttpResponse:
    colours = network_colours(Site.find_for_request(request))
    css = render_to_string("cms/network_style.css", {"colours": colours})
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    current = colours.get("--colour-primary", "").lstrip("#")
    fresh = bool(current) and request.GET.get("v", "").lower() == current
    response["Cache-Control"] = LONG_CACHE if fresh else SHORT_CACHE
    return response
