"""Two-step verification of the Wagtail admin login (django-otp).

After the password (Wagtail's login, with django-axes' lockout) a user who sees residents'
personal data confirms the login with a 6-digit code from an authenticator app (TOTP) or with
one of ten one-time recovery codes. Who has to: superusers, Secretariaat and Werkgroep, and
Redacteuren when OTP_REQUIRED_FOR_EDITORS is on. OTP_REQUIRED turns the whole demand off (the
test settings do; tests/cms/test_two_factor.py turns it on).

The middleware sends such a user from every admin URL to the setup page (no confirmed app yet)
or to the verify page (views.py); `manage.py reset_2fa <username>` removes a user's devices.
"""

from __future__ import annotations

from django.conf import settings

from cms import roles


def required_roles() -> set[str]:
    names = {roles.SECRETARIAT, roles.WORKING_GROUP}
    if getattr(settings, "OTP_REQUIRED_FOR_EDITORS", False):
        names.add(roles.EDITORS)
    return names


def requires_two_factor(user) -> bool:
    """Whether this user must confirm an admin login with a second factor."""
    if not getattr(settings, "OTP_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=required_roles()).exists()


def is_verified(user) -> bool:
    """Whether this session's login was confirmed with a device. django_otp's OTPMiddleware
    gives the user is_verified(); without it, nobody counts as verified."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())
