"""QR codes for print: inline SVG for the PDF engine, PNG for an editable slide deck."""

from __future__ import annotations

import io

import segno
from django.utils.safestring import SafeString

QR_COLOUR = "#073c46"


def fits(url: str) -> bool:
    """Whether a QR code can hold the URL (about 2,300 bytes at this error correction): an
    editor's very long link is printed as text only, never a failed document."""
    try:
        segno.make(url, error="m")
    except segno.DataOverflowError:
        return False
    return True


def qr_svg(url: str) -> SafeString:
    """The QR code of a URL as inline SVG (vector: sharp at any print size)."""
    code = segno.make(url, error="m")
    return SafeString(code.svg_inline(scale=4, border=2, dark=QR_COLOUR, omitsize=True))


def qr_png(url: str, *, scale: int = 10) -> bytes:
    """The QR code of a URL as PNG, for documents that cannot hold SVG (PowerPoint)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2, dark=QR_COLOUR)
    return buffer.getvalue()
