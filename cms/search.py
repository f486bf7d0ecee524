"""Site search at /zoeken/ on Wagtail's database search backend."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("pagina"))  # lenient: bad numbers → 1
    return TemplateResponse(
        request,
        "cms/search.html",
        {
            "search_query": query,
            "results": results_page,
            "result_count": paginator.count if query else 0,
        },
    )
