"""What crawlers and browsers look for at the site's root: /robots.txt, /sitemap.xml and
/favicon.ico (the site's mark, static/favicon.ico; pages also link the SVG and a touch icon).

The sitemap is Wagtail's (wagtail.contrib.sitemaps, built on django.contrib.sitemaps): the
site's live pages without a view restriction, so drafts and password-protected pages stay out.
"The site" is the request's: each network's hostname gets its own pages under its own address,
and robots.txt names the sitemap on the host it was asked on.
Both are ordinary anonymous GETs, so the page cache serves them and forgets them on a publish.
"""

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

# This machine's own names: a Site with one of them is a demo or not yet configured.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request: HttpRequest) -> FileResponse:
    # Browsers ask for /favicon.ico whatever the page links; a year's cache, as for static files.
    path = finders.find("favicon.ico")
    if path is None:
        raise Http404("Geen favicon")
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=31536000"
    return response
