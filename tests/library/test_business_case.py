from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from cms import roles
from library.models import BusinessCaseSettings
from library.reporting import business_case
from tests.factories import first_network, user_in_group

TOOLKIT = business_case.Counts(experts=10, covers=10, supervisors=5, residents=24, loans=0)


@pytest.mark.django_db
def test_toolkit_example_reproduces_its_figures():
    case = business_case.compute(TOOLKIT, BusinessCaseSettings.for_site(first_network()))
    assert case.startup_total == (Decimal(460), Decimal("530.83"))
    assert case.per_resident_total == (Decimal(15), Decimal("12.50"))
    assert case.yearly_total == (Decimal(60), Decimal("80.00"))


@pytest.mark.django_db
def test_changing_a_rate_changes_the_result():
    rates = BusinessCaseSettings.for_site(first_network())
    rates.staff_rate = Decimal("40.00")
    rates.save()
    case = business_case.compute(TOOLKIT, BusinessCaseSettings.for_site(first_network()))
    # website 60 min and 10 covers × 5 min at €40/h instead of €35/h
    assert case.startup_total[1] == Decimal("540.00")
    assert case.per_resident_total[1] == Decimal("13.33")


@pytest.mark.django_db
def test_command_prints_the_toolkit_figures():
    out = StringIO()
    call_command(
        "business_case",
        "--experts=10",
        "--covers=10",
        "--supervisors=5",
        "--residents=24",
        stdout=out,
    )
    text = out.getvalue()
    assert "460 min" in text and "€ 530,83" in text
    assert "15 min" in text and "€ 12,50" in text


@pytest.mark.django_db
def test_command_without_options_uses_the_last_twelve_months():
    out = StringIO()
    call_command("business_case", stdout=out)
    assert "Echte aantallen van" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "group, status", [(roles.WORKING_GROUP, 200), (roles.EDITORS, 403), (roles.SECRETARIAT, 403)]
)
def test_only_the_working_group_sees_the_report(client, group, status):
    client.force_login(user_in_group(group))
    response = client.get("/admin/rapporten/business-case/")
    assert response.status_code == status
    if status == 200:
        assert "Totaal opstarten" in response.content.decode()


def werkgroep_page(client, url="/admin/rapporten/business-case/") -> str:
    client.force_login(user_in_group(roles.WORKING_GROUP))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</table>", start)]


@pytest.mark.django_db
def test_report_shows_the_toolkit_example_in_three_separate_parts(client, monkeypatch):
    monkeypatch.setattr(business_case, "counts_for_period", lambda start, end: TOOLKIT)
    html = werkgroep_page(client)
    startup, yearly, per_resident = (
        section(html, anchor) for anchor in ("eenmalig", "per-jaar", "per-aios")
    )
    assert "Eenmalig: opstartkosten" in startup
    assert "<b>460</b>" in startup and "€ 530,83" in startup
    assert "Per jaar: onderhoud" in yearly and "<b>60</b>" in yearly and "€ 80,00" in yearly
    assert "Per AIOS" in per_resident and "<b>15</b>" in per_resident
    assert "€ 12,50" in per_resident
    # The one-off cost once, in its own part; 24 × € 12,50 / 24 per resident in the period.
    assert html.count("530,83") == 1
    assert "Totaal AIOS in de periode</th><td></td><td><b>€ 300,00</b>" in per_resident
    assert "zonder opstartkosten en onderhoud)</th><td></td><td><b>€ 12,50</b>" in per_resident


@pytest.mark.django_db
def test_report_counts_the_covers_recruited_in_the_period(client):
    import datetime

    from django.utils import timezone

    from library.models import ExpertPage
    from tests.factories import make_catalogue, make_expert, make_home, make_loan

    catalogue = make_catalogue(make_home())
    old = make_expert(catalogue, "Al lang online", expert_name="Oud")
    long_ago = timezone.now() - datetime.timedelta(days=800)
    ExpertPage.objects.filter(pk=old.pk).update(first_published_at=long_ago)
    first = make_expert(catalogue, "Nieuw boek", expert_name="Nieuw")
    make_expert(catalogue, "Nog een", expert_name="Ook nieuw")
    make_loan(first)  # one resident, one supervisor, no conversation yet
    html = werkgroep_page(client)
    assert "Experts werven (2 × 20 min)" in html
    assert "Boekenkaften plaatsen (2 × 5 min)" in html
    # 35 + 2 × 26,67 + 2 × 2,92 + 40: once, in the start-up part only.
    assert html.count("€ 134,17") == 1 and "€ 134,17" in section(html, "eenmalig")
    per_resident = section(html, "per-aios")
    assert "zonder opstartkosten en onderhoud)</th><td></td><td><b>€ 12,50</b>" in per_resident
