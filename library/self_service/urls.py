"""Pages behind personal links for experts without an account: answering an availability
question (answer_views) and "Mijn boekenkaft" (cover_views)."""

from library.self_service import answer_views, cover_views

urlpatterns = [*answer_views.urlpatterns, *cover_views.urlpatterns]
