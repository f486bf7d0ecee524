"""How a network's library pages start: the catalogue with its instruction pages, the loan
form, the link on the home page, the standard e-mails and an example lead. Used by the demo
and by library.network_setup (`create_network`), so every new network starts alike."""

from __future__ import annotations

from wagtail.models import Site

from cms.demo import ensure_child_page, ensure_featured_link, heading, paragraph, stream
from cms.models import HomePage, StandardPage
from library.demo.data import CATALOGUE, INSTRUCTION_PAGES
from library.demo.emails import EMAILS, LOAN_FORM
from library.models import EmailTemplate, ExpertIndexPage, LoanFormPage, LoanProcessSettings

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


def body_stream(blocks: list[tuple[str, str]]) -> str:
    return stream(
        *(heading(value) if kind == "heading" else paragraph(value) for kind, value in blocks)
    )


# An example address, marked as such: notices to the lead show in the console mail of `make run`.
DEMO_LEAD = {"lead_name": "Trekker (voorbeeld)", "lead_email": "trekker@expertbibliotheek.example"}


def ensure_demo_lead(site: Site | None = None, lead: dict[str, str] = DEMO_LEAD) -> None:
    settings = LoanProcessSettings.for_site(site or Site.objects.get(is_default_site=True))
    if not settings.lead_email:
        for field, value in lead.items():
            setattr(settings, field, value)
        settings.save()


def ensure_catalogue(home: HomePage) -> ExpertIndexPage:
    """A network's catalogue with its instruction pages (for AIOS and for experts)."""
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
    return catalogue


def ensure_loan_form(catalogue: ExpertIndexPage) -> LoanFormPage:
    # The form's fields are the code's (CoreLoanFields); the page holds only its texts.
    return ensure_child_page(catalogue, LoanFormPage, "lenen", **LOAN_FORM)


def ensure_email_templates(site: Site | None = None) -> None:
    """The standard e-mails of a network (its secretariat edits them), copied from the
    national set (no network: the starting point, kept by superusers), which is made first
    from the texts written for this site."""
    for kind, (subject, body) in EMAILS.items():
        EmailTemplate.objects.get_or_create(
            kind=kind, site=None, defaults={"subject": subject, "body": body}
        )
    if site is None:
        return
    for national in EmailTemplate.objects.national():
        EmailTemplate.objects.get_or_create(
            kind=national.kind,
            site=site,
            defaults={"subject": national.subject, "body": national.body},
        )


def ensure_catalogue_link(home: HomePage, catalogue: ExpertIndexPage) -> None:
    ensure_featured_link(
        home,
        title="Naar de expertbibliotheek",
        text="Kies een boek: een expert voor één gesprek over jouw leervraag.",
        page=catalogue,
    )
