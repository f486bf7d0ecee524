"""Sends admin users who need a second factor, and have not given one, to the 2FA pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device

from cms.two_factor import is_verified, requires_two_factor

# Admin views an unverified user may still reach: signing in and out, the second step itself,
# password reset (for anonymous visitors anyway) and the assets every admin page loads.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "cms_two_factor_setup",
    "cms_two_factor_verify",
}
OPEN_VIEW_PREFIXES = ("wagtailadmin_password_reset",)


def is_open_view(url_name: str | None) -> bool:
    return bool(url_name) and (url_name in OPEN_VIEWS or url_name.startswith(OPEN_VIEW_PREFIXES))


class TwoFactorMiddleware:
    """Must come after AuthenticationMiddleware and django_otp's OTPMiddleware, which gives
    request.user its is_verified()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if is_open_view(match.url_name if match else None):
            return None
        user = request.user
        if not requires_two_factor(user):
            return None
        if is_verified(user):
            return None
        step = "cms_two_factor_verify" if user_has_device(user) else "cms_two_factor_setup"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")
