"""Demo content for the expert library: the catalogue, its instruction pages and fictional
experts. Creates what is missing, leaves existing content alone (see cms.demo)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from cms.demo import first_network_home, other_local_hostname, paragraph, stream
from cms.web_conventions import LOCAL_HOSTNAMES
from curriculum.models import Essence
from library.catalogue.withdrawal import withdraw
from library.demo import data as demo_data
from library.demo import emails as demo_emails
from library.demo import loans as demo_loans
from library.demo.data import EXPERTS
from library.demo.network import (
    ensure_catalogue,
    ensure_catalogue_link,
    ensure_demo_lead,
    ensure_email_templates,
    ensure_loan_form,
)
from library.models import (
    Availability,
    CompetenceArea,
    ExpertIndexPage,
    ExpertPage,
)


def check() -> None:
    """The catalogue's pages, the experts and the standard e-mails (run before anything is
    written)."""
    demo_data.check()
    demo_emails.check()
    for expert in SECOND_NETWORK_EXPERTS:
        demo_data.check_expert(expert)


def ensure_expert(catalogue: ExpertIndexPage, data: dict) -> ExpertPage:
    slug = slugify(data["title"])[:80]
    existing = catalogue.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    absent_until = None
    if data["availability"] == Availability.ABSENT:
        absent_until = timezone.localdate() + datetime.timedelta(days=data["absent_days"])
    expert = ExpertPage(
        title=data["title"],
        slug=slug,
        summary=data["summary"],
        body=stream(paragraph(data["body"])),
        expert_name=data["expert_name"],
        kind=data["kind"],
        role=data["role"],
        organisation=data["organisation"],
        example_questions=stream(*(("question", q) for q in data["example_questions"])),
        languages=data["languages"],
        conversation_form=data["conversation_form"],
        preparation_assignment=data["preparation_assignment"],
        preparation_minutes=data["preparation_minutes"],
        # A withdrawn expert was admitted and published once; withdraw() below takes it offline.
        availability=(
            Availability.AVAILABLE
            if data["availability"] == Availability.WITHDRAWN
            else data["availability"]
        ),
        absent_until=absent_until,
        email=data["email"],
        phone=data["phone"],
        admission_criteria=data["criteria"],
        admitted_on=timezone.localdate() - datetime.timedelta(days=60),
    )
    catalogue.add_child(instance=expert)
    expert.topics.add(*data["topics"])
    expert.competence_areas.set(CompetenceArea.objects.filter(slug__in=data["competence_areas"]))
    expert.essences.set(Essence.objects.filter(number__in=data["essences"]))
    expert.save_revision().publish()
    if data["availability"] == Availability.WITHDRAWN:
        withdraw(expert, notify=False)
    return expert


# The demo's second network: invented, marked as an example, on this machine's other name.
SECOND_NETWORK_NAME = "Netwerk Palliatieve Zorg Rivierenland | Heuvelrug (voorbeeld)"
SECOND_NETWORK_EMAIL = "secretariaat@rivierenland.example"
SECOND_NETWORK_EXPERTS = [
    {
        "title": "Thuis sterven op het platteland",
        "summary": (
            "Voorbeeld: een wijkverpleegkundige over palliatieve zorg thuis in een dorp, waar "
            "de huisarts ver weg is en de buren dichtbij. Voor wie wil weten wat thuis kan."
        ),
        "body": (
            "<p><i>Dit is een voorbeeld voor de demo: de expert bestaat niet.</i></p>"
            "<p>Marieke de Wit werkt als wijkverpleegkundige in een gebied met veel kleine "
            "dorpen. Ze regelt de zorg thuis samen met de huisarts, mantelzorgers en "
            "vrijwilligers, ook als het 's nachts spannend wordt.</p>"
            "<p>In het gesprek kijk je samen naar wat er nodig is om iemand thuis te laten "
            "sterven: hulpmiddelen, afspraken met de huisartsenpost en wie wanneer belt.</p>"
        ),
        "expert_name": "Marieke de Wit (voorbeeld)",
        "kind": "professional",
        "role": "Wijkverpleegkundige palliatieve zorg",
        "organisation": "Thuiszorg De Uiterwaarden (voorbeeld)",
        "topics": ["thuis sterven", "samenwerking", "mantelzorg"],
        "example_questions": [
            "Wat moet er thuis geregeld zijn voordat de laatste dagen beginnen?",
            "Hoe maak ik goede afspraken met de huisartsenpost?",
        ],
        "competence_areas": ["medisch-handelen", "communiceren"],
        "essences": [5, 6],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Zoek op welke hulpmiddelen en welke zorg een patiënt in jouw regio thuis kan "
            "krijgen in de laatste levensfase, en schrijf op wat je daarover nog niet weet."
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "m.dewit.voorbeeld@example.org",
        "phone": "06-0000 2101",
        "criteria": ["prof_expertise", "prof_standards", "prof_communication"],
        "lend_to_other_networks": True,
    },
    {
        "title": "Naast het bed in het hospice",
        "summary": (
            "Voorbeeld: een vrijwilliger in een hospice over waken, stil zijn en wat "
            "vrijwilligers zien dat artsen soms missen."
        ),
        "body": (
            "<p><i>Dit is een voorbeeld voor de demo: de expert bestaat niet.</i></p>"
            "<p>Henk Jansen is al jaren vrijwilliger in een klein hospice. Hij waakt 's nachts, "
            "zet koffie voor familie en luistert naar wat gasten nog kwijt willen.</p>"
            "<p>Je leert van hem hoe je aanwezig bent zonder iets te hoeven doen, en wat een "
            "vrijwilliger aan het team kan vertellen.</p>"
        ),
        "expert_name": "Henk Jansen (voorbeeld)",
        "kind": "volunteer",
        "role": "Vrijwilliger in een hospice",
        "organisation": "Hospice De Linde (voorbeeld)",
        "topics": ["hospice", "waken", "zingeving"],
        "example_questions": [
            "Wat zie jij als vrijwilliger dat een arts misschien mist?",
            "Hoe ben je er voor iemand zonder iets te doen?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [2],
        "languages": "Nederlands",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Denk aan een patiënt bij wie je niets meer kon doen. Schrijf op wat je toen "
            "voelde en wat je had willen zeggen."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "h.jansen.voorbeeld@example.org",
        "phone": "06-0000 2102",
        "criteria": ["vol_trained", "vol_experience", "vol_coordinator", "vol_communication"],
        "lend_to_other_networks": False,
    },
    {
        "title": "Mantelzorger van mijn vader",
        "summary": (
            "Voorbeeld: een dochter over de laatste maanden van haar vader thuis, over wat "
            "hielp en wat ze van zorgverleners had willen horen."
        ),
        "body": (
            "<p><i>Dit is een voorbeeld voor de demo: de expert bestaat niet.</i></p>"
            "<p>Fatma Yilmaz zorgde maandenlang voor haar vader, naast haar werk en haar "
            "gezin. Ze vertelt open over wat haar hielp en waar ze alleen stond.</p>"
            "<p>Het gesprek gaat over wat naasten nodig hebben, en hoe je als arts vraagt hoe "
            "het met hén gaat.</p>"
        ),
        "expert_name": "Fatma Yilmaz (voorbeeld)",
        "kind": "relative",
        "role": "Naaste en mantelzorger",
        "organisation": "",
        "topics": ["mantelzorg", "veeleisende naasten", "cultuur en religie"],
        "example_questions": [
            "Wat had je van de huisarts willen horen?",
            "Hoe vraag ik een naaste hoe het met haar zelf gaat?",
        ],
        "competence_areas": ["communiceren"],
        "essences": [7],
        "languages": "Nederlands, Turks",
        "conversation_form": "video",
        "preparation_assignment": (
            "Schrijf op wanneer je voor het laatst aan een naaste vroeg hoe het met hem of "
            "haar ging, en wat je met het antwoord deed."
        ),
        "preparation_minutes": 10,
        "availability": "available",
        "absent_days": 0,
        "email": "f.yilmaz.voorbeeld@example.org",
        "phone": "06-0000 2103",
        "criteria": ["exp_teach", "exp_distance", "exp_communication"],
        "lend_to_other_networks": False,
    },
]


def ensure_second_network() -> Site | None:
    """The demo's second network beside the first on this machine (http://localhost:8000/
    next to http://127.0.0.1:8000/), with a few experts of its own. Only for a demo served on
    this machine: a first network with a real address gets no example neighbour."""
    from library.network_setup import create_network

    first = Site.objects.get(is_default_site=True)
    if first.hostname not in LOCAL_HOSTNAMES:
        return None
    address = (other_local_hostname(first.hostname), first.port)
    site = Site.objects.filter(site_name=SECOND_NETWORK_NAME).first()
    if site is None:
        site = create_network(
            SECOND_NETWORK_NAME,
            address[0],
            address[1],
            secretariat_email=SECOND_NETWORK_EMAIL,
            demo=True,
        )
    elif site.hostname in LOCAL_HOSTNAMES and (site.hostname, site.port) != address:
        # `make run PORT=…` moved the first network; the second follows it.
        site.hostname, site.port = address
        site.save()
    catalogue = ExpertIndexPage.objects.child_of(site.root_page).first()
    for data in SECOND_NETWORK_EXPERTS:
        ensure_lent(ensure_expert(catalogue, data), data)
    return site


def ensure_lent(expert: ExpertPage, data: dict) -> None:
    """Lend the cover to the other networks when its example says so (both demo networks lend
    one, so each catalogue shows a card from the other)."""
    # The field comes with sharing experts between networks (issue 20).
    lend = data.get("lend_to_other_networks") and hasattr(expert, "lend_to_other_networks")
    if lend and not expert.lend_to_other_networks:
        expert.lend_to_other_networks = True
        expert.save_revision().publish()


@transaction.atomic
def load() -> None:
    home = first_network_home()
    catalogue = ensure_catalogue(home)
    for data in EXPERTS:
        ensure_lent(ensure_expert(catalogue, data), data)
    ensure_loan_form(catalogue)
    ensure_email_templates(home.get_site())
    demo_loans.load()
    ensure_demo_lead()
    ensure_catalogue_link(home, catalogue)
    ensure_second_network()
