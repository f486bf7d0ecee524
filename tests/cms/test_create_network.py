"""A new network in one step (`manage.py create_network`), and the admin's "Netwerken"."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, Site

from cms import roles
from cms.models import HomePage, NetworkGroup, SiteSettings
from library.forms import NO_EXPERT
from library.models import (
    BusinessCaseSettings,
    EmailKind,
    EmailTemplate,
    ExpertIndexPage,
    LoanFormPage,
    LoanProcessSettings,
    LoanRequest,
)
from tests.factories import make_email_templates, make_expert, make_home, user_in_group

NAME = "Netwerk Palliatieve Zorg Duinstreek (voorbeeld)"
HOST = "duinstreek.example.test"


def create(**options) -> str:
    out = StringIO()
    call_command(
        "create_network",
        NAME,
        hostname=HOST,
        secretariaat="secretariaat@duinstreek.example.test",
        stdout=out,
        **options,
    )
    return out.getvalue()


def resident(expert=""):
    return {
        "expert": str(expert),
        "name": "Sanne de Boer",
        "email": "sanne@example.org",
        "phone": "06-0000 2222",
        "programme": "huisartsgeneeskunde",
        "programme_other": "",
        "supervisor": "Dr. P. Visser",
        "learning_goals": "Ik wil leren hoe ik hoop bespreek bij ongeneeslijk zieke patiënten.",
        "motivation": "Ik merk dat ik dit gesprek vermijd.",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def first_home(db):
    home = make_home()
    make_email_templates()
    return home


def test_the_command_makes_a_complete_network(client, first_home):
    output = create()
    site = Site.objects.get(hostname=HOST, port=80)
    assert site.site_name == NAME and not site.is_default_site
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.pk != first_home.pk

    catalogue = ExpertIndexPage.objects.child_of(home).get()
    assert catalogue.get_children().filter(slug="instructies-voor-experts").exists()
    form = LoanFormPage.objects.child_of(catalogue).get()
    for page in (home, catalogue, form, *home.get_children().filter(slug="privacy")):
        response = client.get(page.url_path[len(home.url_path) - 1 :], HTTP_HOST=HOST)
        assert response.status_code == 200, page.url_path
    # The first network still answers on its own address with its own home.
    assert client.get("/").context["page"].pk == first_home.pk

    settings = SiteSettings.for_site(site)
    assert settings.organisation_name == NAME
    assert settings.secretariat_email == "secretariaat@duinstreek.example.test"
    assert settings.privacy_page.get_parent().pk == home.pk
    assert LoanProcessSettings.objects.filter(site=site).exists()
    assert BusinessCaseSettings.objects.filter(site=site).exists()

    groups = {link.role: link.group for link in NetworkGroup.objects.filter(site=site)}
    assert set(groups) == set(roles.ALL_ROLES)
    assert groups[roles.SECRETARIAT].name == f"{roles.SECRETARIAT} · {NAME}"
    # The network's secretariat may route its own loan form, like the first network's.
    assert GroupPagePermission.objects.filter(group=groups[roles.SECRETARIAT], page=form).exists()
    # Its own standard e-mails, copied from the national set, for its secretariat to adapt.
    national = EmailTemplate.objects.national()
    assert national.count() == len(EmailKind.values)
    own = EmailTemplate.objects.filter(site=site)
    assert sorted(own.values_list("kind", "subject")) == sorted(
        national.values_list("kind", "subject")
    )

    assert f"http://{HOST}/expertbibliotheek/lenen/" in output
    assert f"Secretariaat · {NAME}" in output


def test_the_new_networks_loan_form_stores_its_requests_for_that_network(client, first_home):
    create()
    site = Site.objects.get(hostname=HOST)
    catalogue = ExpertIndexPage.objects.child_of(site.root_page).get()
    expert = make_expert(catalogue, "Hoop houden")

    response = client.post(
        "/expertbibliotheek/lenen/", resident(expert.pk), HTTP_HOST=HOST, follow=True
    )
    assert response.status_code == 200
    assert "Bedankt, je aanvraag is verstuurd" in response.content.decode()
    loan = LoanRequest.objects.get()
    assert loan.site == site and loan.requested_on == site and loan.expert_id == expert.pk

    client.post("/expertbibliotheek/lenen/", resident(NO_EXPERT), HTTP_HOST=HOST)
    without_book = LoanRequest.objects.get(expert__isnull=True)
    assert without_book.site == site


def test_the_command_refuses_an_address_that_is_taken(first_home):
    create()
    pages, groups = HomePage.objects.count(), Group.objects.count()
    with pytest.raises(CommandError, match=f"Het adres {HOST}:80 hoort al bij het netwerk"):
        create()
    with pytest.raises(CommandError, match="hoort al bij het netwerk"):
        call_command("create_network", "Ander netwerk", hostname="localhost", port=80)
    assert (HomePage.objects.count(), Group.objects.count()) == (pages, groups)


def test_a_network_on_another_port_is_its_own(first_home):
    create()
    create(port=8080)
    assert Site.objects.filter(hostname=HOST).count() == 2


def superuser():
    return User.objects.create_superuser("beheer", "beheer@example.org", "pw")


def test_the_networks_view_lists_each_network_for_a_superuser(client, first_home):
    create()
    member = user_in_group(roles.SECRETARIAT)
    client.force_login(superuser())
    response = client.get("/admin/netwerken/")
    assert response.status_code == 200
    html = response.content.decode()
    assert NAME in html and f"http://{HOST}/" in html
    assert f"Secretariaat · {NAME}</a> (Secretariaat): 0 leden" in html
    assert "create_network" in html
    assert member.groups.filter(name=roles.SECRETARIAT).exists()
    menu = client.get("/admin/").content.decode()
    assert "/admin/netwerken/" in menu


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_the_networks_view_is_closed_to_others(client, first_home, role):
    client.force_login(user_in_group(role))
    assert client.get("/admin/netwerken/").status_code in (302, 403)
    assert "/admin/netwerken/" not in client.get("/admin/").content.decode()


def test_the_group_panel_ties_a_group_to_a_network(client, first_home):
    create()
    site = Site.objects.get(hostname=HOST)
    group = Group.objects.create(name="Werkgroep Duinstreek extra")
    client.force_login(superuser())
    url = f"/admin/groups/edit/{group.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="network-site"' in page.content.decode()

    data = {
        "name": group.name,
        "network-site": site.pk,
        "network-role": roles.WORKING_GROUP,
        "page_permissions-TOTAL_FORMS": "0",
        "page_permissions-INITIAL_FORMS": "0",
        "page_permissions-MIN_NUM_FORMS": "0",
        "page_permissions-MAX_NUM_FORMS": "1000",
    }
    for prefix in panel_prefixes(page):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    link = NetworkGroup.objects.get(group=group)
    assert (link.site, link.role) == (site, roles.WORKING_GROUP)

    # Half a choice is refused; an empty choice unties the group.
    refused = client.post(url, {**data, "network-role": ""})
    assert refused.status_code == 200
    assert "Kies een netwerk én een rol" in refused.content.decode()
    client.post(url, {**data, "network-site": "", "network-role": ""})
    assert not NetworkGroup.objects.filter(group=group).exists()


def panel_prefixes(response) -> set[str]:
    """The management-form prefixes of Wagtail's own permission panels on the group page."""
    import re

    return set(re.findall(r'name="([\w-]+)-TOTAL_FORMS"', response.content.decode()))
