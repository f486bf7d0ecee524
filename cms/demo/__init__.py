"""Demo content for the site's own pages. Run through `manage.py load_demo`.

Every function creates what is missing and leaves existing content alone, so running the
command again changes nothing and never overwrites an editor's work.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from cms import networks
from cms.models import HomePage, SiteSettings, StandardPage
from cms.web_conventions import LOCAL_HOSTNAMES

DEMO_SECRETARIAT_EMAIL = "secretariaat@expertbibliotheek.example"


def stream(*blocks: tuple[str, object]) -> str:
    """StreamField raw data from (block type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


def ensure_child_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The child of `parent` with this slug; created and published when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_featured_link(home: HomePage, *, title: str, text: str, page: Page) -> None:
    """Add a featured link to `page` on the home page, unless one is there already."""
    if any(
        block.value.get("page") and block.value["page"].pk == page.pk
        for block in home.featured_links
    ):
        return
    home.featured_links.append(
        ("featured_link", {"title": title, "text": text, "page": page, "link_url": ""})
    )
    home.save_revision().publish()


# One sentence that says what the site's two parts are; the hero's buttons lead to them.
HERO_TEXT = (
    "Als AIOS leen je hier een expert voor één persoonlijk gesprek over palliatieve zorg, "
    "en als trainer vind je er acht kant-en-klare workshops over het Kwaliteitskader."
)
# Earlier demo openings, replaced on the next load_demo unless an editor has changed them.
PREVIOUS_HERO_TEXTS = {
    "Leer palliatieve zorg van de mensen die haar dagelijks geven of meemaken. Als AIOS leen "
    "je een expert voor één persoonlijk gesprek over jouw eigen leervraag.",
}


HOME_TITLE = "Expertbibliotheek Palliatieve Zorg"
HOME_INTRODUCTION = (
    "<p>In de expertbibliotheek staan geen boeken maar mensen: een kaderhuisarts, "
    "een verpleegkundig specialist, een geestelijk verzorger, een ethicus, een "
    "vrijwilliger, een nabestaande. Elk van hen beschrijft op een "
    "<b>boekenkaft</b> waarover je met hem of haar in gesprek kunt.</p>"
    "<p>Je kiest een boek, vult het uitleenformulier in en het secretariaat brengt "
    "je binnen een paar weken met de expert in contact. Een lening kost je in "
    "totaal anderhalf tot twee uur.</p>"
)
# The first network's name in the demo: invented, and marked as an example.
DEMO_NETWORK_NAME = "Netwerk Palliatieve Zorg Eemland | Vallei (voorbeeld)"
# Names the first network had before it was named as a network; the demo renames those only.
PREVIOUS_NETWORK_NAMES = {"", HOME_TITLE}


def tree_root() -> Page:
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_home(root: Page, slug: str) -> HomePage:
    """A network's home page under Wagtail's tree root, with the demo's opening texts."""
    return ensure_child_page(
        root,
        HomePage,
        slug,
        title=HOME_TITLE,
        hero_text=HERO_TEXT,
        introduction=HOME_INTRODUCTION,
    )


def first_network_home() -> HomePage | None:
    """The first network's home: the default site's root when that is a home page (with a
    second network, HomePage.objects.first() could be either)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.root_page.specific_class is HomePage:
        return site.root_page.specific
    return HomePage.objects.order_by("path").first()


def ensure_home_page() -> HomePage:
    """The site's home page, replacing Wagtail's placeholder welcome page on a new install."""
    home = first_network_home()
    root = tree_root()
    if home is None:
        placeholder = root.get_children().filter(slug="home").first()
        if placeholder and placeholder.specific_class is not Page:
            raise RuntimeError("Er staat al een andere pagina met slug 'home' onder de root.")
        if placeholder:
            placeholder.slug = "home-placeholder"
            placeholder.save(update_fields=["slug"])
        home = ensure_home(root, "home")
    if home.hero_text in PREVIOUS_HERO_TEXTS and not home.has_unpublished_changes:
        home.hero_text = HERO_TEXT
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Expertbibliotheek Palliatieve Zorg",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Expertbibliotheek Palliatieve Zorg"
        site.save()
    site = Site.objects.get(is_default_site=True)
    networks.sync_page_permissions(site)
    if site.hostname in LOCAL_HOSTNAMES:
        # Wagtail's first site, or a demo on this machine: give it the address the site is
        # served on (`make run HOST=… PORT=…` sets WAGTAILADMIN_BASE_URL), so full URLs (QR
        # codes on print material, links in e-mails) point there. A real hostname is the
        # editors' to keep.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        address = (
            base.hostname or "localhost",
            base.port or (443 if base.scheme == "https" else 80),
        )
        if (site.hostname, site.port) != address:
            make_room_for_the_first_network(site, address)
            site.hostname, site.port = address
            site.save()
    if site.hostname in LOCAL_HOSTNAMES and site.site_name in PREVIOUS_NETWORK_NAMES:
        site.site_name = DEMO_NETWORK_NAME
        site.save(update_fields=["site_name"])
    # Wagtail's welcome page is no longer the root of any site: remove it.
    root.get_children().filter(slug="home-placeholder", numchild=0).exclude(pk=home.pk).delete()
    return home


def other_local_hostname(hostname: str) -> str:
    """The demo's second network answers on the other name of this machine."""
    return "127.0.0.1" if hostname == "localhost" else "localhost"


def make_room_for_the_first_network(first: Site, address: tuple[str, int]) -> None:
    """`make run HOST=localhost` puts the first network where the demo's second one was: the
    second moves to this machine's other name, so both still answer."""
    hostname, port = address
    other = Site.objects.filter(hostname=hostname, port=port).exclude(pk=first.pk).first()
    if other is not None and other.hostname in LOCAL_HOSTNAMES:
        other.hostname = other_local_hostname(hostname)
        other.save(update_fields=["hostname"])


ABOUT_BODY = stream(
    heading("Waarom een bibliotheek van mensen?"),
    paragraph(
        "<p>Veel wat je over palliatieve zorg moet weten, staat niet in een leerboek. Hoe "
        "bespreek je dat behandelen niet meer zinvol is? Wat betekent de laatste fase voor "
        "een naaste? Wie dat wil leren, heeft het meest aan iemand die het uit ervaring weet. "
        "De expertbibliotheek brengt AIOS en zulke ervaren mensen bij elkaar, één op één en "
        "afgestemd op wat de AIOS al weet.</p>"
        "<p>Het idee komt van de Mensenbieb, waar je een mens leent in plaats van een boek. "
        "In 2022 liep een eerste proef in Amsterdam UMC met AIOS anesthesiologie, "
        "huisartsgeneeskunde en ouderengeneeskunde. De AIOS die een gesprek voerden, waren "
        "er allemaal enthousiast over; ook de experts wilden graag doorgaan.</p>"
    ),
    heading("Wie zijn de experts?"),
    paragraph(
        "<p>De werkgroep laat drie soorten experts toe, elk met eigen criteria:</p>"
        "<ul><li><b>Professionals</b>, zoals kaderhuisartsen, verpleegkundig specialisten en "
        "coördinatoren van een hospice, die werken volgens het Kwaliteitskader palliatieve zorg "
        "en de richtlijnen.</li>"
        "<li><b>Vrijwilligers</b> in de terminale palliatieve zorg, opgeleid en met ervaring.</li>"
        "<li><b>Ervaringsdeskundigen</b>: patiënten, naasten en nabestaanden die met enige afstand "
        "over hun ervaringen kunnen vertellen.</li></ul>"
    ),
    heading("Hoe gaat een lening in zijn werk?"),
    paragraph(
        "<ol><li>Je kiest een boek en vult het uitleenformulier in met je leerdoel en je "
        "motivatie. Geen passend boek gevonden? Beschrijf dan alleen je leerdoel: de werkgroep "
        "zoekt een expert voor je.</li>"
        "<li>Het secretariaat bevestigt je aanvraag binnen 5 werkdagen.</li>"
        "<li>De expert laat binnen een week weten of een gesprek in de komende drie weken "
        "lukt.</li>"
        "<li>Lukt het, dan krijgen jij en de expert samen één e-mail en maken jullie zelf een "
        "afspraak, op locatie of via beeldbellen. Krijg je binnen 8 dagen geen contact, laat "
        "het secretariaat het dan weten.</li>"
        "<li>Je doet een voorbereidende opdracht van hooguit 30 minuten, voert het gesprek en "
        "schrijft daarna een kort reflectieverslag voor je portfolio.</li></ol>"
    ),
    (
        "table",
        {
            "data": [
                ["Wie", "Tijd per lening"],
                ["AIOS (voorbereiding, gesprek, reflectie)", "1,5 tot 2 uur"],
                ["Expert (gesprek en afspraken)", "45 tot 60 minuten"],
                ["Secretariaat (bevestigen en koppelen)", "ongeveer 10 minuten"],
            ],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Tijdsinvestering per lening",
        },
    ),
    heading("Wat levert het op?"),
    paragraph(
        "<p>Het gesprek sluit aan bij de competentiegebieden medisch handelen, communiceren en "
        "professionaliteit, en bij de EPA's van je opleiding. Je leert onderscheid maken "
        "tussen ziektegerichte en symptoomgerichte behandeling, zingevingsvragen bespreken en "
        "nadenken over je eigen opvattingen over leven en dood.</p>"
    ),
)


def secretariat_link(email: str) -> str:
    if not email:
        return "het secretariaat"
    return f'<a href="mailto:{email}">het secretariaat</a>'


def privacy_body(email: str) -> str:
    return stream(
        heading("Welke gegevens we vragen"),
        paragraph(
            "<p>Als je een expert leent, vragen we je naam, e-mailadres, telefoonnummer, je "
            "opleiding, de naam van je opleider, je leerdoel en je motivatie. Dat is wat we nodig "
            "hebben om je aanvraag te behandelen en je met een expert in contact te brengen.</p>"
        ),
        heading("Waarvoor we ze gebruiken"),
        paragraph(
            "<ul><li>Het secretariaat gebruikt je contactgegevens om je aanvraag te bevestigen en "
            "je aan de expert voor te stellen.</li>"
            "<li>De expert krijgt je naam, e-mailadres en leerdoel, zodat jullie een afspraak "
            "kunnen maken.</li>"
            "<li>De werkgroep bekijkt leerdoelen zonder passende expert om nieuwe experts te "
            "werven, en meldt opleiders twee keer per jaar alleen hoeveel van hun AIOS de "
            "bibliotheek gebruikten.</li></ul>"
            "<p>We gebruiken je gegevens niet voor andere doelen en geven ze niet aan anderen.</p>"
        ),
        heading("Hoe lang we ze bewaren"),
        paragraph(
            "<p>We bewaren een aanvraag zolang dat nodig is om de lening af te ronden en erover te "
            "rapporteren. Daarna halen we je naam en contactgegevens weg; wat overblijft zijn "
            "cijfers zonder namen.</p>"
        ),
        heading("Je rechten"),
        paragraph(
            "<p>Je mag je gegevens inzien, laten verbeteren of laten verwijderen. Stuur "
            f"daarvoor een e-mail naar {secretariat_link(email)}.</p>"
        ),
    )


PRIVACY_BODY = privacy_body(DEMO_SECRETARIAT_EMAIL)


def accessibility_body(email: str) -> str:
    return stream(
        heading("Onze norm"),
        paragraph(
            "<p>Deze website volgt de Europese norm EN 301 549 en de richtlijnen WCAG 2.1 op "
            "niveau A en AA, zoals de overheid dat van publieke websites vraagt.</p>"
        ),
        heading("Hoe we dat controleren"),
        paragraph(
            "<p>Bij elke wijziging van de software controleren we automatisch alle soorten "
            "pagina's met axe-core, testen we of het uitleenformulier met alleen het toetsenbord "
            "kan worden ingevuld en verstuurd, en kijken we naar de pagina's op een telefoon en "
            "een groot scherm. De pdf's die de site maakt zijn getagd, met taal en titel.</p>"
        ),
        heading("Bekende beperkingen"),
        paragraph(
            "<p>Pdf-bestanden die redacteuren zelf uploaden, controleren we niet automatisch. "
            "Lukt iets niet? Dan horen we het graag.</p>"
        ),
        heading("Contact"),
        paragraph(
            f"<p>Loop je tegen een drempel aan, mail dan {secretariat_link(email)}. We antwoorden "
            "binnen vijf werkdagen en lossen het probleem zo snel mogelijk op.</p>"
        ),
    )


ACCESSIBILITY_BODY = accessibility_body(DEMO_SECRETARIAT_EMAIL)


def ensure_site_pages(home: HomePage, secretariat_email: str) -> dict[str, StandardPage]:
    """About, privacy and accessibility under a network's home, and the home's link to
    about."""
    about = ensure_child_page(
        home,
        StandardPage,
        "over-de-expertbibliotheek",
        title="Over de expertbibliotheek",
        show_in_menus=True,
        introduction=(
            "Een AIOS leent een expert voor één gesprek over een eigen leervraag in de "
            "palliatieve zorg. Zo werkt het, en dit zijn de mensen die je kunt lenen."
        ),
        body=ABOUT_BODY,
    )
    privacy = ensure_child_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy",
        introduction="Wat we doen met de gegevens die je ons geeft als je een expert leent.",
        body=privacy_body(secretariat_email),
    )
    accessibility = ensure_child_page(
        home,
        StandardPage,
        "toegankelijkheid",
        title="Toegankelijkheidsverklaring",
        introduction=(
            "We willen dat iedereen deze website kan gebruiken, ook met een schermlezer, "
            "alleen een toetsenbord of een vergroot scherm."
        ),
        body=accessibility_body(secretariat_email),
    )
    ensure_featured_link(
        home,
        title="Over de expertbibliotheek",
        text="Wie je kunt lenen, hoe een lening verloopt en wat het je kost.",
        page=about,
    )
    return {"about": about, "privacy": privacy, "accessibility": accessibility}


def ensure_site_settings(
    site: Site,
    pages: dict[str, StandardPage],
    *,
    secretariat_email: str,
    organisation_name: str = "",
) -> SiteSettings:
    """The network's settings: what is empty is filled in, an editor's text is kept."""
    site_settings = SiteSettings.for_site(site)
    changed = False
    if organisation_name and site_settings.organisation_name in PREVIOUS_NETWORK_NAMES:
        site_settings.organisation_name = organisation_name
        changed = True
    if not site_settings.secretariat_email and secretariat_email:
        site_settings.secretariat_email = secretariat_email
        changed = True
    if not site_settings.footer_text:
        site_settings.footer_text = (
            "Een leermiddel voor artsen in opleiding, gemaakt door en voor het netwerk "
            "palliatieve zorg."
        )
        changed = True
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = pages["privacy"]
        changed = True
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = pages["accessibility"]
        changed = True
    if changed:
        site_settings.save()
    return site_settings


@transaction.atomic
def load() -> None:
    home = ensure_home_page()
    pages = ensure_site_pages(home, DEMO_SECRETARIAT_EMAIL)
    site = Site.objects.get(is_default_site=True)
    ensure_site_settings(
        site,
        pages,
        secretariat_email=DEMO_SECRETARIAT_EMAIL,
        organisation_name=site.site_name if site.site_name == DEMO_NETWORK_NAME else "",
    )
