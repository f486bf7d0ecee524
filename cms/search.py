"""Site search at /zoeken/ on Wagtail's database search backend, and the helpers that make what
a visitor types safe for every search on the site (this one, the catalogue's, the admin's)."""

from __future__ import annotations

import re
import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")  # all but letters and digits at either end


def clean_search_text(text: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """What the visitor typed, fit to show back: no control or invisible format characters
    (PostgreSQL refuses NUL, SQLite cuts the query off at it), one space between words, and
    at most `max_length` characters."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())[:max_length].strip()


def search_terms(text: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """The words to hand to Wagtail's search, "" when nothing is left to search for.

    The backends quote every word themselves (SQLite's FTS5 in double quotes, PostgreSQL's
    tsquery in single quotes), so operators such as AND, NOT, ^ or column:word are searched as
    ordinary text. Only a double quote breaks out of FTS5's quoting (an "unterminated string"
    error, HTTP 500), so quotes go. Punctuation around a word goes too, so "(pijn)", "pijn*"
    and "/pijn" find pain on both databases (PostgreSQL would take "/pijn" for a file path),
    and a word without a letter or digit (a lone *, an emoji) is left out.
    """
    words = clean_search_text(text, max_length).replace('"', " ").split()
    trimmed = (EDGE_PUNCTUATION.sub("", word) for word in words)
    return " ".join(word for word in trimmed if word)


def search(request: HttpRequest) -> HttpResponse:
    query = clean_search_text(request.GET.get("q", ""))
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().specific().search(terms)
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
