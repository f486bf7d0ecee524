"""Books that may fit a resident's learning goal, for the loan form, the desk and the report.

The site's own search (Wagtail's database backend: SQLite FTS5 or PostgreSQL full text, stemmed
Dutch there) finds the published covers that match. A learning goal is a sentence, not a
search: with every word required ("and", as in the catalogue) almost nothing would match, so
the goal's meaningful words are OR-combined.

The order is not the backend's score: SQLite's bm25 gives two covers with the same text
different scores (its statistics shift as pages are re-indexed), and its scores run the other
way from PostgreSQL's. The matches are ranked here instead, the same on both databases: by how
many of the goal's words a cover's questions, topics, summary and title contain, then by title.
"""

from __future__ import annotations

import re

from wagtail.models import Site

from cms import rate_limit
from cms.search import clean_search_text, search_terms
from cms.search_backend import MAX_ADMIN_QUERY_LENGTH
from library.models.experts import ExpertPage

MAX_GOAL_LENGTH = 500
# Enough to carry the gist of a goal; more words only make the SQLite query deeper.
MAX_WORDS = 12
MIN_WORD_LENGTH = 4
# Dutch words that say nothing about the subject, and words every learning goal in this
# library shares; the reports' word counts (library.reporting.statistics) leave out the same.
_STOP_WORDS = """
aan aangezien achter af al alle alleen alles als altijd andere anders ben beter bij binnen
bijvoorbeeld daar daarom dan dat de deze die dit doe doen door dus echt een eens eigen elke en er
ervan geen goed goede graag haar had heb hebben heeft hem het hier hij hoe hoezo hun iets ik
ikzelf in is ja je jezelf jij juist kan kon kunnen leerdoel leerdoelen leren maar manier me meer
meest mensen met mij mijn misschien moet moeten na naar niet nog nu of om omdat omgaan onder ons
onze ook op over patient patienten patiënt patiënten te tegen tijdens toe tot u uit van veel voor
vooral waar waarom wanneer want wat we wel welke wellicht werd weten wie wil willen word worden
wordt zal ze zelf zich zij zijn zo zoals zodat zonder zou zouden
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())  # noqa: SIM905 - a word list reads better as text
WORD = re.compile(r"\w+")
# Longer "words" are pasted codes or addresses, not a subject.
MAX_WORD_LENGTH = 40
# Comparing the first letters finds "dementerende" for "dementie", roughly as stemming would.
STEM_LENGTH = 6
# The questions and topics say best what a conversation is about.
QUESTIONS, TOPICS, SUMMARY, TITLE = 3, 3, 2, 1


def goal_words(goal_text: str) -> list[str]:
    """The words of the goal worth searching for, each once, in the order written; together
    short enough for the search backend, which cuts a query off after 255 characters."""
    text = search_terms(clean_search_text(goal_text, MAX_GOAL_LENGTH), MAX_GOAL_LENGTH)
    words: list[str] = []
    for word in dict.fromkeys(WORD.findall(text.lower())):
        if (
            MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH
            and word not in STOP_WORDS
            and not word.isdigit()
            and len(" ".join([*words, word])) <= MAX_ADMIN_QUERY_LENGTH
        ):
            words.append(word)
    return words[:MAX_WORDS]


def stems(text: str) -> set[str]:
    return {word[:STEM_LENGTH] for word in WORD.findall(text.lower())}


def score(book: ExpertPage, words: list[str]) -> int:
    fields = [
        (" ".join(str(block.value) for block in book.example_questions), QUESTIONS),
        (" ".join(item.tag.name for item in book.tagged_topics.all()), TOPICS),
        (book.summary, SUMMARY),
        (book.title, TITLE),
    ]
    goal = stems(" ".join(words))
    return sum(weight * len(goal & stems(text)) for text, weight in fields)


def suggest_books(goal_text: str, limit: int = 3, site: Site | None = None) -> list[ExpertPage]:
    """Up to `limit` published covers that fit the goal best; [] when nothing fits. With a
    site, only what that network offers (its own covers and lent ones)."""
    words = goal_words(goal_text)
    if not words or limit <= 0:
        return []
    # on_offer_in(): the one rule for which covers a network's public side may show (no
    # drafts, restricted or withdrawn covers, no other network's covers unless lent).
    offered = ExpertPage.objects.on_offer_in(site) if site else ExpertPage.objects.published()
    matches = offered.search(" ".join(words), operator="or")
    books = ExpertPage.objects.filter(pk__in=[book.pk for book in matches]).prefetch_related(
        "tagged_topics__tag"
    )
    ranked = sorted(books, key=lambda book: (-score(book, words), book.title.lower(), book.pk))
    return ranked[:limit]


# Searches for suggestions from one network, as-you-type and on a form sent back together.
ASKS_PER_CLIENT_PER_HOUR = 200


def may_suggest(client: str | None) -> bool:
    return rate_limit.take(f"suggestions:client:{client}", ASKS_PER_CLIENT_PER_HOUR)
