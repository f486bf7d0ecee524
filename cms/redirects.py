"""Wagtail's redirects, minus one way to take over a live page's address.

Wagtail's RedirectMiddleware acts on a 404 before Django's CommonMiddleware adds the missing
slash, so a redirect for "/expertbibliotheek/lenen" (no slash) sent residents typing that
address to wherever an editor pointed it, while the loan form at ".../lenen/" was live.
A redirect only fills a gap: where the address with a slash is a live page, Django's own
slash redirect goes first.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.models import Page, Site


class LivePagesFirstRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and self.live_page_with_slash(request):
            return response
        return super().process_response(request, response)

    @staticmethod
    def live_page_with_slash(request) -> bool:
        if not settings.APPEND_SLASH or request.path.endswith("/"):
            return False
        site = Site.find_for_request(request)
        if site is None:
            return False
        url_path = site.root_page.url_path.rstrip("/") + request.path + "/"
        return Page.objects.live().filter(url_path=url_path).exists()
