from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from cms import roles
from library.models import BusinessCaseSettings
from library.reporting import business_case
from tests.factories import user_in_group

TOOLKIT = business_case.Counts(experts=10, covers=10, supervisors=5, residents=24, loans=0)


@pytest.mark.django_db
def test_toolkit_example_reproduces_its_figures():
    case = business_case.compute(TOOLKIT, BusinessCaseSettings.load())
    assert case.startup_total == (Decimal(460), Decimal("530.83"))
    assert case.per_resident_total == (Decimal(15), Decimal("12.50"))
    assert case.yearly_total == (Decimal(60), Decimal("80.00"))


@pytest.mark.django_db
def test_changing_a_rate_changes_the_result():
    rates = BusinessCaseSettings.load()
    rates.staff_rate = Decimal("40.00")
    rates.save()
    case = business_case.compute(TOOLKIT, BusinessCaseSettings.load())
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
