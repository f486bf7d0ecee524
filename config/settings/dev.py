"""Settings for one developer's machine: debug on, an embedded (insecure) secret key."""

from cms.env import env_str

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-dev-only-not-for-production"  # noqa: S105

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
