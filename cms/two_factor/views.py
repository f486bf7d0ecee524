"""The second step of the admin login: setting up an authenticator app, and verifying a code.

Both views sit under /admin/2fa/ (cms/wagtail_hooks.py), so Wagtail's admin-access check runs
first: without a password login they redirect to the login page.
"""

from __future__ import annotations

import math
import re
from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.two_factor import is_verified, requires_two_factor

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"

WRONG_SETUP_CODE = (
    "Deze code klopt niet. Vul de code in die de app nu toont; staat de tijd op je telefoon "
    "goed ingesteld?"
)
WRONG_CODE = (
    "Deze code klopt niet. Vul de code uit je authenticator-app in, of een herstelcode die je "
    "nog niet hebt gebruikt."
)
NOT_SIX_DIGITS = "Vul de code van 6 cijfers uit de app in."
THROTTLED = (
    "Na een verkeerde code wacht je even voor de volgende poging: probeer het over {wait} opnieuw."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit de app of herstelcode",
        max_length=32,
        error_messages={"required": "Vul een code in."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self) -> str:
        # "123 456" as some apps show it, "abcd-efgh" or "ABCD EFGH" for a recovery code.
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()


class SetupForm(CodeForm):
    code = forms.CharField(
        label="Code uit de app",
        max_length=16,
        error_messages={"required": NOT_SIX_DIGITS},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = super().clean_code()
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(NOT_SIX_DIGITS)
        return code


def next_url(request) -> str:
    """Where to go after the second step: the page asked for, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def redirect_to(view_name: str, request) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(view_name)}?{urlencode({'next': next_url(request)})}")


def throttle_message(device) -> str | None:
    """The Dutch refusal while django-otp makes the user wait after wrong codes, else None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (details or {}).get("locked_until")
    seconds = (
        max(1, math.ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 1
    )
    return THROTTLED.format(wait="1 seconde" if seconds == 1 else f"{seconds} seconden")


def verify_on(device_model, user, code: str, confirmed: bool):
    """Checks the code against the user's devices of one kind, locked against a concurrent
    check; returns (device, None) when it fits, else (None, Dutch error)."""
    error = None
    with transaction.atomic():
        devices = device_model.objects.select_for_update().filter(user=user, confirmed=confirmed)
        for device in devices:
            throttled = throttle_message(device)
            if throttled:
                error = throttled
            elif device.verify_token(code):
                return device, None
    return None, error


def finish_login(request, device) -> None:
    django_otp.login(request, device)
    request.session.cycle_key()  # a new session id for the verified login


def unconfirmed_app(user) -> TOTPDevice:
    """The device being set up: the same one on every visit, so a QR code scanned before a
    reload still works."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    qr = segno.make(device.config_url, error="m")
    # Dark on white in the admin's dark theme too, or apps cannot read it.
    return mark_safe(  # noqa: S308 - segno's own SVG, made here from the device's URL
        # Without width and height (a viewBox only), so the code scales down to a phone's
        # width instead of being cut off: a cut-off code cannot be scanned.
        qr.svg_inline(
            scale=5,
            border=4,
            dark="#000",
            light="#fff",
            title="QR-code om te scannen",
            omitsize=True,
        )
    )


def grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def new_recovery_codes(user) -> list[str]:
    """Replaces the user's recovery codes with ten new one-time codes."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if not requires_two_factor(user) or is_verified(user):
        return HttpResponseRedirect(next_url(request))
    if user_has_device(user):
        # Set up already: a second app only after `manage.py reset_2fa`.
        return redirect_to("cms_two_factor_verify", request)

    device = unconfirmed_app(user)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified, error = verify_on(TOTPDevice, user, form.cleaned_data["code"], confirmed=False)
        if verified:
            with transaction.atomic():
                verified.confirmed = True
                verified.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = new_recovery_codes(user)
            finish_login(request, verified)
            # Shown in this response only: a reload finds the app confirmed and moves on.
            shown = [grouped(code.upper()) for code in codes]
            return render(
                request,
                "cms/two_factor/recovery_codes.html",
                {
                    "codes": shown,
                    "codes_as_text": "Herstelcodes (elk één keer te gebruiken)\n"
                    + "\n".join(shown)
                    + "\n",
                    "next": next_url(request),
                },
            )
        form.add_error("code", error or WRONG_SETUP_CODE)

    return render(
        request,
        "cms/two_factor/setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device),
            "config_url": device.config_url,
            "secret": grouped(b32encode(device.bin_key).decode()),
            "next": next_url(request),
        },
    )


@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    if not requires_two_factor(user) or is_verified(user):
        return HttpResponseRedirect(next_url(request))
    if not user_has_device(user):
        return redirect_to("cms_two_factor_setup", request)

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        is_app_code = bool(re.fullmatch(r"\d{6}", code))
        model = TOTPDevice if is_app_code else StaticDevice
        verified, error = verify_on(model, user, code, confirmed=True)
        if verified:
            finish_login(request, verified)
            if not is_app_code:
                left = StaticToken.objects.filter(device__user=user).count()
                messages.warning(request, recovery_code_used_message(left))
            return HttpResponseRedirect(next_url(request))
        form.add_error("code", error or WRONG_CODE)

    return render(request, "cms/two_factor/verify.html", {"form": form, "next": next_url(request)})


def recovery_code_used_message(left: int) -> str:
    used = "Je bent ingelogd met een herstelcode; die code werkt nu niet meer."
    if left == 0:
        return (
            f"{used} Je hebt geen herstelcodes meer: vraag een beheerder je "
            "tweestapsverificatie opnieuw in te stellen."
        )
    return f"{used} Je hebt er nog {left}."
