"""The demo content (`manage.py load_demo`, each app's demo package): its data passes every
check, each check catches the broken item it is there for, broken data loads nothing, and
loading into an empty database builds the demo site once, however often it runs."""

import copy
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms.demo.checks import DemoContentError
from cms.models import StandardPage
from curriculum.demo import data as workshops
from curriculum.models import WorkshopPage
from library.demo import SECOND_NETWORK_EXPERTS, emails
from library.demo import data as library
from library.models import (
    EmailTemplate,
    ExpertIndexPage,
    ExpertPage,
    LoanFormPage,
    LoanRequest,
)
from library.models.emails import EmailKind
from tests.curriculum.pdf_text import pdf_text
from tests.factories import first_network

# The working group's own flyer asks these, word for word (a fact of the source).
FLYER_QUESTIONS = [
    "Wat te doen bij refractaire pijn?",
    "Hoe ga ik om met hoop?",
    "Hoe ga ik om met veeleisende familieleden?",
    "Hoe ga ik om met zingevingsvragen?",
]

# Every validator of the demo data (load_demo runs them through each app's demo.check()).
CHECKS = [workshops.check, library.check, emails.check]


def first(items: list[dict], **wanted) -> dict:
    return next(item for item in items if wanted.items() <= item.items())


# The data each check is handed, by its keyword: the check, and the data as shipped.
SHIPPED = {
    "workshops": (workshops.check, workshops.WORKSHOPS),
    "essences": (workshops.check, workshops.ESSENCES),
    "series": (workshops.check, workshops.SERIES),
    "work_methods": (workshops.check, workshops.WORK_METHODS),
    "experts": (library.check, library.EXPERTS),
    "instruction_pages": (library.check, library.INSTRUCTION_PAGES),
    "catalogue": (library.check, library.CATALOGUE),
    "emails": (emails.check, emails.EMAILS),
}


def shorten_a_session(items):
    session = items[2]["sessions"][0]
    session["minutes"] -= 5


# Deliberately broken copies: which data, the change (made in place), what the check says.
BROKEN = {
    # Workshops: the sums, the references, the rich text.
    "programme-not-120-minutes": (
        "workshops",
        shorten_a_session,
        "workshop 3: sessions add up to 115, not 120",
    ),
    "preparation-items-not-the-preparation-time": (
        "workshops",
        lambda items: items[0]["preparation_items"].pop(),
        "workshop 1: preparation items add up to",
    ),
    "unknown-work-method": (
        "workshops",
        lambda items: items[1]["sessions"][0]["work_methods"].append("Onbekende werkvorm"),
        "unknown work method 'Onbekende werkvorm'",
    ),
    "tag-not-allowed": (
        "workshops",
        lambda items: items[0].update(introduction="<p>Tekst</p><script>x</script>"),
        "workshop 1: tag <script> not allowed",
    ),
    "unbalanced-list": (
        "workshops",
        lambda items: items[0].update(introduction="<ul><li>Open lijst</li>"),
        "workshop 1: unbalanced <ul>",
    ),
    "essence-missing": ("essences", list.pop, "essences must be numbered 1..8 in order"),
    # Workshops: where their content comes from, and what participants hold.
    "example-workshop-with-authors": (
        "workshops",
        lambda items: items[0].update(authors=[("Yvette van der Linden", "LUMC")]),
        "workshop 1: example content has no authors",
    ),
    "workshop-5-not-from-the-guide": (
        "workshops",
        lambda items: items[4].update(content_status="example", authors=[]),
        "workshop 5: from the trainer guide, with its five authors and version 1.0",
    ),
    "unknown-content-status": (
        "workshops",
        lambda items: items[2].update(content_status="vastgesteld"),
        "workshop 3: unknown content status 'vastgesteld'",
    ),
    "version-date-not-iso": (
        "workshops",
        lambda items: items[1].update(versions=[("0.1", "30-11-2026", "")]),
        "workshop 2: version 0.1 has no valid date",
    ),
    "no-part-for-participants": (
        "workshops",
        lambda items: [s.update(for_participants=False) for s in items[6]["sessions"]],
        "workshop 7: no part for participants",
    ),
    "series-with-authors": (
        "series",
        lambda item: item.update(authors=[("Yvette van der Linden", "LUMC")]),
        "series: authors and versions belong to each workshop",
    ),
    # Essences and work methods: their material.
    "reading-question-missing": (
        "essences",
        lambda items: items[3].update(reading_question=""),
        "reading question of Individueel zorgplan",
    ),
    "quotation-without-source": (
        "essences",
        lambda items: items[0].update(quotation="Een zin die niemand zei."),
        "quotation of Markering without its source",
    ),
    "card-colour-unknown": (
        "work_methods",
        lambda items: first(items, name="Stoplichtmodel")["cards"][1].update(colour="paars"),
        "Stoplichtmodel / card 'Oranje': colour 'paars' unknown",
    ),
    "work-method-twice": (
        "work_methods",
        lambda items: items.append(dict(items[0])),
        "duplicate work method names",
    ),
    # The library: each expert, the experts together, the catalogue's pages.
    "expert-preparation-over-30-minutes": (
        "experts",
        lambda items: items[0].update(preparation_minutes=45),
        ": preparation_minutes 10..30",
    ),
    "required-criterion-not-ticked": (
        "experts",
        lambda items: first(items, kind="professional")["criteria"].remove("prof_expertise"),
        "required criteria missing ['prof_expertise']",
    ),
    "criterion-of-another-kind": (
        "experts",
        lambda items: first(items, kind="professional")["criteria"].append("vol_trained"),
        "criteria ['vol_trained'] not for professional",
    ),
    "real-looking-phone-number": (
        "experts",
        lambda items: items[0].update(phone="020-123 4567"),
        ": phone not 06-0000 xxxx",
    ),
    "second-absent-expert": (
        "experts",
        lambda items: first(items, availability="available").update(availability="absent"),
        "exactly one absent expert",
    ),
    "heading-with-markup": (
        "instruction_pages",
        lambda items: items[0]["body"].insert(0, ("heading", "<b>Kop</b>")),
        "zo-werkt-lenen: heading must be plain text",
    ),
    "link-in-catalogue-introduction": (
        "catalogue",
        lambda item: item.update(introduction='<p><a href="/">Link</a></p>'),
        "catalogue introduction: tag <a> not allowed",
    ),
    # The standard e-mails.
    "unknown-email-placeholder": (
        "emails",
        lambda items: items.update(receipt=(items["receipt"][0], "Beste {naam_patient},")),
        "receipt: unknown placeholders ['naam_patient']",
    ),
    "email-kind-without-text": (
        "emails",
        lambda items: items.pop("receipt"),
        "no demo e-mail for ['receipt']",
    ),
}


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__module__)
def test_the_shipped_demo_data_passes_its_checks(check):
    check()


@pytest.mark.parametrize(("keyword", "change", "message"), BROKEN.values(), ids=BROKEN)
def test_each_check_catches_a_broken_item(keyword, change, message):
    check, shipped = SHIPPED[keyword]
    data = copy.deepcopy(shipped)
    change(data)
    with pytest.raises(DemoContentError, match=re.escape(message)):
        check(**{keyword: data})
    check(**{keyword: copy.deepcopy(shipped)})  # the copy itself was fine


def snapshot() -> dict:
    """How many rows every model has, where every page is, and what each site serves."""
    return {
        "rows": {model._meta.label: model._base_manager.count() for model in apps.get_models()},
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id")),
    }


@pytest.mark.django_db
def test_broken_demo_data_stops_load_demo_before_anything_is_written(monkeypatch):
    before = snapshot()
    # The library loads last: its check still runs before the site's pages are written.
    monkeypatch.setitem(library.EXPERTS[0], "preparation_minutes", 45)
    with pytest.raises(CommandError, match=r"De demo-inhoud van library\.demo klopt niet: .*"):
        call_command("load_demo")
    assert snapshot() == before


@pytest.mark.django_db
def test_load_demo_twice_adds_nothing_the_second_time():
    call_command("load_demo")
    first_run = snapshot()
    assert first_run["rows"]["wagtailcore.Page"] > 2
    call_command("load_demo")
    assert snapshot() == first_run


@pytest.mark.django_db
def test_the_demo_has_the_workshops_the_catalogue_with_covers_and_the_loan_form(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo-inhoud geladen" in out.getvalue()

    # The second network shows the same series as aliases (curriculum.national).
    originals = WorkshopPage.objects.live().filter(alias_of__isnull=True)
    assert originals.count() == len(workshops.WORKSHOPS) == 8

    home = first_network().root_page
    catalogue = ExpertIndexPage.objects.child_of(home).get()
    covers = ExpertPage.objects.child_of(catalogue).published()
    withdrawn = first(library.EXPERTS, availability="withdrawn")["title"]
    expected = {expert["title"] for expert in library.EXPERTS} - {withdrawn}
    assert set(covers.values_list("title", flat=True)) == expected
    listing = client.get(catalogue.url)
    assert listing.status_code == 200
    # Beside its own books, the first network lends the second network's shared ones.
    lent = [e for e in SECOND_NETWORK_EXPERTS if e["lend_to_other_networks"]]
    on_offer = len(expected) + (len(lent) if hasattr(ExpertPage, "lend_to_other_networks") else 0)
    assert f"{on_offer} boeken" in listing.content.decode()
    slugs = catalogue.get_children().type(StandardPage).values_list("slug", flat=True)
    assert list(slugs) == [page["slug"] for page in library.INSTRUCTION_PAGES]

    form = LoanFormPage.objects.child_of(catalogue).get()
    assert form.live and form.url == catalogue.url + "lenen/"
    html = client.get(form.url).content.decode()
    assert "Welk boek wil je lenen?" in html
    assert first(covers.values(), availability="available")["title"] in html
    assert withdrawn not in html
    assert set(EmailTemplate.objects.values_list("kind", flat=True)) == set(EmailKind.values)
    assert LoanRequest.objects.exists()


@pytest.mark.django_db
def test_the_flyer_asks_the_working_groups_four_example_questions(client):
    call_command("load_demo")
    catalogue = ExpertIndexPage.objects.child_of(first_network().root_page).get()
    assert [block.value for block in catalogue.recruit_examples] == FLYER_QUESTIONS
    response = client.get(catalogue.url + "flyer.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    for question in FLYER_QUESTIONS:
        assert f"‘{question}’" in text
