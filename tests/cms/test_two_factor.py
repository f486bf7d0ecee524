"""Two-step verification of the admin login (cms/two_factor): setup with an authenticator app,
recovery codes, the verify step, throttling, who is asked, and the reset command."""

import io
import re
import time
from base64 import b32encode
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms import roles
from tests.factories import user_in_group

pytestmark = pytest.mark.django_db

SETUP = "/admin/2fa/instellen/"
VERIFY = "/admin/2fa/code/"
DESK = "/admin/leenbalie/"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    """The test settings leave 2FA off for the rest of the suite; here it is on, as in base."""
    settings.OTP_REQUIRED = True
    settings.OTP_REQUIRED_FOR_EDITORS = False
    return settings


PASSWORD = "pw"  # what tests.factories.user_in_group gives


def password_login(username: str) -> Client:
    """Logs in through Wagtail's login form, as a person would."""
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def app_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now; a later step if this one was used already
    (django-otp accepts each time step once, and one step either side of now)."""
    device.refresh_from_db()
    step = max(int(time.time()) // device.step + device.drift, device.last_t + 1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = step * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {app_code(device)}
    return next(code for code in ("000000", "111111", "222222") if code not in right)


def end_throttle(user: User) -> None:
    """As if the user waited long enough after a wrong code."""
    earlier = timezone.now() - timedelta(hours=1)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user, throttling_failure_count__gt=0).update(
            throttling_failure_timestamp=earlier
        )


def set_up_app(client: Client, user: User) -> list[str]:
    """Goes through the setup page; returns the recovery codes shown once."""
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"code": app_code(device), "next": "/admin/"})
    assert response.status_code == 200
    return recovery_codes(response)


def recovery_codes(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'<ul class="two-factor__codes"[^>]*>(.*?)</ul>', html, re.S)
    assert block, "no recovery codes on the page"
    return re.findall(r"<li>([^<]+)</li>", block.group(1))


def log_out(client: Client) -> None:
    client.post("/admin/logout/")


def secretary_with_the_app() -> tuple[User, Client, list[str]]:
    """A secretariat member logged in who has just set up the app: user, client, the
    recovery codes shown."""
    user = user_in_group(roles.SECRETARIAT)
    client = password_login(user.username)
    return user, client, set_up_app(client, user)


def secretary_back_another_day() -> tuple[User, Client, list[str]]:
    """The same, logged out since and in again with the password: the code is asked next."""
    user, client, codes = secretary_with_the_app()
    log_out(client)
    return user, password_login(user.username), codes


def test_secretariat_sets_up_the_app_after_the_password_login():
    user = user_in_group(roles.SECRETARIAT)
    client = password_login(user.username)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == SETUP + "?next=%2Fadmin%2F"
    assert client.get(DESK)["Location"] == SETUP + "?next=%2Fadmin%2Fleenbalie%2F"

    page = client.get(SETUP + "?next=/admin/leenbalie/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tweestapsverificatie instellen" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # The QR code is drawn in the page itself, and the key is there as text too.
    qr = re.search(r'<div class="two-factor__qr">\s*<svg.*?</svg>', html, re.S)
    assert qr and "<path" in qr.group(0) and "src=" not in qr.group(0)
    secret = b32encode(device.bin_key).decode()
    assert secret[:4] + " " + secret[4:8] in html
    # A reload shows the same key, so a code scanned before it still works.
    assert client.get(SETUP).content.decode().count(secret[:4] + " " + secret[4:8]) == 1
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(SETUP, {"code": wrong_code(device), "next": "/admin/leenbalie/"})
    assert wrong.status_code == 200
    assert "Deze code klopt niet" in wrong.content.decode()
    not_digits = client.post(SETUP, {"code": "abc"})
    assert "Vul de code van 6 cijfers uit de app in." in not_digits.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(DESK).status_code == 302

    end_throttle(user)
    done = client.post(SETUP, {"code": app_code(device), "next": "/admin/leenbalie/"})
    assert done.status_code == 200
    html = done.content.decode()
    assert "Bewaar je herstelcodes" in html and "Tweestapsverificatie is ingesteld." in html
    codes = recovery_codes(done)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert 'href="/admin/leenbalie/"' in html
    device.refresh_from_db()
    assert device.confirmed

    assert client.get(DESK).status_code == 200
    # Shown once: the setup page now moves on instead of showing codes again.
    assert client.get(SETUP + "?next=/admin/leenbalie/")["Location"] == "/admin/leenbalie/"


def test_a_later_login_asks_for_the_code_before_the_loan_desk_opens():
    user, client, _ = secretary_back_another_day()
    refused = client.get(DESK)
    assert refused.status_code == 302
    assert refused["Location"] == VERIFY + "?next=%2Fadmin%2Fleenbalie%2F"
    assert client.get(f"{DESK}?export=csv").status_code == 302
    assert client.post(DESK).status_code == 302
    assert client.get(SETUP)["Location"].startswith(VERIFY)  # no second app without a reset
    assert TOTPDevice.objects.filter(user=user).count() == 1

    page = client.get(refused["Location"])
    assert page.status_code == 200
    assert "Inloggen bevestigen" in page.content.decode()

    device = TOTPDevice.objects.get(user=user)
    wrong = client.post(VERIFY, {"code": wrong_code(device), "next": DESK})
    assert wrong.status_code == 200
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get(DESK).status_code == 302

    end_throttle(user)
    right = client.post(VERIFY, {"code": app_code(device), "next": DESK})
    assert right.status_code == 302 and right["Location"] == DESK
    assert client.get(DESK).status_code == 200


def test_wrong_codes_are_throttled_with_a_dutch_message():
    user, client, _ = secretary_back_another_day()
    device = TOTPDevice.objects.get(user=user)

    client.post(VERIFY, {"code": wrong_code(device)})
    # Right away again: refused without being checked, even the right code.
    throttled = client.post(VERIFY, {"code": app_code(device)})
    assert throttled.status_code == 200
    assert (
        "Na een verkeerde code wacht je even voor de volgende poging" in throttled.content.decode()
    )
    assert client.get(DESK).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_a_recovery_code_works_once():
    user, client, codes = secretary_back_another_day()
    used = client.post(VERIFY, {"code": codes[0], "next": DESK})  # as shown: "ABCD EFGH"
    assert used.status_code == 302 and used["Location"] == DESK
    desk = client.get(DESK)
    assert desk.status_code == 200
    assert "Je bent ingelogd met een herstelcode" in desk.content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 9
    log_out(client)

    client = password_login(user.username)
    again = client.post(VERIFY, {"code": codes[0].lower().replace(" ", ""), "next": DESK})
    assert again.status_code == 200
    assert "Deze code klopt niet" in again.content.decode()
    assert client.get(DESK).status_code == 302
    end_throttle(user)
    assert client.post(VERIFY, {"code": codes[1], "next": DESK})["Location"] == DESK


@pytest.mark.parametrize("role", [roles.SECRETARIAT, roles.WORKING_GROUP, "superuser"])
def test_roles_with_personal_data_are_asked(role):
    if role == "superuser":
        user = User.objects.create_superuser("beheerder", "b@example.org", PASSWORD)
    else:
        user = user_in_group(role)
    client = password_login(user.username)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_editors_are_asked_only_when_the_setting_is_on(two_factor_required):
    editor = user_in_group(roles.EDITORS)
    client = password_login(editor.username)
    assert client.get("/admin/").status_code == 200

    two_factor_required.OTP_REQUIRED_FOR_EDITORS = True
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_reset_2fa_removes_the_devices():
    user, client, _ = secretary_with_the_app()
    assert client.get(DESK).status_code == 200

    out = io.StringIO()
    call_command("reset_2fa", user.username, stdout=out)
    assert f"Tweestapsverificatie van '{user.username}' gewist" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.exists()
    # The session confirmed with the removed app counts no more: set up a new one.
    assert client.get(DESK)["Location"].startswith(SETUP)

    out = io.StringIO()
    call_command("reset_2fa", user.username, stdout=out)
    assert "had geen tweestapsverificatie ingesteld" in out.getvalue()
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("reset_2fa", "niemand")


def test_the_2fa_pages_are_no_way_around_the_password():
    user, _, codes = secretary_with_the_app()
    device = TOTPDevice.objects.get(user=user)

    stranger = Client()
    for url, data in ((VERIFY, {"code": app_code(device)}), (VERIFY, {"code": codes[0]})):
        response = stranger.post(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert stranger.post(SETUP, {"code": app_code(device)})["Location"].startswith("/admin/login/")
    assert stranger.get(DESK)["Location"].startswith("/admin/login/")
    assert StaticToken.objects.filter(device__user=user).count() == 10  # nothing used up
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_next_must_stay_on_this_site():
    user, client, _ = secretary_back_another_day()
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY, {"code": app_code(device), "next": "https://elders.example/"})
    assert response["Location"] == "/admin/"


def test_the_pages_an_unverified_user_needs_stay_open():
    user = user_in_group(roles.SECRETARIAT)
    client = password_login(user.username)
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get(SETUP).status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
