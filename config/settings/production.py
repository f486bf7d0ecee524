"""Settings for a real deployment. Refuses to start without SECRET_KEY."""

from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_int, env_str

from .base import *  # noqa: F403

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY op een lange, geheime, "
        "willekeurige waarde voordat de productie-instellingen starten "
        '(bijvoorbeeld: python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )

DEBUG = False
# Staff who see residents' personal data always confirm their login with a second step here,
# whatever the environment says (the switch is for a look at the demo on one's own machine).
OTP_REQUIRED = True

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a TLS-terminating proxy or load balancer that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

LOGGING["root"]["level"] = env_str("LOG_LEVEL", "INFO")  # noqa: F405
