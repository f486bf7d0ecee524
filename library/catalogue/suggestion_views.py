"""The loan form's suggestions as the resident types (static/js/suggestions.js).

Anyone may ask, so the answer holds only what a published cover shows anyway (title, expert,
address), the text is capped and every address has an hourly budget: each question is a full
text search on the database.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from cms.client_address import client_address
from library.catalogue.suggestions import MAX_GOAL_LENGTH, may_suggest, suggest_books

# Typing a long goal with a pause now and then asks a few dozen times; a script asks more.


@never_cache  # every ask must reach the rate limit, and answers depend on the text
@require_GET
def suggestions(request: HttpRequest) -> JsonResponse:
    if not may_suggest(client_address(request)):
        return JsonResponse(
            {"books": [], "error": "Te veel vragen; probeer het later."}, status=429
        )
    goal = request.GET.get("q", "")[:MAX_GOAL_LENGTH]
    books = [
        {"title": book.title, "expert": book.expert_name, "url": book.get_url(request)}
        for book in suggest_books(goal, site=Site.find_for_request(request))
    ]
    return JsonResponse({"books": books})


urlpatterns = [path("expertbibliotheek/suggesties/", suggestions, name="library_suggestions")]
