"""Issue 19, done when: a printed QR code leads to the address the site is configured on (the
Site's hostname and port in Wagtail's settings), never to the address of whoever happened to
ask for the PDF, and a changed address gives a new print instead of the cached one."""

import io

import pytest
import zxingcpp
from PIL import Image
from wagtail.models import Site

from tests.curriculum.pdf_text import pdf_text
from tests.factories import make_catalogue, make_expert, make_home
from tests.library.test_print_material import decoded_qr_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    catalogue = make_catalogue(make_home())
    make_expert(catalogue, "Hoe ga ik om met hoop?", expert_name="Bram Jansen")
    return catalogue


def configure_site(hostname: str, port: int) -> None:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()


def printed_link(text: str, url: str) -> bool:
    # A long URL may wrap onto the next line of the PDF, where text extraction adds a space.
    return url in text.replace(" ", "") or url in text


def test_the_flyer_carries_the_sites_address_not_the_requests(client, catalogue):
    configure_site("bieb.example.nl", 443)
    flyer = client.get("/expertbibliotheek/flyer.pdf", HTTP_HOST="127.0.0.1:8000").content
    assert decoded_qr_codes(flyer) == ["https://bieb.example.nl/expertbibliotheek/"]
    text = pdf_text(flyer)
    assert printed_link(text, "https://bieb.example.nl/expertbibliotheek/")
    assert "127.0.0.1" not in text


def test_a_port_other_than_80_or_443_is_part_of_the_address(client, catalogue):
    configure_site("bieb.example.nl", 8123)
    expert = catalogue.get_children().get(title="Hoe ga ik om met hoop?")
    cover = client.get(expert.url + "boekenkaft.pdf").content
    address = f"http://bieb.example.nl:8123{expert.url}"
    assert decoded_qr_codes(cover) == [address]
    assert printed_link(pdf_text(cover), address)


def test_a_new_address_makes_new_prints_not_the_cached_ones(client, catalogue):
    configure_site("127.0.0.1", 8000)
    first = client.get("/expertbibliotheek/flyer.pdf").content
    assert decoded_qr_codes(first) == ["http://127.0.0.1:8000/expertbibliotheek/"]
    slide = client.get("/expertbibliotheek/dia.png").content
    assert read_png(slide) == ["http://127.0.0.1:8000/expertbibliotheek/"]

    configure_site("bieb.example.nl", 443)  # the real address, set after the first prints
    flyer = client.get("/expertbibliotheek/flyer.pdf").content
    assert decoded_qr_codes(flyer) == ["https://bieb.example.nl/expertbibliotheek/"]
    slide = client.get("/expertbibliotheek/dia.png").content
    assert read_png(slide) == ["https://bieb.example.nl/expertbibliotheek/"]


def read_png(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
