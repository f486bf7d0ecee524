"""A book's face in the catalogue and on its cover: the expert's portrait, or their monogram.

{% load book_tags %}
{% book_portrait book "fill-160x160" as portrait %}
{% if portrait %}<img src="{{ portrait.url }}" …>{% else %}{{ book.expert_name|monogram }}…
"""

from __future__ import annotations

import logging

from django import template
from django.core.files.storage import Storage
from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError
from willow.image import UnrecognisedImageFormatError

from library.catalogue.search import CARD_PHOTO  # the size the catalogue prefetches

logger = logging.getLogger(__name__)
register = template.Library()

# Dutch (and a few neighbouring) name particles: "Anna van der Berg" is filed under B, so her
# monogram is AB, as in the Dutch convention for initials.
PARTICLES = frozenset(
    {
        "van", "der", "den", "de", "het", "ten", "ter", "te", "t", "'t", "’t", "in", "op",
        "aan", "bij", "uit", "uijt", "onder", "over", "voor", "s", "'s", "’s",
        "la", "le", "les", "du", "des", "von", "zu", "di", "da", "del", "della", "dos",
    }
)  # fmt: skip
TITLES = frozenset({"dr", "drs", "mr", "prof", "ir", "ing", "ds", "mevr", "dhr"})


def initials(name: str) -> str:
    """The monogram of a name: the first name's and the surname's initial.

    "Gerard Wolters" → "GW", "Anna van der Berg" → "AB", "van Dijk" → "D", "Ellen" → "E".
    Titles are left out ("dr. Anna Berg" → "AB"), and a double surname counts from its last
    part ("Anna Jansen-de Vries" → "AV").
    """
    words = [word for word in name.replace("-", " ").split() if _first_letter(word)]
    words = [word for word in words if word.rstrip(".").lower() not in TITLES] or words
    if not words:
        return ""
    # A lowercase particle up front means there is no first name: "van Dijk".
    given = None if words[0] in PARTICLES else words[0]
    rest = words[1:] if given else words
    surnames = [word for word in rest if word.lower() not in PARTICLES]
    letters = [_first_letter(word) for word in (given, surnames[-1] if surnames else None) if word]
    return "".join(letters).upper()


def _first_letter(word: str) -> str:
    return next((char for char in word if char.isalpha()), "")


@register.filter
def monogram(name: str) -> str:
    return initials(name or "")


@register.simple_tag
def book_portrait(book, spec: str = CARD_PHOTO) -> AbstractRendition | None:
    """The rendition of the expert's photo, or None when there is none to show.

    Wagtail's {% image %} tag shows a broken "not-found" image when the original file is gone
    from storage; a book then shows its monogram instead. A rendition made before the original
    went missing is only used while its own file is still there.
    """
    image: AbstractImage | None = book.photo
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except (SourceImageIOError, UnrecognisedImageFormatError, OSError, ValueError):
        # A missing, empty or damaged file (a failed restore, a full disk) must not take
        # the whole catalogue down: the book shows its monogram and the log says why.
        logger.warning("Geen portret voor %s (afbeelding %s)", book.pk, image.pk, exc_info=True)
        return None
    storage: Storage = rendition.file.storage
    if not rendition.file.name or not storage.exists(rendition.file.name):
        return None
    return rendition
