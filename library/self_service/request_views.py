"""The resident's own page ("Mijn aanvraag") behind a personal link."""

from __future__ import annotations

from django.http import Http404
from django.urls import path


def my_request(request, token: str):
    raise Http404  # built in issue 17 (point 4)


urlpatterns = [
    path("mijn-aanvraag/<str:token>/", my_request, name="library_my_request"),
]
