"""Security headers, brute-force protection and upload limits. (The admin's role matrix is in
test_role_matrix.py.)"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pypdf import PdfReader

from cms import roles
from cms.models import SiteSettings
from tests.factories import (
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan,
    make_standard_page,
    user_in_group,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    home = make_home()
    page = make_standard_page(home, "Over ons")
    catalogue = make_lending_catalogue(home)
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)
    return {"home": home, "page": page, "catalogue": catalogue, "expert": expert}


@pytest.mark.parametrize("path", ["/", "/over-ons/", "/expertbibliotheek/lenen/", "/zoeken/?q=x"])
def test_public_responses_carry_security_headers(client, site, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_cached_pages_keep_their_headers(client, site):
    client.get("/over-ons/")
    hit = client.get("/over-ons/")
    assert hit["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in hit["Content-Security-Policy"]


def test_admin_login_is_locked_after_five_wrong_passwords(client, site):
    from django.contrib.auth.models import User

    User.objects.create_user("redacteur", password="juist-wachtwoord")
    statuses = [
        client.post(
            "/admin/login/", {"username": "redacteur", "password": "fout"}, REMOTE_ADDR="10.0.0.5"
        ).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the form again, then locked at the fifth
    locked = client.post(
        "/admin/login/",
        {"username": "redacteur", "password": "juist-wachtwoord"},
        REMOTE_ADDR="10.0.0.5",
    )
    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Someone else, from another address, still gets in.
    User.objects.create_user("secretaris", password="ander-wachtwoord")
    other = Client()
    response = other.post(
        "/admin/login/",
        {"username": "secretaris", "password": "ander-wachtwoord"},
        REMOTE_ADDR="10.0.0.6",
    )
    assert response.status_code == 302


def wrong_passwords(client, username: str, times: int = 5, **meta) -> list[int]:
    return [
        client.post("/admin/login/", {"username": username, "password": "fout"}, **meta).status_code
        for _ in range(times)
    ]


def test_lockout_behind_a_proxy_is_per_visitor_and_the_header_is_not_trusted_without_one(
    site, settings
):
    from django.contrib.auth.models import User

    User.objects.create_user("redacteur", password="juist-wachtwoord")
    right = {"username": "redacteur", "password": "juist-wachtwoord"}
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # Without a proxy configured, X-Forwarded-For is ignored: changing it does not escape.
    spoofed = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert wrong_passwords(Client(), "redacteur", **spoofed)[-1] == 429
    spoofed = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert Client().post("/admin/login/", right, **spoofed).status_code == 429

    # With one proxy in front (TRUSTED_PROXY_COUNT=1), each visitor is counted on their own,
    # by the address the proxy saw; what the visitor put in front of it is ignored.
    settings.TRUSTED_PROXY_COUNT = 1
    from axes.utils import reset

    reset()
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.20, 198.51.100.7"}
    assert wrong_passwords(Client(), "redacteur", **attacker)[-1] == 429
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.20, 198.51.100.7"}
    assert Client().post("/admin/login/", right, **forged).status_code == 429
    visitor = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    assert Client().post("/admin/login/", right, **visitor).status_code == 302


def png_bytes(size=(10, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name: str, content: bytes, content_type: str):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
    )


def test_image_uploads_refuse_svg_and_oversized_files(client, site, settings):
    from wagtail.images.models import Image as WagtailImage

    client.force_login(user_in_group(roles.EDITORS))
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused = upload(client, "aanval.svg", svg, "image/svg+xml")
    assert refused.status_code == 200 and WagtailImage.objects.count() == 0
    assert "svg" in refused.content.decode().lower()

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    too_big = upload(client, "groot.png", png_bytes((400, 400)) + b"\0" * 2000, "image/png")
    assert too_big.status_code == 200 and WagtailImage.objects.count() == 0

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    accepted = upload(client, "foto.png", png_bytes(), "image/png")
    assert accepted.status_code == 302 and WagtailImage.objects.count() == 1


def test_no_personal_data_in_public_responses(client, site):
    make_loan(site["expert"], name="Geheime Naam", email="geheim@example.org", phone="06-1234")
    for url in (
        "/",
        "/expertbibliotheek/",
        site["expert"].url,
        "/expertbibliotheek/lenen/",
        "/zoeken/?q=Geheime",
        site["expert"].url + "boekenkaft.pdf",
    ):
        response = client.get(url)
        body = response.content
        if response["Content-Type"] == "application/pdf":
            reader = PdfReader(io.BytesIO(body))
            body = "".join(page.extract_text() for page in reader.pages).encode()
            assert b"Hoop houden" in body  # the text was read
        for secret in (b"Geheime Naam", b"geheim@example.org", b"06-1234"):
            assert secret not in body, (url, secret)
