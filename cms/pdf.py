"""The one PDF engine of the site: a Django template rendered to a tagged PDF by WeasyPrint.

Every printable document (trainer guides, flyers, book covers) goes through `render_pdf()`.
Resources are read from the site's own static and media folders on disk and never fetched
over the network: any other URL is refused and logged. Rendered PDFs are kept on disk, keyed
by the caller's content version and the print templates' version, so a second download is
served without rendering.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils._os import safe_join
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The documents' base URL. Nothing is ever requested from it: the fetcher maps its /static/
# and /media/ paths to files on disk.
PDF_ORIGIN = "https://pdf.localhost"
PDF_VARIANT = "pdf/ua-1"  # tagged, with language and title in the metadata
MAX_DATA_URL_BYTES = 256 * 1024
PRINT_CSS = "css/pdf.css"

# WeasyPrint keeps per-render state in module globals; one render at a time per process.
_render_lock = threading.Lock()


class RefusedURL(ValueError):
    """A resource URL the PDF engine will not fetch."""


class SiteURLFetcher(URLFetcher):
    """Serves only the site's own static and media files, read from disk.

    External hosts, loopback and private addresses, file:// paths and redirects are refused
    (WeasyPrint then renders without the resource)."""

    def __init__(self) -> None:
        super().__init__(timeout=5, allow_redirects=False, allowed_protocols={"https", "data"})

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            if len(url) > MAX_DATA_URL_BYTES:
                return self.refuse(url, "data:-URL te groot")
            return super().fetch(url, headers)
        path = local_file_for(url)
        if path is None:
            return self.refuse(url, "niet van deze site")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    @staticmethod
    def refuse(url: str, reason: str) -> URLFetcherResponse:
        logger.warning("PDF: bron geweigerd (%s): %.200s", reason, url)
        raise RefusedURL(f"{reason}: {url[:200]}")


def local_file_for(url: str) -> Path | None:
    """The file on disk behind one of the documents' own /static/ or /media/ URLs, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != PDF_ORIGIN:
        return None
    path = unquote(parts.path)
    for prefix, lookup in ((settings.STATIC_URL, static_file), (settings.MEDIA_URL, media_file)):
        if prefix and path.startswith(prefix):
            found = lookup(path.removeprefix(prefix))
            return found if found and found.is_file() else None
    return None


def static_file(relative: str) -> Path | None:
    try:
        found = finders.find(relative)
        return Path(found) if found else Path(safe_join(settings.STATIC_ROOT, relative))
    except SuspiciousFileOperation:  # a path that climbs out of the static folders
        return None


def media_file(relative: str) -> Path | None:
    try:
        return Path(safe_join(settings.MEDIA_ROOT, relative))
    except SuspiciousFileOperation:
        return None


def render_pdf(
    template_name: str,
    context: dict,
    request: HttpRequest | None = None,
    extra_css: tuple[str, ...] = (),
) -> bytes:
    """Render a Django template to a tagged PDF (PDF/UA-1) with the site's print stylesheet
    and, for documents with their own page format, extra stylesheets from static/."""
    html = loader.render_to_string(template_name, context, request=request)
    fetcher = SiteURLFetcher()
    font_config = FontConfiguration()
    with _render_lock:
        stylesheets = [
            CSS(
                filename=static_file(name),
                base_url=f"{PDF_ORIGIN}{settings.STATIC_URL}css/",
                url_fetcher=fetcher,
                font_config=font_config,
            )
            for name in (PRINT_CSS, *extra_css)
        ]
        document = HTML(string=html, base_url=f"{PDF_ORIGIN}/", url_fetcher=fetcher)
        return document.write_pdf(
            stylesheets=stylesheets, font_config=font_config, pdf_variant=PDF_VARIANT
        )


def pdf_to_png(pdf: bytes, *, width_px: int = 1920, page: int = 0) -> bytes:
    """One page of a PDF as PNG (for presentation software), rendered by PDFium."""
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pdf_page = document[page]
        scale = width_px / pdf_page.get_width()
        image = pdf_page.render(scale=scale).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@cache
def templates_version(template_names: tuple[str, ...]) -> str:
    """A fingerprint of the print templates and stylesheets (names ending in .css are static
    files): a deploy that changes the layout invalidates every cached PDF. Once per process."""
    digest = hashlib.sha256()
    for name in (*template_names, PRINT_CSS):
        if name.endswith(".css"):
            origin = static_file(name)
        else:
            origin = Path(loader.get_template(name).origin.name)
        digest.update(origin.read_bytes())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    return Path(getattr(settings, "PDF_CACHE_DIR", None) or Path(settings.MEDIA_ROOT) / "pdf-cache")


@dataclass(frozen=True)
class CachedPDF:
    """A document's place in the disk cache: its name and the versions it was rendered from."""

    name: str
    versions: tuple[object, ...]
    templates: tuple[str, ...]

    @property
    def path(self) -> Path:
        key = repr((self.versions, templates_version(self.templates)))
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        return cache_dir() / f"{self.name}-{digest}.pdf"

    def read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def size(self) -> int | None:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return None

    def write(self, pdf: bytes) -> None:
        target = self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: a reader never sees half a file, also when
        # several app servers share the media folder.
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
        os.replace(tmp, target)
        self.prune_older_versions()

    def prune_older_versions(self) -> None:
        current = self.path
        for old in current.parent.glob(f"{self.name}-*.pdf"):
            if old != current:
                old.unlink(missing_ok=True)

    def get_or_render(self, render: Callable[[], bytes]) -> bytes:
        pdf = self.read()
        if pdf is None:
            pdf = render()
            self.write(pdf)
        return pdf


def pdf_response(
    pdf: bytes, filename: str, *, inline: bool = True, content_type: str = "application/pdf"
) -> HttpResponse:
    response = HttpResponse(pdf, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Length"] = str(len(pdf))
    return response


def human_size(size: int | None) -> str:
    """'245 kB', in Dutch notation."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
