"""Reading PDFs back in tests."""

import io
import re

from pypdf import PdfReader


def pdf_pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(pdf_pages(pdf))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
