"""Another network's pages stay out of sight in the admin (issue 20): the page chooser (also
behind the rich-text editor's internal link), the dashboard's panels, the page search, the
explorer and the reports never show a user of network A the title or address of network B's
pages, drafts included (cms.admin_network_pages). A's own pages stay where they were; a
network's own users see their own; a superuser sees both networks."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.timezone import now
from wagtail.models import Page, Workflow

from cms import roles
from tests.factories import (
    make_catalogue,
    make_expert,
    make_home,
    make_network,
    user_in_group,
    user_in_network,
)

pytestmark = pytest.mark.django_db

EDITORS, WORKING_GROUP = roles.EDITORS, roles.WORKING_GROUP
TITLE = {"A": "Concept Amstelankerpunt", "B": "Concept Zwaluwstaart Oost"}
SLUG = {"A": "amstelankerpunt-concept", "B": "zwaluwstaart-oost-concept"}
HOME_TITLE = {"A": "Testhome", "B": "Netwerk Oost"}

# Wagtail's views that take no hook are replaced by URLs taken before Wagtail's admin
# (cms.admin_networks.network_wide_admin_urls takes cms.admin_network_pages.urls()).


@pytest.fixture
def world():
    """Two networks, each with a catalogue and a draft cover in the working group's review,
    submitted, last edited and locked by the network's own editor."""
    home_a = make_home()
    site_b, home_b = make_network("Netwerk Oost", "oost.example.test")
    users = {
        ("A", EDITORS): user_in_group(EDITORS, "redacteur-a"),
        ("A", WORKING_GROUP): user_in_group(WORKING_GROUP, "werkgroep-a"),
        ("B", EDITORS): user_in_network(site_b, EDITORS, "redacteur-b"),
        ("B", WORKING_GROUP): user_in_network(site_b, WORKING_GROUP, "werkgroep-b"),
        "superuser": User.objects.create_superuser("beheerder", "b@example.org", "pw"),
    }
    workflow = Workflow.objects.get(name="Toelating expert")
    ids = {}
    for key, home in (("A", home_a), ("B", home_b)):
        catalogue = make_catalogue(home)
        draft = make_expert(catalogue, TITLE[key], slug=SLUG[key], expert_name=f"Expert {key}")
        draft.unpublish()
        editor = users[(key, EDITORS)]
        draft.save_revision(user=editor, log_action=True)
        workflow.start(draft, editor)
        Page.objects.filter(pk=draft.pk).update(locked=True, locked_by=editor, locked_at=now())
        ids[key] = {"home": home.pk, "catalogue": catalogue.pk, "draft": draft.pk}
    return {"ids": ids, "users": users}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def body_of(response) -> str:
    return response.content.decode()


def shows(body: str, key: str) -> bool:
    return TITLE[key] in body or SLUG[key] in body


# (url, status and whether A's draft shows, per role of network A). Every answer hides B's
# draft; where A's draft shows, the answer is known to list drafts, so hiding B's means
# something.
SHOWN, EMPTY = True, False
ENDPOINTS = [
    ("/admin/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/choose-page/search/?q=Concept", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    (
        "/admin/choose-page/search/?q=Concept&page_type=library.expertpage",
        {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)},
    ),
    ("/admin/choose-page/{A[catalogue]}/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/choose-page/{B[catalogue]}/", {EDITORS: (404, EMPTY), WORKING_GROUP: (404, EMPTY)}),
    ("/admin/choose-page/{B[draft]}/", {EDITORS: (404, EMPTY), WORKING_GROUP: (404, EMPTY)}),
    ("/admin/pages/search/?q=Concept", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/pages/{B[home]}/", {EDITORS: (302, EMPTY), WORKING_GROUP: (302, EMPTY)}),
    ("/admin/pages/{B[catalogue]}/", {EDITORS: (302, EMPTY), WORKING_GROUP: (302, EMPTY)}),
    ("/admin/pages/{B[draft]}/edit/", {EDITORS: (403, EMPTY), WORKING_GROUP: (403, EMPTY)}),
    ("/admin/reports/locked/", {EDITORS: (200, SHOWN), WORKING_GROUP: (403, EMPTY)}),
    ("/admin/reports/aging-pages/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, EMPTY)}),
    ("/admin/reports/workflow/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/reports/workflow_tasks/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/api/main/pages/?search=Concept", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    ("/admin/api/main/pages/{B[draft]}/", {EDITORS: (404, EMPTY), WORKING_GROUP: (404, EMPTY)}),
]
NARROWED_VIEWS = [
    (
        "/admin/choose-page/chosen-multiple/?id={A[draft]}&id={B[draft]}",
        {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)},
    ),
    ("/admin/reports/page-types-usage/", {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)}),
    (
        "/admin/reports/page-types-usage/results/",
        {EDITORS: (200, SHOWN), WORKING_GROUP: (200, SHOWN)},
    ),
]


def check_network_a(world, role, url, expected) -> None:
    status, shows_a = expected[role]
    response = client_of(world["users"][("A", role)]).get(url.format(**world["ids"]))
    body = body_of(response)
    assert response.status_code == status, (role, url)
    assert not shows(body, "B"), (role, url)
    assert shows(body, "A") == shows_a, (role, url)


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
@pytest.mark.parametrize(("url", "expected"), ENDPOINTS)
def test_network_a_sees_its_own_pages_and_none_of_network_b(world, role, url, expected):
    check_network_a(world, role, url, expected)


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
@pytest.mark.parametrize(("url", "expected"), NARROWED_VIEWS)
def test_views_without_a_hook_are_narrowed_too(world, role, url, expected):
    check_network_a(world, role, url, expected)


def test_the_project_urls_take_the_narrowed_views(world):
    client = client_of(world["users"][("A", WORKING_GROUP)])
    for url in ("/admin/choose-page/chosen-multiple/?id={B[draft]}", NARROWED_VIEWS[1][0]):
        assert not shows(body_of(client.get(url.format(**world["ids"]))), "B"), url


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
def test_the_choosers_tree_starts_at_the_users_own_home(world, role):
    response = client_of(world["users"][("A", role)]).get("/admin/choose-page/")
    body = body_of(response)
    assert response.status_code == 200
    assert HOME_TITLE["A"] in body and HOME_TITLE["B"] not in body


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
def test_network_b_chooses_its_own_pages(world, role):
    client = client_of(world["users"][("B", role)])
    search = body_of(client.get("/admin/choose-page/search/?q=Concept"))
    assert shows(search, "B") and not shows(search, "A")
    browse = client.get(f"/admin/choose-page/{world['ids']['B']['catalogue']}/")
    assert browse.status_code == 200 and shows(body_of(browse), "B")
    assert client.get(f"/admin/choose-page/{world['ids']['A']['draft']}/").status_code == 404
    root = body_of(client.get("/admin/choose-page/"))
    assert HOME_TITLE["B"] in root and HOME_TITLE["A"] not in root


def test_network_bs_working_group_reviews_its_own_covers_on_the_dashboard(world):
    body = body_of(client_of(world["users"][("B", WORKING_GROUP)]).get("/admin/"))
    assert shows(body, "B") and not shows(body, "A")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/choose-page/search/?q=Concept",
        "/admin/pages/search/?q=Concept",
        "/admin/reports/workflow/",
        "/admin/choose-page/chosen-multiple/?id={A[draft]}&id={B[draft]}",
    ],
)
def test_a_superuser_sees_both_networks(world, url):
    response = client_of(world["users"]["superuser"]).get(url.format(**world["ids"]))
    assert response.status_code == 200
    body = body_of(response)
    assert shows(body, "A") and shows(body, "B")


def test_a_superuser_sees_every_networks_last_edited_page_per_type(world):
    body = body_of(client_of(world["users"]["superuser"]).get("/admin/reports/page-types-usage/"))
    # B's cover was edited last: over all networks it is the cover type's last edited page.
    assert shows(body, "B")


@pytest.mark.parametrize("role", [EDITORS, WORKING_GROUP])
def test_the_page_types_report_offers_only_the_users_own_networks(world, role):
    body = body_of(client_of(world["users"][("A", role)]).get("/admin/reports/page-types-usage/"))
    assert HOME_TITLE["B"] not in body


def test_the_review_task_offers_each_working_group_its_own_networks_covers(world):
    from wagtail.models import TaskState

    from library.models.admission import AdmissionTask

    task = AdmissionTask.objects.get()
    for key in ("A", "B"):
        user = world["users"][(key, WORKING_GROUP)]
        states = task.get_task_states_user_can_moderate(user)
        assert [int(state.workflow_state.object_id) for state in states] == [
            world["ids"][key]["draft"]
        ]
        assert TaskState.objects.reviewable_by(user).count() == 1
    everything = task.get_task_states_user_can_moderate(world["users"]["superuser"])
    assert everything.count() == 2


def test_only_the_own_networks_working_group_is_mailed_about_a_submitted_cover(world):
    from django.core import mail

    for key in ("A", "B"):
        world["users"][(key, WORKING_GROUP)].email = f"werkgroep-{key.lower()}@example.org"
        world["users"][(key, WORKING_GROUP)].save()
    mail.outbox.clear()
    site_b = Page.objects.get(pk=world["ids"]["B"]["home"]).get_site()
    catalogue_b = Page.objects.get(pk=world["ids"]["B"]["catalogue"])
    cover = make_expert(catalogue_b, "Tweede Oost", expert_name="Olga Tweede")
    cover.unpublish()
    Workflow.objects.get(name="Toelating expert").start(cover, world["users"][("B", EDITORS)])
    about_it = [m for m in mail.outbox if "Tweede Oost" in m.subject + m.body]
    recipients = {address for m in about_it for address in m.to}
    assert "werkgroep-b@example.org" in recipients
    assert "werkgroep-a@example.org" not in recipients
    assert site_b is not None
