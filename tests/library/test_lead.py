"""The lead (trekker) mails supervisors: the half-yearly figures and the changes in the offer.
Both are for whoever holds library.mail_supervisors (secretariat, working group), not editors."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms import roles
from library.catalogue.withdrawal import withdraw
from library.models import ExpertPage, Supervisor
from library.reporting import offer_changes
from tests.factories import make_expert, user_in_group

FIGURES_URL = "/admin/rapporten/opleiders-mailen/"
OFFER_URL = "/admin/rapporten/aanbod-mailen/"


@pytest.fixture
def lead(client, db):
    client.force_login(user_in_group(roles.WORKING_GROUP, "trekker"))
    return client


def published_days_ago(cover: ExpertPage, days: int) -> ExpertPage:
    when = timezone.now() - datetime.timedelta(days=days)
    ExpertPage.objects.filter(pk=cover.pk).update(first_published_at=when)
    cover.refresh_from_db()
    return cover


@pytest.fixture
def offer(library):
    """A year-old cover still lent, a year-old cover withdrawn today, a cover new today and
    two supervisors in the register."""
    catalogue = library["catalogue"]
    old = published_days_ago(library["first"], 365)  # Bram Jansen, 'Hoop houden'
    leaving = published_days_ago(library["second"], 365)  # Carla Smit, 'Pijn bij kanker'
    withdraw(leaving)
    new = make_expert(
        catalogue,
        "Rouw bij kinderen",
        expert_name="Fatima El Amrani",
        role="Kinderpsycholoog",
        email="fatima@example.org",
    )
    Supervisor.objects.create(name="Dr. P. Visser", email="visser@example.org")
    Supervisor.objects.create(name="Drs. K. Bakker", email="bakker@example.org")
    mail.outbox.clear()  # withdrawing thanks the expert and tells the lead: not our mails
    return {"old": old, "leaving": leaving, "new": new}


# --- the half-yearly figures ---


def test_the_lead_sends_the_half_yearly_figures(known, lead):
    Supervisor.objects.create(name="Dr. P. Visser", email="visser@example.org")
    page = lead.get(f"{FIGURES_URL}?half_year=2025-1")
    assert page.status_code == 200
    assert "visser@example.org" in page.content.decode()
    response = lead.post(f"{FIGURES_URL}?half_year=2025-1", {"supervisor": ["dr. p. visser"]})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["visser@example.org"]]
    assert "AIOS die een expert aanvroegen: 2" in mail.outbox[0].body


def test_the_per_supervisor_report_links_the_lead_to_both_mails(known, lead):
    html = lead.get("/admin/rapporten/per-opleider/").content.decode()
    assert f'href="{FIGURES_URL}"' in html and f'href="{OFFER_URL}"' in html


# --- the changes in the offer ---


def test_preview_lists_the_new_and_the_withdrawn_cover(offer, lead):
    page = lead.get(OFFER_URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "‘Rouw bij kinderen’: Fatima El Amrani" in html
    assert "‘Pijn bij kanker’: Carla Smit" in html
    assert "Hoop houden" not in html  # neither new nor gone
    assert "Beste Dr. P. Visser" in html  # the mail itself, as the first supervisor gets it


def test_the_changes_as_text(offer, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://expertbibliotheek.example.org/"
    changes = offer_changes.changes_since(timezone.localdate() - datetime.timedelta(days=30))
    assert [cover.pk for cover in changes.added] == [offer["new"].pk]
    assert [cover.pk for cover in changes.withdrawn] == [offer["leaving"].pk]
    assert offer_changes.changes_text(changes) == (
        "Nieuw in de bibliotheek:\n"
        "- ‘Rouw bij kinderen’: Fatima El Amrani, Kinderpsycholoog\n"
        "  https://expertbibliotheek.example.org/expertbibliotheek/rouw-bij-kinderen/\n\n"
        "Niet meer te lenen:\n"
        "- ‘Pijn bij kanker’: Carla Smit, Kaderhuisarts"
    )


def test_nothing_before_the_chosen_date_counts(offer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    changes = offer_changes.changes_since(tomorrow)
    assert not changes and changes.added == [] and changes.withdrawn == []
    assert offer_changes.mails_for(tomorrow) == []


def test_a_cover_new_and_gone_in_the_same_stretch_is_no_news(offer):
    withdraw(offer["new"])
    changes = offer_changes.changes_since(timezone.localdate() - datetime.timedelta(days=30))
    assert changes.added == []
    assert [cover.pk for cover in changes.withdrawn] == [offer["leaving"].pk]


def test_the_lead_sends_the_offer_mail_to_every_supervisor(offer, lead, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://expertbibliotheek.example.org"
    response = lead.post(OFFER_URL, follow=True)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bakker@example.org",
        "visser@example.org",
    ]
    body = mail.outbox[0].body
    assert "Rouw bij kinderen" in body and "Pijn bij kanker" in body
    assert "Hoop houden" not in body
    assert "https://expertbibliotheek.example.org/expertbibliotheek/" in body
    assert "Verstuurd aan 2 opleider(s)" in response.content.decode()


def test_the_next_offer_mail_starts_where_the_last_one_left_off(offer, lead):
    assert offer_changes.default_since() == offer_changes.months_before(timezone.localdate(), 6)
    lead.post(OFFER_URL)
    entries = ModelLogEntry.objects.filter(action=offer_changes.LOG_ACTION)
    assert entries.count() == 2  # one in each supervisor's history
    assert offer_changes.default_since() == timezone.localdate()


def test_no_changes_no_mail(offer, lead):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = lead.post(f"{OFFER_URL}?since={tomorrow:%Y-%m-%d}", follow=True)
    assert mail.outbox == []
    assert "Er is niets veranderd in deze periode" in response.content.decode()


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 11, 30), 6, datetime.date(2026, 5, 30)),
        (datetime.date(2026, 8, 31), 6, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 3, 15), 6, datetime.date(2025, 9, 15)),
        (datetime.date(2026, 6, 1), 6, datetime.date(2025, 12, 1)),
    ],
)
def test_months_before(day, months, expected):
    assert offer_changes.months_before(day, months) == expected


# --- who may ---


@pytest.mark.parametrize("url", [f"{FIGURES_URL}?half_year=2025-1", OFFER_URL])
def test_editors_get_403_on_both_mails_get_and_post(offer, client, url):
    client.force_login(user_in_group(roles.EDITORS))
    assert client.get(url).status_code == 403
    assert client.post(url, {"supervisor": ["dr. p. visser"]}).status_code == 403
    assert mail.outbox == []


@pytest.mark.parametrize("url", [FIGURES_URL, OFFER_URL])
def test_the_secretariat_keeps_the_mails(offer, client, url):
    client.force_login(user_in_group(roles.SECRETARIAT))
    assert client.get(url).status_code == 200
