"""Demo texts of the standard e-mails, written for this site (the toolkit's example mails
gave the occasions, not the words)."""

from cms.demo.checks import require

SIGNATURE = (
    "\n\nMet vriendelijke groet,\n\nSecretariaat Expertbibliotheek Palliatieve Zorg\n"
    "{contact_secretariaat}"
)

EMAILS = {
    "receipt": (
        "We hebben je leenaanvraag ontvangen",
        "Beste {naam_aios},\n\n"
        "Dank je wel voor je aanvraag bij de expertbibliotheek. We hebben hem goed ontvangen.\n\n"
        "Je vroeg om het boek ‘{titel_boek}’. Je leerdoel:\n{leerdoel}\n\n"
        "We vragen de expert nu of een gesprek in de komende drie weken lukt. Kan dat, dan "
        "stellen we jullie per e-mail aan elkaar voor en maken jullie samen een afspraak. Kan "
        "het niet, dan hoor je dat ook van ons.\n\n"
        "Heb je acht dagen na die kennismaking nog geen contact met de expert? Laat het ons dan "
        "weten via {contact_secretariaat}; dan zoeken we samen naar een oplossing.\n\n"
        "Hoe het met je aanvraag staat, zie je op je persoonlijke pagina: {link_aanvraag}"
        + SIGNATURE,
    ),
    "receipt_no_book": (
        "We hebben je leervraag ontvangen",
        "Beste {naam_aios},\n\n"
        "Dank je wel voor je aanvraag bij de expertbibliotheek. Je koos nog geen boek; je "
        "leerdoel is:\n{leerdoel}\n\n"
        "We bekijken of een expert uit de bibliotheek of uit ons netwerk bij dit leerdoel past. "
        "Je hoort van ons zodra we weten of dat lukt. Vind je intussen toch een passend boek op "
        "{link_catalogus}, laat het ons dan weten." + SIGNATURE,
    ),
    "searching": (
        "We zoeken een expert voor je leerdoel",
        "Beste {naam_aios},\n\n"
        "In de bibliotheek staat nog geen expert die past bij je leerdoel:\n{leerdoel}\n\n"
        "De werkgroep gaat op zoek naar iemand die je hierbij kan helpen. Hoe lang dat duurt, "
        "kunnen we helaas niet zeggen. Vinden we iemand die in de komende periode tijd heeft, "
        "dan hoor je het meteen van ons.\n\n"
        "Vragen? Mail ons via {contact_secretariaat}." + SIGNATURE,
    ),
    "availability": (
        "Leenaanvraag: heb je in de komende drie weken tijd voor een gesprek?",
        "Beste {naam_expert},\n\n"
        "Een AIOS wil graag met je in gesprek over je boek ‘{titel_boek}’.\n\n"
        "Opleiding: {opleiding}\nLeerdoel:\n{leerdoel}\n\nWaarom dit gesprek:\n{motivatie}\n\n"
        "Lukt een gesprek (op locatie of via beeldbellen) in de komende drie weken? Laat het "
        "ons uiterlijk {antwoord_voor} weten met één klik op je persoonlijke link:\n\n"
        "{link_antwoord}\n\n"
        "Daar kies je ‘ja’, ‘nu niet’ of ‘afwezig tot’. Zeg je ja, dan brengen we jullie met "
        "elkaar in contact; kan het nu niet, dan zoeken we met de AIOS naar een ander boek. "
        "Antwoorden op deze e-mail mag ook." + SIGNATURE,
    ),
    "introduction": (
        "Kennismaking: {naam_aios} en {naam_expert}",
        "Beste {naam_aios} en {naam_expert},\n\n"
        "Fijn dat het gesprek over ‘{titel_boek}’ kan doorgaan. Met deze e-mail stellen we "
        "jullie aan elkaar voor.\n\n"
        "{naam_aios}, jij neemt contact op met {naam_expert} om een afspraak te maken: een "
        "datum, op locatie of via beeldbellen, en de voorbereidende opdracht (hooguit 30 "
        "minuten). Lees voor het gesprek je leerdoel nog eens door en bedenk je vragen; het "
        "is een gesprek, geen college. Na afloop schrijf je een kort reflectieverslag voor je "
        "portfolio.\n\n"
        "Leerdoel:\n{leerdoel}\n\n"
        "Wat we van een gesprek verwachten, lees je in de instructies: {link_instructies}\n\n"
        "Lukt het niet om uiterlijk {contact_voor} contact te krijgen? Laat het ons dan weten."
        + SIGNATURE,
    ),
    "absent": (
        "Je leenaanvraag: de expert is afwezig tot {afwezig_tot}",
        "Beste {naam_aios},\n\n"
        "Dank je wel voor je aanvraag. {naam_expert} liet ons weten tot en met {afwezig_tot} "
        "afwezig te zijn. Wil je zo lang wachten? Laat het ons weten; dan vragen we de "
        "expert na die datum opnieuw.\n\n"
        "Past een ander boek uit de bibliotheek ook bij je leerdoel, dan kan dat natuurlijk "
        "ook: {link_catalogus}" + SIGNATURE,
    ),
    "expert_declined": (
        "Je leenaanvraag: de expert kan nu niet",
        "Beste {naam_aios},\n\n"
        "Helaas kan {naam_expert} de komende weken geen gesprek voeren. Dat spijt ons.\n\n"
        "Misschien past een ander boek uit de bibliotheek ook bij je leerdoel? Kijk op "
        "{link_catalogus} en laat ons weten welk boek je kiest; dan vragen we die expert."
        + SIGNATURE,
    ),
    "request_link": (
        "Je link naar ‘Mijn aanvraag’",
        "Beste {naam_aios},\n\n"
        "Via deze persoonlijke link zie je hoe het met je aanvraag staat, wat de volgende stap "
        "is en wie hem zet:\n\n{link_aanvraag}\n\n"
        "Heb je deze link niet zelf aangevraagd, dan kun je deze e-mail negeren." + SIGNATURE,
    ),
    "no_contact": (
        "Nog geen contact: {naam_aios} en {naam_expert}",
        "Beste collega,\n\n"
        "{naam_aios} laat via ‘Mijn aanvraag’ weten nog geen contact te hebben met "
        "{naam_expert} over ‘{titel_boek}’ (aanvraag van {datum_aanvraag}).\n\n"
        "Kijk in de leenbalie wat de volgende stap is. Deze e-mail komt automatisch.",
    ),
    "appointment": (
        "Afspraak: gesprek over ‘{titel_boek}’ op {afspraak}",
        "Beste {naam_aios} en {naam_expert},\n\n"
        "Jullie gesprek over ‘{titel_boek}’ staat vast: {afspraak}. In de bijlage zit een "
        "agenda-uitnodiging; open hem om de afspraak in je agenda te zetten.\n\n"
        "De voorbereidende opdracht staat op de boekenkaft: {link_boek}" + SIGNATURE,
    ),
    "appointment_reminder": (
        "Over twee dagen: gesprek over ‘{titel_boek}’",
        "Beste {naam_aios} en {naam_expert},\n\n"
        "Even een herinnering: {afspraak} hebben jullie het gesprek over ‘{titel_boek}’. Lukt "
        "het toch niet, laat het elkaar en ons dan op tijd weten." + SIGNATURE,
    ),
    "certificate_copy": (
        "Certificaat van deelname: {naam_aios}",
        "Beste {naam_opleider},\n\n"
        "{naam_aios} voerde via de expertbibliotheek een gesprek over ‘{titel_boek}’ en schreef "
        "daarover een reflectieverslag. Op verzoek van {naam_aios} sturen we je het certificaat "
        "van deelname (in de bijlage), bijvoorbeeld voor het portfolio.\n\n"
        "Of het certificaat echt is, controleer je met de code op het certificaat zelf."
        + SIGNATURE,
    ),
    "expert_answered": (
        "Antwoord van {naam_expert} over ‘{titel_boek}’",
        "Beste collega,\n\n"
        "{naam_expert} heeft via de persoonlijke link geantwoord op de leenaanvraag van "
        "{naam_aios} ({datum_aanvraag}):\n\n{antwoord_expert}\n\n"
        "De volgende stap staat klaar in de leenbalie. Deze e-mail komt automatisch.",
    ),
    "cover_link": (
        "Je link naar ‘Mijn boekenkaft’",
        "Beste {naam_expert},\n\n"
        "Via deze persoonlijke link beheer je je boekenkaft ‘{titel_boek}’: een periode van "
        "afwezigheid doorgeven, je aanvragen van dit half jaar zien, een wijziging van je "
        "tekst voorstellen of stoppen als expert.\n\n{link_boekenkaft}\n\n"
        "De link is persoonlijk en twee weken geldig. Heb je hem niet zelf aangevraagd, dan "
        "kun je deze e-mail negeren." + SIGNATURE,
    ),
    "no_expert": (
        "Je leenaanvraag: we hebben (nog) geen expert gevonden",
        "Beste {naam_aios},\n\n"
        "We hebben gezocht naar een expert die past bij je leerdoel:\n{leerdoel}\n\n"
        "Op dit moment is die er helaas niet. We bewaren je leerdoel: de werkgroep kijkt "
        "geregeld welke experts er nog ontbreken, en misschien kunnen we je later alsnog "
        "helpen. Heb je een ander leerdoel, dan ben je welkom in de catalogus: "
        "{link_catalogus}" + SIGNATURE,
    ),
    "pr_interview": (
        "Wil je vertellen over je gesprek met een expert?",
        "Beste {naam_aios},\n\n"
        "Je hebt een gesprek gevoerd met {naam_expert} over ‘{titel_boek}’. We zijn benieuwd "
        "hoe dat was! Zou je het leuk vinden om daarover kort geïnterviewd te worden voor "
        "onze nieuwsbrief of website? Zo horen andere AIOS wat een lening kan opleveren.\n\n"
        "Antwoord gerust op deze e-mail, ook als je liever niet meedoet." + SIGNATURE,
    ),
    "recruit_invite": (
        "Word jij een boek in de expertbibliotheek?",
        "Beste {naam_kandidaat},\n\n"
        "Mag ik je iets vragen? In onze expertbibliotheek ‘lenen’ artsen in opleiding met een "
        "keuzestage of differentiatie palliatieve zorg een expert voor één gesprek over hun "
        "eigen leerdoel. We zoeken iemand die veel weet van {onderwerp}, en we denken aan "
        "jou.\n\n"
        "Doe je mee, dan vul je een boekenkaft in: een korte beschrijving van wat een AIOS "
        "van je kan leren. Een gesprek kost je 45 tot 60 minuten, en elke keer dat iemand je "
        "wil lenen, vragen we eerst of het je uitkomt.\n\n"
        "Je persoonlijke link naar de blanco boekenkaft:\n{link_blanco_kaft}\n\n"
        "Welke experts al meedoen, zie je op {link_catalogus}. Vragen? Antwoord gewoon op deze "
        "e-mail." + SIGNATURE,
    ),
    "recruit_for_request": (
        "Een AIOS wil graag met iemand zoals jij praten",
        "Beste {naam_kandidaat},\n\n"
        "In onze expertbibliotheek ‘lenen’ artsen in opleiding een expert voor één gesprek "
        "over hun leerdoel. We zoeken iemand met kennis van {onderwerp}, en er ligt al een "
        "concrete vraag van een AIOS:\n\n{leerdoel}\n\n"
        "Zou je met deze AIOS in gesprek willen, en daarna ook in de bibliotheek blijven? Vul "
        "dan je boekenkaft in via deze persoonlijke link:\n{link_blanco_kaft}\n\n"
        "Per aanvraag vragen we altijd eerst of het je uitkomt. Andere boekenkaften zie je "
        "op {link_catalogus}. Vragen? Antwoord gewoon op deze e-mail." + SIGNATURE,
    ),
    "recruit_external": (
        "Verzoek: expert in de Expertbibliotheek Palliatieve Zorg",
        "Geachte {naam_kandidaat},\n\n"
        "Wij zijn op zoek naar een deskundige op het gebied van {onderwerp} en kregen uw naam "
        "door. Met collega's bouwen wij een expertbibliotheek voor palliatieve zorg, waarin "
        "artsen in opleiding een expert ‘lenen’ voor één gesprek over hun leerdoel.\n\n"
        "Wilt u daaraan bijdragen? Dan vragen wij u een boekenkaft in te vullen, een korte "
        "beschrijving van wat een arts in opleiding van u kan leren:\n{link_blanco_kaft}\n\n"
        "Voor elk gesprek vragen wij eerst of het u schikt. Wilt u eerst een toelichting, "
        "dan maken wij graag een afspraak. Een indruk van de bibliotheek vindt u op "
        "{link_catalogus}." + SIGNATURE,
    ),
    "recruit_published": (
        "Je boekenkaft staat in de expertbibliotheek",
        "Beste {naam_expert},\n\n"
        "Welkom in de expertbibliotheek! Je boekenkaft ‘{titel_boek}’ staat nu online: "
        "{link_boek}\n\n"
        "Zodra een AIOS je wil lenen, vragen we eerst of je tijd hebt. Je kaft beheer je "
        "zelf via ‘Mijn boekenkaft’: {link_boekenkaft}" + SIGNATURE,
    ),
    "recruit_rejected": (
        "Je aanmelding voor de expertbibliotheek",
        "Beste {naam_kandidaat},\n\n"
        "Dank je wel voor de tijd die je in je boekenkaft hebt gestoken. De werkgroep heeft "
        "hem zorgvuldig bekeken en besloten hem nu niet in de bibliotheek op te nemen. Dat "
        "zegt niets over de waarde van je kennis: soms past een onderwerp niet bij de vragen "
        "van onze AIOS, of hebben we al experts op dat gebied.\n\n"
        "Wil je weten waarom, of denk je aan een ander onderwerp? Antwoord dan op deze "
        "e-mail; we lichten het graag toe." + SIGNATURE,
    ),
    "recruit_thanks": (
        "Bedankt voor je bijdrage aan de expertbibliotheek",
        "Beste {naam_expert},\n\n"
        "Je hebt laten weten dat je stopt als expert. Jammer, en vooral: hartelijk dank voor "
        "de tijd en kennis die je aan artsen in opleiding hebt gegeven.\n\n"
        "Je boekenkaft ‘{titel_boek}’ is van de website gehaald." + SIGNATURE,
    ),
    "lead_notice": (
        "Expertbibliotheek: {bericht}",
        "Beste {naam_trekker},\n\n"
        "Ter informatie, uit de expertbibliotheek: {bericht}.\n\n"
        "Boek: {titel_boek}\nExpert: {naam_expert}\n{link_boek}\n\n"
        "Deze e-mail komt automatisch; je hoeft er niets mee te doen.",
    ),
    "offer_changed": (
        "Wijzigingen in de expertbibliotheek",
        "Beste {naam_opleider},\n\n"
        "Het aanbod van de expertbibliotheek is veranderd:\n\n{wijzigingen}\n\n"
        "Alle boeken staan op {link_catalogus}. Wil je je AIOS erop wijzen? Een flyer of dia "
        "sturen we je graag." + SIGNATURE,
    ),
    "overdue_digest": (
        "Leenbalie: aanvragen over de termijn",
        "Beste collega,\n\n"
        "Bij deze aanvragen is een termijn van het leenproces verstreken sinds de vorige "
        "herinnering:\n\n{overzicht}\n\n"
        "Open een aanvraag via de link om de volgende stap te zetten. Deze e-mail komt "
        "automatisch van de leenbalie; elke termijn noemt hij maar één keer.",
    ),
    "reflection_reminder": (
        "Even een herinnering: je reflectieverslag",
        "Beste {naam_aios},\n\n"
        "Een tijdje geleden sprak je met {naam_expert} over ‘{titel_boek}’. Heb je je "
        "reflectieverslag al geschreven? Een halve pagina is genoeg: wat wilde je leren, wat "
        "heb je gehoord, en wat doe je voortaan anders? Het verslag is voor je eigen "
        "portfolio; je hoeft het niet naar ons te sturen.\n\n"
        "Is het al klaar, dan kun je deze e-mail vergeten." + SIGNATURE,
    ),
    "evaluation_resident": (
        "Hoe was je gesprek met {naam_expert}?",
        "Beste {naam_aios},\n\n"
        "Fijn dat je gesprek met {naam_expert} heeft plaatsgevonden. Wil je ons in twee "
        "minuten laten weten hoe het was? Met je antwoorden maken we de bibliotheek beter.\n\n"
        "{link_evaluatie}\n\n"
        "De link is persoonlijk, werkt één keer en is 30 dagen geldig." + SIGNATURE,
    ),
    "evaluation_expert": (
        "Hoe was het gesprek over ‘{titel_boek}’?",
        "Beste {naam_expert},\n\n"
        "Dank je wel voor het gesprek met een AIOS over ‘{titel_boek}’. Wil je ons in twee "
        "minuten laten weten hoe het ging? Zo houden we zicht op wat de gesprekken "
        "opleveren en wat ze van je vragen.\n\n"
        "{link_evaluatie}\n\n"
        "De link is persoonlijk, werkt één keer en is 30 dagen geldig." + SIGNATURE,
    ),
    "supervisor_update": (
        "Expertbibliotheek: de cijfers van jouw AIOS, {periode}",
        "Beste {naam_opleider},\n\n"
        "Zoals afgesproken laten we je elk half jaar weten hoe jouw AIOS de "
        "expertbibliotheek gebruiken. Over {periode}:\n\n{cijfers_opleider}\n\n"
        "Wil je de bibliotheek nog eens onder de aandacht brengen, bijvoorbeeld in een "
        "terugkomdag? Een flyer of dia sturen we je graag." + SIGNATURE,
    ),
}

LOAN_FORM = {
    "title": "Leen een expert",
    "introduction": (
        "<p>Vul dit formulier in om een expert te lenen voor één gesprek over jouw leerdoel. "
        "Heb je geen passend boek gevonden? Kies dan ‘Geen expert gevonden’ en beschrijf je "
        "leerdoel: de werkgroep zoekt een expert voor je.</p>"
    ),
    "thank_you_text": (
        "<p>Het secretariaat neemt je aanvraag in behandeling. Je hoort van ons per e-mail.</p>"
    ),
}


def check(*, emails: dict[str, tuple[str, str]] = EMAILS) -> None:
    """A text for every kind of standard e-mail, using only the placeholders the site fills
    in (the admin refuses others; the demo is loaded without the admin's form)."""
    from library.models.emails import EmailKind, unknown_placeholders

    missing = sorted(set(EmailKind.values) - set(emails))
    require(not missing, f"no demo e-mail for {missing}")
    for kind, (subject, body) in emails.items():
        require(kind in EmailKind.values, f"{kind}: not a kind of standard e-mail")
        unknown = unknown_placeholders(subject) + unknown_placeholders(body)
        require(not unknown, f"{kind}: unknown placeholders {unknown}")
