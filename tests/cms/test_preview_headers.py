"""Page previews may be framed by the admin itself; public pages and PDFs by nobody."""

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page

from cms import roles
from tests.curriculum.test_workshop_pages import workshop_form
from tests.factories import make_essence, make_home, make_series, make_workshop, user_in_group

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    pairs = (part.strip().partition(" ") for part in policy.split(";") if part.strip())
    return {name: value for name, _, value in pairs}


@pytest.fixture
def workshop(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    series = make_series(make_home())
    make_essence()
    return make_workshop(series, make_essence(1, "Markering", chapter_title="De palliatieve fase"))


@pytest.fixture(params=["superuser", roles.EDITORS])
def editor(request, admin_user):
    client = Client()
    client.force_login(admin_user if request.param == "superuser" else user_in_group(request.param))
    return client


@pytest.mark.parametrize("suffix", ["", "docentenhandreiking.pdf"])
def test_public_pages_and_pdfs_may_not_be_framed(client, workshop, suffix):
    response = client.get(workshop.url + suffix)
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("mode, content_type", [("", "text/html"), ("pdf", "application/pdf")])
@pytest.mark.parametrize("view", ["edit", "add"])
def test_previews_may_be_framed_by_the_admin(editor, workshop, view, mode, content_type):
    if view == "edit":
        url = f"/admin/pages/{workshop.pk}/edit/preview/"
    else:
        url = f"/admin/pages/add/curriculum/workshoppage/{workshop.get_parent().pk}/preview/"
    # What the preview panel does: post the editor's form, then load the frame in a mode.
    data = workshop_form(make_essence(7, "Rouw"), [10, 20, 35, 35, 20], [15, 40, 20])
    assert editor.post(url, data).json()["is_valid"]
    response = editor.get(url, {"mode": mode, "in_preview_panel": "true"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    policy = directives(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'"  # the rest stays
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_every_page_type_of_the_site_serves_frameable_previews():
    """Each page type's serve_preview, including its own overrides for PDF modes."""
    site_pages = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in {"cms", "curriculum", "library"}
    ]
    assert len(site_pages) >= 7
    unframed = [
        m.__name__ for m in site_pages if not getattr(m.serve_preview, "frameable_by_admin", False)
    ]
    assert unframed == []
