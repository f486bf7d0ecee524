"""One Dutch date format everywhere: "24 december 2026"."""

import datetime
import zoneinfo

from django.utils import translation

from cms.dates import dutch_date


def test_a_date_reads_as_in_a_dutch_letter():
    assert dutch_date(datetime.date(2026, 12, 24)) == "24 december 2026"
    with translation.override("en"):
        assert dutch_date(datetime.date(2026, 3, 1)) == "1 maart 2026"


def test_a_moment_gives_the_day_in_the_netherlands():
    late = datetime.datetime(2026, 12, 24, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert dutch_date(late) == "25 december 2026"  # 00:30 in Amsterdam


def test_an_amount_reads_as_in_dutch():
    from decimal import Decimal

    from cms.money import euro

    assert euro(1700) == "€ 1.700,00"
    assert euro(Decimal("530.83")) == "€ 530,83"
    assert euro(12.5) == "€ 12,50"
    assert euro(1234567.891) == "€ 1.234.567,89"


def test_pages_and_reports_show_amounts_through_one_filter():
    from django.template import Context, Template

    rendered = Template("{% load site_tags %}{{ amount|euro }}").render(Context({"amount": 1700}))
    assert rendered == "€ 1.700,00"
