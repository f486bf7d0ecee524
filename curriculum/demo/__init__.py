"""Demo content for the workshops: the eight essences, work methods, the series and its eight
workshops. Creates what is missing, leaves existing content alone (see cms.demo)."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from cms.demo import ensure_child_page, ensure_featured_link, stream
from cms.models import HomePage
from curriculum.demo import data as demo_data
from curriculum.demo.data import ESSENCES, SERIES, WORK_METHODS, WORKSHOPS
from curriculum.models import Essence, WorkMethod, WorkshopIndexPage, WorkshopPage


def check() -> None:
    """The essences, work methods, series and workshops (run before anything is written)."""
    demo_data.check()


def stream_of(block_type: str, values: list) -> str:
    return stream(*((block_type, value) for value in values))


def ensure_rows(model, key: str, rows: list[dict]) -> dict:
    """Snippet rows by their natural key, created when missing, never overwritten."""
    found = {}
    for data in rows:
        instance, _ = model.objects.get_or_create(**{key: data[key]}, defaults=data)
        found[data[key]] = instance
    return found


def authors_stream(authors: list[tuple[str, str]]) -> str:
    return stream_of("author", [{"name": name, "organisation": org} for name, org in authors])


def versions_stream(versions: list[tuple[str, str, str]]) -> str:
    return stream_of("version", [{"version": v, "date": d, "changes": c} for v, d, c in versions])


def work_method_rows() -> list[dict]:
    """The work methods as model fields: their printable cards as a StreamField."""
    return [{**method, "cards": stream_of("card", method["cards"])} for method in WORK_METHODS]


def ensure_series(home: HomePage) -> WorkshopIndexPage:
    # The series is this site's collection: authors and versions belong to each workshop.
    fields = dict(SERIES)
    fields["show_in_menus"] = True
    return ensure_child_page(home, WorkshopIndexPage, "workshops", **fields)


def workshop_fields(data: dict, essence: Essence, methods: dict[str, WorkMethod]) -> dict:
    sessions = [
        {
            "minutes": session["minutes"],
            "part": session["part"],
            "description": session["description"],
            "tips": session["tips"],
            "work_methods": [methods[name].pk for name in session["work_methods"]],
            "materials": session["materials"],
            "for_participants": session["for_participants"],
        }
        for session in data["sessions"]
    ]
    return {
        "title": data["title"],
        "essence": essence,
        "part_number": essence.number,
        "introduction": data["introduction"],
        "duration_minutes": data["duration_minutes"],
        "preparation_minutes": data["preparation_minutes"],
        "preparation_items": stream_of("item", data["preparation_items"]),
        "participant_preparation": stream_of("task", data["participant_preparation"]),
        "learning_goals": stream_of("goal", data["learning_goals"]),
        "programme": stream_of("session", sessions),
        "content_status": data["content_status"],
        "source_note": data["source_note"],
        "authors": authors_stream(data["authors"]),
        "versions": versions_stream(data["versions"]),
    }


@transaction.atomic
def load() -> None:
    home = HomePage.objects.first()
    essences = ensure_rows(Essence, "number", ESSENCES)
    methods = ensure_rows(WorkMethod, "name", work_method_rows())
    series = ensure_series(home)
    for data in WORKSHOPS:
        essence = essences[data["essence"]]
        if WorkshopPage.objects.filter(essence=essence).exists():
            continue
        ensure_child_page(
            series, WorkshopPage, slugify(data["title"]), **workshop_fields(data, essence, methods)
        )
    ensure_featured_link(
        home,
        title="Workshops voor trainers",
        text="Acht workshops over de essenties van het Kwaliteitskader, met docentenhandreiking.",
        page=series,
    )
