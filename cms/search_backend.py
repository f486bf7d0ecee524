"""Wagtail's database search backend, with what people type made safe first.

The site's own searches clean the visitor's text themselves (cms.search.search_terms). Wagtail's
admin views hand the editor's text to the backend as it is: on SQLite a double quote in the page
explorer's or the form pages' search box was an FTS5 syntax error, and a very long text in the
admin's page search a RecursionError (HTTP 500 both). This backend is the one Wagtail picks for
the database (SQLite FTS5, PostgreSQL, MySQL or the fallback) with one change: every text in the
query, typed as a string or parsed into a query object (the page search makes phrases of quoted
words), goes through search_terms before it is searched.

Settings: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend", ...}}.
"""

from __future__ import annotations

import copy

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.query import MATCH_ALL, MATCH_NONE, And, Boost, MatchAll, Not, Or

from cms.search import search_terms

# Wagtail cuts a query typed in the admin off at 255 characters; so does this backend, which
# also keeps the number of words low enough for the SQLite backend's nested expressions.
MAX_ADMIN_QUERY_LENGTH = 255


def matches_nothing(query) -> bool:
    return isinstance(query, Not) and isinstance(query.subquery, MatchAll)


def safe_query(query):
    """The query with every text in it reduced to its search terms. Text with nothing left to
    search for (only quotes, only emoji) matches nothing: not "", for which Wagtail returns
    results without a model, which the admin's listings cannot show."""
    if isinstance(query, str):
        return search_terms(query, MAX_ADMIN_QUERY_LENGTH) or MATCH_NONE
    if hasattr(query, "query_string"):  # PlainText, Phrase, Fuzzy
        terms = search_terms(query.query_string, MAX_ADMIN_QUERY_LENGTH)
        if not terms:
            return MATCH_NONE
        query = copy.copy(query)
        query.query_string = terms
        return query
    if isinstance(query, (And, Or)):
        # A part with nothing to search for is left out, as a word without letters is left out
        # of a text (and the SQLite backend would read Or(x, MATCH_NONE) as "everything").
        parts = [part for part in map(safe_query, query.subqueries) if not matches_nothing(part)]
        if len(parts) > 1:
            return type(query)(parts)
        return parts[0] if parts else MATCH_NONE
    if isinstance(query, Not):
        part = safe_query(query.subquery)
        return MATCH_ALL if matches_nothing(part) else Not(part)
    if isinstance(query, Boost):
        return Boost(safe_query(query.subquery), query.boost)
    return query  # MatchAll


class SafeQueryMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(safe_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(safe_query(query), model_or_queryset, *args, **kwargs)


_safe_classes: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend_class = type(DatabaseSearchBackend(params))
    if backend_class not in _safe_classes:
        _safe_classes[backend_class] = type(
            f"Safe{backend_class.__name__}", (SafeQueryMixin, backend_class), {}
        )
    return _safe_classes[backend_class](params)
