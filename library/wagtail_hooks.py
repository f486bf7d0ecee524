"""Wagtail loads each app's `wagtail_hooks`; the library's live with its admin views."""

from library.admin import hooks  # noqa: F401 - registers the hooks
from library.recruitment import admin as recruitment_admin  # noqa: F401 - the pipeline's viewset
