"""Each network's identity (issue 20, point 1): its own name, logo and colour on its own site."""

import re

import pytest
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms import roles
from cms.models import SiteSettings
from tests.factories import first_network, make_home, make_network, user_in_network

HOST_B = "oost.example.test"
COLOUR_A = "#7a2e5c"
COLOUR_B = "#C0392B"


@pytest.fixture
def two_networks(db):
    make_home()
    site_a = first_network()
    site_b, _ = make_network("Netwerk Voorbeeld-Oost", HOST_B)
    logo_b = get_image_model().objects.create(title="Logo Oost", file=get_test_image_file())
    SiteSettings.objects.update_or_create(
        site=site_a,
        defaults={"organisation_name": "Netwerk Voorbeeld-West", "primary_colour": COLOUR_A},
    )
    SiteSettings.objects.update_or_create(
        site=site_b,
        defaults={
            "organisation_name": "Netwerk Voorbeeld-Oost",
            "primary_colour": COLOUR_B,
            "logo": logo_b,
        },
    )
    return {"a": site_a, "b": site_b, "logo_b": logo_b}


def header(html: str) -> str:
    return re.search(r'<header class="site-header">.*?</header>', html, re.DOTALL).group(0)


def site_name_link(html: str) -> str:
    return re.search(r'<a class="site-name".*?</a>', html, re.DOTALL).group(0)


def test_each_site_shows_its_own_name_logo_and_colour(two_networks):
    client = Client()
    page_a = client.get("/").content.decode()
    page_b = client.get("/", HTTP_HOST=HOST_B).content.decode()

    assert "Netwerk Voorbeeld-West" in header(page_a)
    assert "Netwerk Voorbeeld-Oost" not in page_a
    assert "Netwerk Voorbeeld-Oost" in header(page_b)
    assert "Netwerk Voorbeeld-West" not in page_b

    # A keeps the default mark; B shows its own logo instead of it.
    assert "img/logo-mark" in site_name_link(page_a)
    link_b = site_name_link(page_b)
    assert "img/logo-mark" not in link_b
    assert 'class="site-name__logo"' in link_b
    assert "images/" in link_b  # a rendition of the uploaded logo
    # The name is said once: the logo beside it is decorative (alt=""), not "Logo Oost".
    assert 'alt=""' in link_b
    assert "Logo Oost" not in link_b
    assert link_b.count("Netwerk Voorbeeld-Oost") == 1

    # Each page links its own colour's stylesheet, after site.css.
    assert page_a.index("css/site") < page_a.index('href="/huisstijl.css?v=7a2e5c"')
    assert 'href="/huisstijl.css?v=c0392b"' in page_b
    css_a = client.get("/huisstijl.css?v=7a2e5c")
    css_b = client.get("/huisstijl.css?v=c0392b", HTTP_HOST=HOST_B)
    assert css_a.status_code == css_b.status_code == 200
    assert css_a["Content-Type"].startswith("text/css")
    assert "--colour-primary: #7a2e5c;" in css_a.content.decode()
    assert "--colour-primary: #c0392b;" in css_b.content.decode()
    assert "#c0392b" not in css_a.content.decode()
    assert "#7a2e5c" not in css_b.content.decode()
    assert "immutable" in css_b["Cache-Control"]


def test_the_network_stylesheet_passes_the_content_security_policy(two_networks):
    response = Client().get("/", HTTP_HOST=HOST_B)
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<style" not in html
    assert 'style="' not in header(html)
    # The stylesheet is on this host and names no other host.
    css = Client().get("/huisstijl.css", HTTP_HOST=HOST_B).content.decode()
    assert not re.search(r"url\(|@import|https?:|//", css)
    assert "max-age=300" in Client().get("/huisstijl.css", HTTP_HOST=HOST_B)["Cache-Control"]


def test_a_site_without_a_colour_links_no_network_stylesheet(two_networks):
    SiteSettings.objects.filter(site=two_networks["a"]).update(primary_colour="")
    html = Client().get("/").content.decode()
    assert "huisstijl.css" not in html
    assert "--colour-primary" not in Client().get("/huisstijl.css").content.decode()


def settings_form(site_settings: SiteSettings, **changes) -> dict:
    data = {
        "organisation_name": site_settings.organisation_name,
        "footer_text": site_settings.footer_text,
        "privacy_page": "",
        "accessibility_page": "",
        "logo": site_settings.logo_id or "",
        "primary_colour": site_settings.primary_colour,
    }
    return data | changes


def test_a_too_light_colour_is_refused_with_a_dutch_message(two_networks):
    site_b = two_networks["b"]
    editor = user_in_network(site_b, roles.EDITORS, "redacteur-oost")
    client = Client()
    client.force_login(editor)
    url = f"/admin/settings/cms/sitesettings/{site_b.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="primary_colour"' in form.content.decode()
    assert 'name="logo"' in form.content.decode()

    current = SiteSettings.for_site(site_b)
    response = client.post(url, settings_form(current, primary_colour="#e0731f"))
    assert response.status_code == 200
    assert (
        "Deze kleur is te licht voor witte tekst: contrast 3,1:1, minimaal 4,5:1 nodig."
        in response.content.decode()
    )
    assert SiteSettings.for_site(site_b).primary_colour == COLOUR_B

    response = client.post(url, settings_form(current, primary_colour="#0b5563"))
    assert response.status_code == 302
    assert SiteSettings.for_site(site_b).primary_colour == "#0b5563"
    # Only its own network: the first network's colour is untouched.
    assert SiteSettings.for_site(two_networks["a"]).primary_colour == COLOUR_A


@pytest.mark.parametrize(
    ("colour", "accepted"),
    [("#0b5563", True), ("#767676", True), ("#777777", False), ("#ffffff", False)],
)
def test_the_contrast_limit_is_four_and_a_half(colour, accepted):
    from django.core.exceptions import ValidationError

    from cms.models.site_settings import validate_primary_colour

    if accepted:
        validate_primary_colour(colour)
    else:
        with pytest.raises(ValidationError):
            validate_primary_colour(colour)


@pytest.mark.parametrize("value", ["red", "#0b556", "#0b5563;}body{x:y", "0b5563"])
def test_only_a_hex_colour_is_accepted(value):
    from django.core.exceptions import ValidationError

    from cms.models.site_settings import validate_primary_colour

    with pytest.raises(ValidationError, match="Vul een kleur in"):
        validate_primary_colour(value)
