"""The catalogue's filters and search, as GET parameters so a filtered view can be bookmarked.

The number of queries does not depend on the number of books: the page of cards is fetched
with its tags and photos prefetched, and the filter options come from one query each.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Site

from cms import networks
from cms.models import StandardPage
from cms.search import clean_search_text, matching_page_ids, search_terms
from curriculum.models import Essence
from library.catalogue import criteria, lending
from library.models.experts import (
    COMPETENCE_AREAS,
    ConversationForm,
    ExpertIndexPage,
    ExpertKind,
    ExpertPage,
    ExpertTopic,
)
from library.models.querysets import lent_into

BOOKS_PER_PAGE = 24
CARD_PHOTO = "fill-240x240"

KIND_OPTIONS = [(group, label) for group, label in criteria.KIND_GROUP_LABELS.items()]
FORM_OPTIONS = [(ConversationForm.IN_PERSON, "Op locatie"), (ConversationForm.VIDEO, "Beeldbellen")]


@dataclass
class CatalogueFilters:
    """The visitor's choices, read leniently: an unknown value is ignored, never an error."""

    query: str = ""
    kind: str = ""
    area: str = ""
    essence: int | None = None
    topic: str = ""
    form: str = ""
    available_now: bool = False

    @classmethod
    def from_request(cls, request: HttpRequest) -> CatalogueFilters:
        get = request.GET
        essence = get.get("essentie", "")
        return cls(
            query=clean_search_text(get.get("q", "")),
            kind=get.get("soort", "") if get.get("soort") in criteria.KIND_GROUP_LABELS else "",
            # Cleaned like the search text: PostgreSQL refuses a NUL character in a filter.
            area=clean_search_text(get.get("gebied", ""), max_length=50),
            essence=int(essence) if essence.isdigit() and 1 <= int(essence) <= 8 else None,
            topic=clean_search_text(get.get("onderwerp", ""), max_length=100),
            form=get.get("vorm", "") if get.get("vorm") in dict(FORM_OPTIONS) else "",
            available_now=get.get("beschikbaar") == "1",
        )

    @property
    def active(self) -> bool:
        return bool(self.query) or self.active_count > 0

    @property
    def active_count(self) -> int:
        """How many of the filters behind the "Filters" disclosure are set (the search text,
        which stays in view, is not one of them)."""
        return sum(
            bool(value)
            for value in (
                self.kind,
                self.area,
                self.essence,
                self.topic,
                self.form,
                self.available_now,
            )
        )

    def as_params(self) -> dict[str, str]:
        params = {
            "q": self.query,
            "soort": self.kind,
            "gebied": self.area,
            "essentie": str(self.essence or ""),
            "onderwerp": self.topic,
            "vorm": self.form,
            "beschikbaar": "1" if self.available_now else "",
        }
        return {key: value for key, value in params.items() if value}


def network_root_path(catalogue: ExpertIndexPage) -> str:
    """The tree path of the catalogue's network: the home it sits on (parent_page_types), the
    root of that network's Site; read from the path, without a query."""
    return catalogue.path[: -catalogue.steplen]


def published_books(catalogue: ExpertIndexPage) -> QuerySet[ExpertPage]:
    """The catalogue's own covers, and those other networks lend out (on_offer_in)."""
    return ExpertPage.objects.on_offer_below(network_root_path(catalogue))


def mark_origin(books, root_path: str, borrower: Site | None = None) -> list[ExpertPage]:
    """A lent cover's card says where it comes from ("Uit: <network>") and links to the cover
    on its own network's site, whose loan form and secretariat handle it; the link says which
    network it was found in (`borrower`, library.catalogue.lending)."""
    books = list(books)
    for book in books:
        book.origin = ""
        book.card_url = ""
        if lent_into(book, root_path):
            book.origin, address = origin_of(book)
            book.card_url = lending.with_via(address, borrower)
    return books


def origin_of(book: ExpertPage) -> tuple[str, str]:
    """The network that holds the cover, and the cover's full address on that network."""
    return networks.network_name(networks.network_of_page(book)), networks.page_address(book)


def filter_books(books: QuerySet[ExpertPage], filters: CatalogueFilters) -> QuerySet[ExpertPage]:
    if filters.kind:
        books = books.filter(kind__in=ExpertKind.kinds_in_group(filters.kind))
    if filters.area:
        books = books.filter(competence_areas__slug=filters.area)
    if filters.essence:
        books = books.filter(essences__number=filters.essence)
    if filters.topic:
        books = books.filter(tagged_topics__tag__slug=filters.topic)
    if filters.form:
        books = books.filter(conversation_form__in=[filters.form, ConversationForm.BOTH])
    if filters.available_now:
        books = books.borrowable()
    if filters.query:
        # The site search's matching (whole words, stemmed on PostgreSQL, and the start of a
        # word: "sedat", "dement"); the filters above still apply because the matches are
        # intersected with them (`books` are published() already). Text with nothing to
        # search for (only quotes or emoji) finds nothing rather than everything.
        terms = search_terms(filters.query)
        matches = (
            matching_page_ids(terms, ExpertPage.objects.live(), operator="and") if terms else []
        )
        books = books.filter(pk__in=matches)
    return books.distinct()


def cards(books: QuerySet[ExpertPage]) -> QuerySet[ExpertPage]:
    """What a card shows, fetched in a fixed number of queries."""
    photos = get_image_model().objects.prefetch_renditions(CARD_PHOTO)
    return books.prefetch_related(
        Prefetch("tagged_topics", queryset=ExpertTopic.objects.select_related("tag")),
        Prefetch("photo", queryset=photos),
    ).order_by("title")


def topic_options(books: QuerySet[ExpertPage]) -> QuerySet[Tag]:
    return (
        Tag.objects.filter(library_experttopic_items__content_object__in=books.values("pk"))
        .distinct()
        .order_by("name")
    )


@dataclass
class FilterSelect:
    """One of the catalogue's drop-down filters as the page shows it."""

    name: str  # the GET parameter CatalogueFilters.from_request reads
    label: str
    everything: str  # the empty choice: no filter
    options: list[tuple[str, str, bool]]  # value, label, selected


def filter_selects(filters: CatalogueFilters, topics: QuerySet[Tag]) -> list[FilterSelect]:
    def choices(pairs, chosen) -> list[tuple[str, str, bool]]:
        return [(str(value), label, value == chosen) for value, label in pairs]

    essences = ((e.number, f"{e.number}. {e.name}") for e in Essence.objects.only("number", "name"))
    return [
        FilterSelect("soort", "Soort expert", "Alle soorten", choices(KIND_OPTIONS, filters.kind)),
        FilterSelect(
            "gebied", "Competentiegebied", "Alle gebieden", choices(COMPETENCE_AREAS, filters.area)
        ),
        FilterSelect(
            "essentie",
            "Essentie Kwaliteitskader",
            "Alle essenties",
            choices(essences, filters.essence),
        ),
        FilterSelect(
            "onderwerp",
            "Onderwerp",
            "Alle onderwerpen",
            choices(((tag.slug, tag.name) for tag in topics), filters.topic),
        ),
        FilterSelect(
            "vorm", "Vorm van het gesprek", "Elke vorm", choices(FORM_OPTIONS, filters.form)
        ),
    ]


def catalogue_context(catalogue: ExpertIndexPage, request: HttpRequest) -> dict:
    filters = CatalogueFilters.from_request(request)
    published = published_books(catalogue)
    books = cards(filter_books(published, filters))
    paginator = Paginator(books, BOOKS_PER_PAGE)
    page = paginator.get_page(request.GET.get("pagina"))  # lenient: bad numbers → first/last
    # The site Wagtail found for this request (kept on it): no query per page view.
    page.object_list = mark_origin(
        page.object_list, network_root_path(catalogue), Site.find_for_request(request)
    )
    params = filters.as_params()
    return {
        "filters": filters,
        "books": page,
        "book_count": paginator.count,
        "filter_selects": filter_selects(filters, topic_options(published)),
        "page_query": urlencode(params),
        "instruction_pages": catalogue.get_children().live().type(StandardPage),
    }
