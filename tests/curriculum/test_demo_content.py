import datetime

import pytest
from django.core.management import call_command

from curriculum import guides
from curriculum.models import Essence, WorkMethod, WorkshopIndexPage, WorkshopPage
from curriculum.models.pages import ContentStatus
from tests.curriculum.pdf_text import pdf_pages


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_all_eight_essences_and_workshops_and_workshop_5(demo, client):
    assert list(Essence.objects.values_list("number", "name")) == [
        (1, "Markering"),
        (2, "Gezamenlijke besluitvorming"),
        (3, "Proactieve zorgplanning"),
        (4, "Individueel zorgplan"),
        (5, "Coördinatie en continuïteit"),
        (6, "Deskundigheid"),
        (7, "Effectieve communicatie"),
        (8, "Persoonlijke balans"),
    ]
    series = WorkshopIndexPage.objects.get(alias_of__isnull=True)
    assert series.relative_url(series.get_site()) == "/workshops/"
    workshops = list(series.workshops())
    assert [w.essence.number for w in workshops] == list(range(1, 9))
    for workshop in workshops:
        assert workshop.live
        assert workshop.title == workshop.essence.chapter_title
        assert workshop.programme_total == workshop.duration_minutes == 120, workshop.title
        assert workshop.preparation_total == workshop.preparation_minutes, workshop.title
        assert len(workshop.learning_goals) >= 3
        assert client.get(workshop.url).status_code == 200

    # Workshop 5 follows the trainer guide it was written from (one test: the demo is slow).
    workshop = WorkshopPage.objects.filter(alias_of__isnull=True).get(essence__number=5)
    assert [b.value["minutes"] for b in workshop.preparation_items] == [15, 40, 20]
    assert [b.value["minutes"] for b in workshop.programme] == [10, 20, 35, 35, 20]
    assert workshop.slug == "onderlinge-afstemming-en-voortgang"
    methods = {m.name for b in workshop.programme for m in b.value["work_methods"] if m}
    assert {"Zes denkhoeden van De Bono", "Stoplichtmodel"} <= methods
    assert "<ol>" in workshop.programme[2].value["description"].source
    assert WorkMethod.objects.filter(name="Reflectiegesprek in duo's").exists()


SEED_AUTHORS = [
    "Yvette van der Linden",
    "Carolien Burghout",
    "Famke van Heeckeren",
    "Elise Posma",
    "Marjolein Verkammen",
]


def test_only_workshop_5_comes_from_the_guide_and_carries_its_authors(demo):
    series = WorkshopIndexPage.objects.get(alias_of__isnull=True)
    assert not series.authors and not series.versions  # the site's collection, not the guide's
    assert series.licence_name == "CC BY-NC-SA 4.0"
    for workshop in series.workshops():
        version = workshop.latest_version
        if workshop.essence.number == 5:
            assert workshop.content_status == ContentStatus.FROM_GUIDE
            assert [a.value["name"] for a in workshop.authors] == SEED_AUTHORS
            assert (version["version"], version["date"]) == ("1.0", datetime.date(2024, 10, 1))
            assert "docentenhandreiking voor workshop 5 (versie 1.0" in workshop.source_note
        else:
            assert workshop.content_status == ContentStatus.EXAMPLE, workshop.title
            assert not workshop.authors, workshop.title
            assert (version["version"], version["date"]) == ("0.1", datetime.date(2026, 11, 30))
            assert version["changes"] == "Voorbeeldinhoud voor de demo"
            assert "als voorbeeld voor deze website geschreven" in workshop.source_note

    example = WorkshopPage.objects.filter(alias_of__isnull=True).get(essence__number=1)
    pages = pdf_pages(guides.render_guide(example))
    assert "Voorbeeldinhoud, nog niet vastgesteld" in pages[0]
    text = "\n".join(pages)
    assert not [name for name in SEED_AUTHORS if name in text]
    workshop_5 = WorkshopPage.objects.filter(alias_of__isnull=True).get(essence__number=5)
    pages = pdf_pages(guides.render_guide(workshop_5))
    assert "Uit de docentenhandreiking" in pages[0] and "Versie 1.0, oktober 2024" in pages[0]
    assert all(name in pages[1] for name in SEED_AUTHORS)


def test_the_essences_work_methods_and_parts_carry_their_material(demo):
    for essence in Essence.objects.all():
        assert essence.book_chapter == f"Hoofdstuk {essence.number}, ‘{essence.chapter_title}’"
        assert essence.reading_question.endswith("?")
        assert essence.quotation == ""  # no invented quotations

    hats = WorkMethod.objects.get(name="Zes denkhoeden van De Bono")
    assert [card.value["colour"] for card in hats.cards] == [
        "wit",
        "rood",
        "zwart",
        "geel",
        "groen",
        "blauw",
    ]
    assert hats.material_list[0].startswith("gekleurde hoeden of kaarten (wit")
    traffic_light = WorkMethod.objects.get(name="Stoplichtmodel")
    assert [card.value["colour"] for card in traffic_light.cards] == ["groen", "oranje", "rood"]
    assert traffic_light.material_list == ["stoplichtkaarten groen, oranje, rood per deelnemer"]
    assert all(method.group_size for method in WorkMethod.objects.all())

    workshop = WorkshopPage.objects.filter(alias_of__isnull=True).get(essence__number=5)
    for_participants = [b.value["part"] for b in workshop.programme if b.value["for_participants"]]
    assert for_participants == ["Aan de slag", "Reflecteren op eigen handelen"]
    assert "de casus uit hoofdstuk 5 van het boek" in workshop.programme[2].value["materials"][0]


def test_bens_questions_keep_the_meaning_of_the_guide(demo):
    workshop = WorkshopPage.objects.filter(alias_of__isnull=True).get(essence__number=5)
    reflection = workshop.programme[3].value
    assert reflection["part"] == "Reflecteren op eigen handelen"
    text = reflection["description"].source
    questions = text.split("Ben reikt in het boek", 1)[1]
    # The guide's four questions, in this site's words but with their meaning: loose ends in
    # what illness and treatment demand; what weighs on you though nobody asks; what hinders
    # you most in what the medical side asks; what is hardest at home on your own.
    assert "losse eindjes in alles wat je vanwege je ziekte en behandeling moet doen" in questions
    assert "Welke dingen zitten je hoog, terwijl niemand je ernaar vraagt?" in questions
    assert "Wat zit je het meest in de weg bij alles wat wij vanuit de medische" in questions
    assert "op de momenten dat jullie op jezelf aangewezen zijn?" in questions
    assert "wakker" not in questions and "het zwaarst" not in questions
