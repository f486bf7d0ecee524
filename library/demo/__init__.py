"""Demo content for the expert library: the catalogue, its instruction pages and fictional
experts. Creates what is missing, leaves existing content alone (see cms.demo)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from cms.demo import ensure_child_page, ensure_featured_link, heading, paragraph, stream
from cms.models import HomePage, StandardPage
from curriculum.models import Essence
from library.catalogue.withdrawal import withdraw
from library.demo import data as demo_data
from library.demo import emails as demo_emails
from library.demo import loans as demo_loans
from library.demo.data import CATALOGUE, EXPERTS, INSTRUCTION_PAGES
from library.demo.emails import EMAILS, LOAN_FORM
from library.models import (
    Availability,
    CompetenceArea,
    EmailTemplate,
    ExpertIndexPage,
    ExpertPage,
    LoanFormPage,
    LoanProcessSettings,
)

RECRUITMENT = {
    "recruit_question": "Loop je ergens tegenaan in de palliatieve zorg?",
    # The four example questions of the working group's own flyer, as they stand there.
    "recruit_examples": stream(
        ("question", "Wat te doen bij refractaire pijn?"),
        ("question", "Hoe ga ik om met hoop?"),
        ("question", "Hoe ga ik om met veeleisende familieleden?"),
        ("question", "Hoe ga ik om met zingevingsvragen?"),
    ),
    "recruit_call_to_action": "Leen een expert voor één gesprek over jouw eigen leervraag.",
    "selling_points": stream(
        (
            "point",
            {
                "title": "Interprofessioneel",
                "text": "Artsen, verpleegkundigen, vrijwilligers en ervaringsdeskundigen.",
            },
        ),
        (
            "point",
            {"title": "Op maat", "text": "Het gesprek gaat over jouw vraag, op jouw niveau."},
        ),
        (
            "point",
            {
                "title": "Flexibel",
                "text": "Op locatie of via beeldbellen, wanneer het jullie past.",
            },
        ),
    ),
    "how_it_works": (
        "Kies een boek in de catalogus en vul het uitleenformulier in. Het secretariaat "
        "bevestigt binnen 5 werkdagen en brengt je met de expert in contact. Je bereidt je kort "
        "voor, voert het gesprek en schrijft een reflectieverslag voor je portfolio."
    ),
    "time_investment": "Voorbereiding hooguit 30 minuten; in totaal 1,5 tot 2 uur.",
}


def check() -> None:
    """The catalogue's pages, the experts and the standard e-mails (run before anything is
    written)."""
    demo_data.check()
    demo_emails.check()


def body_stream(blocks: list[tuple[str, str]]) -> str:
    return stream(
        *(heading(value) if kind == "heading" else paragraph(value) for kind, value in blocks)
    )


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


# An example address, marked as such: notices to the lead show in the console mail of `make run`.
DEMO_LEAD = {"lead_name": "Trekker (voorbeeld)", "lead_email": "trekker@expertbibliotheek.example"}


def ensure_demo_lead() -> None:
    settings = LoanProcessSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.lead_email:
        for field, value in DEMO_LEAD.items():
            setattr(settings, field, value)
        settings.save()


@transaction.atomic
def load() -> None:
    home = HomePage.objects.first()
    catalogue = ensure_child_page(
        home,
        ExpertIndexPage,
        "expertbibliotheek",
        title=CATALOGUE["title"],
        introduction=CATALOGUE["introduction"],
        no_expert_text=CATALOGUE["no_expert_text"],
        show_in_menus=True,
        **RECRUITMENT,
    )
    for page in INSTRUCTION_PAGES:
        ensure_child_page(
            catalogue,
            StandardPage,
            page["slug"],
            title=page["title"],
            introduction=page["introduction"],
            body=body_stream(page["body"]),
        )
    for data in EXPERTS:
        ensure_expert(catalogue, data)
    ensure_child_page(catalogue, LoanFormPage, "lenen", **LOAN_FORM)
    for kind, (subject, body) in EMAILS.items():
        EmailTemplate.objects.get_or_create(kind=kind, defaults={"subject": subject, "body": body})
    demo_loans.load()
    ensure_demo_lead()
    ensure_featured_link(
        home,
        title="Naar de expertbibliotheek",
        text="Kies een boek: een expert voor één gesprek over jouw leervraag.",
        page=catalogue,
    )
