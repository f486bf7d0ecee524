"""Template helpers for print layouts.

On paper a link cannot be clicked, so its address becomes a numbered note. WeasyPrint's CSS
footnotes lose their text inside table cells (the programme table), so the guides use
endnotes per chapter instead: the numbers follow the text, the notes close the chapter.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

LINK = re.compile(r'(<a\b[^>]*\bhref="(?P<href>[^"]+)"[^>]*>.*?</a>)', re.DOTALL)


class Notes:
    """The numbered notes of one chapter; the same reference twice gets one number."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.items: list[str] = []

    def number_for(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1

    def reference(self, text: str) -> SafeString:
        number = self.number_for(text)
        return format_html(
            '<sup class="note-ref"><a href="#{}-{}" aria-label="noot {}">{}</a></sup>',
            self.prefix,
            number,
            number,
            number,
        )


@register.simple_tag
def new_notes(*name_parts: object) -> Notes:
    """{% new_notes "noot" chapter as notes %}: the notes of one chapter, ids noot-<chapter>-n."""
    return Notes("-".join(str(part) for part in name_parts))


@register.simple_tag
def note(notes: Notes, text: str) -> SafeString:
    return notes.reference(text) if text else mark_safe("")


@register.filter
def links_as_notes(html: str, notes: Notes) -> SafeString:
    """Rendered rich text with a note number after every link to another site."""

    def add_reference(match: re.Match) -> str:
        # The href is HTML-escaped attribute text; the note shows it as plain text.
        href = match.group("href").replace("&amp;", "&")
        if href.startswith(("#", "mailto:", "/")):
            return match.group(1)
        return match.group(1) + notes.reference(href)

    return mark_safe(LINK.sub(add_reference, str(html)))  # noqa: S308 - rendered rich text


@register.inclusion_tag("pdf/_notes.html")
def endnotes(notes: Notes):
    return {"notes": notes}
