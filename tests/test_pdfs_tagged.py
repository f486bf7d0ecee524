"""Every PDF the site serves is tagged (PDF/UA), in Dutch, with a title (pdfinfo)."""

import re
import subprocess

import pytest
from pypdf import PdfReader

from tests.factories import (
    make_catalogue,
    make_essence,
    make_expert,
    make_home,
    make_series,
    make_workshop,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    home = make_home()
    catalogue = make_catalogue(home)
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    series = make_series(home)
    workshop = make_workshop(series, make_essence(5))
    return {
        "docentenhandreiking": workshop.url + "docentenhandreiking.pdf",
        "alle handreikingen": series.url + "docentenhandreiking.pdf",
        "flyer": catalogue.url + "flyer.pdf",
        "dia": catalogue.url + "dia.pdf",
        "catalogus": catalogue.url + "catalogus.pdf",
        "boekenkaft": expert.url + "boekenkaft.pdf",
    }


def test_every_served_pdf_is_tagged_with_language_and_title(client, site, tmp_path):
    for name, url in site.items():
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        content = b"".join(response) if response.streaming else response.content
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE), name
        title = re.search(r"^Title:\s+(.+)$", info.stdout, re.MULTILINE)
        assert title and title.group(1).strip(), name
        assert PdfReader(path).trailer["/Root"]["/Lang"] == "nl", name
