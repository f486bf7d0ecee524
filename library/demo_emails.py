"""Demo texts of the standard e-mails, written for this site (the toolkit's example mails
gave the occasions, not the words)."""

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
        "We vragen de expert nu of een gesprek in de komende drie weken lukt. De expert laat "
        "binnen een week weten of dat kan; daarna hoor je van ons." + SIGNATURE,
    ),
    "availability": (
        "Leenaanvraag: heb je in de komende drie weken tijd voor een gesprek?",
        "Beste {naam_expert},\n\n"
        "Een AIOS wil graag met je in gesprek over je boek ‘{titel_boek}’.\n\n"
        "Opleiding: {opleiding}\nLeerdoel:\n{leerdoel}\n\n"
        "Lukt een gesprek (op locatie of via beeldbellen) in de komende drie weken? Wil je ons "
        "dat uiterlijk {antwoord_voor} laten weten door op deze e-mail te antwoorden? Dan "
        "brengen we jullie met elkaar in contact." + SIGNATURE,
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
        "Lukt het niet om uiterlijk {contact_voor} contact te krijgen? Laat het ons dan weten."
        + SIGNATURE,
    ),
    "absent": (
        "Je leenaanvraag: de expert kan nu niet",
        "Beste {naam_aios},\n\n"
        "Helaas kan {naam_expert} de komende tijd geen gesprek voeren, bijvoorbeeld door "
        "vakantie of drukte. Dat spijt ons.\n\n"
        "Misschien past een ander boek uit de bibliotheek ook bij je leerdoel? Kijk op "
        "{link_catalogus} en laat ons weten welk boek je kiest; dan vragen we die expert."
        + SIGNATURE,
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
        "Beste {naam_expert},\n\n"
        "De expertbibliotheek brengt artsen in opleiding in gesprek met mensen die veel weten "
        "van palliatieve zorg, uit hun werk of uit eigen ervaring. We denken dat jouw kennis "
        "voor hen heel waardevol is.\n\n"
        "Een gesprek kost je 45 tot 60 minuten. In de bijlage vind je de boekenkaft om in te "
        "vullen, de criteria en de instructies voor experts. Heb je vragen, mail ons dan."
        + SIGNATURE,
    ),
    "recruit_published": (
        "Je boekenkaft staat in de expertbibliotheek",
        "Beste {naam_expert},\n\n"
        "Welkom in de expertbibliotheek! Je boekenkaft ‘{titel_boek}’ staat nu online: "
        "{link_boek}\n\n"
        "Zodra een AIOS je wil lenen, vragen we eerst of je tijd hebt. Wil je iets aanpassen "
        "op je kaft, laat het ons dan weten." + SIGNATURE,
    ),
    "recruit_thanks": (
        "Bedankt voor je bijdrage aan de expertbibliotheek",
        "Beste {naam_expert},\n\n"
        "Je hebt laten weten dat je stopt als expert. Jammer, en vooral: hartelijk dank voor "
        "de tijd en kennis die je aan artsen in opleiding hebt gegeven.\n\n"
        "Je boekenkaft ‘{titel_boek}’ is van de website gehaald." + SIGNATURE,
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
