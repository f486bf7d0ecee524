"""Cold PDFs render once (cms/pdf.py): requests that arrive together for a document that is not
cached yet wait for one render; a lock whose holder died blocks nobody for long; and
`warm_pdf_cache` fills the cache so the first trainer gets the guide without a render."""

import io
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test import Client
from weasyprint import HTML

from cms import pdf as pdf_engine
from cms.cache import FileBasedCache
from curriculum import guides
from curriculum.models import WorkshopPage
from library.catalogue import print_material
from tests.curriculum.pdf_text import pdf_text
from tests.factories import (
    make_catalogue,
    make_essence,
    make_expert,
    make_home,
    make_series,
    make_workshop,
)

PARALLEL = 4


@pytest.fixture
def weasyprint_renders(monkeypatch):
    """WeasyPrint's real write_pdf, counted: the PDFs stay real PDFs."""
    calls = []
    real_write_pdf = HTML.write_pdf

    def counting_write_pdf(self, *args, **kwargs):
        calls.append(threading.current_thread().name)
        return real_write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", counting_write_pdf)
    return calls


@pytest.fixture(params=["locmem", "file"])
def lock_cache(request, settings, tmp_path):
    """The render lock in each kind of shared cache a single machine runs: LocMem (one
    process) and the site's file cache (every worker process of the server)."""
    if request.param == "file":
        backend = {"BACKEND": "cms.cache.FileBasedCache", "LOCATION": str(tmp_path / "cache")}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lock"}
    settings.CACHES = {**settings.CACHES, "default": backend}
    return request.param


def build_workshop():
    home = make_home()
    series = make_series(home)
    return make_workshop(series, make_essence(), title="Onderlinge afstemming en voortgang")


def lock_key(document) -> str:
    return f"pdf-render:{document.path.name}"


def render_behind_a_lock(holder: str, timeout: float | None, caplog) -> tuple[object, float]:
    """A request for a cold guide whose render lock `holder` has taken (for `timeout`
    seconds): the guide's document, rendered and stored, and how long the request took."""
    workshop = build_workshop()
    document = guides.guide_document(workshop)
    cache.set(lock_key(document), holder, timeout)
    began = time.monotonic()
    with caplog.at_level("WARNING", logger="cms.pdf"):
        body = document.get_or_render(lambda: guides.render_guide(workshop))
    waited = time.monotonic() - began
    assert body.startswith(b"%PDF") and document.read() == body
    return document, waited


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # threads see the pages
def test_parallel_requests_for_a_cold_guide_render_it_once(
    lock_cache, weasyprint_renders, settings, tmp_path
):
    settings.PDF_CACHE_DIR = tmp_path / "pdf"
    workshop = build_workshop()
    url = workshop.url + "docentenhandreiking.pdf"
    start = threading.Barrier(PARALLEL)
    responses, errors = {}, []

    def request(number: int) -> None:
        try:
            start.wait()
            began = time.monotonic()
            response = Client().get(url)
            responses[number] = (response, time.monotonic() - began)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=request, args=(n,), name=f"verzoek-{n}") for n in range(PARALLEL)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert len(responses) == PARALLEL
    print({n: f"{seconds:.2f} s" for n, (_, seconds) in sorted(responses.items())})

    assert len(weasyprint_renders) == 1, weasyprint_renders
    bodies = {response.content for response, _ in responses.values()}
    assert len(bodies) == 1  # all four got the same bytes
    [body] = bodies
    assert all(response.status_code == 200 for response, _ in responses.values())
    assert body.startswith(b"%PDF") and "Onderlinge afstemming en voortgang" in pdf_text(body)
    # The lock is gone once the render is done.
    document = guides.guide_document(WorkshopPage.objects.get(pk=workshop.pk))
    assert document.read() == body
    assert cache.get(lock_key(document)) is None


@pytest.mark.django_db
def test_lock_of_a_holder_that_died_expires_and_a_waiter_renders(
    lock_cache, weasyprint_renders, settings, tmp_path, caplog
):
    settings.PDF_CACHE_DIR = tmp_path / "pdf"
    # What a render whose process was killed leaves behind: its lock, renewed for the last
    # time a moment ago, and no file.
    document, waited = render_behind_a_lock("dode-houder", 1, caplog)

    assert len(weasyprint_renders) == 1
    assert waited > 0.8  # it did wait for the lock ...
    assert not caplog.records  # ... until it expired and was taken, not for the wait bound
    assert cache.get(lock_key(document)) is None


@pytest.mark.django_db
def test_a_lock_that_never_goes_away_holds_a_request_up_for_the_wait_bound_only(
    lock_cache, weasyprint_renders, settings, tmp_path, monkeypatch, caplog
):
    settings.PDF_CACHE_DIR = tmp_path / "pdf"
    monkeypatch.setattr(pdf_engine, "RENDER_WAIT_SECONDS", 1.5)
    document, waited = render_behind_a_lock("hangt", None, caplog)  # a holder stuck for good

    assert len(weasyprint_renders) == 1
    assert 1.5 <= waited < 15
    assert any("zelf renderen" in record.getMessage() for record in caplog.records)
    assert cache.get(lock_key(document)) == "hangt"  # someone else's lock is left alone


def test_a_process_that_exits_during_a_render_lets_go_of_its_lock(tmp_path):
    """A management command whose publish rendered in a daemon thread
    exits before the render is done; a waiter elsewhere must not wait for the expiry."""
    script = (
        "import django, threading, time\n"
        "django.setup()\n"
        "from cms.pdf import RenderLock\n"
        "def render():\n"
        "    assert RenderLock('gids.pdf').acquire()\n"
        "    print('vergrendeld', flush=True)\n"
        "    time.sleep(60)\n"
        "threading.Thread(target=render, daemon=True).start()\n"
        "time.sleep(1)\n"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CACHE_DIR": str(tmp_path),  # the file cache of a single-machine site
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "vergrendeld" in result.stdout
    shared = FileBasedCache(str(tmp_path / "default"), {})
    assert shared.get("pdf-render:gids.pdf") is None
    assert shared.add("pdf-render:gids.pdf", "volgende", 15) is True


@pytest.mark.django_db
def test_warm_command_fills_the_cache_and_the_next_request_is_served_from_it(
    client, weasyprint_renders, settings, tmp_path
):
    settings.PDF_CACHE_DIR = tmp_path / "pdf"
    workshop = build_workshop()
    catalogue = make_catalogue(workshop.get_parent().get_parent())
    make_expert(catalogue, "Pijn die niet wijkt", expert_name="Carla Smit")

    output = io.StringIO()
    call_command("warm_pdf_cache", stdout=output)
    print(output.getvalue())
    assert "Docentenhandreiking deel 5: Onderlinge afstemming en voortgang: gerenderd" in (
        output.getvalue()
    )
    assert "Catalogusboekje Expertbibliotheek: gerenderd" in output.getvalue()
    # The guide, all guides in one, the deck (PDF and PowerPoint), the handout, the booklet,
    # the flyer and the slide.
    assert "8 gerenderd, 0 stonden al klaar" in output.getvalue()
    rendered = len(weasyprint_renders)

    response = client.get(workshop.url + "docentenhandreiking.pdf")
    booklet = client.get(catalogue.url + "catalogus.pdf")
    assert response.status_code == booklet.status_code == 200
    for material in ("presentatie.pdf", "presentatie.pptx", "hand-out.pdf"):
        assert client.get(workshop.url + material).status_code == 200
    assert len(weasyprint_renders) == rendered  # served from the cache, nothing rendered
    assert response.content == guides.guide_document(workshop).read()
    assert booklet.content == print_material.booklet_document(catalogue).read()
    assert pdf_text(response.content).count("Onderlinge afstemming en voortgang") >= 1

    again = io.StringIO()
    call_command("warm_pdf_cache", stdout=again)
    assert len(weasyprint_renders) == rendered
    assert "0 gerenderd" in again.getvalue() and "stonden al klaar" in again.getvalue()
