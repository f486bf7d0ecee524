"""Data stays in its network, on the admin side (issue 20): two networks, every role in each,
and every admin URL of the loan desk, the reports, recruitment, the settings, the loan form's
submissions and the page tree asked by a user of the one network about the other's objects.

Answers are exact. A request or candidate of another network answers 404 (as if it did not
exist: library.admin.desk.own_network_only, library.recruitment.admin.own_network_only); a
role without the desk or recruitment gets the same 403 as always; another network's figures
asked for by ?netwerk= answer 403 (library.reporting.reports.report_scope); another network's
settings and loan form submissions 403 (Wagtail's site and page permissions). Own objects: 200.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection

from cms import networks, roles
from library.models import (
    Candidate,
    EmailTemplate,
    LoanFormSubmission,
    LoanRequest,
    LoanStatus,
    Supervisor,
)
from library.reporting import business_case, statistics
from library.reporting.reports import REPORTS
from tests.cms.test_collections_per_network import make_image
from tests.factories import (
    first_network,
    make_candidate,
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_loan,
    make_loan_form,
    make_network,
    user_in_group,
    user_in_network,
)

pytestmark = pytest.mark.django_db

EDITORS, SECRETARIAT, WORKING_GROUP = roles.EDITORS, roles.SECRETARIAT, roles.WORKING_GROUP
ROLES = [EDITORS, SECRETARIAT, WORKING_GROUP]
NETWORKS = ["A", "B"]
SUPERUSER = "superuser"

# What each network's resident, candidate and supervisor are called: none of it may show up
# in any answer to the other network's users.
PEOPLE = {
    "A": {
        "resident": "Annelies Amstelveen",
        "email": "annelies.amstel@example.org",
        "supervisor": "Dr. A. Aalsmeer",
        "candidate": "Alwin Alkmaar",
        "candidate_email": "alwin@example.org",
    },
    "B": {
        "resident": "Berend Oosterwolde",
        "email": "berend.oost@example.org",
        "supervisor": "Dr. B. Borculo",
        "candidate": "Bettina Bathmen",
        "candidate_email": "bettina@example.org",
    },
}


@dataclass(frozen=True)
class Check:
    url: str  # formatted with the ids of the network asked about (see `world`)
    # Answer per role of a user of the OTHER network; the own network's users and the
    # superuser get `own` (per role too) when the same URL is about their own objects.
    other: dict
    own: dict
    method: str = "GET"
    data: tuple = ()


def per_role(editors, secretariat, working_group) -> dict:
    return {EDITORS: editors, SECRETARIAT: secretariat, WORKING_GROUP: working_group}


REDIRECT = "302"
DESK = per_role(403, 200, 403)
DESK_OTHER = per_role(403, 404, 403)
DESK_TO_DOSSIER = per_role(403, REDIRECT, 403)
PIPELINE = per_role(403, 403, 200)
PIPELINE_OTHER = per_role(403, 403, 404)


def desk_checks() -> list[Check]:
    checks = [
        Check(url, DESK_OTHER, DESK)
        for url in (
            "/admin/leenbalie/inspect/{loan}/",
            "/admin/leenbalie/edit/{loan}/",
            "/admin/leenbalie/history/{loan}/",
            "/admin/leenbalie/{loan}/stap/confirm/",
            "/admin/leenbalie/{loan}/boek/",
            "/admin/leenbalie/{loan}/gegevens.json",
            "/admin/leenbalie/{loan}/wissen/",
        )
    ]
    checks += [
        Check("/admin/leenbalie/{loan}/afspraak/", DESK_OTHER, DESK_TO_DOSSIER),
        Check("/admin/leenbalie/{loan}/reflectie/", DESK_OTHER, DESK_TO_DOSSIER),
        Check("/admin/leenbalie/{loan}/opnieuw/{loan_event}/", DESK_OTHER, DESK_TO_DOSSIER),
        # Crafted POSTs: each would change the request (or erase the resident) if let through.
        Check(
            "/admin/leenbalie/{loan}/stap/confirm/",
            DESK_OTHER,
            DESK_TO_DOSSIER,
            method="POST",
            data=(("subject", "Ontvangen"), ("body", "Tekst")),
        ),
        Check("/admin/leenbalie/{loan}/boek/", DESK_OTHER, per_role(403, 200, 403), "POST"),
        Check(
            "/admin/leenbalie/{loan}/afspraak/",
            DESK_OTHER,
            DESK_TO_DOSSIER,
            method="POST",
            data=(("date", "2030-01-10"), ("time", "10:00")),
        ),
        Check("/admin/leenbalie/edit/{loan}/", DESK_OTHER, per_role(403, 200, 403), "POST"),
        Check("/admin/leenbalie/{loan}/opnieuw/{loan_event}/", DESK_OTHER, DESK_TO_DOSSIER, "POST"),
    ]
    return checks


def recruitment_checks() -> list[Check]:
    return [
        Check("/admin/werving/edit/{candidate}/", PIPELINE_OTHER, PIPELINE),
        Check("/admin/werving/inspect/{candidate}/", PIPELINE_OTHER, PIPELINE),
        Check("/admin/werving/history/{candidate}/", PIPELINE_OTHER, PIPELINE),
        Check("/admin/werving/{candidate}/uitnodigen/", PIPELINE_OTHER, PIPELINE),
        Check(
            "/admin/werving/{candidate}/opnieuw/{candidate_event}/",
            PIPELINE_OTHER,
            per_role(403, 403, REDIRECT),
        ),
        Check(
            "/admin/werving/{candidate}/uitnodigen/",
            PIPELINE_OTHER,
            per_role(403, 403, REDIRECT),
            method="POST",
            data=(("subject", "Uitnodiging"), ("body", "Doe je mee?")),
        ),
        Check("/admin/werving/edit/{candidate}/", PIPELINE_OTHER, per_role(403, 403, 200), "POST"),
    ]


def report_checks() -> list[Check]:
    """?netwerk= names the network asked about: a user of the other network is refused."""
    reports = per_role(403, 403, 200)
    refused = per_role(403, 403, 403)
    checks = [Check("/admin/rapporten/business-case/?netwerk={site}", refused, reports)]
    for report in REPORTS:
        base = f"/admin/rapporten/{report.slug}/?netwerk={{site}}"
        checks += [
            Check(base, refused, reports),
            Check(base + "&export=csv", refused, reports),
            Check(base + "&export=xlsx", refused, reports),
        ]
    return checks


def settings_checks() -> list[Check]:
    # Who holds which setting in their own network: cms/roles.py and tests/cms/test_role_matrix.
    return [
        Check(
            "/admin/settings/cms/sitesettings/{site}/",
            per_role(403, 403, 403),
            per_role(200, 200, 403),
        ),
        Check(
            "/admin/settings/library/loanprocesssettings/{site}/",
            per_role(403, 403, 403),
            per_role(403, 200, 200),
        ),
        Check(
            "/admin/settings/library/businesscasesettings/{site}/",
            per_role(403, 403, 403),
            per_role(403, 403, 200),
        ),
    ]


def page_checks() -> list[Check]:
    return [
        Check("/admin/forms/submissions/{loan_form}/", per_role(403, 403, 403), DESK),
        Check("/admin/forms/submissions/{loan_form}/?export=csv", per_role(403, 403, 403), DESK),
        Check("/admin/pages/{home}/edit/", per_role(403, 403, 403), per_role(200, 403, 200)),
        Check("/admin/pages/{cover}/edit/", per_role(403, 403, 403), per_role(200, 403, 200)),
        Check("/admin/pages/{loan_form}/edit/", per_role(403, 403, 403), per_role(200, 200, 200)),
    ]


def snippet_and_file_checks() -> list[Check]:
    """The network's own standard e-mail, supervisor and image (library.admin.network_snippets,
    cms.admin_network_objects): another network's answers 404 before any permission check."""
    gone = per_role(404, 404, 404)
    secretariat = per_role(403, 200, 403)
    text = (("subject", "Gewijzigd"), ("body", "Gewijzigd"))
    return [
        Check("/admin/snippets/library/emailtemplate/edit/{email_template}/", gone, secretariat),
        Check("/admin/snippets/library/emailtemplate/history/{email_template}/", gone, secretariat),
        Check(
            "/admin/snippets/library/emailtemplate/edit/{email_template}/",
            gone,
            per_role(403, REDIRECT, 403),
            "POST",
            text,
        ),
        Check("/admin/snippets/library/supervisor/edit/{supervisor}/", gone, secretariat),
        Check(
            "/admin/bulk/library/supervisor/delete/?id={supervisor}",
            gone,
            per_role(200, 200, 200),
        ),
        # The secretariat holds no image rights: no image is "there" for it.
        Check("/admin/api/main/images/{image}/", gone, per_role(200, 404, 200)),
    ]


CHECKS = [
    *desk_checks(),
    *snippet_and_file_checks(),
    *recruitment_checks(),
    *report_checks(),
    *settings_checks(),
    *page_checks(),
]
# Every check is asked by the three roles of each network about both networks' objects, and
# by a superuser about both: (6 users + 1 superuser) × 2 networks asked about.
USERS = len(ROLES) * len(NETWORKS) + 1
MATRIX_SIZE = len(CHECKS) * USERS * len(NETWORKS)


# --- the two networks ------------------------------------------------------------------------


@pytest.fixture
def world():
    """Network A (the first, default site) and network B, each with its catalogue, cover,
    loan form, loan request (with its history), loan form submission, candidate and users."""
    home_a = make_home()
    site_a = first_network()
    site_b, home_b = make_network("Netwerk Oost", "oost.example.test")
    make_email_templates()
    collections = {
        "A": networks.first_network_collection(),
        "B": Collection.objects.get(name="Netwerk Oost"),
    }
    ids, users = {}, {}
    for key, site, home in (("A", site_a, home_a), ("B", site_b, home_b)):
        people = PEOPLE[key]
        catalogue = make_catalogue(home)
        loan_form = make_loan_form(catalogue)
        cover = make_expert(
            catalogue,
            f"Boek van {key}",
            expert_name=f"Expert {key}",
            email=f"expert{key.lower()}@example.org",
        )
        loan = make_loan(
            cover,
            name=people["resident"],
            email=people["email"],
            supervisor=people["supervisor"],
            requested_on=site,
        )
        assert loan.site == site
        LoanFormSubmission.objects.create(
            page=loan_form, form_data={"name": people["resident"], "email": people["email"]}
        )
        candidate = make_candidate(
            site=site,
            name=people["candidate"],
            email=people["candidate_email"],
            status="invited",
        )
        ids[key] = {
            "site": site.pk,
            "home": home.pk,
            "cover": cover.pk,
            "loan_form": loan_form.pk,
            "loan": loan.pk,
            "loan_event": loan.events.create(
                kind="email_failed", email_kind="confirm", recipients=people["email"]
            ).pk,
            "candidate": candidate.pk,
            "candidate_event": candidate.events.create(
                kind="email_failed", email_kind="recruit_invite", recipients="x@example.org"
            ).pk,
            "email_template": EmailTemplate.objects.create(
                site=site, kind="receipt", subject=f"Ontvangen {key}", body="Tekst"
            ).pk,
            "supervisor": Supervisor.objects.create(
                site=site, name=f"Dr. {key}. Register", email=f"opleider{key}@example.org"
            ).pk,
            "image": make_image(f"Beeld {key}", collections[key]).pk,
        }
        for role in ROLES:
            username = f"{role.lower()}-{key.lower()}"
            if key == "A":
                # The first network's own groups ("Secretariaat", ...), as after `make run`.
                users[(key, role)] = user_in_group(role, username)
            else:
                users[(key, role)] = user_in_network(site, role, username)
    users[SUPERUSER] = User.objects.create_superuser("beheerder", "b@example.org", "pw")
    return {"ids": ids, "users": users, "sites": {"A": site_a, "B": site_b}}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answer(response) -> int | str:
    return REDIRECT if response.status_code == 302 else response.status_code


def ask(client: Client, check: Check, ids: dict):
    url = check.url.format(**ids)
    if check.method == "POST":
        return client.post(url, dict(check.data))
    return client.get(url)


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if content[:2] == b"PK":  # an Excel export: its cells, not the zip
        book = openpyxl.load_workbook(io.BytesIO(content))
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    return content.decode(errors="replace")


def foreign_words(key: str) -> list[str]:
    people = PEOPLE[key]
    return [people["resident"], people["email"], people["candidate"], people["candidate_email"]]


# --- the matrix ------------------------------------------------------------------------------


def test_the_matrix_size_is_what_the_closing_note_quotes():
    assert len(CHECKS) == 52
    assert MATRIX_SIZE == 728


def test_every_user_sees_only_their_own_network(world):
    """Each role of each network against every check, about its own network's objects and
    the other's; the superuser about both. Exact answers; and no answer to a user of one
    network carries the other network's resident or candidate."""
    ids = world["ids"]
    wrong, leaks, asked = [], [], 0
    for (key, role), user in ((k, u) for k, u in world["users"].items() if k != SUPERUSER):
        client = client_of(user)
        other_key = "B" if key == "A" else "A"
        for about in NETWORKS:
            for check in CHECKS:
                response = ask(client, check, ids[about])
                asked += 1
                expected = (check.own if about == key else check.other)[role]
                if answer(response) != expected:
                    wrong.append(
                        f"{role}@{key} {check.method} {check.url} about {about}: "
                        f"{answer(response)}, expected {expected}"
                    )
                if response.status_code == 200:
                    body = body_of(response)
                    leaks += [
                        f"{role}@{key} {check.url} about {about} shows {word!r}"
                        for word in foreign_words(other_key)
                        if word in body
                    ]
    superuser = client_of(world["users"][SUPERUSER])
    for about in NETWORKS:
        for check in CHECKS:
            response = ask(superuser, check, ids[about])
            asked += 1
            # The superuser is refused nothing in either network: the page, or (after a step
            # an earlier check already took) the redirect back to the dossier.
            if answer(response) not in (200, REDIRECT):
                wrong.append(
                    f"superuser {check.method} {check.url} about {about}: {answer(response)}"
                )
    assert asked == MATRIX_SIZE
    assert not wrong, "\n".join(wrong)
    assert not leaks, "\n".join(leaks)


def test_crafted_posts_change_nothing_in_the_other_network(world, mailoutbox):
    ids = world["ids"]
    loan_b = LoanRequest.objects.get(pk=ids["B"]["loan"])
    candidate_b = Candidate.objects.get(pk=ids["B"]["candidate"])
    secretariat_a = client_of(world["users"][("A", SECRETARIAT)])
    working_group_a = client_of(world["users"][("A", WORKING_GROUP)])
    loan = f"/admin/leenbalie/{loan_b.pk}"
    assert (
        secretariat_a.post(f"{loan}/stap/confirm/", {"subject": "s", "body": "b"}).status_code
        == 404
    )
    assert secretariat_a.post(f"{loan}/wissen/").status_code == 404
    assert secretariat_a.post(f"/admin/leenbalie/delete/{loan_b.pk}/").status_code == 404
    assert secretariat_a.post(f"{loan}/boek/", {"expert": ids["A"]["cover"]}).status_code == 404
    cand = f"/admin/werving/{candidate_b.pk}"
    assert (
        working_group_a.post(f"{cand}/uitnodigen/", {"subject": "s", "body": "b"}).status_code
        == 404
    )
    assert working_group_a.post(f"/admin/werving/delete/{candidate_b.pk}/").status_code == 404
    fresh = LoanRequest.objects.get(pk=loan_b.pk)
    assert (fresh.status, fresh.name, fresh.email, fresh.expert_id) == (
        loan_b.status,
        PEOPLE["B"]["resident"],
        PEOPLE["B"]["email"],
        loan_b.expert_id,
    )
    assert fresh.status == LoanStatus.RECEIVED
    assert Candidate.objects.get(pk=candidate_b.pk).status == "invited"
    assert mailoutbox == []


# --- the desk --------------------------------------------------------------------------------


def test_the_desk_lists_and_exports_only_the_own_networks_requests(world):
    for key, other in (("A", "B"), ("B", "A")):
        client = client_of(world["users"][(key, SECRETARIAT)])
        listing = client.get("/admin/leenbalie/").content.decode()
        assert PEOPLE[key]["resident"] in listing
        assert PEOPLE[other]["resident"] not in listing
        exported = body_of(client.get("/admin/leenbalie/?export=csv"))
        rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
        assert PEOPLE[key]["resident"] in exported and PEOPLE[other]["resident"] not in exported
        assert len(rows) == 1
        excel = body_of(client.get("/admin/leenbalie/?export=xlsx"))
        assert PEOPLE[key]["resident"] in excel and PEOPLE[other]["resident"] not in excel
        # The search box echoes what was typed; the other's e-mail address must not show.
        searched = client.get("/admin/leenbalie/", {"q": PEOPLE[other]["resident"]})
        assert PEOPLE[other]["email"] not in searched.content.decode()
        assert searched.context["object_list"].count() == 0
    superuser = client_of(world["users"][SUPERUSER]).get("/admin/leenbalie/?export=csv")
    everything = body_of(superuser)
    assert all(PEOPLE[key]["resident"] in everything for key in NETWORKS)


def test_choosing_another_book_offers_the_own_networks_covers(world):
    client = client_of(world["users"][("B", SECRETARIAT)])
    loan = world["ids"]["B"]["loan"]
    choices = client.get(f"/admin/leenbalie/{loan}/boek/").context["form"].fields["expert"]
    assert [cover.title for cover in choices.queryset] == ["Boek van B"]
    # A crafted choice of network A's cover is refused by the form, the book stays.
    client.post(f"/admin/leenbalie/{loan}/boek/", {"expert": world["ids"]["A"]["cover"]})
    assert LoanRequest.objects.get(pk=loan).expert_id == world["ids"]["B"]["cover"]


def test_the_dashboard_counts_the_own_networks_requests(world):
    make_loan(None, name="Zonder boek", requested_on=world["sites"]["A"])  # a second in A
    for key, count in (("A", 2), ("B", 1)):
        response = client_of(world["users"][(key, SECRETARIAT)]).get("/admin/")
        panel = next(p for p in response.context["panels"] if type(p).__name__ == "LoanDeskPanel")
        assert panel.get_context_data()["open_count"] == count


def test_the_reminders_page_lists_the_own_networks_requests_only(world):
    client = client_of(world["users"][("A", SECRETARIAT)])
    run = client.get("/admin/leenbalie/herinneringen/").context["run"]
    own = set(LoanRequest.objects.filter(site=world["sites"]["A"]).values_list("pk", flat=True))
    assert {loan.pk for loan in run.overdue + run.reflections + run.appointments} <= own


# --- recruitment -----------------------------------------------------------------------------


CANDIDATE_FORM = {
    "name": "Nieuwe Kandidaat",
    "email": "nieuw@example.org",
    "kind": "professional",
    "topics": "rouw",
    "found_via": "own_network",
    "referred_by": "",
    "note": "",
}


def test_recruitment_lists_the_own_networks_candidates(world):
    for key, other in (("A", "B"), ("B", "A")):
        client = client_of(world["users"][(key, WORKING_GROUP)])
        listing = client.get("/admin/werving/").content.decode()
        assert PEOPLE[key]["candidate"] in listing
        assert PEOPLE[other]["candidate"] not in listing
        exported = body_of(client.get("/admin/werving/?export=csv"))
        assert PEOPLE[other]["candidate"] not in exported


def test_a_new_candidate_belongs_to_the_users_one_network(world):
    client = client_of(world["users"][("B", WORKING_GROUP)])
    form = client.get("/admin/werving/new/").context["form"]
    assert "site" not in form.fields
    # Recruiting for a request: only the own network's requests without a book.
    site_b = world["sites"]["B"]
    make_loan(None, name="Zonder boek B", site=site_b, requested_on=site_b)
    make_loan(None, name="Zonder boek A")
    choices = client.get("/admin/werving/new/").context["form"].fields["for_request"].queryset
    assert {loan.name for loan in choices} == {"Zonder boek B"}
    # A crafted site is ignored: the field is not on the form.
    response = client.post(
        "/admin/werving/new/", {**CANDIDATE_FORM, "site": world["ids"]["A"]["site"]}
    )
    assert response.status_code == 302
    assert Candidate.objects.get(name="Nieuwe Kandidaat").site == world["sites"]["B"]


def test_someone_in_two_networks_chooses_one_of_theirs(world):
    from django.contrib.auth.models import Group

    user = world["users"][("B", WORKING_GROUP)]
    user.groups.add(Group.objects.get(name=WORKING_GROUP))
    third, _ = make_network("Netwerk West", "west.example.test")
    client = client_of(user)
    field = client.get("/admin/werving/new/").context["form"].fields["site"]
    assert field.label == "Netwerk"
    assert set(field.queryset) == {world["sites"]["A"], world["sites"]["B"]}
    refused = client.post("/admin/werving/new/", {**CANDIDATE_FORM, "site": third.pk})
    assert refused.status_code == 200 and not Candidate.objects.filter(name="Nieuwe Kandidaat")
    client.post("/admin/werving/new/", {**CANDIDATE_FORM, "site": world["ids"]["A"]["site"]})
    assert Candidate.objects.get(name="Nieuwe Kandidaat").site == world["sites"]["A"]


# --- reports ---------------------------------------------------------------------------------


def supervisors_in(response) -> set[str]:
    return {row[0] for row in response.context["table"]}


def test_reports_show_the_own_networks_figures(world):
    url = "/admin/rapporten/per-opleider/"
    for key, other in (("A", "B"), ("B", "A")):
        client = client_of(world["users"][(key, WORKING_GROUP)])
        response = client.get(url)
        assert supervisors_in(response) == {PEOPLE[key]["supervisor"]}
        assert response.context["network_form"] is None  # one network: nothing to choose
        exported = body_of(client.get(url + "?export=csv"))
        assert PEOPLE[other]["supervisor"] not in exported
        assert PEOPLE[key]["supervisor"] in exported
        assert client.get(f"{url}?netwerk={world['ids'][other]['site']}").status_code == 403
        assert client.get(f"{url}?netwerk=nonsense").status_code == 403
    superuser = client_of(world["users"][SUPERUSER])
    assert supervisors_in(superuser.get(url)) == {PEOPLE[k]["supervisor"] for k in NETWORKS}
    picked = superuser.get(f"{url}?netwerk={world['ids']['B']['site']}")
    assert supervisors_in(picked) == {PEOPLE["B"]["supervisor"]}
    assert 'name="netwerk"' in picked.content.decode() and "Netwerk" in picked.content.decode()
    picked_csv = body_of(superuser.get(f"{url}?netwerk={world['ids']['B']['site']}&export=csv"))
    assert PEOPLE["A"]["supervisor"] not in picked_csv


def test_a_loan_across_networks_counts_for_both(world):
    """A resident of A borrowing B's expert through A's form: B owns the request (site), A's
    form was used (requested_on); both networks count it, the total once."""
    from library.models import ExpertPage

    site_a, site_b = world["sites"]["A"], world["sites"]["B"]
    cover_b = ExpertPage.objects.get(pk=world["ids"]["B"]["cover"])
    across = make_loan(
        cover_b, name="Over de grens", supervisor="Dr. C. Grens", requested_on=site_a
    )
    assert (across.site, across.requested_on) == (site_b, site_a)
    everything = LoanRequest.objects.all()
    assert set(statistics.counted_for(everything, [site_a])) == set(
        LoanRequest.objects.filter(pk__in=[world["ids"]["A"]["loan"], across.pk])
    )
    assert set(statistics.counted_for(everything, [site_b])) == set(
        LoanRequest.objects.filter(pk__in=[world["ids"]["B"]["loan"], across.pk])
    )
    start, end = business_case.last_twelve_months()
    assert business_case.counts_for_period(start, end, [site_a]).residents == 2
    assert business_case.counts_for_period(start, end, [site_b]).residents == 2
    assert business_case.counts_for_period(start, end, None).residents == 3
    url = "/admin/rapporten/per-opleider/"
    for key in NETWORKS:
        client = client_of(world["users"][(key, WORKING_GROUP)])
        assert "Dr. C. Grens" in supervisors_in(client.get(url))
    case = client_of(world["users"][("A", WORKING_GROUP)]).get("/admin/rapporten/business-case/")
    assert case.context["counts"].residents == 2
    total = client_of(world["users"][SUPERUSER]).get("/admin/rapporten/business-case/")
    assert total.context["counts"].residents == 3


def test_the_business_case_uses_the_networks_own_rates(world):
    from library.models import BusinessCaseSettings

    rates_b = BusinessCaseSettings.for_site(world["sites"]["B"])
    rates_b.expert_fee = 123
    rates_b.save()
    client = client_of(world["users"][("B", WORKING_GROUP)])
    assert client.get("/admin/rapporten/business-case/").context["case"].expert_fee_per_loan == 123
    other = client_of(world["users"][("A", WORKING_GROUP)]).get("/admin/rapporten/business-case/")
    assert other.context["case"].expert_fee_per_loan != 123
    superuser = client_of(world["users"][SUPERUSER])
    picked = superuser.get(f"/admin/rapporten/business-case/?netwerk={world['ids']['B']['site']}")
    assert picked.context["case"].expert_fee_per_loan == 123
    # The total is computed at the default (first) network's rates.
    assert (
        superuser.get("/admin/rapporten/business-case/").context["case"].expert_fee_per_loan != 123
    )


def test_the_business_case_command_gives_one_block_per_network(world):
    out = io.StringIO()
    call_command("business_case", stdout=out)
    assert out.getvalue().count("Netwerk: ") == 2
    assert "Netwerk: Netwerk Oost" in out.getvalue()
    only = io.StringIO()
    call_command("business_case", "--netwerk", "oost.example.test", stdout=only)
    assert only.getvalue().count("Netwerk: ") == 1
    assert "AIOS 1," in only.getvalue()


def test_mail_to_supervisors_counts_the_own_networks_requests(world):
    from django.utils import timezone

    half_year = statistics.half_year(timezone.localdate())
    for key in NETWORKS:
        client = client_of(world["users"][(key, WORKING_GROUP)])
        response = client.get("/admin/rapporten/opleiders-mailen/", {"half_year": half_year})
        assert response.status_code == 200
        names = {update.figures.supervisor for update in response.context["updates"]}
        assert names == {PEOPLE[key]["supervisor"]}


def test_supervisor_updates_per_network(world):
    from django.utils import timezone

    from library.reporting import supervisor_updates

    half_year = statistics.half_year(timezone.localdate())
    names = {
        update.figures.supervisor
        for update in supervisor_updates.updates_for(half_year, [world["sites"]["B"]])
    }
    assert names == {PEOPLE["B"]["supervisor"]}


# --- form submissions and settings -----------------------------------------------------------


def test_the_forms_listing_offers_only_the_own_loan_form(world):
    for key, other in (("A", "B"), ("B", "A")):
        listing = client_of(world["users"][(key, SECRETARIAT)]).get("/admin/forms/")
        body = listing.content.decode()
        assert f"/admin/forms/submissions/{world['ids'][key]['loan_form']}/" in body
        assert f"/admin/forms/submissions/{world['ids'][other]['loan_form']}/" not in body


def test_a_candidates_cover_lands_in_the_own_networks_catalogue(world):
    from library.models import ExpertIndexPage
    from library.recruitment import pipeline

    candidate = Candidate.objects.get(pk=world["ids"]["B"]["candidate"])
    cover = pipeline.Cover(
        title="Rouw thuis",
        summary="Over rouw",
        expert_name=PEOPLE["B"]["candidate"],
        role="Geestelijk verzorger",
        example_questions=["Hoe begin ik?"],
    )
    page = pipeline.submit_cover(candidate, cover)
    home_b = world["sites"]["B"].root_page
    assert page.get_parent().specific_class is ExpertIndexPage
    assert page.get_parent().is_descendant_of(home_b)
    assert (
        client_of(world["users"][("B", WORKING_GROUP)])
        .get(f"/admin/pages/{page.pk}/edit/")
        .status_code
        == 200
    )


def test_another_networks_working_group_cannot_open_a_cover_in_review(world):
    from library.recruitment import pipeline

    candidate = Candidate.objects.get(pk=world["ids"]["B"]["candidate"])
    cover = pipeline.Cover(
        title="Rouw thuis",
        summary="Over rouw",
        expert_name=PEOPLE["B"]["candidate"],
        role="Geestelijk verzorger",
        example_questions=["Hoe begin ik?"],
    )
    page = pipeline.submit_cover(candidate, cover)
    response = client_of(world["users"][("A", WORKING_GROUP)]).get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 403


def test_a_networks_own_working_group_reviews_its_covers(world):
    """create_network_roles puts each network's Werkgroep in the admission task; the task
    lets a member act on their own network's covers only."""
    from library.recruitment import pipeline

    candidate = Candidate.objects.get(pk=world["ids"]["B"]["candidate"])
    cover = pipeline.Cover(
        title="Rouw thuis",
        summary="Over rouw",
        expert_name=PEOPLE["B"]["candidate"],
        role="Geestelijk verzorger",
        example_questions=["Hoe begin ik?"],
    )
    page = pipeline.submit_cover(candidate, cover)
    task = page.current_workflow_task.specific
    assert task.get_actions(page, world["users"][("B", WORKING_GROUP)])
    assert task.get_actions(page, world["users"][("A", WORKING_GROUP)]) == []


def test_the_desk_filters_by_network_and_offers_only_the_users_networks(world, client):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("netwerkbaas", password="pw")
    client.force_login(admin)
    site_b = world["sites"]["B"]
    page = client.get("/admin/leenbalie/", {"site": site_b.pk}).content.decode()
    assert PEOPLE["B"]["resident"] in page and PEOPLE["A"]["resident"] not in page
    # A member of network A is not offered network B in the filter.
    member = client_of(world["users"][("A", SECRETARIAT)])
    html = member.get("/admin/leenbalie/").content.decode()
    select = re.search(r'<select name="site".*?</select>', html, re.S).group(0)
    assert f'value="{site_b.pk}"' not in select
    assert f'value="{world["sites"]["A"].pk}"' in select


def test_the_site_history_spanning_all_networks_is_for_superusers_only(world, client):
    """Wagtail's site history labels each change with the object's name: a resident's."""
    from django.contrib.auth.models import User

    from library.models import LoanRequest
    from library.process import retention

    loan_b = LoanRequest.objects.get(name=PEOPLE["B"]["resident"])
    client_b = client_of(world["users"][("B", SECRETARIAT)])
    edit = client_b.get(f"/admin/leenbalie/edit/{loan_b.pk}/")
    assert edit.status_code == 200
    from wagtail.models import ModelLogEntry

    ModelLogEntry.objects.log_action(loan_b, "wagtail.edit")
    for role in (EDITORS, SECRETARIAT, WORKING_GROUP):
        member = client_of(world["users"][("A", role)])
        for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
            response = member.get(url)
            assert response.status_code == 403, (role, url)
            assert PEOPLE["B"]["resident"] not in response.content.decode()
        assert "site-history" not in member.get("/admin/reports/").content.decode()
    admin = User.objects.create_superuser("historicus", password="pw")
    client.force_login(admin)
    assert PEOPLE["B"]["resident"] in client.get("/admin/reports/site-history/").content.decode()
    # Erasing the resident's data also takes their name out of the change log.
    retention.anonymise(loan_b, "test")
    assert (
        PEOPLE["B"]["resident"] not in client.get("/admin/reports/site-history/").content.decode()
    )


def test_an_editor_makes_and_changes_redirects_of_the_own_network_only(world):
    from wagtail.contrib.redirects.models import Redirect

    site_a, site_b = world["sites"]["A"], world["sites"]["B"]
    theirs = Redirect.objects.create(old_path="/oost-oud", redirect_link="/", site=site_b)
    everywhere = Redirect.objects.create(old_path="/overal", redirect_link="/")
    editor_a = client_of(world["users"][("A", EDITORS)])
    listing = editor_a.get("/admin/redirects/").content.decode()
    assert "/oost-oud" not in listing and "/overal" not in listing
    for redirect in (theirs, everywhere):
        assert editor_a.get(f"/admin/redirects/{redirect.pk}/").status_code == 404
        assert editor_a.post(f"/admin/redirects/{redirect.pk}/delete/").status_code == 404
        assert Redirect.objects.filter(pk=redirect.pk).exists()
    # A crafted POST for the other network (or for every network) makes nothing.
    for site in (site_b.pk, ""):
        response = editor_a.post(
            "/admin/redirects/add/",
            {"old_path": "/contact", "site": site, "redirect_link": "https://phish.example/"},
        )
        assert response.status_code == 200  # the form again, with its error
    assert not Redirect.objects.filter(old_path="/contact").exists()
    assert editor_a.get("/admin/redirects/import/").status_code == 403
    # Its own network: as before.
    response = editor_a.post(
        "/admin/redirects/add/",
        {"old_path": "/contact", "site": site_a.pk, "redirect_link": "https://example.org/"},
    )
    assert response.status_code == 302
    assert Redirect.objects.get(old_path="/contact").site == site_a
    editor_b = client_of(world["users"][("B", EDITORS)])
    assert "/oost-oud" in editor_b.get("/admin/redirects/").content.decode()


def test_the_supervisors_register_is_kept_per_network(world):
    """A secretariat sees and changes its own network's supervisors only: a changed address
    would route another network's figures elsewhere."""
    from library.models import Supervisor
    from library.reporting import supervisor_updates

    site_a, site_b = world["sites"]["A"], world["sites"]["B"]
    theirs = Supervisor(name="Dr. B. Borculo", email="borculo@example.org")
    theirs.site = site_b
    theirs.save()
    secretariat_a = client_of(world["users"][("A", SECRETARIAT)])
    base = "/admin/snippets/library/supervisor/"
    assert "Borculo" not in secretariat_a.get(base).content.decode()
    assert secretariat_a.get(f"{base}edit/{theirs.pk}/").status_code == 404
    crafted = {"name": "Dr. B. Borculo", "email": "aanvaller@example.org"}
    assert secretariat_a.post(f"{base}edit/{theirs.pk}/", crafted).status_code == 404
    assert secretariat_a.post(f"{base}delete/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.email == "borculo@example.org"
    # A new supervisor belongs to the adder's network; the same name may live in another.
    response = secretariat_a.post(f"{base}add/", crafted)
    assert response.status_code == 302
    assert Supervisor.objects.get(name="Dr. B. Borculo", site=site_a).email == crafted["email"]
    again = secretariat_a.post(f"{base}add/", crafted)
    assert "Er is al een opleider met deze naam." in again.content.decode()
    # The half-year update of network B never takes network A's address.
    from django.utils import timezone

    from library.reporting import statistics

    current = statistics.recent_half_years(timezone.localdate())[0]
    updates = supervisor_updates.updates_for(current, [site_b])
    assert [(u.supervisor, u.email.recipients) for u in updates] == [
        (theirs, ["borculo@example.org"])
    ]


def test_a_new_networks_editors_keep_images_in_their_own_collection(world):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection

    editor_b = client_of(world["users"][("B", EDITORS)])
    assert editor_b.get("/admin/images/").status_code == 200
    collection = Collection.objects.get(name=world["sites"]["B"].site_name)
    image = get_image_model().objects.create(
        title="Portret Oost", file=get_test_image_file(), collection=collection
    )
    assert "Portret Oost" in editor_b.get("/admin/images/").content.decode()
    assert editor_b.get(f"/admin/images/{image.pk}/").status_code == 200
