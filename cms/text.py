"""Text that editors typed, made safe for formats stricter than HTML.

A title pasted from Word can hold a vertical tab (its soft line break), and any field can hold
characters that XML cannot store (U+FFFE) or that an e-mail header refuses (every line break
`str.splitlines` knows). HTML shows them harmlessly; a PowerPoint file or an e-mail header
fails on them. These two functions are the one place that cleans them.
"""

from __future__ import annotations

import re

# Line breaks as str.splitlines() sees them, less the ordinary ones kept by `xml_safe`.
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# What XML 1.0 cannot hold: C0 controls other than tab, newline and return; surrogates;
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an XML document can hold; a vertical tab or form feed becomes a space."""
    return _NOT_XML.sub(lambda match: " " if match.group() in "\x0b\x0c" else "", text)


def single_line(text: str) -> str:
    """One line for a header or a document title: every kind of line break becomes a space."""
    return xml_safe(_LINE_BREAKS.sub(" ", text)).strip()
