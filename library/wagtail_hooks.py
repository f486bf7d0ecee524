"""Wagtail loads each app's `wagtail_hooks`; the library's live with its admin views."""

from library.admin import hooks  # noqa: F401 - registers the hooks
