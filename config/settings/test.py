"""Settings for the test suite: fast hashing, mail kept in memory, media in a temp folder."""

import tempfile
from pathlib import Path

from cms.env import env_str

from .base import *  # noqa: F403

SECRET_KEY = env_str("SECRET_KEY") or "test-only-secret-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not env_str("EMAIL_URL"):  # the no-loss test gives its app servers a real SMTP server
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or tempfile.mkdtemp(prefix="cms-test-media-"))
ALLOWED_HOSTS = ["*"]
# Most tests log staff in with force_login and no second step; tests/cms/test_two_factor.py
# turns the requirement on itself.
OTP_REQUIRED = False

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Rendering every guide on every publish would slow the suite down; tests that need the
# task run it themselves (the queued task is still visible to them).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "pdf": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# One process: the page cache stays on, in memory, so every test also checks invalidation.
# The benchmark sets CACHE_DIR to measure the file cache a single-machine site uses.
if not REDIS_URL and not env_str("CACHE_DIR"):  # noqa: F405
    CACHES = {
        name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
        for name in ("default", "pages")
    }
