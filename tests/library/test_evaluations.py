import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from cms import roles
from library.models import Evaluation
from library.process import evaluations
from library.reporting import statistics
from tests.factories import (
    BRAM,
    history,
    local_time,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan_with_history,
    user_in_group,
)

ANSWERS = {
    "usefulness": "4",
    "preparation_minutes": "20",
    "conversation_minutes": "50",
    "would_recommend": "ja",
    "comments": "Het gesprek gaf me woorden voor een moeilijk onderwerp.",
}


@pytest.fixture
def matched(db):
    expert = make_expert(make_lending_catalogue(make_home()), **BRAM)
    return make_loan_with_history(
        expert,
        local_time(2026, 11, 2),
        history("held", local_time(2026, 11, 3), local_time(2026, 11, 3), local_time(2026, 11, 5)),
    )


def held_through_the_desk(client, loan) -> dict[str, str]:
    client.force_login(user_in_group(roles.SECRETARIAT))
    response = client.post(f"/admin/leenbalie/{loan.pk}/stap/held/")
    assert response.status_code == 302
    client.logout()
    links = {}
    for message in mail.outbox:
        match = re.search(r"http://[^\s]+/evaluatie/[^\s]+/", message.body)
        assert match, message.body
        links[message.to[0]] = match.group(0)
    return links


def path_of(link: str) -> str:
    return link[link.index("/evaluatie/") :]


def test_conversation_held_sends_two_personal_links(client, matched):
    links = held_through_the_desk(client, matched)
    assert set(links) == {"sanne@example.org", "bram@example.org"}
    assert path_of(links["sanne@example.org"]) != path_of(links["bram@example.org"])
    assert Evaluation.objects.filter(request=matched).count() == 2


def test_link_works_once(client, matched):
    link = path_of(held_through_the_desk(client, matched)["sanne@example.org"])
    form = client.get(link)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Hoe nuttig was het gesprek voor het leerdoel?" in html and "<legend>" in html
    response = client.post(link, ANSWERS)
    assert response.status_code == 302 and response["Location"] == "/evaluatie/bedankt/"
    stored = Evaluation.objects.get(request=matched, role=Evaluation.Role.RESIDENT)
    assert (stored.usefulness, stored.preparation_minutes, stored.conversation_minutes) == (
        4,
        20,
        50,
    )
    assert stored.would_recommend is True and stored.answered_at
    assert matched.events.filter(subject="Evaluatie ingevuld door AIOS").exists()

    again = client.get(link)
    assert again.status_code == 410
    assert "Deze evaluatie is al ingevuld" in again.content.decode()
    resubmit = client.post(link, {**ANSWERS, "usefulness": "1"})
    assert resubmit.status_code == 410
    stored.refresh_from_db()
    assert stored.usefulness == 4


def test_expired_link_is_refused_and_stores_nothing(client, matched, monkeypatch):
    evaluation = Evaluation.objects.create(request=matched, role=Evaluation.Role.EXPERT)
    thirty_one_days_ago = time.time() - 31 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: thirty_one_days_ago)
    token = evaluations.token_for(evaluation)
    monkeypatch.undo()
    response = client.post(f"/evaluatie/{token}/", ANSWERS)
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.answered_at is None and evaluation.usefulness is None


@pytest.mark.parametrize("tamper", ["swap_id", "truncate", "garbage"])
def test_tampered_link_is_refused_and_stores_nothing(client, matched, tamper):
    resident = Evaluation.objects.create(request=matched, role=Evaluation.Role.RESIDENT)
    expert = Evaluation.objects.create(request=matched, role=Evaluation.Role.EXPERT)
    token = evaluations.token_for(resident)
    if tamper == "swap_id":
        payload = signing.b64_encode(f'{{"e":{expert.pk}}}'.encode()).decode()
        token = payload + token[token.index(":") :]
    elif tamper == "truncate":
        token = token[:-3]
    else:
        token = "abc:def:ghi"
    response = client.post(f"/evaluatie/{token}/", ANSWERS)
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()
    assert not Evaluation.objects.filter(answered_at__isnull=False).exists()


def test_invalid_answers_get_dutch_field_errors(client, matched):
    evaluation = Evaluation.objects.create(request=matched, role=Evaluation.Role.RESIDENT)
    link = f"/evaluatie/{evaluations.token_for(evaluation)}/"
    response = client.post(link, {"usefulness": "9", "preparation_minutes": "-5"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer je antwoorden" in html
    assert "Het aantal minuten kan niet negatief zijn." in html
    assert "Kies ja of nee." in html
    evaluation.refresh_from_db()
    assert evaluation.answered_at is None


def test_answers_show_up_as_averages_in_the_report(client, matched):
    links = held_through_the_desk(client, matched)
    client.post(path_of(links["sanne@example.org"]), ANSWERS)
    client.post(
        path_of(links["bram@example.org"]),
        {**ANSWERS, "usefulness": "5", "would_recommend": "nee", "conversation_minutes": "55"},
    )
    today = timezone.localdate()
    rows = {row.label: row for row in statistics.evaluation_summaries(today, today)}
    assert rows["Samen"].usefulness == 4.5 and rows["Samen"].recommend_share == 50
    assert rows["Samen"].conversation_minutes == 52.5
    client.force_login(user_in_group(roles.WORKING_GROUP))
    html = client.get("/admin/rapporten/evaluaties/").content.decode()
    assert "4,5" in html and "52,5" in html
    experts = client.get("/admin/rapporten/per-expert/").context["table"]
    assert ["Bram Jansen", "Hoop houden", "Beschikbaar", "1", "1", "0", "2", "4,5", "50"] in experts


def test_invitation_without_its_standard_email_is_sent_by_the_desks_retry(client, matched):
    from library.models import EmailKind, EmailTemplate, LoanEvent

    template = EmailTemplate.objects.get(kind=EmailKind.EVALUATION_EXPERT)
    saved = (template.subject, template.body)
    template.delete()
    links = held_through_the_desk(client, matched)
    assert set(links) == {"sanne@example.org"}
    failed = LoanEvent.objects.get(request=matched, kind=LoanEvent.Kind.EMAIL_FAILED)
    assert not Evaluation.objects.filter(request=matched, role=Evaluation.Role.EXPERT).exists()

    EmailTemplate.objects.create(kind=EmailKind.EVALUATION_EXPERT, subject=saved[0], body=saved[1])
    client.force_login(user_in_group(roles.SECRETARIAT, "secretaris-2"))
    page = client.get(reverse("library_loanrequest:inspect", args=[matched.pk]))
    assert f"/admin/leenbalie/{matched.pk}/opnieuw/{failed.pk}/" in page.content.decode()
    response = client.post(f"/admin/leenbalie/{matched.pk}/opnieuw/{failed.pk}/")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["bram@example.org"] and "/evaluatie/" in mail.outbox[-1].body
    assert Evaluation.objects.filter(request=matched).count() == 2
    # A second retry of the same failure sends nothing twice.
    client.post(f"/admin/leenbalie/{matched.pk}/opnieuw/{failed.pk}/")
    assert len(mail.outbox) == 2
