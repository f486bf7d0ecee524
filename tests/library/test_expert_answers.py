"""The expert answers an availability question by the link in the e-mail, without an account."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from cms import roles
from cms.models import SiteSettings
from library.models import ExpertPage, LoanEvent, LoanProcessSettings, LoanRequest
from library.process import evaluations
from library.process.mail import instructions_address
from library.self_service import answer_link
from tests.factories import first_network, make_email_templates, user_in_group
from tests.library.test_loans import FORM_URL, form_data, step

LINK = re.compile(r"http://[^/\s]+(/antwoord/[^\s]+/)")


@pytest.fixture
def desk(db):
    """The secretariat, in a browser of its own (the expert's `client` has no login)."""
    secretariat = Client()
    secretariat.force_login(user_in_group(roles.SECRETARIAT))
    site_settings = SiteSettings.for_site(first_network())
    site_settings.secretariat_email = "secretariaat@example.org"
    site_settings.save()
    return secretariat


@pytest.fixture
def asked(client, library, desk):
    """A request whose expert was asked by the secretariat; returns it and the link's path."""
    client.post(FORM_URL, form_data(library["first"].pk))
    loan = LoanRequest.objects.get()
    step(desk, loan, "confirm")
    mail.outbox.clear()
    step(desk, loan, "ask_expert")
    return loan, LINK.search(mail.outbox[-1].body).group(1)


def secretariat_actions(loan: LoanRequest) -> int:
    """Steps someone at the desk took (status changes and e-mails by a logged-in user)."""
    return loan.events.exclude(kind=LoanEvent.Kind.NOTE).filter(user__isnull=False).count()


def test_the_availability_mail_carries_the_motivation_and_a_personal_link(asked):
    loan, path = asked
    ask = mail.outbox[-1]
    assert "Ik merk dat ik dit gesprek vermijd." in ask.body
    assert path in ask.body and "{" not in ask.body


def test_the_answer_page_shows_the_request_but_not_who_asked(client, asked):
    loan, path = asked
    html = client.get(path).content.decode()
    assert "hoop bespreek" in html and "Ik merk dat ik dit gesprek vermijd." in html
    for private in ("Sanne", "sanne@example.org", "06-0000 2222", "Visser"):
        assert private not in html


def test_yes_by_link_puts_the_introduction_ready_at_the_desk(client, asked, desk):
    loan, path = asked
    mail.outbox.clear()
    response = client.post(path, {"choice": "ja", "remark": "Dinsdagmiddag lukt goed."})
    assert response.status_code == 302
    loan.refresh_from_db()
    assert loan.status == "agreed"
    note = loan.events.get(kind=LoanEvent.Kind.NOTE, subject__contains="door de expert via link")
    assert note.body == "Dinsdagmiddag lukt goed." and note.user is None
    # The secretariat hears it; nobody else gets an e-mail yet.
    assert [m.to for m in mail.outbox] == [["secretariaat@example.org"]]
    assert "Dinsdagmiddag" in mail.outbox[0].body
    page = desk.get(f"/admin/leenbalie/inspect/{loan.pk}/").content.decode()
    assert "Klaar om te versturen: de kennismaking" in page and "Dinsdagmiddag" in page
    step(desk, loan, "introduce")
    assert loan.status == "matched"
    assert mail.outbox[-1].to == ["sanne@example.org", "bram@example.org"]
    introduction = mail.outbox[-1].body
    address = instructions_address(first_network())
    assert address.startswith("http://127.0.0.1:8000/")
    assert f"lees je in de instructies: {address}" in introduction
    # Before: confirm, ask, (read the expert's e-mail, type it in), introduce. Now the same
    # three steps at the desk and nothing typed over.
    assert secretariat_actions(loan) == 6  # 3 status changes + 3 e-mails


def test_yes_with_automatic_introduction(client, asked):
    settings = LoanProcessSettings.for_site(first_network())
    settings.auto_introduce = True
    settings.save()
    loan, path = asked
    client.post(path, {"choice": "ja"})
    loan.refresh_from_db()
    assert loan.status == "matched"
    assert mail.outbox[-1].to == ["sanne@example.org", "bram@example.org"]
    assert secretariat_actions(loan) == 4  # confirm and ask: two steps, each with its e-mail


def test_not_now_tells_the_resident_without_the_reason(client, asked):
    loan, path = asked
    mail.outbox.clear()
    client.post(path, {"choice": "nu_niet", "reason": "Druk met de verhuizing van de afdeling."})
    loan.refresh_from_db()
    assert loan.status == "unavailable"
    to_resident = [m for m in mail.outbox if m.to == ["sanne@example.org"]]
    assert len(to_resident) == 1 and "kan nu niet" in to_resident[0].subject
    assert "verhuizing" not in to_resident[0].body
    assert loan.events.filter(body__contains="verhuizing").exists()
    assert ExpertPage.objects.borrowable().filter(pk=loan.expert_id).exists()


def test_away_until_sets_the_cover_absent_and_names_the_return_date(client, asked):
    loan, path = asked
    until = timezone.localdate() + datetime.timedelta(days=30)
    mail.outbox.clear()
    client.post(path, {"choice": "afwezig", "away_until": until.isoformat()})
    loan.refresh_from_db()
    assert loan.status == "unavailable"
    expert = ExpertPage.objects.get(pk=loan.expert_id)
    assert expert.absent_until == until
    assert not ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
    to_resident = next(m for m in mail.outbox if m.to == ["sanne@example.org"])
    assert f"{until.day} " in to_resident.subject and str(until.year) in to_resident.body


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "choice", "Kies ‘ja’, ‘nu niet’ of ‘afwezig’."),
        ({"choice": "nu_niet"}, "reason", "waarom het nu niet lukt"),
        ({"choice": "afwezig"}, "away_until", "tot en met welke datum"),
        ({"choice": "afwezig", "away_until": "2001-01-01"}, "away_until", "al voorbij"),
        ({"choice": "ja", "remark": "<script>x</script>"}, "remark", "geen HTML"),
        ({"choice": "ja", "remark": "a\x00b"}, "remark", "stuurtekens"),
        ({"choice": "ja", "remark": "x" * 1001}, "remark", "hooguit 1000"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_change_nothing(client, asked, data, field, message):
    loan, path = asked
    response = client.post(path, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    loan.refresh_from_db()
    assert loan.status == "waiting"


def test_a_used_link_answers_410(client, asked):
    _, path = asked
    client.post(path, {"choice": "ja"})
    assert client.get(path).status_code == 410
    assert client.post(path, {"choice": "nu_niet", "reason": "toch niet"}).status_code == 410
    assert LoanRequest.objects.get().status == "agreed"


def test_a_tampered_link_answers_400(client, asked):
    _, path = asked
    token = path.split("/")[2]
    assert client.get(f"/antwoord/{token[:-2]}xx/").status_code == 400
    other = evaluations.LINK.token({"e": 1})  # another purpose's token, validly signed
    assert client.get(f"/antwoord/{other}/").status_code == 400


def test_an_expired_link_answers_410(client, asked, monkeypatch):
    loan, _ = asked
    long_ago = timezone.now().timestamp() - 15 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    token = answer_link.LINK.token({"r": loan.pk, "n": 1})
    monkeypatch.undo()
    response = client.get(f"/antwoord/{token}/")
    assert response.status_code == 410 and "verlopen" in response.content.decode()


def test_a_link_of_an_earlier_question_cannot_answer_a_later_one(client, asked, library, desk):
    loan, first_path = asked
    client.post(first_path, {"choice": "nu_niet", "reason": "vakantie"})
    desk.post(f"/admin/leenbalie/{loan.pk}/boek/", {"expert": library["second"].pk})
    step(desk, loan, "ask_expert")
    assert client.get(first_path).status_code == 410
    second_path = LINK.search(mail.outbox[-1].body).group(1)
    assert client.get(second_path).status_code == 200


def test_without_standard_emails_the_answer_is_kept(client, asked):
    from library.models import EmailTemplate

    loan, path = asked
    EmailTemplate.objects.all().delete()
    assert client.post(path, {"choice": "nu_niet", "reason": "ziek"}).status_code == 302
    loan.refresh_from_db()
    assert loan.status == "unavailable"
    assert loan.events.filter(kind=LoanEvent.Kind.EMAIL_FAILED).count() == 2
    make_email_templates()


def test_opening_links_is_rate_limited_per_address(client, asked, monkeypatch):
    from cms import signed_links

    _, path = asked
    monkeypatch.setattr(signed_links, "OPENINGS_PER_HOUR", 3)
    assert [client.get(path).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client.get("/antwoord/geraden/").status_code == 429


def test_the_residents_own_link_never_goes_to_the_expert(client, asked, desk):
    from library.models import EmailTemplate

    loan, path = asked
    template = EmailTemplate.objects.get(kind="introduction")
    template.body += "\nJe aanvraag: {link_aanvraag}"
    template.save()
    client.post(path, {"choice": "ja"})
    step(desk, loan, "introduce")
    introduction = mail.outbox[-1]
    assert "bram@example.org" in introduction.to and "/mijn-aanvraag/" not in introduction.body
    receipt_link = LoanRequest.objects.get(pk=loan.pk)  # the receipt (resident only) had it
    assert receipt_link.events.filter(body__contains="/mijn-aanvraag/").exists()
