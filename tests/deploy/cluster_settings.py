"""The deployment tests' settings for a cluster with workers: the test settings, but with the
production task backends (the database queue), so the app servers only queue PDF renders and
e-mails and `manage.py db_worker` processes do the work, as in production."""

from config.settings.test import *  # noqa: F403

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "pdf": {"BACKEND": DATABASE_TASKS},
    "mail": {"BACKEND": DATABASE_TASKS},
}
