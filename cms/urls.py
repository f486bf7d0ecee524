from django.urls import path

from cms.search import search

urlpatterns = [
    path("zoeken/", search, name="search"),
]
