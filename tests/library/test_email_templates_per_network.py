"""Standard e-mails per network (issue 20): each network's secretariat keeps the texts its own
residents, experts and supervisors receive; the national set (no network) is the superuser's,
the starting point of a new network and the fallback for a kind a network has no text of.
E-mails without a request (the overdue digest, the offer mail, recruitment) go out in their
own network's words, to their own network's people, with links on their own network's
address."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from cms import roles
from cms.models import SiteSettings
from library.models import EmailKind, EmailTemplate, Supervisor
from library.process import reminders
from library.process.mail import compose
from library.reporting import offer_changes
from tests.factories import (
    first_network,
    local_time,
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_loan_with_history,
    make_network,
    user_in_network,
)

pytestmark = pytest.mark.django_db

EAST = "oost.example.test"
LIST_URL = "/admin/snippets/library/emailtemplate/"
OFFER_URL = "/admin/rapporten/aanbod-mailen/"


@pytest.fixture
def two(db):
    home = make_home()
    west = first_network()
    west.site_name = "Netwerk West"
    west.save()
    catalogue_west = make_catalogue(home)
    east, home_east = make_network("Netwerk Oost", EAST)
    catalogue_east = make_catalogue(home_east)
    make_email_templates(west)
    make_email_templates(east)
    for site, address in ((west, "secretariaat-west@example.org"), (east, "sec-oost@example.org")):
        site_settings = SiteSettings.for_site(site)
        site_settings.secretariat_email = address
        site_settings.save()
    EmailTemplate.objects.filter(site=east, kind=EmailKind.RECEIPT).update(
        subject="Oost ontving je aanvraag, {naam_aios}"
    )
    return {
        "west": west,
        "east": east,
        "catalogue_west": catalogue_west,
        "catalogue_east": catalogue_east,
        "bram": make_expert(catalogue_west, "Hoop houden", expert_name="Bram West"),
        "olga": make_expert(catalogue_east, "Oosterse rust", expert_name="Olga Oost"),
    }


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def secretariat(site, username) -> Client:
    return logged_in(user_in_network(site, roles.SECRETARIAT, username))


def superuser() -> Client:
    return logged_in(User.objects.create_superuser("beheer", "beheer@example.org", "pw"))


# --- which text goes out --------------------------------------------------------------------


def test_each_network_sends_its_own_text_and_falls_back_to_the_national_one(two):
    west_loan = make_loan_with_history(two["bram"], local_time(2026, 11, 30), [], name="Wanda")
    east_loan = make_loan_with_history(two["olga"], local_time(2026, 11, 30), [], name="Otto")
    assert compose(EmailKind.RECEIPT, east_loan).subject == "Oost ontving je aanvraag, Otto"
    assert "Oost" not in compose(EmailKind.RECEIPT, west_loan).subject
    # Without a text of its own for a kind, the network sends the national one.
    EmailTemplate.objects.filter(site=two["east"], kind=EmailKind.RECEIPT).delete()
    EmailTemplate.objects.filter(site__isnull=True, kind=EmailKind.RECEIPT).update(
        subject="Landelijk: ontvangen, {naam_aios}"
    )
    assert compose(EmailKind.RECEIPT, east_loan).subject == "Landelijk: ontvangen, Otto"
    assert compose(EmailKind.RECEIPT, west_loan).subject != "Landelijk: ontvangen, Wanda"


def test_links_in_an_east_mail_are_on_the_east_address(two):
    east_loan = make_loan_with_history(two["olga"], local_time(2026, 11, 30), [], name="Otto")
    EmailTemplate.objects.filter(site=two["east"], kind=EmailKind.RECEIPT).update(
        body="{link_boek} | {link_catalogus} | {link_instructies} | {contact_secretariaat}"
    )
    body = compose(EmailKind.RECEIPT, east_loan).body
    book, catalogue, instructions, contact = body.split(" | ")
    assert book == f"http://{EAST}/expertbibliotheek/oosterse-rust/"
    assert catalogue.startswith(f"http://{EAST}/")
    assert instructions.startswith(f"http://{EAST}/")
    assert contact == "sec-oost@example.org"


# --- the snippet, per network ---------------------------------------------------------------


def test_a_secretariat_lists_and_edits_its_own_networks_texts_only(two):
    east_receipt = EmailTemplate.objects.get(site=two["east"], kind=EmailKind.RECEIPT)
    west_receipt = EmailTemplate.objects.get(site=two["west"], kind=EmailKind.RECEIPT)
    national = EmailTemplate.objects.get(site__isnull=True, kind=EmailKind.RECEIPT)
    west = secretariat(two["west"], "sec-west")

    listing = west.get(LIST_URL)
    assert listing.status_code == 200
    shown = {row.pk for row in listing.context["object_list"]}
    assert west_receipt.pk in shown
    assert east_receipt.pk not in shown and national.pk not in shown
    assert "Oost ontving" not in listing.content.decode()

    assert west.get(f"{LIST_URL}edit/{west_receipt.pk}/").status_code == 200
    for other in (east_receipt, national):
        assert west.get(f"{LIST_URL}edit/{other.pk}/").status_code == 404
        assert west.get(f"{LIST_URL}history/{other.pk}/").status_code == 404
        crafted = {"kind": "receipt", "subject": "Gekaapt", "body": "Gekaapt"}
        assert west.post(f"{LIST_URL}edit/{other.pk}/", crafted).status_code == 404
        other.refresh_from_db()
        assert other.subject != "Gekaapt"


def test_a_new_text_goes_to_the_own_network_whatever_the_post_says(two):
    EmailTemplate.objects.filter(site=two["west"], kind=EmailKind.SEARCHING).delete()
    west = secretariat(two["west"], "sec-west")
    form = west.get(f"{LIST_URL}add/").context["form"]
    assert "site" not in form.fields  # the network is not a choice
    response = west.post(
        f"{LIST_URL}add/",
        {
            "kind": "searching",
            "site": two["east"].pk,
            "subject": "We zoeken",
            "body": "Even geduld",
        },
    )
    assert response.status_code == 302
    made = EmailTemplate.objects.get(subject="We zoeken")
    assert made.site == two["west"]


def test_a_second_text_of_the_same_kind_is_not_offered_and_refused(two):
    EmailTemplate.objects.filter(site=two["west"], kind=EmailKind.SEARCHING).delete()
    west = secretariat(two["west"], "sec-west")
    offered = dict(west.get(f"{LIST_URL}add/").context["form"].fields["kind"].choices)
    assert "searching" in offered and "receipt" not in offered
    before = EmailTemplate.objects.count()
    response = west.post(
        f"{LIST_URL}add/", {"kind": "receipt", "subject": "Dubbel", "body": "Dubbel"}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert EmailTemplate.objects.count() == before


def test_a_texts_kind_stays_what_it_is(two):
    west_receipt = EmailTemplate.objects.get(site=two["west"], kind=EmailKind.RECEIPT)
    west = secretariat(two["west"], "sec-west")
    edit = west.get(f"{LIST_URL}edit/{west_receipt.pk}/")
    assert edit.context["form"].fields["kind"].disabled
    # The heading names the network whose residents get the text.
    assert "Ontvangstbevestiging (aan AIOS) · Netwerk West" in edit.content.decode()
    west.post(
        f"{LIST_URL}edit/{west_receipt.pk}/",
        {"kind": "searching", "subject": "Ontvangen", "body": "Dank je"},
    )
    west_receipt.refresh_from_db()
    assert (west_receipt.kind, west_receipt.subject) == ("receipt", "Ontvangen")


def test_a_one_network_listing_names_its_network_once(two):
    listing = secretariat(two["west"], "sec-west").get(LIST_URL)
    names = [column.name for column in listing.context["view"].columns]
    assert "network_label" not in names and "subject" in names
    assert "Netwerk West" in listing.content.decode()  # in the heading
    assert "network_label" in [
        column.name for column in superuser().get(LIST_URL).context["view"].columns
    ]


def test_a_superuser_keeps_the_national_texts(two):
    admin = superuser()
    listing = admin.get(LIST_URL)
    assert "Landelijk" in listing.content.decode()
    assert listing.context["paginator"].count == EmailTemplate.objects.count()
    national = EmailTemplate.objects.get(site__isnull=True, kind=EmailKind.RECEIPT)
    assert "site" in admin.get(f"{LIST_URL}edit/{national.pk}/").context["form"].fields
    response = admin.post(
        f"{LIST_URL}edit/{national.pk}/",
        {"kind": "receipt", "site": "", "subject": "Landelijk onderwerp", "body": "Tekst"},
    )
    assert response.status_code == 302
    national.refresh_from_db()
    assert national.subject == "Landelijk onderwerp" and national.site is None
    # A second national text of a kind is refused as well.
    double = admin.post(
        f"{LIST_URL}add/", {"kind": "receipt", "site": "", "subject": "X", "body": "X"}
    )
    assert "Er is al een tekst voor deze soort e-mail (landelijk)" in double.content.decode()


# --- e-mails without a request --------------------------------------------------------------


def test_the_overdue_digest_goes_to_each_network_with_its_own_requests(two):
    make_loan_with_history(two["bram"], local_time(2026, 11, 2), [], name="Wanda Westerveld")
    make_loan_with_history(two["olga"], local_time(2026, 11, 2), [], name="Otto Oosterhout")
    run = reminders.send_reminders(datetime.date(2026, 12, 1))
    assert len(run.overdue) == 2 and not run.digest_error
    digests = {m.to[0]: m for m in mail.outbox if m.to[0].startswith(("secretariaat", "sec-"))}
    assert set(digests) == {"secretariaat-west@example.org", "sec-oost@example.org"}
    west_body = digests["secretariaat-west@example.org"].body
    east_body = digests["sec-oost@example.org"].body
    assert "Wanda Westerveld" in west_body and "Otto Oosterhout" not in west_body
    assert "Otto Oosterhout" in east_body and "Wanda Westerveld" not in east_body
    # The east secretariat logs in on its own address.
    assert f"http://{EAST}/admin/leenbalie/inspect/" in east_body


def test_the_desk_button_sends_the_own_networks_reminders_only(two):
    make_loan_with_history(two["bram"], local_time(2026, 11, 2), [], name="Wanda Westerveld")
    make_loan_with_history(two["olga"], local_time(2026, 11, 2), [], name="Otto Oosterhout")
    west = secretariat(two["west"], "sec-west")
    response = west.post("/admin/leenbalie/herinneringen/", follow=True)
    assert "Otto Oosterhout" not in response.content.decode()
    assert [m.to for m in mail.outbox] == [["secretariaat-west@example.org"]]
    assert "Otto" not in mail.outbox[0].body


def test_the_offer_mail_tells_each_network_about_its_own_offer(two):
    Supervisor.objects.create(name="Dr. W. West", email="w@example.org", site=two["west"])
    Supervisor.objects.create(name="Dr. O. Oost", email="o@example.org", site=two["east"])
    since = timezone.localdate() - datetime.timedelta(days=30)
    mails = {item.supervisor.email: item for item in offer_changes.mails_for(since)}
    assert "Hoop houden" in mails["w@example.org"].email.body
    assert "Oosterse rust" not in mails["w@example.org"].email.body
    assert "Oosterse rust" in mails["o@example.org"].email.body
    assert "Hoop houden" not in mails["o@example.org"].email.body
    assert f"http://{EAST}/expertbibliotheek/oosterse-rust/" in mails["o@example.org"].email.body
    # A cover the west lends out is news in the east as well.
    lent = make_expert(
        two["catalogue_west"], "Rouw op afstand", expert_name="Lotte", lend_to_other_networks=True
    )
    east_mail = next(m for m in offer_changes.mails_for(since) if m.supervisor.site == two["east"])
    assert lent.title in east_mail.email.body

    # The east's secretariat mails its own supervisors, and the page lists its own offer.
    east = secretariat(two["east"], "sec-oost")
    page = east.get(OFFER_URL).content.decode()
    assert "Oosterse rust" in page and "Hoop houden" not in page
    east.post(OFFER_URL)
    assert [m.to for m in mail.outbox] == [["o@example.org"]]
    assert offer_changes.last_sent([two["east"]]) == timezone.localdate()
    assert offer_changes.last_sent([two["west"]]) is None


# --- new networks and existing installations ------------------------------------------------


def test_the_migration_gives_each_network_its_own_copy(two):
    EmailTemplate.objects.exclude(site__isnull=True).delete()
    migration = importlib.import_module("library.migrations.0027_email_templates_per_network")
    migration.copy_for_networks(apps, None)
    kinds = EmailTemplate.objects.national().count()
    for site in (two["west"], two["east"]):
        assert EmailTemplate.objects.filter(site=site).count() == kinds
    national = EmailTemplate.objects.get(site__isnull=True, kind=EmailKind.RECEIPT)
    own = EmailTemplate.objects.get(site=two["west"], kind=EmailKind.RECEIPT)
    assert (own.subject, own.body) == (national.subject, national.body)
