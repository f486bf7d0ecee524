"""Site search at /zoeken/ on Wagtail's database search backend (whole words and the start of
words), and the helpers that make what a visitor types safe for every search on the site (this
one, the catalogue's, the admin's)."""

from __future__ import annotations

import re
import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.models import Page, PageQuerySet, Site
from wagtail.search.query import And, PlainText

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


def prefix_query(terms: str):
    """Every word of `terms` as the start of a word: Wagtail's autocomplete takes the last word
    of a text as a prefix and the others as whole words, so each word is a text of its own."""
    words = [PlainText(word) for word in terms.split()]
    return words[0] if len(words) == 1 else And(words)


def matching_page_ids(
    terms: str, pages: PageQuerySet | None = None, operator: str | None = None
) -> list[int]:
    """The live, public pages (or those of `pages`) for `terms`: first those with the whole
    words (any of them, or all with operator="and"), best first (as the
    search always did, with PostgreSQL's Dutch stemming), then those where the words are only
    the start of a word ("sedat" for sedatie, "dement" for dementie), searched in the pages'
    AutocompleteFields.

    Always both, merged, rather than the partial words only when the whole words find nothing:
    Dutch glues words together, so "zorg" should find the page on "zorgplanning" too even when
    another page has "zorg" itself, and what someone is still typing ("pijnbestr") finds what
    the whole word finds. Pages with the whole words stay on top, each page is listed once."""
    if pages is None:
        pages = Page.objects.live().public()
    ids = list(dict.fromkeys(page.pk for page in pages.search(terms, operator=operator)))
    found = set(ids)
    for page in pages.autocomplete(prefix_query(terms)):
        if page.pk not in found:
            found.add(page.pk)
            ids.append(page.pk)
    return ids


class SpecificPages:
    """Pages by id, in that order, fetched as their specific type only for the slice shown (the
    paginator asks for the length and one page of results)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0] if index >= 0 else self[len(self) + index]
        ids = self.ids[index]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [pages[pk] for pk in ids if pk in pages]


EXTEND_SITE_SEARCH = "extend_site_search"


def site_pages(site: Site | None) -> PageQuerySet:
    """The live, public pages of one network: its home and everything below it. The shared
    national curriculum is found too, as each network holds it as alias pages in its own
    tree; another network's pages never are."""
    pages = Page.objects.live().public()
    if site is None:
        return pages
    pages = pages.descendant_of(site.root_page, inclusive=True)
    # Apps add what the network offers from elsewhere (the library: covers other networks
    # lend out), so the search box finds what the catalogue shows.
    for extend in hooks.get_hooks(EXTEND_SITE_SEARCH):
        pages = extend(site, pages)
    return pages


def search(request: HttpRequest) -> HttpResponse:
    query = clean_search_text(request.GET.get("q", ""))
    terms = search_terms(query)
    pages = site_pages(Site.find_for_request(request))
    results = SpecificPages(matching_page_ids(terms, pages) if terms else [])
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
