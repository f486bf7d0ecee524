"""Settings shared by every environment. Everything deployment-specific comes from the
environment (see cms/env.py); the defaults are safe for one machine."""

from pathlib import Path

import dj_database_url

from cms.env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "curriculum",
    "library",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and auth: a hit skips them, and a miss is stored with the
    # cookies and Vary headers they add, so a page that sets a cookie is never shared.
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step verification: which device verified this session, then the admin's demand
    # for it (cms/two_factor). Both need request.user, so they come after authentication.
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects, which never take over a live page's address (cms/redirects.py).
    "cms.redirects.LivePagesFirstRedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static_collected")
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
# Residents' reflection reports: outside MEDIA_ROOT, served only through views that check access.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "var" / "private")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

globals().update(email_settings())
# One hung mail server must not stop the mail worker's queue: give up after this many seconds
# (the e-mail is then tried again later, library/process/mail.py).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Expertbibliotheek <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Expertbibliotheek Palliatieve Zorg"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Approving a workflow publishes, even for reviewers without a publish right (cms/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]

# The database backend uses SQLite FTS5 or PostgreSQL full-text search, whichever the
# database is; on PostgreSQL the "dutch" configuration stems Dutch words. cms.search_backend is
# that backend with typed text made safe first (a quote in an admin search box was an error).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "cms.search_backend",
        "SEARCH_CONFIG": "dutch",
    }
}

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.LoginForm"
# No avatars from gravatar.com: the admin loads nothing from other hosts either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's dashboard would ask releases.wagtail.org for the newest version: no calls to
# other hosts from the admin either.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Background tasks (django-tasks). Rendering PDFs after a publish and sending e-mail are queued
# in the site's own database (django-tasks-db) and run by `manage.py db_worker` processes, one
# per backend (`--backend pdf`, `--backend mail`; `make run` starts both): a queued task survives
# a restart, and a slow render never holds up an e-mail. Wagtail's own tasks ("default": the
# reference index, an image's focal point, the proxy purge on publish) stay immediate: they take
# milliseconds, the editor expects their effect at once, and they would need a third worker.
# TASKS_PDF_BACKEND / TASKS_MAIL_BACKEND choose another django-tasks backend (the screenshots and
# the load test use the dummy one).
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "pdf": {"BACKEND": env_str("TASKS_PDF_BACKEND", DATABASE_TASKS)},
    # E-mails whose sending time must not show in the answer (cms/signed_links, "Mijn
    # boekenkaft": known and unknown addresses answer alike), the loan process's e-mails with
    # their retries (library/process/mail.py), reminders and the retention purge (library/tasks.py).
    "mail": {"BACKEND": env_str("TASKS_MAIL_BACKEND", DATABASE_TASKS)},
}
PDF_CACHE_DIR = env_str("PDF_CACHE_DIR") or None

# Caches: a shared Redis when REDIS_URL is set (several app servers); otherwise files on this
# machine, which every worker process of one server shares. Pages have a cache of their own,
# so that many stored pages never push out the rate-limit counters in "default".
REDIS_URL = env_str("REDIS_URL")
CACHE_DIR = Path(env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")))
if REDIS_URL:
    # Short timeouts: if Redis is down, pages render uncached instead of hanging.
    REDIS_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
    CACHES = {
        name: {
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": name,
            "OPTIONS": REDIS_OPTIONS,
        }
        for name in ("default", "pages")
    }
else:
    CACHES = {
        name: {
            "BACKEND": "cms.cache.FileBasedCache",
            "LOCATION": str(CACHE_DIR / name),
            # Each cached page takes two entries; room for every network's pages (about 65
            # networks of some 150 pages) before the cache starts culling.
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
        for name in ("default", "pages")
    }
PAGE_CACHE_ALIAS = "pages"
# Anonymous visitors get published pages from the cache (cms/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# A reverse proxy or CDN in front of the site is purged on publish by Wagtail's frontend cache.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)

# Security headers on every response. The public site runs no inline script and loads nothing
# from other hosts; the Wagtail admin needs inline scripts and styles, so it is left out.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Page previews in the editor's panel: SAMEORIGIN and frame-ancestors 'self' (cms/preview.py).
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Brute-force protection of the admin login (django-axes): after 5 failed attempts for a
# username from one address, that login is locked for an hour.
# AxesBackend only checks the lockout (and, being a ModelBackend, restores logged-in users);
# the password itself is checked by Django's ModelBackend after it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "cms/login_locked.html"
AXES_RESET_ON_SUCCESS = True
# The number of reverse proxies in front of the app servers (docs/deploy.md); 0 when visitors
# reach gunicorn directly. Locks count per visitor behind them (cms/client_address.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"
# Loan requests per hour from one visitor's address (a hospital network shares one); the
# limit of 3 per e-mail address is part of the process (library/models/loan_form.py).
LOAN_FORM_LIMIT_PER_ADDRESS = env_int("LOAN_FORM_LIMIT_PER_ADDRESS", 10)

# Uploaded images: raster formats only (an SVG can carry script), at most 10 MB.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Two-step verification (django-otp, cms/two_factor): superusers and the roles that see
# residents' personal data (Secretariaat, Werkgroep) confirm their admin login with a code from
# an authenticator app or a recovery code. Editors only when OTP_REQUIRED_FOR_EDITORS is on.
# Wrong codes are throttled by django-otp: 1, 2, 4, 8 ... seconds between attempts.
# On by default; OTP_REQUIRED=false only for a look at the demo on one's own machine.
OTP_REQUIRED = env_bool("OTP_REQUIRED", True)
OTP_REQUIRED_FOR_EDITORS = env_bool("OTP_REQUIRED_FOR_EDITORS", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
