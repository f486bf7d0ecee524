"""What crawlers look for at the site's root: /robots.txt and /sitemap.xml.

The sitemap is Wagtail's (wagtail.contrib.sitemaps, built on django.contrib.sitemaps): the
site's live pages without a view restriction, so drafts and password-protected pages stay out.
Both are ordinary anonymous GETs, so the page cache serves them and forgets them on a publish.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
