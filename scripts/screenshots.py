"""The README's screenshots (docs/screenshots/): the demo site on a throw-away database, a free
loopback port and Debian's Chromium, then everything removed again.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py

The server is Django's own live-server thread, as the browser tests use it
(tests/browser/conftest.py), so nothing is left running when the script ends, however it ends.
Every file the demo writes (database, media, caches, rendered PDFs) goes into one temporary
folder: the project's own db.sqlite3, media/ and var/ are never touched.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
# A long page (the catalogue, the desk) is cut off here: the README needs the look, not every
# row, and a full-length PNG of the catalogue is several megabytes.
MAX_HEIGHT = 1800
COVER = "/expertbibliotheek/aan-het-bed-tijdens-palliatieve-sedatie/"
WORKSHOP = "/workshops/goed-contact/"
# The trainer guide's page with the workshop's programme table, or else its first page.
GUIDE_MARKER = "Programma van de workshop"


def free_port() -> int:
    # The port must be known before Django starts: the demo Site and its QR codes carry it.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_environment(tmp: Path, base_url: str) -> None:
    """Settings for a one-machine demo whose state all lives in `tmp`."""
    for name in ("REDIS_URL", "EMAIL_HOST", "SECRET_KEY", "DEBUG"):
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp / 'demo.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        CACHE_DIR=str(tmp / "cache"),
        PDF_CACHE_DIR=str(tmp / "pdf-cache"),
        WAGTAILADMIN_BASE_URL=base_url,
        # The admin without an authenticator app: a look at a throw-away demo only.
        OTP_REQUIRED="false",
        EMAIL_URL="console://",
        # Publishing the demo queues every PDF for a background render; the screenshots need
        # one guide, which the request renders itself (cms/pdf.py). Mails are not sent at all.
        TASKS_PDF_BACKEND="django_tasks.backends.dummy.DummyBackend",
        TASKS_MAIL_BACKEND="django_tasks.backends.dummy.DummyBackend",
        LOG_LEVEL="ERROR",
    )


def load_demo() -> dict[str, str]:
    """Migrate, load the demo and its admin (as `make setup` does); returns the credentials."""
    import django
    from django.core.management import call_command

    django.setup()
    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    call_command("migrate", interactive=False, **quiet)
    call_command("load_demo", **quiet)
    call_command("ensure_demo_admin", **quiet)
    from cms.management.commands.ensure_demo_admin import DEMO_PASSWORD, DEMO_USERNAME

    return {"username": DEMO_USERNAME, "password": DEMO_PASSWORD}


def start_server(port: int):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=port)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread


def finish_background_tasks(timeout: float = 120) -> None:
    # A thread that still writes into the temporary folder (a PDF render's lock in the cache,
    # cms/pdf.py) would leave it behind half removed.
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread is not threading.current_thread():
            thread.join(max(deadline - time.monotonic(), 0))


def save(page, path: Path) -> None:
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": max(height, VIEWPORT["height"])}
    page.screenshot(path=str(path), full_page=True, clip=clip)


def guide_page(pdf: Path, png: Path, tmp: Path) -> int:
    """Page N of the trainer guide as a PNG (pdftoppm, 60 dpi); returns N."""
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    number = next(
        (index for index, page in enumerate(pages, 1) if GUIDE_MARKER in page.extract_text()), 1
    )
    stem = tmp / "guide"
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), "-singlefile"]
        + [str(pdf), str(stem)],
        check=True,
    )
    shutil.move(stem.with_suffix(".png"), png)
    return number


def take_all(base: str, login: dict[str, str], tmp: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    def shot(number: int, name: str, what: str, action: Callable[[], None]) -> None:
        path = OUT / f"{number:02d}-{name}.png"
        action()
        save(page, path)
        print(f"  {path.relative_to(ROOT)}  {what} ({path.stat().st_size // 1024} kB)", flush=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="nl-NL", viewport=VIEWPORT)
        page = context.new_page()
        page.set_default_timeout(30_000)

        def visit(path: str) -> Callable[[], None]:
            return lambda: page.goto(base + path)

        def loan_form() -> None:
            # From a cover's own button: the form opens with that book chosen.
            page.goto(base + COVER)
            page.get_by_role("link", name="Leen deze expert").click()
            page.wait_for_load_state()

        shot(1, "home", "home", visit("/"))
        shot(2, "catalogus", "catalogus", visit("/expertbibliotheek/"))
        shot(3, "boekenkaft", "boekenkaft", visit(COVER))
        shot(4, "uitleenformulier", "uitleenformulier voor één boek", loan_form)
        shot(5, "workshop", "workshop 'Goed contact'", visit(WORKSHOP))

        response = page.request.get(base + WORKSHOP + "docentenhandreiking.pdf")
        if not response.ok:
            raise RuntimeError(f"docentenhandreiking: HTTP {response.status}")
        pdf = tmp / "docentenhandreiking.pdf"
        pdf.write_bytes(response.body())
        guide = OUT / "06-docentenhandreiking.png"
        number = guide_page(pdf, guide, tmp)
        what = f"docentenhandreiking, pagina {number}"
        print(f"  {guide.relative_to(ROOT)}  {what} ({guide.stat().st_size // 1024} kB)")

        page.goto(base + "/admin/login/")
        page.get_by_label("Gebruikersnaam").fill(login["username"])
        page.get_by_label("Wachtwoord").fill(login["password"])
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        shot(7, "leenbalie", "leenbalie (beheer)", visit("/admin/leenbalie/"))
        shot(8, "rapport", "rapport doorlooptijden", visit("/admin/rapporten/doorlooptijden/"))
        browser.close()


def main() -> int:
    if not Path(CHROMIUM).exists():
        print("Chromium ontbreekt: apt-get install chromium (of make system-deps).")
        return 1
    if shutil.which("pdftoppm") is None:
        print("pdftoppm ontbreekt: apt-get install poppler-utils (of make system-deps).")
        return 1
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="screenshots-"))
    server = None
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        prepare_environment(tmp, base)
        print(f"Demo laden in {tmp} ...", flush=True)
        login = load_demo()
        server = start_server(port)
        print(f"Demo draait op {base}/; schermafbeeldingen naar {OUT.relative_to(ROOT)}/")
        take_all(base, login, tmp)
    finally:
        if server is not None:
            server.terminate()
        finish_background_tasks()
        shutil.rmtree(tmp, ignore_errors=True)
    print("Klaar.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
