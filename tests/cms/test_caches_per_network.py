"""Two networks on one installation: the page cache, the PDF cache and the sitemap never hand
one network's pages, links or documents to the other's visitors."""

import io
import re

import pytest
import zxingcpp
from django.test import Client
from PIL import Image

from cms import page_cache
from cms.models import SiteSettings
from cms.pdf import cache_dir, pdf_to_png
from tests.factories import (
    first_network,
    make_catalogue,
    make_essence,
    make_expert,
    make_home,
    make_network,
    make_series,
    make_standard_page,
    make_workshop,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks(db):
    """Network A on a.test (the default site) and network B on b.test, with the same paths:
    "/", "/over-ons/" and "/expertbibliotheek/"."""
    # The generation lives in the page cache, which no other fixture empties.
    page_cache.invalidate()
    home_a = make_home("Netwerk Alfa")
    site_a = first_network()
    site_a.hostname, site_a.port = "a.test", 80
    site_a.save()
    site_b, home_b = make_network("Netwerk Bèta", "b.test")
    about_a = make_standard_page(home_a, "Over ons", introduction="Alfa stelt zich voor.")
    about_b = make_standard_page(home_b, "Over ons", introduction="Bèta stelt zich voor.")
    catalogue_a = make_catalogue(home_a, title="Bibliotheek Alfa")
    catalogue_b = make_catalogue(home_b, title="Bibliotheek Bèta")
    expert_a = make_expert(catalogue_a, "Hoop in Alfa", slug="hoop")
    expert_b = make_expert(catalogue_b, "Hoop in Bèta", slug="hoop")
    # Created on a first visit otherwise, which would empty the cache between visits.
    for site in (site_a, site_b):
        SiteSettings.objects.get_or_create(site=site)
    return {
        "a": {"site": site_a, "home": home_a, "about": about_a, "expert": expert_a},
        "b": {"site": site_b, "home": home_b, "about": about_b, "expert": expert_b},
    }


@pytest.fixture
def a():
    return Client(HTTP_HOST="a.test")


@pytest.fixture
def b():
    return Client(HTTP_HOST="b.test")


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache"), response.content.decode()


SAME_PATHS = ["/", "/over-ons/", "/expertbibliotheek/", "/expertbibliotheek/hoop/"]


@pytest.mark.parametrize("path", SAME_PATHS)
def test_same_path_on_two_networks_is_cached_apart(networks, a, b, path):
    assert get(a, path)[0] == "miss"
    state, html_a = get(a, path)
    assert state == "hit"
    assert "Alfa" in html_a and "Bèta" not in html_a

    # A's copy is in the cache under the same path; B must not get it.
    state, html_b = get(b, path)
    assert state == "miss"
    assert "Bèta" in html_b and "Alfa" not in html_b
    assert get(b, path) == ("hit", html_b)
    assert get(a, path) == ("hit", html_a)


def test_host_differing_only_in_case_or_port_is_still_the_same_network(networks, a):
    """Wagtail matches hostnames case-insensitively; the cache key holds the host as sent,
    so this costs at most an extra copy, never a wrong page."""
    get(a, "/over-ons/")
    state, html = get(Client(HTTP_HOST="A.TEST"), "/over-ons/")
    assert "Alfa stelt zich voor." in html and state in ("miss", "hit")


def test_publish_in_one_network_shows_at_once_there_and_purges_the_other(networks, a, b):
    about_a = networks["a"]["about"]
    for client in (a, b):
        get(client, "/over-ons/")
        assert get(client, "/over-ons/")[0] == "hit"

    about_a.introduction = "Alfa heeft een nieuwe tekst."
    about_a.save_revision().publish()

    state, html = get(a, "/over-ons/")
    assert state == "miss" and "Alfa heeft een nieuwe tekst." in html
    # One generation for the whole installation: B's copies go too. B renders its pages once
    # more and still shows its own content.
    state, html = get(b, "/over-ons/")
    assert state == "miss" and "Bèta stelt zich voor." in html
    assert get(b, "/over-ons/")[0] == "hit"


def test_publishing_an_original_refreshes_its_alias_on_the_other_network(networks, a, b):
    """Why a publish in A must also purge B: national pages are aliases whose content changes
    with the original, so a purge of A's entries alone would leave B's alias stale."""
    original = make_standard_page(networks["a"]["home"], "Landelijk", introduction="Eerste versie.")
    original.create_alias(parent=networks["b"]["home"], update_slug="landelijk")
    get(b, "/landelijk/")
    assert get(b, "/landelijk/") == ("hit", get(b, "/landelijk/")[1])

    original.introduction = "Tweede versie."
    original.save_revision().publish()

    state, html = get(b, "/landelijk/")
    assert state == "miss" and "Tweede versie." in html


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_each_network_has_its_own_sitemap_with_its_own_host(networks, a, b):
    # Twice each: the second comes from the page cache and must still be the host's own.
    for _ in range(2):
        locations_a = sitemap_locations(a)
        locations_b = sitemap_locations(b)
        assert set(locations_a) == {
            "http://a.test/",
            "http://a.test/over-ons/",
            "http://a.test/expertbibliotheek/",
            "http://a.test/expertbibliotheek/hoop/",
        }
        assert set(locations_b) == {
            "http://b.test/",
            "http://b.test/over-ons/",
            "http://b.test/expertbibliotheek/",
            "http://b.test/expertbibliotheek/hoop/",
        }


def test_robots_txt_points_to_the_networks_own_sitemap(networks, a, b):
    assert "Sitemap: http://a.test/sitemap.xml" in a.get("/robots.txt").content.decode()
    assert "Sitemap: http://b.test/sitemap.xml" in b.get("/robots.txt").content.decode()


def decoded_qr_codes(pdf: bytes) -> list[str]:
    image = Image.open(io.BytesIO(pdf_to_png(pdf, width_px=1600)))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def cached_files(name: str) -> set[str]:
    return {path.name for path in cache_dir().glob(f"{name}-*")}


@pytest.fixture
def pdf_cache(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    # PDFs go through the page cache too; these tests are about the PDF cache on disk.
    settings.PAGE_CACHE_SECONDS = 0


def test_flyer_of_each_network_links_to_its_own_site_and_is_cached_apart(networks, pdf_cache, a, b):
    flyer_a = a.get("/expertbibliotheek/flyer.pdf").content
    flyer_b = b.get("/expertbibliotheek/flyer.pdf").content
    assert decoded_qr_codes(flyer_a) == ["http://a.test/expertbibliotheek/"]
    assert decoded_qr_codes(flyer_b) == ["http://b.test/expertbibliotheek/"]
    assert len(cached_files("flyer")) == 2
    # Served from the cache, each network still gets its own.
    assert a.get("/expertbibliotheek/flyer.pdf").content == flyer_a
    assert b.get("/expertbibliotheek/flyer.pdf").content == flyer_b


def test_book_cover_pdf_of_each_network_links_to_its_own_site(networks, pdf_cache, a, b):
    cover_a = a.get("/expertbibliotheek/hoop/boekenkaft.pdf").content
    cover_b = b.get("/expertbibliotheek/hoop/boekenkaft.pdf").content
    assert decoded_qr_codes(cover_a) == ["http://a.test/expertbibliotheek/hoop/"]
    assert decoded_qr_codes(cover_b) == ["http://b.test/expertbibliotheek/hoop/"]
    assert len(cached_files("boekenkaft")) == 2


def test_new_hostname_gives_the_flyer_a_new_address(networks, pdf_cache, a):
    """A network moving from its demo name to its own domain: no printed QR code keeps
    pointing at the old address."""
    assert decoded_qr_codes(a.get("/expertbibliotheek/flyer.pdf").content) == [
        "http://a.test/expertbibliotheek/"
    ]
    site = networks["a"]["site"]
    site.hostname = "alfa.test"
    site.save()
    flyer = Client(HTTP_HOST="alfa.test").get("/expertbibliotheek/flyer.pdf").content
    assert decoded_qr_codes(flyer) == ["http://alfa.test/expertbibliotheek/"]


def test_trainer_guide_of_the_national_curriculum_is_rendered_and_cached_once(
    networks, pdf_cache, a, b
):
    """The series lives on network A; network B shows it as a Wagtail alias. The guide does
    not depend on the site, so both networks get the one cached file of the original."""
    series = make_series(networks["a"]["home"])
    make_workshop(series, make_essence())
    series.create_alias(parent=networks["b"]["home"], recursive=True)
    url = "/workshops/workshop-5/docentenhandreiking.pdf"

    guide_a = a.get(url)
    guide_b = b.get(url)
    assert guide_a.status_code == guide_b.status_code == 200
    assert guide_b.content == guide_a.content
    assert len(cached_files("docentenhandreiking")) == 1


def test_new_hostname_gives_the_booklet_a_new_address(networks, pdf_cache, a):
    booklet = a.get("/expertbibliotheek/catalogus.pdf").content
    assert "http://a.test/expertbibliotheek/" in decoded_qr_codes(booklet)
    site = networks["a"]["site"]
    site.hostname = "alfa.test"
    site.save()
    booklet = Client(HTTP_HOST="alfa.test").get("/expertbibliotheek/catalogus.pdf").content
    assert "http://alfa.test/expertbibliotheek/" in decoded_qr_codes(booklet)


def test_the_cached_list_of_sites_follows_a_changed_network(db):
    """cms.networks.site_of_tree_path names a lent cover's network from a cached list of the
    sites: a renamed or new network shows at once, and it costs no query once cached."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms import networks
    from tests.factories import make_home, make_network

    home = make_home()
    site, home_b = make_network("Netwerk Oost", "oost.example.test")
    assert networks.site_of_tree_path(home_b.path + "0001").site_name == "Netwerk Oost"
    with CaptureQueriesContext(connection) as queries:
        assert networks.site_of_tree_path(home.path + "0001").is_default_site
    assert len(queries) == 0
    site.site_name = "Netwerk Oost-Veluwe"
    site.save()
    assert networks.site_of_tree_path(home_b.path + "0001").site_name == "Netwerk Oost-Veluwe"
    third, home_c = make_network("Netwerk Zuid", "zuid.example.test")
    assert networks.site_of_tree_path(home_c.path).pk == third.pk
    assert networks.site_of_tree_path("9999") is None
