"""The public side of recruitment: the blank cover behind a personal link."""

from django.urls import path

from library.recruitment.views import blank_cover_thanks, blank_cover_view

urlpatterns = [
    path("boekenkaft-invullen/bedankt/", blank_cover_thanks, name="library_blank_cover_thanks"),
    path("boekenkaft-invullen/<str:token>/", blank_cover_view, name="library_blank_cover"),
]
