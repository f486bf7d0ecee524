"""Anonymous visitors get pages from the cache; every public change shows at once."""

import pytest
from django.test import Client

from cms.models import SiteSettings
from library.catalogue.withdrawal import withdraw
from library.models import LoanRequest
from tests.deploy.servers import csrf_token, loan_form_data
from tests.factories import (
    make_catalogue,
    make_email_templates,
    make_essence,
    make_expert,
    make_home,
    make_loan_form,
    make_series,
    make_standard_page,
    make_workshop,
    user_in_group,
)

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache"), response.content.decode()


@pytest.fixture
def site(db):
    home = make_home()
    page = make_standard_page(home, "Over ons")
    SiteSettings.objects.get_or_create(site_id=home.get_site().pk)  # created once, up front
    return home, page


def assert_cached(client, url) -> str:
    """Visit twice; the second visit must come from the cache."""
    get(client, url)
    status, state, html = get(client, url)
    assert (status, state) == (200, "hit")
    return html


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_second_visit_is_served_from_the_cache(client, site):
    _, page = site
    status, first, html = get(client, page.url)
    assert (status, first) == (200, "miss")
    status, second, cached = get(client, page.url)
    assert (status, second) == (200, "hit") and cached == html


def test_publish_unpublish_move_and_delete_show_at_once(client, site):
    home, page = site
    assert_cached(client, page.url)
    publish(page, title="Over de expertbibliotheek")
    status, state, html = get(client, page.url)
    assert state == "miss" and "Over de expertbibliotheek" in html

    other = make_standard_page(home, "Contact")
    assert_cached(client, other.url)
    other.move(page, pos="last-child")
    other.refresh_from_db()
    assert get(client, other.url)[0] == 200
    old = client.get("/contact/")  # Wagtail leaves a redirect behind when a page moves
    assert old.status_code == 301 and old["Location"].endswith(other.url)

    assert_cached(client, page.url)
    page.unpublish()
    assert get(client, page.url)[0] == 404
    publish(page)
    assert_cached(client, page.url)
    page.delete()
    assert get(client, "/over-ons/")[0] == 404


def test_snippets_and_site_settings_it_shows_invalidate(client, site):
    home, _ = site
    essence = make_essence(5, "Coördinatie en continuïteit")
    workshop = make_workshop(make_series(home), essence)
    assert "Coördinatie en continuïteit" in assert_cached(client, workshop.url)
    essence.name = "Samenwerking over grenzen"
    essence.save()
    assert "Samenwerking over grenzen" in get(client, workshop.url)[2]

    assert_cached(client, home.url)
    settings_ = SiteSettings.for_site(home.get_site())
    settings_.footer_text = "Nieuwe voettekst van de redactie."
    settings_.save()
    assert "Nieuwe voettekst van de redactie." in get(client, home.url)[2]


def test_withdrawn_expert_leaves_the_cached_catalogue(client, site):
    home, _ = site
    catalogue = make_catalogue(home)
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    assert "Hoop houden" in assert_cached(client, catalogue.url)
    withdraw(expert)
    assert "Hoop houden" not in get(client, catalogue.url)[2]


def test_csrf_token_is_never_shared_and_forms_keep_working(site):
    home, _ = site
    catalogue = make_catalogue(home)
    make_loan_form(catalogue)
    make_email_templates()
    expert = make_expert(catalogue, "Hoop houden", expert_name="Bram Jansen")
    tokens = []
    visitors = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    for number, visitor in enumerate(visitors):
        response = visitor.get("/expertbibliotheek/lenen/")
        assert response.get("X-Page-Cache") is None  # a page with a form is not stored
        token = csrf_token(response.content.decode())
        tokens.append(token)
        posted = visitor.post(
            "/expertbibliotheek/lenen/", loan_form_data(token, expert.pk, number), follow=True
        )
        assert posted.status_code == 200 and "Bedankt" in posted.content.decode()
    assert tokens[0] != tokens[1]
    assert LoanRequest.objects.count() == 2


def test_logged_in_editors_never_get_a_cached_page(client, site):
    from cms import roles

    _, page = site
    anonymous = Client()
    get(anonymous, page.url)
    assert_cached(anonymous, page.url)
    client.force_login(user_in_group(roles.EDITORS))
    status, state, _ = get(client, page.url)
    assert status == 200 and state is None


def test_draft_saves_and_autosave_keep_the_cache(client, site):
    _, page = site
    assert_cached(client, page.url)
    page.title = "Concept van een nieuwe titel"
    page.save_revision()  # what the editor's autosave does
    status, state, html = get(client, page.url)
    assert state == "hit" and "Concept van een nieuwe titel" not in html


def test_change_in_a_transaction_invalidates_again_on_commit(
    client, site, django_capture_on_commit_callbacks
):
    home, _ = site
    essence = make_essence(5, "Coördinatie en continuïteit")
    workshop = make_workshop(make_series(home), essence)
    assert_cached(client, workshop.url)
    with django_capture_on_commit_callbacks(execute=True):
        essence.name = "Samenwerking over grenzen"
        essence.save()
        # A request before the commit stores a page under the new generation; on another
        # connection it would still show the old name.
        assert_cached(client, workshop.url)
    assert get(client, workshop.url)[1] == "miss"


def test_visitors_with_other_cookies_share_the_cached_page(site):
    _, page = site
    assert_cached(Client(), page.url)
    visitor = Client()
    visitor.cookies["csrftoken"] = "van-het-uitleenformulier"
    visitor.cookies["_voorkeur"] = "1"
    assert get(visitor, page.url)[1] == "hit"
    visitor.cookies["sessionid"] = "een-redacteur"
    assert get(visitor, page.url)[1] is None
