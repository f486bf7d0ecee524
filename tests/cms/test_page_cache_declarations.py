"""Apps declare what shows on public pages in their AppConfig (cms.page_cache reads it)."""

from django.apps import apps

from cms.page_cache import content_labels


def test_each_content_app_declares_itself():
    content, not_shown = content_labels()
    assert {"cms", "curriculum", "library"} <= content
    # cms names no model of another app; each app's own list is what counts.
    assert {label.split(".")[0] for label in not_shown} <= {
        "library",
        "wagtailcore",
        "wagtailimages",
    }
    declared = apps.get_app_config("library").not_on_public_pages
    assert {f"library.{name}" for name in declared} <= not_shown
