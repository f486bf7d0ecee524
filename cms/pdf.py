"""The one PDF engine of the site: a Django template rendered to a tagged PDF by WeasyPrint.

Every printable document (trainer guides, flyers, book covers) goes through `render_pdf()`.
Resources are read from the site's own static and media folders on disk and never fetched
over the network: any other URL is refused and logged. Rendered PDFs are kept on disk, keyed
by the caller's content version and the print templates' version, so a second download is
served without rendering. Requests that arrive while a document is being rendered wait for
that one render (`RenderLock`), and `manage.py warm_pdf_cache` renders what the apps register
under the `WARM_PDF_CACHE_HOOK` Wagtail hook ahead of the first visitor.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import mimetypes
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils._os import safe_join
from django.utils.http import content_disposition_header
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from cms.page_cache import CACHE_ERRORS

logger = logging.getLogger(__name__)

# The documents' base URL. Nothing is ever requested from it: the fetcher maps its /static/
# and /media/ paths to files on disk.
PDF_ORIGIN = "https://pdf.localhost"
PDF_VARIANT = "pdf/ua-1"  # tagged, with language and title in the metadata
MAX_DATA_URL_BYTES = 256 * 1024
PRINT_CSS = "css/pdf.css"

# WeasyPrint keeps per-render state in module globals; one render at a time per process.
_render_lock = threading.Lock()

# One render per document version, however many requests ask for it at once (see RenderLock).
RENDER_LOCK_CACHE = "default"
RENDER_LOCK_SECONDS = 15  # renewed while the render runs; a holder that died lets it expire
RENDER_WAIT_SECONDS = 60  # then a waiter renders itself: nobody waits forever
RENDER_POLL_SECONDS = 0.2
# Apps register a function under this Wagtail hook that yields the `Printable`s to render
# ahead of the first visitor (`manage.py warm_pdf_cache`).
WARM_PDF_CACHE_HOOK = "warm_pdf_cache"


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
    # The cache holds any rendered document; the suffix names what it is (".pptx").
    suffix: str = ".pdf"

    @property
    def path(self) -> Path:
        key = repr((self.versions, templates_version(self.templates)))
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        return cache_dir() / f"{self.name}-{digest}{self.suffix}"

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
        for old in current.parent.glob(f"{self.name}-*{self.suffix}"):
            if old != current:
                old.unlink(missing_ok=True)

    def get_or_render(self, render: Callable[[], bytes]) -> bytes:
        """The cached file, or else one render for all who ask at the same time.

        Right after a publish or deploy, four trainers opening the same guide rendered it four
        times, one after the other (9 s, 17 s, 24 s, 31 s). Now the first takes the render
        lock and renders; the others look for the file every RENDER_POLL_SECONDS until it is
        there. A lock that is gone without a file (the render failed, or its process died and
        the lock expired) is taken by the next waiter; after RENDER_WAIT_SECONDS a waiter
        renders without the lock."""
        pdf = self.read()
        if pdf is not None:
            return pdf
        lock = RenderLock(self.path.name)
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while not lock.acquire():
            if time.monotonic() >= deadline:
                logger.warning(
                    "PDF: %s na %s s nog niet klaar; zelf renderen", self.name, RENDER_WAIT_SECONDS
                )
                break
            time.sleep(RENDER_POLL_SECONDS)
            pdf = self.read()
            if pdf is not None:
                return pdf
        try:
            pdf = self.read()  # written by the previous holder just before it let go
            if pdf is None:
                pdf = render()
                self.write(pdf)
            return pdf
        finally:
            lock.release()


class RenderLock:
    """The right to render one version of one document, held in Django's shared cache, so it
    counts across threads, worker processes and (with Redis) app servers.

    Taken with the cache's add(), which has exactly one winner in Redis, LocMem and the site's
    file cache (cms.cache.FileBasedCache; Django's own is not atomic there). While the render
    runs, a thread renews the lock; a holder whose process is killed stops renewing and its
    lock expires within RENDER_LOCK_SECONDS. If the cache cannot be reached, the caller
    renders without a lock rather than fail."""

    def __init__(self, name: str) -> None:
        self.key = f"pdf-render:{name}"
        self.token = uuid.uuid4().hex
        # The backends this site uses (file, LocMem, Redis) may be shared between threads:
        # the renewing thread uses the caller's.
        self.cache = caches[RENDER_LOCK_CACHE]
        self._released = threading.Event()
        self._renewer: threading.Thread | None = None

    def acquire(self) -> bool:
        try:
            if not self.cache.add(self.key, self.token, RENDER_LOCK_SECONDS):
                return False
        except CACHE_ERRORS:
            logger.exception("PDF: cache niet bereikbaar; renderen zonder vergrendeling")
            return True
        self._renewer = threading.Thread(target=self._renew, name=self.key, daemon=True)
        self._renewer.start()
        _held_locks.add(self)
        return True

    def _renew(self) -> None:
        while not self._released.wait(RENDER_LOCK_SECONDS / 4):
            try:
                self.cache.touch(self.key, RENDER_LOCK_SECONDS)
            except CACHE_ERRORS:
                logger.exception("PDF: vergrendeling %s niet verlengd", self.key)

    def release(self) -> None:
        if self._renewer is None:
            return
        self._released.set()
        self._renewer.join()
        self._renewer = None
        _held_locks.discard(self)
        try:
            # Not a lock that a waiter took over after ours expired.
            if self.cache.get(self.key) == self.token:
                self.cache.delete(self.key)
        except CACHE_ERRORS:
            logger.exception("PDF: vergrendeling %s niet opgeheven", self.key)


_held_locks: set[RenderLock] = set()


@atexit.register
def release_held_locks() -> None:
    """A process that exits during a render (a management command rendering, or a task worker
    stopped mid-render) lets go at once, so a waiter does not wait for expiry."""
    for lock in list(_held_locks):
        lock.release()


@dataclass(frozen=True)
class Printable:
    """A cached document and how to render it: what an app hands to `warm_pdf_cache`."""

    label: str
    document: CachedPDF
    render: Callable[[], bytes]

    def warm(self) -> tuple[bool, int]:
        """Fill the cache; (whether this call rendered, size in bytes)."""
        rendered = False

        def render() -> bytes:
            nonlocal rendered
            rendered = True
            return self.render()

        pdf = self.document.get_or_render(render)
        return rendered, len(pdf)


def pdf_response(
    pdf: bytes, filename: str, *, inline: bool = True, content_type: str = "application/pdf"
) -> HttpResponse:
    response = HttpResponse(pdf, content_type=content_type)
    # Django's helper writes filename* for a non-ASCII name (a slug may hold one).
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Content-Length"] = str(len(pdf))
    return response


def human_size(size: int | None) -> str:
    """'245 kB', in Dutch notation."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
