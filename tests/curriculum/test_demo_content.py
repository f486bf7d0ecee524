import pytest
from django.core.management import call_command

from curriculum.models import Essence, WorkMethod, WorkshopIndexPage, WorkshopPage


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
    series = WorkshopIndexPage.objects.get()
    assert series.url == "/workshops/"
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
    workshop = WorkshopPage.objects.get(essence__number=5)
    assert [b.value["minutes"] for b in workshop.preparation_items] == [15, 40, 20]
    assert [b.value["minutes"] for b in workshop.programme] == [10, 20, 35, 35, 20]
    assert workshop.slug == "onderlinge-afstemming-en-voortgang"
    methods = {m.name for b in workshop.programme for m in b.value["work_methods"] if m}
    assert {"Zes denkhoeden van De Bono", "Stoplichtmodel"} <= methods
    assert "<ol>" in workshop.programme[2].value["description"].source
    assert WorkMethod.objects.filter(name="Reflectiegesprek in duo's").exists()
