"""/sitemap.xml lists the live public pages, /robots.txt points crawlers at it."""

import io
import json
import xml.etree.ElementTree as ET  # noqa: S405 (parses the site's own response)

import pytest
from PIL import Image
from wagtail.models import PageViewRestriction

from cms.models import StandardPage
from tests.factories import make_home, make_standard_page

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def make_draft(parent, title: str) -> StandardPage:
    page = StandardPage(title=title, body=json.dumps([]), live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def test_sitemap_lists_live_pages_but_not_drafts_nor_restricted_pages(client):
    home = make_home()
    live = make_standard_page(home, "Over ons")
    draft = make_draft(home, "Nog niet klaar")
    restricted = make_standard_page(home, "Alleen voor leden")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    below_restricted = make_standard_page(restricted, "Ook afgeschermd")

    locations = sitemap_locations(client)

    assert live.full_url in locations
    assert home.full_url in locations
    for hidden in (draft, restricted, below_restricted):
        assert not any(loc.endswith(f"/{hidden.slug}/") for loc in locations), hidden.slug


def test_sitemap_follows_publish_and_unpublish_despite_the_page_cache(client):
    home = make_home()
    later = make_draft(home, "Nieuws")
    assert later.full_url not in sitemap_locations(client)
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"

    later.get_latest_revision().publish()
    assert later.full_url in sitemap_locations(client)
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"

    later.refresh_from_db()
    later.unpublish()
    assert later.full_url not in sitemap_locations(client)


def test_robots_txt_is_plain_text_and_points_at_the_sitemap(client):
    make_home()
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]
    assert client.head("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405


def test_the_site_has_its_own_favicon_and_mark(client):
    make_home()
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/img/logo-mark.svg"' in html
    assert 'rel="apple-touch-icon"' in html
    # The mark is decoration beside the name, which stays text.
    assert 'class="site-name__mark" src="/static/img/logo-mark.svg" alt=""' in html
    assert client.get("/static/img/apple-touch-icon.png").status_code == 200


def test_an_editor_is_warned_while_the_site_address_is_local(client):
    from django.contrib.auth.models import User

    from tests.factories import make_catalogue

    home = make_home()
    catalogue = make_catalogue(home)
    about = make_standard_page(home, "Over ons")
    client.force_login(User.objects.create_superuser("beheer", "b@example.org", "pw"))  # noqa: S106
    site = home.get_site()
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    warning = "het adres van deze site is nog http://127.0.0.1:8000"
    assert warning in client.get(f"/admin/pages/{catalogue.pk}/edit/").content.decode()
    assert warning not in client.get(f"/admin/pages/{about.pk}/edit/").content.decode()
    site.hostname, site.port = "bieb.example.org", 443
    site.save()
    assert (
        "het adres van deze site is nog"
        not in client.get(f"/admin/pages/{catalogue.pk}/edit/").content.decode()
    )
