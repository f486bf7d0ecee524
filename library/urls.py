from django.urls import include, path

from library.process.views import evaluation_thanks, evaluation_view

urlpatterns = [
    path("evaluatie/bedankt/", evaluation_thanks, name="library_evaluation_thanks"),
    path("evaluatie/<str:token>/", evaluation_view, name="library_evaluation"),
    path("", include("library.catalogue.suggestion_views")),
    path("", include("library.self_service.urls")),
    path("", include("library.recruitment.urls")),
]
