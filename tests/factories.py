"""Small builders for tests: each test makes just the pages it needs."""

from __future__ import annotations

import json

from wagtail.models import Page, Site

from cms import networks
from cms.models import HomePage, StandardPage


def first_network() -> Site:
    """The first network: the default site, which every older test's pages live on."""
    return Site.objects.get(is_default_site=True)


def make_home(title: str = "Testhome", **fields) -> HomePage:
    """A home page as the root of the default site (the welcome page of a fresh install)."""
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug="testhome", hero_text=fields.pop("hero_text", "Welkom."))
    for name, value in fields.items():
        setattr(home, name, value)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    # The first network's roles hold their page rights on its home, as after `make run`.
    networks.sync_page_permissions(site)
    return home


def make_network(
    name: str = "Netwerk Voorbeeld-Oost", hostname: str = "oost.example.test", **fields
) -> tuple[Site, HomePage]:
    """A second network: its own Site and home beside the first, with its own three roles
    ("Secretariaat · <name>", ...), each tied to this site."""
    root = Page.get_first_root_node()
    home = HomePage(title=name, slug=hostname.split(".")[0], hero_text="Welkom.", **fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=name)
    networks.create_network_roles(site, name)
    return site, home


def user_in_network(site: Site, role: str, username: str):
    """A user holding `role` (cms.roles) in this network only."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(network_link__site=site, network_link__role=role))
    return user


def make_standard_page(parent: Page, title: str, **fields) -> StandardPage:
    body = fields.pop("body", [])
    page = StandardPage(title=title, body=json.dumps(body), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_essence(number: int = 5, name: str = "Coördinatie en continuïteit", **fields):
    from curriculum.models import Essence

    fields.setdefault("chapter_title", "Onderlinge afstemming en voortgang")
    fields.setdefault("kwaliteitskader_section", f"2.{number} {name}")
    return Essence.objects.create(number=number, name=name, **fields)


def make_work_method(name: str = "Stoplichtmodel", **fields):
    from curriculum.models import WorkMethod

    fields.setdefault("description", "Afsluiten met groen, oranje of rood.")
    cards = fields.pop("cards", [])
    fields["cards"] = json.dumps(
        [
            {"type": "card", "value": {"title": title, "text": text, "colour": colour}}
            for title, text, colour in cards
        ]
    )
    return WorkMethod.objects.create(name=name, **fields)


def make_series(home: Page, **fields):
    from curriculum.models import WorkshopIndexPage

    series = WorkshopIndexPage(
        title=fields.pop("title", "Workshops"),
        slug="workshops",
        introduction=fields.pop("introduction", "<p>Acht workshops voor zorgverleners.</p>"),
        authors=json.dumps(
            [{"type": "author", "value": {"name": "A. Auteur", "organisation": "PZNL"}}]
        ),
        versions=json.dumps(
            [{"type": "version", "value": {"version": "1.0", "date": "2024-10-01", "changes": ""}}]
        ),
        **fields,
    )
    home.add_child(instance=series)
    series.save_revision().publish()
    series.refresh_from_db()
    return series


def session(minutes: int, part: str, description: str = "<p>Uitleg</p>", **extra) -> dict:
    return {
        "type": "session",
        "value": {
            "minutes": minutes,
            "part": part,
            "description": description,
            "tips": extra.get("tips", ""),
            "work_methods": extra.get("work_methods", []),
            "materials": extra.get("materials", []),
            "for_participants": extra.get("for_participants", False),
        },
    }


def make_workshop(series: Page, essence, **fields):
    from curriculum.models import WorkshopPage

    programme = fields.pop(
        "programme",
        [
            session(10, "Inleiding"),
            session(20, "Essentie"),
            session(35, "Aan de slag"),
            session(35, "Reflecteren"),
            session(20, "Terugkoppeling"),
        ],
    )
    preparation = fields.pop("preparation", [15, 40, 20])
    workshop = WorkshopPage(
        title=fields.pop("title", essence.chapter_title),
        slug=fields.pop("slug", f"workshop-{essence.number}"),
        essence=essence,
        part_number=essence.number,
        introduction=fields.pop("introduction", "<p>Samen zorg afstemmen.</p>"),
        preparation_minutes=sum(preparation),
        preparation_items=json.dumps(
            [
                {"type": "item", "value": {"activity": f"Stap {i}", "minutes": m, "link": ""}}
                for i, m in enumerate(preparation, start=1)
            ]
        ),
        learning_goals=json.dumps(
            [{"type": "goal", "value": goal} for goal in fields.pop("goals", ["Leerdoel een"])]
        ),
        programme=json.dumps(programme),
        **fields,
    )
    series.add_child(instance=workshop)
    workshop.save_revision().publish()
    workshop.refresh_from_db()  # publishing sets the live revision on the database row
    return workshop


def make_catalogue(home: Page, **fields):
    from library.models import ExpertIndexPage

    catalogue = ExpertIndexPage(
        title=fields.pop("title", "Expertbibliotheek"), slug="expertbibliotheek", **fields
    )
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    catalogue.refresh_from_db()
    return catalogue


def make_expert(catalogue: Page, title: str, *, topics=(), areas=(), essences=(), **fields):
    from library.models import CompetenceArea, ExpertPage

    questions = fields.pop("questions", ["Hoe begin ik het gesprek?"])
    fields.setdefault("slug", None)
    expert = ExpertPage(
        title=title,
        summary=fields.pop("summary", f"Over {title.lower()}"),
        expert_name=fields.pop("expert_name", "Anna de Vries"),
        kind=fields.pop("kind", "professional"),
        role=fields.pop("role", "Kaderhuisarts"),
        example_questions=json.dumps([{"type": "question", "value": q} for q in questions]),
        email=fields.pop("email", "anna.devries@example.org"),
        phone=fields.pop("phone", "06-0000 1111"),
        **{k: v for k, v in fields.items() if v is not None},
    )
    catalogue.add_child(instance=expert)
    expert.topics.add(*topics)
    expert.competence_areas.set(CompetenceArea.objects.filter(slug__in=areas))
    expert.essences.set(essences)
    expert.save_revision().publish()
    expert.refresh_from_db()
    return expert


def make_loan_form(catalogue: Page):
    from library.models import LoanFormPage

    form = LoanFormPage(title="Leen een expert", slug="lenen")
    catalogue.add_child(instance=form)
    form.save_revision().publish()
    return form


def make_email_templates(site=None):
    """The national standard e-mails; with a site, also that network's own copy."""
    from library.demo.network import ensure_email_templates

    ensure_email_templates(site)


def make_lending_catalogue(home: Page):
    """A catalogue ready for loans: with its loan form and the standard e-mails."""
    catalogue = make_catalogue(home)
    make_loan_form(catalogue)
    make_email_templates()
    return catalogue


# The two books the loan tests lend: make_expert(catalogue, **BRAM).
BRAM = {"title": "Hoop houden", "expert_name": "Bram Jansen", "email": "bram@example.org"}
CARLA = {"title": "Pijn bij kanker", "expert_name": "Carla Smit", "email": "carla@example.org"}


def user_in_group(group_name: str, username: str | None = None):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username or group_name.lower(), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


RESIDENT = {
    "name": "Sanne de Boer",
    "email": "sanne@example.org",
    "phone": "06-0000 2222",
    "programme": "huisartsgeneeskunde",
    "supervisor": "Dr. P. Visser",
    "learning_goals": "Hoop bespreken.",
    "motivation": "Ik vermijd dit gesprek.",
}


def make_loan(expert=None, **fields):
    """A loan request as the form registers it."""
    from library.process import loans

    return loans.register(expert=expert, **{**RESIDENT, **fields})


def local_time(year: int, month: int, day: int, hour: int = 12):
    import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def make_loan_with_history(expert=None, created=None, steps=(), **fields):
    """A request received at `created` that went through `steps`: (status, when) pairs."""
    from library.demo.loans import backdated_request

    return backdated_request(expert, created, list(steps), **{**RESIDENT, **fields})


def history(path: str, *dates) -> list[tuple[str, object]]:
    """Steps for make_loan_with_history: the first statuses of one of the desk's paths
    ("held", "unavailable" or "no_expert", as in library.demo.loans.PATHS), one per date."""
    from library.demo.loans import PATHS

    statuses = PATHS[path]
    assert len(dates) <= len(statuses), f"the {path!r} path has {len(statuses)} steps"
    return list(zip(statuses[: len(dates)], dates, strict=True))


def make_candidate(**fields):
    """A candidate expert as the working group proposes one (status "voorgesteld")."""
    from library.models import Candidate

    fields.setdefault("name", "Dirk Bakker")
    fields.setdefault("email", "dirk@example.org")
    fields.setdefault("kind", "professional")
    fields.setdefault("topics", "pijnbestrijding thuis")
    fields.setdefault("found_via", "own_network")
    return Candidate.objects.create(**fields)
