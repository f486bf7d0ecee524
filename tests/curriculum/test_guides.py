import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms.pdf import PDF_ORIGIN, RefusedURL, SiteURLFetcher
from curriculum import guides
from curriculum.models import WorkshopPage
from tests.curriculum.pdf_text import pdf_pages, pdf_text
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

PROGRAMME = [
    session(10, "Inleiding", "<ul><li>Uitleg van het programma</li></ul>"),
    session(20, "Essentie Coördinatie en continuïteit", "<p>Wat versta je eronder?</p>"),
    session(
        35,
        "Aan de slag",
        "<ol><li>Hoe stem je de zorg af?</li><li>Hoe deel je informatie?</li>"
        "<li>Wanneer betrek je specialisten?</li></ol>",
    ),
    session(
        35,
        "Reflecteren op eigen handelen",
        "<ol><li>Welke rol heb jij bij een overdracht?</li></ol>",
        tips='<p>Zie de <a href="https://palliaweb.nl/publicaties/overgang">publicatie</a>.</p>',
    ),
    session(20, "Plenaire terugkoppeling", "<p>Terugblik op de leerdoelen</p>"),
]


@pytest.fixture
def workshop(db):
    home = make_home()
    series = make_series(home, licence_name="CC BY-NC-SA 4.0")
    essence = make_essence()
    method = make_work_method("Zes denkhoeden", source="De Bono, E. (1999). Six Thinking Hats.")
    PROGRAMME[2]["value"]["work_methods"] = [method.pk]
    return make_workshop(
        series,
        essence,
        title="Onderlinge afstemming en voortgang",
        goals=["ziet het belang van samenwerken", "reflecteert op de eigen praktijk"],
        programme=PROGRAMME,
    )


def test_guide_text_holds_cover_goals_programme_and_licence(workshop):
    pages = pdf_pages(guides.render_guide(workshop))
    text = "\n".join(pages)
    assert "Docentenhandreiking workshops" in pages[0]
    assert "Deel 5: Workshop ‘Onderlinge afstemming en voortgang’" in pages[0]
    assert "ziet het belang van samenwerken" in text
    assert "reflecteert op de eigen praktijk" in text
    for minutes, part in [(10, "Inleiding"), (35, "Aan de slag"), (20, "Plenaire terugkoppeling")]:
        assert f"{minutes} min" in text
        assert part in text
    assert "3. Wanneer betrek je specialisten?" in text or "Wanneer betrek je specialisten?" in text
    assert "Creative Commons CC BY-NC-SA 4.0" in text
    assert f"pagina 2 van {len(pages)}" in text


def test_table_of_contents_page_numbers_match_the_headings(workshop):
    pages = pdf_pages(guides.render_guide(workshop))
    toc_page = next(
        i
        for i, page in enumerate(pages)
        if page.startswith("Inhoudsopgave") or " Inhoudsopgave " in f" {page} "
    )
    print(pages[toc_page])
    entries = re.findall(r"(\d+(?:\.\d+)*\.? [^.]+?)\s*(?:\.\s*){2,}(\d+)", pages[toc_page])
    assert len(entries) >= 9, pages[toc_page]  # chapters and sections: two levels
    for heading, page_number in entries:
        page = pages[int(page_number) - 1]
        assert heading.strip() in page, (heading, page_number)


def test_references_become_numbered_notes(workshop):
    text = pdf_text(guides.render_guide(workshop))
    assert "https://palliaweb.nl/publicaties/overgang" in text
    assert "De Bono, E. (1999). Six Thinking Hats." in text


def test_guide_is_tagged_with_language_and_title(workshop, tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    pdf = guides.render_guide(workshop)
    reader = PdfReader(BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == "Docentenhandreiking deel 5: Onderlinge afstemming en voortgang"
    if shutil.which("pdfinfo"):
        path = tmp_path / "guide.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE)
        assert "Onderlinge afstemming en voortgang" in info.stdout


class CountingHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_http_server():
    CountingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetcher_refuses_everything_but_own_static_and_media(settings, tmp_path):
    fetcher = SiteURLFetcher()
    css = fetcher.fetch(f"{PDF_ORIGIN}/static/css/pdf.css")
    assert b"@page" in css.read()
    for url in (
        "https://example.org/logo.png",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/pdf.css",
        "http://10.0.0.1/intern.png",
        "http://192.168.1.1/router.png",
        "http://[::1]/static/css/pdf.css",
        "http://169.254.169.254/latest/meta-data/",
        f"{PDF_ORIGIN}/static/../../../../etc/passwd",
        f"{PDF_ORIGIN}/media/../../../../etc/passwd",
        f"{PDF_ORIGIN}/admin/",
        "data:image/png;base64," + "A" * 300_000,
    ):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_guide_renders_with_hostile_resources_refused(workshop, local_http_server, caplog):
    workshop.introduction = (
        "<p>Inleiding.</p>"
        '<p><img src="https://example.org/extern.png" alt="extern"></p>'
        '<p><img src="file:///etc/passwd" alt="bestand"></p>'
        f'<p><img src="{local_http_server}/lokaal.png" alt="loopback"></p>'
    )
    workshop.save_revision().publish()
    workshop.refresh_from_db()
    with caplog.at_level("WARNING", logger="cms.pdf"):
        pdf = guides.render_guide(workshop)
    assert pdf.startswith(b"%PDF")
    assert "Inleiding." in pdf_text(pdf)
    refused = [r.getMessage() for r in caplog.records if "geweigerd" in r.getMessage()]
    assert any("example.org" in message for message in refused)
    assert any("file:///etc/passwd" in message for message in refused)
    assert any("127.0.0.1" in message for message in refused)
    assert CountingHandler.requests == []  # nothing ever reached the loopback server


def test_second_download_is_served_from_the_cache(
    workshop, client, monkeypatch, settings, tmp_path
):
    settings.PDF_CACHE_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 0  # else the page cache answers the second request
    renders = []
    real_render = guides.render_guide
    monkeypatch.setattr(
        guides, "render_guide", lambda page: renders.append(page) or real_render(page)
    )
    url = workshop.url + "docentenhandreiking.pdf"

    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first.content == second.content
    assert len(renders) == 1


def test_publishing_a_change_shows_in_the_next_pdf(workshop, client, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    url = workshop.url + "docentenhandreiking.pdf"
    assert "nieuw leerdoel na publicatie" not in pdf_text(client.get(url).content)

    workshop = WorkshopPage.objects.get(pk=workshop.pk)
    workshop.learning_goals.append(("goal", "nieuw leerdoel na publicatie"))
    workshop.save_revision().publish()

    assert "nieuw leerdoel na publicatie" in pdf_text(client.get(url).content)
    assert len(list(tmp_path.glob("docentenhandreiking-*.pdf"))) == 1  # the old one is gone


def test_publishing_queues_the_rendering_of_the_trainer_material(workshop, settings, tmp_path):
    from django_tasks import task_backends

    from curriculum import decks, handouts, trainer_material

    settings.PDF_CACHE_DIR = tmp_path
    backend = task_backends["pdf"]
    backend.clear()
    workshop.save_revision().publish()
    # on_commit callbacks run at the end of the test transaction; run them now.
    from django.db import connection

    for _, callback, _ in connection.run_on_commit:
        callback()
    connection.run_on_commit.clear()
    queued = [
        result for result in backend.results if result.task.name == "regenerate_trainer_material"
    ]
    assert queued and queued[-1].args == [workshop.get_parent().pk, workshop.pk]

    trainer_material.regenerate_trainer_material.call(*queued[-1].args)
    workshop = WorkshopPage.objects.get(pk=workshop.pk)
    assert guides.guide_document(workshop).read() is not None
    assert decks.deck_pdf_document(workshop).read() is not None
    assert decks.deck_pptx_document(workshop).read() is not None
    assert handouts.handout_document(workshop).read() is not None


def test_all_eight_in_one_document(workshop, client, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    series = workshop.get_parent().specific
    second = make_workshop(series, make_essence(1, "Markering"), title="De palliatieve fase begint")
    response = client.get(series.url + "docentenhandreiking.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "2. Workshop ‘De palliatieve fase begint’" in text
    assert "3. Workshop ‘Onderlinge afstemming en voortgang’" in text
    assert second.title in text
