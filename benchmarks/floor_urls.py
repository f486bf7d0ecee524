"""The site's URLs plus a floor view: the same bytes as a page, returned from memory through
the same middleware stack. The difference to the page is what rendering it costs."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

FLOOR_BYTES: dict[str, bytes] = {}


def floor(request, name: str):
    return HttpResponse(FLOOR_BYTES[name], content_type="text/html; charset=utf-8")


urlpatterns = [path("__floor__/<str:name>/", floor), *site_urlpatterns]
