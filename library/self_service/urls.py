"""Pages behind personal links for people without an account: for experts, answering an
availability question (answer_views) and "Mijn boekenkaft" (cover_views); for residents,
"Mijn aanvraag" (request_views)."""

from library.self_service import answer_views, cover_views, request_views

urlpatterns = [
    *answer_views.urlpatterns,
    *cover_views.urlpatterns,
    *request_views.urlpatterns,
]
