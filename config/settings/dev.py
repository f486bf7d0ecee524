"""Settings for one machine (`make run`): an embedded (insecure) secret key, static and media
files served by the app itself. Debug pages only on request (`DEBUG=1 make run`): by default a
visitor of the demo sees the site's own Dutch 404 and 500 pages, as in production."""

from cms.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)
# `make run` on one machine: media served by the app, a demo admin may be created.
ONE_MACHINE = True
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-dev-only-not-for-production"  # noqa: S105

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
