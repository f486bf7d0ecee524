"""Validators for text that visitors type and that later lands in e-mails and spreadsheets."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Every character that some mail or spreadsheet program takes for a new line: a line break in
# a name could start a forged "Bcc:" line in an e-mail body, or break a header.
LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def plain_text(value: str) -> None:
    """The register holds plain text: no HTML, no invisible control characters."""
    if HTML_TAG.search(value):
        raise ValidationError(
            "Gebruik geen HTML-code (zoals <script> of <b>); schrijf gewone tekst.",
            code="html",
        )
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            "Deze tekst bevat onzichtbare stuurtekens. Typ hem opnieuw.", code="control"
        )


def single_line(value: str) -> None:
    """Names, phone numbers and the like fit on one line."""
    if LINE_BREAKS.search(value):
        raise ValidationError(
            "Dit veld past op één regel: haal de regelovergang (Enter) weg.", code="line_break"
        )


PHONE_NUMBER = re.compile(r"^\+?[0-9 ()./-]{6,30}$")


def phone_number(value: str) -> None:
    """Digits with the usual separators (06-1234 5678, +31 (0)20 123 45 67), no words."""
    if not PHONE_NUMBER.match(value.strip()) or sum(ch.isdigit() for ch in value) < 6:
        raise ValidationError(
            "Vul een telefoonnummer in met cijfers, bijvoorbeeld 06-1234 5678.", code="phone"
        )
