"""Demo content for the workshop series: texts written for this site, facts from the
trainer guide."""

import datetime

from cms.demo import checks
from cms.demo.checks import require
from curriculum.blocks import CARD_COLOURS
from curriculum.models.pages import ContentStatus

KWALITEITSKADER_PDF = (
    "https://palliaweb.nl/getmedia/02b81c30-d9be-4c51-83bf-deb1260ccf7b/"
    "Kwaliteitskader_web-240620.pdf"
)
KWALITEITSKADER_PAGE = (
    "https://palliaweb.nl/zorgpraktijk/kwaliteitskader-palliatieve-zorg-nederland"
)
COORDINATION_PAGE = "https://palliaweb.nl/zorgpraktijk/coordinatie-en-continuiteit"
PODCAST_5 = "https://app.springcast.fm/17076/s25-onderlinge-afstemming-en-voortgang"
ANIMATION_5 = "https://www.youtube.com/watch?v=8HQR9zbgqf8"
TRANSITIONS_PUBLICATION = (
    "https://palliaweb.nl/publicaties/overgang-van-ziekenhuis-naar-huis-perceptie-van-pa"
)
BOOK = "‘In gesprek over het leven en het einde’"

SERIES = {
    "title": "Workshops",
    "series_title": "In gesprek over het leven en het einde",
    "subtitle": (
        "aan de hand van de 8 essenties van het Kwaliteitskader palliatieve zorg Nederland"
    ),
    "introduction": (
        "<p>Naast het boek <i>In gesprek over het leven en het einde</i> en de podcastreeks die "
        "erbij hoort, is er een reeks van acht workshops. Elke workshop is gewijd aan één van de "
        "acht essenties van het "
        f'<a href="{KWALITEITSKADER_PDF}">Kwaliteitskader palliatieve zorg Nederland</a>. '
        "Dat kader laat zorgverleners en zorgorganisaties op één lijn komen over wat goede "
        "palliatieve zorg is en biedt houvast bij het maken van beleid. De workshops dienen "
        "hetzelfde doel als het Kwaliteitskader: de palliatieve zorg beter maken, gezien door de "
        "ogen van de patiënt en zijn naasten.</p>"
        "<p>Het materiaal is gemaakt voor gebruik in groepen. Het richt zich op (toekomstige) "
        "zorgverleners en vrijwilligers die met patiënten en naasten willen praten over wat zij "
        "in de palliatieve fase belangrijk vinden, wat zij wensen en wat zij nodig hebben. Je "
        "kunt de workshops geven in het onderwijs (mbo, hbo en wo) en als scholing of "
        "bijscholing binnen je eigen zorgorganisatie.</p>"
    ),
    "guidance": (
        "<p>De workshops lenen zich goed om binnen de eigen zorgorganisatie te worden gegeven "
        "door een consulent palliatieve zorg, een lid van het (transmurale) team palliatieve "
        "zorg of een aandachtsvelder palliatieve zorg die affiniteit heeft met lesgeven en daar "
        "ervaring mee heeft. Omdat deze mensen zelf in een palliatieve setting werken en veel "
        "ervaring hebben opgedaan, kunnen zij (complexe) situaties uit de praktijk inbrengen en "
        "de deelnemers helpen om dieper op de stof in te gaan.</p>"
        "<p>In het onderwijs kan een docent uit het mbo, hbo of wo de workshops begeleiden, "
        "samen met een zorgverlener met ervaring in de palliatieve zorg. Wie de workshop ook "
        "leidt: op deze site noemen we die persoon steeds de <b>trainer</b>.</p>"
    ),
    "target_group": (
        "<p>De workshops zijn bedoeld voor (toekomstige) zorgverleners en vrijwilligers. Een "
        "groep telt bij voorkeur niet meer dan 25 deelnemers. Tijdens de workshop werken de "
        "deelnemers grotendeels in subgroepjes van 3 tot 4 personen; in die samenstelling komen "
        "de inhoud en de werkvormen het best tot hun recht.</p>"
    ),
    "max_participants": 25,
    "subgroup_min": 3,
    "subgroup_max": 4,
    "setup": (
        "<p>Op basis van het boek <i>In gesprek over het leven en het einde</i> zijn acht "
        "workshops van elk twee uur uitgewerkt. Het vertrekpunt is telkens de praktijk: de "
        "ervaringen, vaardigheden en houding die de deelnemers zelf meebrengen. Door die met "
        "elkaar te delen, ontstaan nieuwe of andere inzichten die bijdragen aan zo goed "
        "mogelijke palliatieve zorg. De werkvormen geven de trainer handvatten om deelnemers "
        "te laten reflecteren op zichzelf, met elkaar in gesprek te laten gaan en kennis te "
        "laten uitwisselen.</p>"
        "<p>Vaardigheden beklijven pas als deelnemers er zelf actief mee aan de slag gaan. De "
        "voorgestelde werkvormen zijn daarom interactief en gericht op verdieping. Onderzoek "
        "wijst erop dat interactieve werkvormen, zoals rollenspel en feedback, in trainingen "
        "goed lijken te werken.</p>"
        "<p>Bij elke essentie horen een hoofdstuk uit het boek en een podcastaflevering met "
        "dezelfde titel; tabel 1 zet ze op een rij.</p>"
    ),
    "programme_structure": (
        "<p>Alle workshops zijn op dezelfde manier opgebouwd. Eerst volgt de algemene "
        "informatie over de workshop:</p>"
        "<ul>"
        "<li>wat je ter voorbereiding kunt raadplegen en hoeveel tijd dat kost;</li>"
        "<li>de leerdoelen van de workshop;</li>"
        "<li>het programma met een tijdschema.</li>"
        "</ul>"
        "<p>De tijden in het schema geven een richting aan. Hoeveel tijd een onderdeel "
        "werkelijk vraagt, hangt af van het gesprek in de groep en van de belangstelling voor "
        "een onderwerp. Jij bepaalt als trainer hoe strak je het schema volgt. Een toelichting "
        "op elke werkvorm vind je bij de werkvormen. Past een andere opzet of werkvorm beter "
        "bij je groep, dan kun je het programma daarop aanpassen.</p>"
    ),
    "preparation": (
        "<p>Ter voorbereiding en als materiaal tijdens elke workshop kun je gebruikmaken "
        "van:</p>"
        "<ul>"
        "<li>de essentie uit het Kwaliteitskader palliatieve zorg Nederland waar de workshop "
        "over gaat. Op "
        f'<a href="{KWALITEITSKADER_PAGE}">Palliaweb</a> '
        "is alles over het Kwaliteitskader bij elkaar gebracht: het kader zelf, maar ook "
        "animaties, lesmateriaal en andere nuttige hulpmiddelen;</li>"
        "<li>de PowerPoint-presentatie die bij elke essentie hoort, met in de notities uitleg "
        "voor de trainer;</li>"
        "<li>het bijbehorende hoofdstuk uit het boek <i>In gesprek over het leven en het "
        "einde</i>. In elk hoofdstuk vertellen een patiënt of naaste en een zorgverlener hoe "
        "zij tegen een van de acht essenties aankijken;</li>"
        "<li>de podcastaflevering bij de essentie, waarin de patiënt of naaste en de "
        "zorgverlener er samen verder over praten;</li>"
        "<li>de leesvraag bij elk hoofdstuk of elke aflevering.</li>"
        "</ul>"
        "<p>Bij elke workshop staat onder <b>Vooraf doorgeven aan de deelnemers</b> wat de "
        "deelnemers van tevoren moeten doen. Kijk dat als trainer op tijd na en laat de "
        "deelnemers ruim van tevoren weten wat er van hen wordt verwacht.</p>"
    ),
}

# Where each workshop's content comes from. Only workshop 5 has a trainer guide behind it (its
# authors and version are that guide's); the other seven were written for this demo site and
# carry neither the guide's authors nor its version. The series itself is this site's
# collection: it has a licence, but no authors or version of its own.
FROM_GUIDE = "from_guide"
EXAMPLE = "example"
GUIDE_AUTHORS = [
    ("Yvette van der Linden", "Leids Universitair Medisch Centrum"),
    ("Carolien Burghout", "Jeroen Bosch Ziekenhuis"),
    ("Famke van Heeckeren", "PZNL"),
    ("Elise Posma", "PZNL"),
    ("Marjolein Verkammen", "PZNL"),
]
GUIDE_VERSION = ("1.0", "2024-10-01", "Eerste versie")
EXAMPLE_CONTENT = {
    "content_status": EXAMPLE,
    "source_note": (
        "Deze workshop is als voorbeeld voor deze website geschreven, in de opzet van de "
        "docentenhandreiking voor workshop 5 en aan de hand van het Kwaliteitskader. Er is "
        "(nog) geen officiële handreiking voor deze workshop en de inhoud is niet vastgesteld: "
        "lees hem als voorbeeld en pas hem aan voordat je hem geeft."
    ),
    "authors": [],
    "versions": [("0.1", "2026-11-30", "Voorbeeldinhoud voor de demo")],
}

ESSENCES = [
    {
        "number": 1,
        "name": "Markering",
        "chapter_title": "De palliatieve fase van de ziekte begint",
        "kwaliteitskader_section": "2.1 Markering",
        "description": (
            "Zorgverleners onderkennen tijdig dat een patiënt de palliatieve fase is ingegaan en "
            "bespreken dat met de patiënt en zijn naasten. Zo kan de zorg bewust worden "
            "afgestemd op wat voor hen belangrijk is."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 1, ‘De palliatieve fase van de ziekte begint’",
        "reading_question": (
            "Op welk moment merkten de patiënt en de zorgverlener in dit hoofdstuk dat er iets "
            "veranderde, en wat had jij op dat moment willen zeggen of vragen?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 2,
        "name": "Gezamenlijke besluitvorming",
        "chapter_title": "Samen beslissen",
        "kwaliteitskader_section": "2.2 Gezamenlijke besluitvorming",
        "description": (
            "Patiënt, naasten en zorgverleners wegen samen de mogelijkheden af, inclusief "
            "afzien van behandeling, en komen tot keuzes die passen bij de waarden en wensen "
            "van de patiënt."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 2, ‘Samen beslissen’",
        "reading_question": (
            "Welke keuze lag er in dit hoofdstuk op tafel, en wat had de patiënt nodig om daar "
            "echt zelf over mee te beslissen?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 3,
        "name": "Proactieve zorgplanning",
        "chapter_title": "Praten over de toekomst",
        "kwaliteitskader_section": "2.3 Proactieve zorgplanning",
        "description": (
            "Tijdig en herhaaldelijk met de patiënt en zijn naasten praten over wat zij "
            "belangrijk vinden voor de komende tijd, en over de zorg en behandeling die daarbij "
            "passen, zodat daar later naar gehandeld kan worden."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 3, ‘Praten over de toekomst’",
        "reading_question": (
            "Wat wilde de patiënt in dit hoofdstuk dat zijn zorgverleners wisten over de tijd "
            "die nog kwam, en wanneer was een goed moment geweest om daarnaar te vragen?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 4,
        "name": "Individueel zorgplan",
        "chapter_title": "Persoonlijk dossier",
        "kwaliteitskader_section": "2.4 Individueel zorgplan",
        "description": (
            "Wensen, doelen en afspraken over zorg worden vastgelegd in een persoonlijk plan dat "
            "de patiënt en alle betrokken zorgverleners kunnen inzien en dat meebeweegt met de "
            "situatie."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 4, ‘Persoonlijk dossier’",
        "reading_question": (
            "Welke wensen en afspraken uit dit hoofdstuk zou jij in het zorgplan opschrijven, "
            "en hoe zorg je dat iedere betrokken zorgverlener ze vindt?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 5,
        "name": "Coördinatie en continuïteit",
        "chapter_title": "Onderlinge afstemming en voortgang",
        "kwaliteitskader_section": "2.5 Coördinatie en continuïteit",
        "description": (
            "De zorg van verschillende zorgverleners en zorgsettingen sluit naadloos op elkaar "
            "aan, met één vast aanspreekpunt, zodat de patiënt en zijn naasten de regie kunnen "
            "houden."
        ),
        "podcast_url": PODCAST_5,
        "animation_url": ANIMATION_5,
        "kwaliteitskader_url": COORDINATION_PAGE,
        "book_chapter": "Hoofdstuk 5, ‘Onderlinge afstemming en voortgang’",
        "reading_question": (
            "Waar sloot de zorg in dit verhaal goed op elkaar aan, en waar merkten de patiënt "
            "en zijn naasten dat zorgverleners langs elkaar heen werkten?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 6,
        "name": "Deskundigheid",
        "chapter_title": "Kennis en vaardigheden",
        "kwaliteitskader_section": "2.6 Deskundigheid",
        "description": (
            "Zorgverleners en vrijwilligers hebben de kennis, vaardigheden en houding die bij "
            "hun rol in de palliatieve zorg passen, en weten wanneer zij de expertise van anderen "
            "moeten inschakelen."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 6, ‘Kennis en vaardigheden’",
        "reading_question": (
            "Wanneer had de zorgverlener in dit hoofdstuk de kennis van een ander nodig, en wat"
            " maakte het makkelijk of moeilijk om die hulp te vragen?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 7,
        "name": "Effectieve communicatie",
        "chapter_title": "Goed contact",
        "kwaliteitskader_section": "2.7 Effectieve communicatie",
        "description": (
            "Open, eerlijk en afgestemd contact met de patiënt en zijn naasten, met aandacht "
            "voor wat iemand al weet, wil weten en voelt."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 7, ‘Goed contact’",
        "reading_question": (
            "Welk moment in het gesprek tussen patiënt en zorgverlener bleef je bij, en wat "
            "maakte dat het contact daar wel of juist niet lukte?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
    {
        "number": 8,
        "name": "Persoonlijke balans",
        "chapter_title": "Goed voor jezelf zorgen",
        "kwaliteitskader_section": "2.8 Persoonlijke balans",
        "description": (
            "Zorgverleners en vrijwilligers letten op hun eigen draagkracht, zodat zij met "
            "aandacht en op een duurzame manier palliatieve zorg kunnen blijven geven."
        ),
        "podcast_url": "",
        "animation_url": "",
        "kwaliteitskader_url": KWALITEITSKADER_PAGE,
        "book_chapter": "Hoofdstuk 8, ‘Goed voor jezelf zorgen’",
        "reading_question": (
            "Wat hielp de zorgverlener in dit hoofdstuk om het werk vol te houden, en wat "
            "herken je daarvan bij jezelf?"
        ),
        "quotation": "",
        "quotation_source": "",
    },
]

WORK_METHODS = [
    {
        "name": "Zes denkhoeden van De Bono",
        "description": (
            "Een methode om een vraagstuk vanuit verschillende denkrichtingen te bekijken. Elke "
            "gekleurde hoed staat voor één manier van denken, zodat de groep gericht en van "
            "meerdere kanten naar een situatie kijkt."
        ),
        "how_to_use": (
            "<p>Licht kort toe waar de zes hoeden voor staan:</p>"
            "<ul>"
            "<li><b>wit</b>: feiten en informatie, analytisch;</li>"
            "<li><b>rood</b>: gevoel, intuïtie en emoties;</li>"
            "<li><b>zwart</b>: kritisch, gericht op risico's en bezwaren;</li>"
            "<li><b>geel</b>: positief, gericht op kansen en voordelen;</li>"
            "<li><b>groen</b>: creatief, op zoek naar nieuwe ideeën en alternatieven;</li>"
            "<li><b>blauw</b>: overzicht houden en het denkproces sturen.</li>"
            "</ul>"
            "<p>Kies de hoeden die bij de vragen passen; in een workshop van twee uur zijn drie "
            "hoeden meestal genoeg. Laat de groepjes de vragen achtereenvolgens met elke gekozen "
            "hoed op bespreken, of verdeel de hoeden over de deelnemers en laat hen halverwege "
            "wisselen. Vraag bij de terugkoppeling welk gezichtspunt nieuwe inzichten "
            "opleverde.</p>"
        ),
        "source": (
            "De Bono, E. (1999). Six Thinking Hats: An Essential Approach to Business "
            "Management. Back Bay Books."
        ),
        "link": "https://www.zesdenkhoeden.nl/",
        "group_size": "3 à 4 personen per groepje",
        "materials": (
            "gekleurde hoeden of kaarten (wit, rood, zwart, geel, groen, blauw), één set "
            "per groepje\n"
            "de vragen op een dia of op papier"
        ),
        "cards": [
            {
                "title": "Witte hoed",
                "text": "Feiten en informatie. Wat weten we zeker, en wat weten we nog niet?",
                "colour": "wit",
            },
            {
                "title": "Rode hoed",
                "text": (
                    "Gevoel en intuïtie. Wat voel je hierbij, zonder dat je het hoeft uit te "
                    "leggen?"
                ),
                "colour": "rood",
            },
            {
                "title": "Zwarte hoed",
                "text": (
                    "Kritisch en voorzichtig. Wat kan er misgaan, en waar zitten de risico's?"
                ),
                "colour": "zwart",
            },
            {
                "title": "Gele hoed",
                "text": "Positief. Wat gaat er goed, en welke kansen zie je?",
                "colour": "geel",
            },
            {
                "title": "Groene hoed",
                "text": "Creatief. Welke nieuwe ideeën of andere mogelijkheden zijn er?",
                "colour": "groen",
            },
            {
                "title": "Blauwe hoed",
                "text": "Overzicht. Waar staan we in het gesprek, en wat is de volgende stap?",
                "colour": "blauw",
            },
        ],
    },
    {
        "name": "Reflectiegesprek in duo's",
        "description": (
            "Twee deelnemers helpen elkaar om aan de hand van reflectievragen terug te kijken op "
            "een eigen ervaring uit de praktijk en daar lering uit te trekken."
        ),
        "how_to_use": (
            "<p>Laat de deelnemers tweetallen vormen; kleine groepjes kan ook. Eén deelnemer "
            "vertelt naar aanleiding van een reflectievraag over een situatie uit het eigen werk. "
            "De ander luistert, vraagt door en vat samen, zonder te oordelen of advies te geven. "
            "Halverwege de beschikbare tijd wisselen de rollen.</p>"
            "<p>Vraag de deelnemers om af te ronden met één inzicht of voornemen dat zij "
            "meenemen naar de plenaire terugkoppeling. Spreek vooraf af dat wat persoonlijk wordt "
            "gedeeld, binnen het tweetal blijft.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "tweetallen, of kleine groepjes",
        "materials": "de reflectievragen op een dia of op papier",
        "cards": [],
    },
    {
        "name": "Stoplichtmodel",
        "description": (
            "Een korte afsluitende ronde waarin deelnemers met de kleuren van een verkeerslicht "
            "aangeven wat zij uit de workshop meenemen."
        ),
        "how_to_use": (
            "<p>Vraag aan het eind van de workshop iedere deelnemer om kort te reageren op de "
            "drie kleuren:</p>"
            "<ul>"
            "<li><b>groen</b>: dit ga ik in mijn werk toepassen of blijven doen;</li>"
            "<li><b>oranje</b>: hier wil ik nog over nadenken of meer over weten;</li>"
            "<li><b>rood</b>: hiermee stop ik, of dit past niet bij mijn werk.</li>"
            "</ul>"
            "<p>Dat kan mondeling, op gekleurde briefjes of op een flap-over. Gebruik de "
            "antwoorden om terug te kijken op de leerdoelen en om vragen te benoemen die nog "
            "openstaan. De PowerPoint-presentatie bevat een dia voor deze afsluiting.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "de hele groep",
        "materials": "stoplichtkaarten groen, oranje, rood per deelnemer",
        "cards": [
            {
                "title": "Groen",
                "text": "Dit ga ik toepassen in mijn werk, of blijven doen.",
                "colour": "groen",
            },
            {
                "title": "Oranje",
                "text": "Hierover wil ik nog nadenken, of er meer over weten.",
                "colour": "oranje",
            },
            {
                "title": "Rood",
                "text": "Hiermee stop ik, of dit past niet bij mijn werk.",
                "colour": "rood",
            },
        ],
    },
    {
        "name": "Rollenspel",
        "description": (
            "Deelnemers oefenen een gesprek uit de praktijk en nemen daarbij om beurten de rol "
            "van zorgverlener, patiënt of naaste en observator op zich."
        ),
        "how_to_use": (
            "<p>Werk in drie- of viertallen. Beschrijf de situatie en de rollen kort op papier, "
            "of laat deelnemers een situatie uit hun eigen werk inbrengen. Een gesprek duurt vijf "
            "tot tien minuten. Daarna vertelt eerst de zorgverlener hoe het ging, dan de patiënt "
            "of naaste en tot slot de observator. Wissel vervolgens van rol.</p>"
            "<p>Spreek af dat feedback concreet is en over gedrag gaat: wat hielp, wat kan "
            "anders? Zorg voor een veilige sfeer en laat deelnemers na afloop bewust uit hun rol "
            "stappen, zeker als de situatie emotioneel beladen was.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "drie- of viertallen",
        "materials": "korte beschrijving van de situatie en de rollen, één per groepje",
        "cards": [],
    },
    {
        "name": "Casusbespreking in kleine groepen",
        "description": (
            "In groepjes van 3 à 4 personen analyseren de deelnemers een casus uit het boek of "
            "uit de eigen praktijk aan de hand van vaste vragen."
        ),
        "how_to_use": (
            "<p>Geef elk groepje de casus en de vragen, op papier of op een dia. Laat de "
            "groepjes een gespreksleider, een tijdbewaker en een notulist aanwijzen. De "
            "gespreksleider zorgt dat iedereen aan het woord komt; de notulist schrijft de "
            "belangrijkste inzichten op voor de plenaire terugkoppeling.</p>"
            "<p>Loop als trainer rond, luister mee en stel verdiepende vragen. Brengen deelnemers "
            "een casus uit hun eigen werk in, vraag dan om die zonder herleidbare gegevens te "
            "vertellen.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "3 à 4 personen per groepje",
        "materials": ("papier en pen voor de notulist"),
        "cards": [],
    },
    {
        "name": "Stellingenspel",
        "description": (
            "De trainer legt stellingen voor; de deelnemers nemen een standpunt in en lichten dat "
            "toe. Zo komen uiteenlopende opvattingen en waarden op tafel."
        ),
        "how_to_use": (
            "<p>Lees een stelling voor of laat die op een dia zien. Deelnemers kiezen een kant "
            "van de ruimte (eens of oneens) of steken een groene of rode kaart op. Vraag een paar "
            "deelnemers van beide kanten om hun keuze toe te lichten en laat hen op elkaar "
            "reageren. Wie van mening verandert, mag van plek wisselen.</p>"
            "<p>Het gaat niet om goed of fout, maar om het verkennen van argumenten. Vat na elke "
            "stelling kort samen wat er naar voren kwam en leg waar het kan de verbinding met de "
            "essentie.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "de hele groep",
        "materials": (
            "de stellingen op dia's\n"
            "een groene en een rode kaart per deelnemer, of een ruimte met twee kanten"
        ),
        "cards": [],
    },
    {
        "name": "Mindmap",
        "description": (
            "Een visuele werkvorm waarin de groep rond een centraal begrip ervaringen, "
            "associaties en kennis verzamelt en ordent."
        ),
        "how_to_use": (
            "<p>Schrijf het centrale begrip in het midden van een flap-over of een digitaal "
            "whiteboard. Deelnemers vullen aan met woorden, voorbeelden en vragen die bij hen "
            "opkomen, en groeperen die in hoofdtakken, bijvoorbeeld langs de vier dimensies: "
            "lichamelijk, psychisch, sociaal en levensbeschouwelijk.</p>"
            "<p>Bespreek daarna samen de mindmap: wat valt op, wat ontbreekt? De mindmap kan "
            "later in de workshop dienen als kapstok voor de uitleg van de trainer of als opstap "
            "naar een gesprek.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "de hele groep, of groepjes van 3 à 4",
        "materials": "flip-over en stiften, één per groepje",
        "cards": [],
    },
    {
        "name": "Luisteroefening in tweetallen",
        "description": (
            "Een korte oefening in aandachtig luisteren, waarin deelnemers om beurten vertellen "
            "en luisteren met behulp van luisteren, samenvatten en doorvragen (LSD)."
        ),
        "how_to_use": (
            "<p>Deelnemers vormen tweetallen. De een vertelt drie tot vijf minuten over een "
            "ervaring die is bijgebleven; de ander luistert, vat samen en vraagt door, maar geeft "
            "geen advies en brengt geen eigen verhaal in. Daarna wisselen de rollen.</p>"
            "<p>Bespreek na afloop hoe het was om alleen te luisteren, en wat het met de "
            "verteller deed om echt gehoord te worden. Vraag welke doorvraag het gesprek "
            "verdiepte.</p>"
        ),
        "source": "",
        "link": "",
        "group_size": "tweetallen",
        "materials": "een klok of timer voor de wissel",
        "cards": [],
    },
]

# The opening most workshops share word for word (workshops 1, 2, 5 and 8 word theirs
# differently).
OPENING = {
    "minutes": 10,
    "part": "Inleiding",
    "description": (
        "<ul>"
        "<li>De trainer licht het programma toe.</li>"
        "<li>Korte kennismakingsronde, als de deelnemers elkaar nog niet kennen.</li>"
        "<li>Deelnemers vertellen wat zij verwachten en welke leerpunten zij inbrengen.</li>"
        "</ul>"
    ),
    "tips": "<p>PowerPoint-presentatie met het programma.</p>",
    "work_methods": [],
    "materials": ["beamer en laptop met de presentatie"],
    "for_participants": False,
}

WORKSHOPS = [
    # 1. Markering
    {
        "essence": 1,
        "title": "De palliatieve fase van de ziekte begint",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Markeren houdt in dat zorgverleners zich realiseren dat een patiënt een ziekte of "
            "aandoening heeft die niet meer te genezen is en waaraan hij op termijn zal "
            "overlijden, en dat zij dit met de patiënt en zijn naasten bespreken. Pas wanneer die "
            "overgang is benoemd, kan de zorg bewust worden afgestemd op wat voor de patiënt van "
            "waarde is.</p>"
            "<p>In de praktijk gebeurt dat vaak laat of helemaal niet, zeker bij mensen met "
            "hartfalen, COPD, dementie of algehele kwetsbaarheid. Een eenvoudig hulpmiddel is de "
            "verrassingsvraag: zou het mij verbazen als deze patiënt binnen een jaar overlijdt? "
            "Wie daar nee op antwoordt, heeft reden om het gesprek aan te gaan met collega's, de "
            "patiënt en de naasten. Markeren is geen eenmalige handeling: het opent de weg naar "
            "proactieve zorgplanning en komt opnieuw aan de orde als de situatie verandert.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 65,
        "preparation_items": [
            {
                "activity": (
                    "Hoofdstuk 1 ‘De palliatieve fase van de ziekte begint’ uit het boek lezen"
                ),
                "minutes": 15,
                "link": "",
            },
            {
                "activity": (
                    "Podcastaflevering 1 ‘De palliatieve fase van de ziekte begint’ beluisteren"
                ),
                "minutes": 35,
                "link": "",
            },
            {
                "activity": (
                    "Achtergrondinformatie over de verrassingsvraag en de SPICT-NL doornemen"
                ),
                "minutes": 15,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.1 Markering uit het Kwaliteitskader palliatieve zorg Nederland "
                    "doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {
                "text": (
                    "Hoofdstuk 1 ‘De palliatieve fase van de ziekte begint’ uit het boek "
                    f"{BOOK} lezen"
                ),
                "link": "",
            },
            {
                "text": (
                    "Aflevering 1 van de Palliapodcast, ‘De palliatieve fase van de ziekte "
                    "begint’, beluisteren"
                ),
                "link": "",
            },
            {
                "text": (
                    "De animatie over markering bekijken, te vinden via de pagina over het "
                    "Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Een patiënt uit de eigen praktijk voor ogen nemen bij wie (achteraf "
                    "gezien) de palliatieve fase begon"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "herkent signalen dat een patiënt de palliatieve fase is ingegaan, ook bij mensen "
                "met een niet-oncologische aandoening"
            ),
            (
                "kan de verrassingsvraag en andere hulpmiddelen gebruiken om de palliatieve fase "
                "tijdig te markeren en weet welke stappen daarna volgen"
            ),
            (
                "kan reflecteren op hoe in de eigen praktijk de palliatieve fase wordt benoemd en "
                "besproken met patiënt, naasten en collega's"
            ),
        ],
        "sessions": [
            {
                "minutes": 10,
                "part": "Inleiding",
                "description": (
                    "<ul>"
                    "<li>De trainer licht het programma toe.</li>"
                    "<li>Korte kennismakingsronde, als de deelnemers elkaar nog niet kennen.</li>"
                    "<li>Deelnemers vertellen wat zij van de workshop verwachten en welke "
                    "leerpunten zij hebben meegebracht.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met het programma.</p>",
                "work_methods": [],
                "materials": [
                    "beamer en laptop met de presentatie",
                ],
                "for_participants": False,
            },
            {
                "minutes": 20,
                "part": "Essentie Markering",
                "description": (
                    "<ul>"
                    "<li>Deelnemers beantwoorden voor zichzelf de vraag: wanneer begint voor mij "
                    "de palliatieve fase van een patiënt?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en de bijbehorende pagina op Palliaweb.</li>"
                    "<li>De trainer laat hulpmiddelen zien om de palliatieve fase te herkennen, "
                    "zoals de verrassingsvraag en de SPICT-NL.</li>"
                    "</ul>"
                ),
                "tips": (
                    "<p>PowerPoint-presentatie met dia's over de essentie.</p>"
                    "<p>Laat deelnemers hun antwoord op een briefje schrijven en hang de briefjes "
                    "langs een getekende tijdlijn van het ziektebeloop. Zo wordt zichtbaar hoe "
                    "verschillend de groep het begin van de palliatieve fase ziet.</p>"
                ),
                "work_methods": [],
                "materials": [
                    "briefjes en pennen",
                    "flip-over met een getekende tijdlijn van het ziektebeloop",
                ],
                "for_participants": False,
            },
            {
                "minutes": 35,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen bespreken de deelnemers de casus uit "
                    "hoofdstuk 1 van het boek, of een casus uit de eigen praktijk:</p>"
                    "<ol>"
                    "<li>Aan welke signalen was te zien dat de patiënt de palliatieve fase was "
                    "ingegaan? Wanneer hadden die signalen voor het eerst opgemerkt kunnen "
                    "worden?</li>"
                    "<li>Hoe zou jij de verrassingsvraag voor deze patiënt beantwoorden, en wat "
                    "betekent dat antwoord voor de zorg die volgt?</li>"
                    "<li>Wie in het team neemt het initiatief om de palliatieve fase te benoemen, "
                    "en hoe leg je vast dat dit is gebeurd, zodat alle betrokkenen het weten?</li>"
                    "<li>Wat hebben de patiënt en zijn naasten nodig om te kunnen horen dat de "
                    "ziekte niet meer te genezen is?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: casusbespreking in kleine groepen. Per groepje bewaakt één "
                    "deelnemer de tijd en noteert een ander de belangrijkste punten voor de "
                    "plenaire terugkoppeling.</p>"
                    "<p>Hulpmiddel: de casus uit het boek en de vragen uit de "
                    "PowerPoint-presentatie.</p>"
                ),
                "work_methods": ["Casusbespreking in kleine groepen"],
                "materials": [
                    "de casus uit hoofdstuk 1 van het boek, geprint, één per groepje",
                ],
                "for_participants": True,
            },
            {
                "minutes": 30,
                "part": "Het gesprek oefenen",
                "description": (
                    "<ul>"
                    "<li>In drietallen oefenen de deelnemers een gesprek waarin een zorgverlener "
                    "met een patiënt bespreekt dat de ziekte een nieuwe fase is ingegaan.</li>"
                    "<li>De rollen zijn zorgverlener, patiënt of naaste, en observator; na elke "
                    "ronde wisselen de deelnemers van rol.</li>"
                    "<li>De observator geeft na elke ronde feedback: wat hielp de patiënt, en wat "
                    "kan anders?</li>"
                    "</ul>"
                ),
                "tips": (
                    "<p>Werkvorm: rollenspel. Gebruik de casus uit het boek als vertrekpunt of "
                    "laat deelnemers een situatie uit hun eigen werk inbrengen. Benadruk dat het "
                    "om oefenen gaat en niet om het perfecte gesprek.</p>"
                ),
                "work_methods": ["Rollenspel"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 25,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>De groepjes delen wat hen opviel in de casusbespreking en het "
                    "rollenspel.</li>"
                    "<li>Samen terugkijken op de leerdoelen en de meegebrachte leerpunten.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 2. Gezamenlijke besluitvorming
    {
        "essence": 2,
        "title": "Samen beslissen",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Bij gezamenlijke besluitvorming komen de patiënt, zijn naasten en de zorgverlener "
            "samen tot een keuze over zorg of behandeling. De zorgverlener brengt kennis in over "
            "de mogelijkheden en wat die opleveren of kosten; de patiënt en zijn naasten brengen "
            "in wat voor hen van waarde is in de tijd die nog komt. Geen van beiden kan die keuze "
            "goed in zijn eentje maken.</p>"
            "<p>In de palliatieve fase weegt dit extra zwaar. De mogelijkheden liggen vaak dicht "
            "bij elkaar en afzien van (verdere) behandeling is uitdrukkelijk ook een optie. Samen "
            "beslissen vraagt van de zorgverlener dat hij die keuzeruimte benoemt, eerlijk "
            "informeert, tijd geeft om na te denken en nagaat of het besluit werkelijk past bij "
            "wat de patiënt belangrijk vindt.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 60,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 2 ‘Samen beslissen’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 2 ‘Samen beslissen’ beluisteren",
                "minutes": 35,
                "link": "",
            },
            {
                "activity": "Het model met de vier stappen van samen beslissen doornemen",
                "minutes": 10,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.2 Gezamenlijke besluitvorming uit het Kwaliteitskader "
                    "palliatieve zorg Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {"text": f"Hoofdstuk 2 ‘Samen beslissen’ uit het boek {BOOK} lezen", "link": ""},
            {
                "text": "Aflevering 2 van de Palliapodcast, ‘Samen beslissen’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over gezamenlijke besluitvorming bekijken, te vinden via de "
                    "pagina over het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Een beslissing uit de eigen praktijk opschrijven waarbij je twijfelde of "
                    "de patiënt echt had kunnen meebeslissen"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "kent de stappen van gezamenlijke besluitvorming en kan uitleggen waarom die in de "
                "palliatieve fase zo belangrijk zijn"
            ),
            (
                "kan in een gesprek de keuzemogelijkheden, inclusief niet (verder) behandelen, "
                "helder en eerlijk bespreken en de waarden en wensen van patiënt en naasten "
                "verkennen"
            ),
            (
                "is zich bewust van de eigen opvattingen en van de invloed die deze kunnen hebben "
                "op de keuzes van patiënten"
            ),
        ],
        "sessions": [
            {
                "minutes": 10,
                "part": "Inleiding",
                "description": (
                    "<ul>"
                    "<li>De trainer licht het programma toe.</li>"
                    "<li>Korte kennismakingsronde, als de deelnemers elkaar nog niet kennen.</li>"
                    "<li>Deelnemers delen hun verwachtingen en de leerpunten die zij hebben "
                    "voorbereid.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met het programma.</p>",
                "work_methods": [],
                "materials": [
                    "beamer en laptop met de presentatie",
                ],
                "for_participants": False,
            },
            {
                "minutes": 20,
                "part": "Essentie Gezamenlijke besluitvorming",
                "description": (
                    "<ul>"
                    "<li>Deelnemers denken na over de vraag: wanneer heb ik voor het laatst echt "
                    "samen met een patiënt een beslissing genomen?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en licht de vier stappen van samen beslissen "
                    "toe:</li>"
                    "</ul>"
                    "<ol>"
                    "<li>Keuzebewustzijn: duidelijk maken dat er iets te kiezen valt en dat de "
                    "mening van de patiënt ertoe doet.</li>"
                    "<li>Opties bespreken: de mogelijkheden met hun voor- en nadelen "
                    "toelichten.</li>"
                    "<li>Voorkeuren verkennen: samen nagaan wat de patiënt belangrijk vindt en hoe "
                    "hij de mogelijkheden weegt.</li>"
                    "<li>Samen besluiten: tot een keuze komen, of afspreken wanneer die wordt "
                    "gemaakt.</li>"
                    "</ol>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 25,
                "part": "Stellingen",
                "description": (
                    "<p>De trainer legt stellingen voor. De deelnemers kiezen positie en "
                    "lichten hun keuze toe. Voorbeelden:</p>"
                    "<ol>"
                    "<li>Een patiënt moet een voorgestelde behandeling kunnen weigeren zonder het "
                    "gevoel te krijgen dat hij wordt opgegeven.</li>"
                    "<li>Sommige patiënten willen niet meebeslissen, en dat hoor je te "
                    "respecteren.</li>"
                    "<li>Zolang de patiënt zelf kan beslissen, hebben naasten geen stem.</li>"
                    "<li>Niet behandelen is ook een behandelkeuze.</li>"
                    "<li>Als verzorgende of vrijwilliger heb je geen rol bij beslissingen over "
                    "medische behandeling.</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: stellingenspel. Kies drie of vier stellingen die bij de groep "
                    "passen; het gesprek na een stelling is belangrijker dan het aantal "
                    "stellingen.</p>"
                ),
                "work_methods": ["Stellingenspel"],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 45,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen voeren de deelnemers een gesprek over een "
                    "keuze in de palliatieve fase, op basis van de casus uit hoofdstuk 2 van het "
                    "boek. De rollen zijn zorgverlener, patiënt, naaste en (eventueel) "
                    "observator. Bespreek na afloop:</p>"
                    "<ol>"
                    "<li>Werd duidelijk dat er een keuze te maken was en dat de patiënt daarin een "
                    "stem had?</li>"
                    "<li>Kwamen alle mogelijkheden aan bod, ook afzien van behandeling?</li>"
                    "<li>Hoe werd duidelijk wat de patiënt belangrijk vindt, en welke vragen "
                    "hielpen daarbij?</li>"
                    "<li>Welke rol speelde de naaste, en hoe ging de zorgverlener daarmee "
                    "om?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: rollenspel. Laat de rollen na elke ronde wisselen, zodat "
                    "meerdere deelnemers de rol van zorgverlener oefenen.</p>"
                    "<p>Hulpmiddel: de drie goede vragen van de Patiëntenfederatie Nederland "
                    "(Wat zijn mijn mogelijkheden? Wat zijn de voor- en nadelen daarvan? Wat "
                    "betekent dat in mijn situatie?), als steun voor de patiënt in het "
                    "gesprek.</p>"
                ),
                "work_methods": ["Rollenspel"],
                "materials": [
                    "de casus uit hoofdstuk 2 van het boek, geprint, één per groepje",
                    "de drie goede vragen op papier, één per groepje",
                ],
                "for_participants": True,
            },
            {
                "minutes": 20,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>De groepjes delen hun inzichten en vragen met de hele groep.</li>"
                    "<li>Samen terugkijken op de leerdoelen.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 3. Proactieve zorgplanning
    {
        "essence": 3,
        "title": "Praten over de toekomst",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Proactieve zorgplanning is een doorlopend gesprek tussen patiënt, naasten en "
            "zorgverleners over wat de patiënt belangrijk vindt, welke doelen hij heeft en welke "
            "zorg en behandeling daarbij passen, nu en later. Het gaat om meer dan medische "
            "beslissingen over bijvoorbeeld reanimatie of een ziekenhuisopname: ook lichamelijke, "
            "psychische, sociale en levensbeschouwelijke wensen komen aan bod.</p>"
            "<p>Door deze gesprekken op tijd te beginnen en regelmatig te herhalen, kunnen "
            "zorgverleners ook in een crisis handelen zoals de patiënt dat zou willen. Wat is "
            "besproken, wordt vastgelegd en gedeeld met alle betrokkenen, zodat niemand later "
            "voor verrassingen komt te staan.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 70,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 3 ‘Praten over de toekomst’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 3 ‘Praten over de toekomst’ beluisteren",
                "minutes": 40,
                "link": "",
            },
            {
                "activity": (
                    "Een gesprekshulp voor proactieve zorgplanning uit de eigen "
                    "organisatie of regio doornemen"
                ),
                "minutes": 15,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.3 Proactieve zorgplanning uit het Kwaliteitskader palliatieve "
                    "zorg Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {
                "text": f"Hoofdstuk 3 ‘Praten over de toekomst’ uit het boek {BOOK} lezen",
                "link": "",
            },
            {
                "text": "Aflevering 3 van de Palliapodcast, ‘Praten over de toekomst’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over proactieve zorgplanning bekijken, te vinden via de "
                    "pagina over het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Nadenken over de vraag wat je zelf zou willen dat je naasten en "
                    "zorgverleners van je weten als je ernstig ziek wordt"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "begrijpt wat proactieve zorgplanning inhoudt en waarom het gesprek tijdig moet "
                "beginnen en herhaald moet worden"
            ),
            (
                "kan een gesprek over waarden, wensen en doelen voor de toekomst openen en "
                "verdiepen, met aandacht voor lichamelijke, psychische, sociale en "
                "levensbeschouwelijke aspecten"
            ),
            (
                "weet hoe afspraken uit zo'n gesprek worden vastgelegd en overgedragen aan andere "
                "betrokkenen"
            ),
        ],
        "sessions": [
            OPENING,
            {
                "minutes": 20,
                "part": "Essentie Proactieve zorgplanning",
                "description": (
                    "<ul>"
                    "<li>De groep maakt samen een mindmap bij de vraag: waar gaat het allemaal "
                    "over als je met een patiënt over de toekomst praat?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en vult de mindmap zo nodig aan.</li>"
                    "</ul>"
                ),
                "tips": (
                    "<p>Werkvorm: mindmap, met de vier dimensies (lichamelijk, psychisch, sociaal "
                    "en levensbeschouwelijk) als hoofdtakken.</p>"
                    "<p>PowerPoint-presentatie met dia's over de essentie.</p>"
                ),
                "work_methods": ["Mindmap"],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 40,
                "part": "Aan de slag",
                "description": (
                    "<p>In drietallen oefenen de deelnemers het begin van een gesprek over de "
                    "toekomst, op basis van de casus uit hoofdstuk 3 van het boek. Na elke ronde "
                    "bespreken zij:</p>"
                    "<ol>"
                    "<li>Hoe opende de zorgverlener het gesprek, en hoe reageerde de patiënt "
                    "daarop?</li>"
                    "<li>Welke vragen hielpen om te ontdekken wat de patiënt echt belangrijk "
                    "vindt?</li>"
                    "<li>Kwamen naast medische onderwerpen ook psychische, sociale en "
                    "levensvragen aan bod?</li>"
                    "<li>Welke afspraken kwamen eruit, en hoe zou je die vastleggen en "
                    "doorgeven?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: rollenspel met een zorgverlener, een patiënt en een "
                    "observator.</p>"
                    "<p>Voorbeelden van openingsvragen: Wat weet u over hoe het met uw ziekte "
                    "gaat? Als u aan de komende tijd denkt, wat is dan voor u het belangrijkst? "
                    "Waar maakt u zich zorgen over? Wat geeft u kracht?</p>"
                ),
                "work_methods": ["Rollenspel"],
                "materials": [
                    "de casus uit hoofdstuk 3 van het boek, geprint, één per drietal",
                ],
                "for_participants": True,
            },
            {
                "minutes": 30,
                "part": "Reflecteren op eigen handelen",
                "description": (
                    "<p>Voorbeelden van reflectievragen:</p>"
                    "<ol>"
                    "<li>Wanneer vind jij het een goed moment om over de toekomst te beginnen, en "
                    "wat houdt je soms tegen?</li>"
                    "<li>Wie voert in jouw werksituatie deze gesprekken, en wat kun jij zelf "
                    "bijdragen, ook als leerling of vrijwilliger?</li>"
                    "<li>Hoe zorg je dat de wensen van een patiënt bekend zijn bij de "
                    "huisartsenpost of de ambulancedienst als hij 's nachts in een crisis "
                    "raakt?</li>"
                    "<li>Wat zou jij zelf willen dat je zorgverleners van je weten?</li>"
                    "</ol>"
                ),
                "tips": "<p>Werkvorm: reflectiegesprek in duo's.</p>",
                "work_methods": ["Reflectiegesprek in duo's"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 20,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>Inzichten en vragen uit de drietallen en duo's plenair bespreken.</li>"
                    "<li>Samen terugkijken op de leerdoelen.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 4. Individueel zorgplan
    {
        "essence": 4,
        "title": "Persoonlijk dossier",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>In het individueel zorgplan staat wat de patiënt belangrijk vindt, welke doelen "
            "hij heeft en welke afspraken er over zorg en behandeling zijn gemaakt, op alle "
            "dimensies: lichamelijk, psychisch, sociaal en levensbeschouwelijk. Het plan is van de "
            "patiënt. Hij en zijn naasten kunnen het inzien, en elke betrokken zorgverlener werkt "
            "ermee.</p>"
            "<p>Een zorgplan heeft alleen waarde als het actueel is en met de patiënt meegaat "
            "wanneer hij van de ene zorgsetting naar de andere gaat. Dat vraagt duidelijke "
            "afspraken over wie het plan bijhoudt, wanneer het wordt bijgesteld en hoe de "
            "informatie de juiste mensen bereikt.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 70,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 4 ‘Persoonlijk dossier’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 4 ‘Persoonlijk dossier’ beluisteren",
                "minutes": 35,
                "link": "",
            },
            {
                "activity": (
                    "Een zorgplan uit de eigen organisatie zonder herleidbare gegevens "
                    "opzoeken en bekijken"
                ),
                "minutes": 20,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.4 Individueel zorgplan uit het Kwaliteitskader palliatieve "
                    "zorg Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {"text": f"Hoofdstuk 4 ‘Persoonlijk dossier’ uit het boek {BOOK} lezen", "link": ""},
            {
                "text": "Aflevering 4 van de Palliapodcast, ‘Persoonlijk dossier’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over het individueel zorgplan bekijken, te vinden via de "
                    "pagina over het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Nagaan hoe in de eigen organisatie de wensen en afspraken van "
                    "palliatieve patiënten worden vastgelegd"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "weet welke onderdelen in een individueel zorgplan voor de palliatieve fase "
                "thuishoren, verdeeld over de vier dimensies"
            ),
            (
                "kan wensen, doelen en afspraken van patiënt en naasten zo vastleggen dat ze voor "
                "alle betrokkenen vindbaar en bruikbaar zijn"
            ),
            (
                "ziet het belang van een zorgplan dat actueel blijft en meegaat bij overdrachten "
                "tussen zorgsettingen"
            ),
        ],
        "sessions": [
            OPENING,
            {
                "minutes": 20,
                "part": "Essentie Individueel zorgplan",
                "description": (
                    "<ul>"
                    "<li>Deelnemers beantwoorden de vraag: wat staat er volgens mij in een goed "
                    "zorgplan, en voor wie is het bedoeld?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 35,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen bekijken de deelnemers een zorgplan, uit "
                    "de eigen organisatie of uitgewerkt bij de casus uit hoofdstuk 4 van het "
                    "boek:</p>"
                    "<ol>"
                    "<li>Staat in dit plan wat de patiënt zelf belangrijk vindt, in zijn eigen "
                    "woorden?</li>"
                    "<li>Welke dimensies zijn goed uitgewerkt en welke ontbreken?</li>"
                    "<li>Is duidelijk wie het aanspreekpunt is en wie het plan bijwerkt?</li>"
                    "<li>Kan een invaller of de huisartsenpost in de nacht met dit plan uit de "
                    "voeten?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: casusbespreking in kleine groepen. Zorg dat zorgplannen uit de "
                    "eigen organisatie geen herleidbare gegevens bevatten.</p>"
                ),
                "work_methods": ["Casusbespreking in kleine groepen"],
                "materials": [
                    "geprinte zorgplannen (zonder herleidbare gegevens) of casus, één per groepje",
                ],
                "for_participants": True,
            },
            {
                "minutes": 30,
                "part": "Het zorgplan aanvullen",
                "description": (
                    "<ul>"
                    "<li>Per groepje maken de deelnemers een mindmap van wat de patiënt uit het "
                    "boek belangrijk vindt, langs de vier dimensies.</li>"
                    "<li>Daarna vertalen zij de mindmap naar drie concrete afspraken voor het "
                    "zorgplan: wat wordt er gedaan, door wie en wanneer wordt het "
                    "geëvalueerd?</li>"
                    "</ul>"
                ),
                "tips": (
                    "<p>Werkvorm: mindmap. Leg de afspraken van de groepjes naast elkaar op een "
                    "flap-over, zodat de verschillen zichtbaar worden.</p>"
                ),
                "work_methods": ["Mindmap"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 25,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>De groepjes presenteren hun afspraken en wat hen opviel aan het "
                    "zorgplan.</li>"
                    "<li>Samen terugkijken op de leerdoelen.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [
                    "flip-over om de afspraken van de groepjes naast elkaar te zetten",
                ],
                "for_participants": False,
            },
        ],
    },
    # 5. Coördinatie en continuïteit
    {
        "essence": 5,
        "title": "Onderlinge afstemming en voortgang",
        "content_status": FROM_GUIDE,
        "source_note": (
            "Gebaseerd op de docentenhandreiking voor workshop 5 (versie 1.0, oktober 2024): "
            "programma, leerdoelen en voorbereiding, op deze site in eigen woorden. De "
            "leesvraag, de materialen en de kaarten zijn voorbeelden van deze site."
        ),
        "authors": GUIDE_AUTHORS,
        "versions": [GUIDE_VERSION],
        "introduction": (
            "<p>Palliatieve zorg van goede kwaliteit vraagt om coördinatie en continuïteit: "
            "zorgverleners denken met kennis van zaken vooruit en organiseren de zorg op tijd. "
            "Dat is niet eenvoudig wanneer meerdere zorgverleners in uiteenlopende zorgsettingen "
            "tegelijk zorg en ondersteuning bieden en die op elkaar moeten afstemmen. Daarom is "
            "het zaak om rond de patiënt en zijn naasten een persoonlijk team van zorgverleners "
            "samen te stellen dat aansluit bij hun wensen en behoeften en dat altijd bereikbaar "
            "is.</p>"
            "<p>Binnen dat team wordt één zorgverlener aangewezen als vast aanspreekpunt, voor de "
            "teamleden en voor de patiënt en zijn naasten. Zo houden de patiënt en zijn naasten "
            "zoveel mogelijk zelf de regie over hun leven.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 75,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 5 ‘Onderlinge afstemming en voortgang’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 5 ‘Onderlinge afstemming en voortgang’ beluisteren",
                "minutes": 40,
                "link": PODCAST_5,
            },
            {"activity": "De aangereikte literatuur doornemen", "minutes": 20, "link": ""},
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.5 Coördinatie en continuïteit uit het Kwaliteitskader "
                    "palliatieve zorg Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {
                "text": (
                    f"Hoofdstuk 5 ‘Onderlinge afstemming en voortgang’ uit het boek {BOOK} lezen"
                ),
                "link": "",
            },
            {
                "text": (
                    "Aflevering 5 van de Palliapodcast, ‘Onderlinge afstemming en "
                    "voortgang’, beluisteren"
                ),
                "link": PODCAST_5,
            },
            {"text": "De animatie Coördinatie en continuïteit bekijken", "link": ANIMATION_5},
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "wordt aangemoedigd om coördinatie en continuïteit van zorg op het goede moment in "
                "gang te zetten en die gedurende de palliatieve fase van de patiënt te blijven "
                "bewaken"
            ),
            (
                "ziet hoe belangrijk het is om inter- en multidisciplinair samen te werken en de "
                "zorg af te stemmen met de patiënt, zijn naasten en de betrokken professionals in "
                "de palliatieve (keten)zorg en het palliatieve netwerk"
            ),
            "kan reflecteren op ervaringen uit de eigen praktijk",
        ],
        "sessions": [
            {
                "minutes": 10,
                "part": "Inleiding",
                "description": (
                    "<ul>"
                    "<li>De trainer licht het programma toe.</li>"
                    "<li>Korte kennismakingsronde, als dat nodig is.</li>"
                    "<li>Deelnemers vertellen wat zij van de workshop verwachten en brengen hun "
                    "leerpunten in.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met het programma.</p>",
                "work_methods": [],
                "materials": [
                    "beamer en laptop met de presentatie",
                ],
                "for_participants": False,
            },
            {
                "minutes": 20,
                "part": "Essentie Coördinatie en continuïteit",
                "description": (
                    "<ul>"
                    "<li>Deelnemers geven antwoord op de vraag: wat betekenen coördinatie en "
                    "continuïteit voor mij?</li>"
                    "<li>De trainer vat de essentie samen met behulp van het Kwaliteitskader "
                    "palliatieve zorg Nederland en de "
                    f'<a href="{COORDINATION_PAGE}">pagina over deze essentie op Palliaweb</a>.'
                    "</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 35,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen gaan de deelnemers aan de hand van de "
                    "casus uit het boek in op de volgende vragen:</p>"
                    "<ol>"
                    "<li>In de loop van zijn ziekte krijgt een patiënt vaak met verschillende "
                    "zorgaanbieders te maken, zoals de huisarts, het ziekenhuis, de thuiszorg, "
                    "het verpleeghuis en het hospice. Wat doe jij om ervoor te zorgen dat de zorg "
                    "van al die partijen goed op elkaar aansluit?</li>"
                    "<li>Hoe zorg jij er, vanuit je eigen rol in de zorg rond de patiënt, voor dat "
                    "de informatie die ertoe doet met de anderen wordt gedeeld?</li>"
                    "<li>Hoe regel je dat er in complexe situaties specialisten in palliatieve "
                    "zorg meedenken? Weet je hoe je hen vindt, of bij wie je daarvoor kunt "
                    "aankloppen?</li>"
                    "</ol>"
                ),
                "tips": (
                    f"<p>Hulpmiddel: de casus uit het boek {BOOK} en de vragen die daarbij in "
                    "de PowerPoint-presentatie staan.</p>"
                    "<p>Werkvorm: een leergesprek met de zes denkhoeden van De Bono. Kies drie "
                    "van de zes hoeden, zodat de deelnemers de vragen vanuit verschillende "
                    "gezichtspunten bekijken:</p>"
                    "<ul>"
                    "<li>analytisch (witte hoed);</li>"
                    "<li>positief (gele hoed);</li>"
                    "<li>gevoelsmatig (rode hoed).</li>"
                    "</ul>"
                ),
                "work_methods": ["Zes denkhoeden van De Bono"],
                "materials": [
                    "de casus uit hoofdstuk 5 van het boek, geprint, één per groepje",
                ],
                "for_participants": True,
            },
            {
                "minutes": 35,
                "part": "Reflecteren op eigen handelen",
                "description": (
                    "<p>Voorbeelden van reflectievragen:</p>"
                    "<ol>"
                    "<li>Wat is jouw rol als zorgverlener wanneer een patiënt wordt overgedragen "
                    "aan een andere zorginstelling? Op welke manier betrek je de patiënt en zijn "
                    "naasten daarbij?</li>"
                    "<li>Afstemming en continuïteit verlopen soepeler naarmate het behandelteam "
                    "kleiner is en er minder hindernissen zijn. Hoe merk jij op dat er iets in de "
                    "weg zit, en wat doe je dan?</li>"
                    "<li>Marcella geeft zorgverleners in het boek de raad om eerst verbinding te "
                    "maken en aan te sluiten bij waar cliënten op dat moment staan: hoor eerst "
                    "aan wat hen bezighoudt, wat hen ongerust maakt, welke vragen er leven en wat "
                    "zij zelf willen, en stem je informatie daar vervolgens op af."
                    "<ul>"
                    "<li>a) Hoe zou jij dat aanpakken, en hoe zorg je ervoor dat de zorg wordt "
                    "georganiseerd rond wat voor de patiënt en zijn naasten belangrijk is?</li>"
                    "</ul>"
                    "</li>"
                    "<li>Ben reikt in het boek een aantal vragen aan die een zorgverlener aan "
                    "een patiënt kan stellen (zie hieronder). Welke van deze vragen, of welke "
                    "andere, zou jij (vaker) willen stellen?"
                    "<ul>"
                    "<li>Zijn er op dit moment nog losse eindjes in alles wat je vanwege je "
                    "ziekte en behandeling moet doen?</li>"
                    "<li>Welke dingen zitten je hoog, terwijl niemand je ernaar vraagt?</li>"
                    "<li>Wat zit je het meest in de weg bij alles wat wij vanuit de medische "
                    "kant van je vragen?</li>"
                    "<li>Wat is thuis het lastigst, op de momenten dat jullie op jezelf "
                    "aangewezen zijn?</li>"
                    "</ul>"
                    "</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: een reflectiegesprek, bijvoorbeeld in duo's of in kleine "
                    "groepjes.</p>"
                    "<p>Hulpmiddel: de "
                    f'<a href="{TRANSITIONS_PUBLICATION}">publicatie op Palliaweb over de '
                    "overgang tussen zorginstellingen</a>, waarin de ervaringen van zorgverleners "
                    "en van patiënten naast elkaar worden gezet.</p>"
                ),
                "work_methods": ["Reflectiegesprek in duo's"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 20,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>De inzichten en vragen uit de groepjes worden met de hele groep "
                    "besproken.</li>"
                    "<li>Samen terugkijken op de leerdoelen.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 6. Deskundigheid
    {
        "essence": 6,
        "title": "Kennis en vaardigheden",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Goede palliatieve zorg vraagt van iedere zorgverlener en vrijwilliger kennis, "
            "vaardigheden en een houding die passen bij zijn of haar rol. Basiskennis van "
            "symptoombestrijding, van de vier dimensies en van communicatie hoort bij de "
            "algemene zorg die iedere zorgverlener biedt; in complexe situaties is de inbreng "
            "van specialisten in palliatieve zorg nodig.</p>"
            "<p>Deskundig zijn betekent daarom ook: de grenzen van je eigen deskundigheid kennen, "
            "op tijd een collega of een consultatieteam palliatieve zorg raadplegen, en blijven "
            "leren, bijvoorbeeld door scholing, intervisie en het gebruik van richtlijnen.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 65,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 6 ‘Kennis en vaardigheden’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 6 ‘Kennis en vaardigheden’ beluisteren",
                "minutes": 30,
                "link": "",
            },
            {
                "activity": (
                    "De richtlijnen palliatieve zorg op Palliaweb en de mogelijkheden "
                    "voor consultatie in de eigen regio verkennen"
                ),
                "minutes": 20,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.6 Deskundigheid uit het Kwaliteitskader palliatieve zorg "
                    "Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {
                "text": f"Hoofdstuk 6 ‘Kennis en vaardigheden’ uit het boek {BOOK} lezen",
                "link": "",
            },
            {
                "text": "Aflevering 6 van de Palliapodcast, ‘Kennis en vaardigheden’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over deskundigheid bekijken, te vinden via de pagina over "
                    "het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Opzoeken welk consultatieteam of netwerk palliatieve zorg in de eigen "
                    "regio actief is en hoe je het bereikt"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "kan benoemen welke kennis, vaardigheden en houding de eigen rol in de palliatieve "
                "zorg vraagt"
            ),
            (
                "herkent wanneer een situatie de eigen deskundigheid te boven gaat en weet hoe en "
                "bij wie consultatie kan worden gevraagd"
            ),
            (
                "kan een persoonlijk leerdoel opstellen om de eigen deskundigheid in de "
                "palliatieve zorg verder te ontwikkelen"
            ),
        ],
        "sessions": [
            OPENING,
            {
                "minutes": 15,
                "part": "Essentie Deskundigheid",
                "description": (
                    "<ul>"
                    "<li>Deelnemers beantwoorden de vraag: wat maakt iemand in mijn ogen "
                    "deskundig in de palliatieve zorg?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en licht het verschil toe tussen algemene en "
                    "gespecialiseerde palliatieve zorg.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 20,
                "part": "Stellingen",
                "description": (
                    "<p>De deelnemers nemen stelling bij uitspraken als:</p>"
                    "<ol>"
                    "<li>Iedere zorgverlener moet de basis van symptoombestrijding "
                    "beheersen.</li>"
                    "<li>Wie een consultatieteam inschakelt, geeft toe dat hij het zelf niet "
                    "kan.</li>"
                    "<li>Een vrijwilliger heeft een andere, maar geen kleinere deskundigheid dan "
                    "een verpleegkundige.</li>"
                    "<li>Ervaring weegt zwaarder dan scholing.</li>"
                    "</ol>"
                ),
                "tips": "<p>Werkvorm: stellingenspel.</p>",
                "work_methods": ["Stellingenspel"],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 40,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen bespreken de deelnemers de casus uit "
                    "hoofdstuk 6 van het boek:</p>"
                    "<ol>"
                    "<li>Welke kennis en vaardigheden waren in deze situatie nodig, en waren die "
                    "aanwezig?</li>"
                    "<li>Op welk moment was het verstandig geweest om een collega of het "
                    "consultatieteam palliatieve zorg in te schakelen?</li>"
                    "<li>Welke richtlijnen of hulpmiddelen hadden hier kunnen helpen?</li>"
                    "<li>Wat merkten de patiënt en zijn naasten van de deskundigheid, of het "
                    "gebrek daaraan, van de zorgverleners?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: casusbespreking in kleine groepen.</p>"
                    "<p>Hulpmiddel: de richtlijnen palliatieve zorg op Palliaweb en de "
                    "contactgegevens van het consultatieteam in de eigen regio.</p>"
                ),
                "work_methods": ["Casusbespreking in kleine groepen"],
                "materials": [
                    "de casus uit hoofdstuk 6 van het boek, geprint, één per groepje",
                    "contactgegevens van het consultatieteam in de eigen regio",
                ],
                "for_participants": True,
            },
            {
                "minutes": 20,
                "part": "Reflecteren op eigen deskundigheid",
                "description": (
                    "<p>Voorbeelden van reflectievragen:</p>"
                    "<ol>"
                    "<li>In welke situatie voelde jij je onvoldoende toegerust, en wat heb je "
                    "toen gedaan?</li>"
                    "<li>Wat heb jij nodig om op tijd om hulp of advies te vragen?</li>"
                    "<li>Welk concreet leerdoel stel jij jezelf voor het komende halfjaar?</li>"
                    "</ol>"
                ),
                "tips": "<p>Werkvorm: reflectiegesprek in duo's.</p>",
                "work_methods": ["Reflectiegesprek in duo's"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 15,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>Inzichten en vragen uit de groepjes plenair bespreken.</li>"
                    "<li>Enkele deelnemers delen hun persoonlijke leerdoel.</li>"
                    "<li>Terugblik op de leerdoelen en afsluiting.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 7. Effectieve communicatie
    {
        "essence": 7,
        "title": "Goed contact",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Effectieve communicatie is het fundament onder alle andere essenties. Het gaat om "
            "open en eerlijk contact, waarin de zorgverlener nagaat wat de patiënt en zijn "
            "naasten al weten en willen weten, informatie geeft in begrijpelijke taal en ruimte "
            "laat voor emoties. Ook wat niet wordt gezegd, zoals lichaamstaal, stiltes en "
            "onuitgesproken zorgen, verdient aandacht.</p>"
            "<p>Goed contact vraagt bovendien oog voor verschillen in taalvaardigheid, "
            "gezondheidsvaardigheden, cultuur en levensbeschouwing. En het vraagt afstemming "
            "tussen zorgverleners onderling, zodat de patiënt en zijn naasten niet van iedereen "
            "een ander verhaal te horen krijgen.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 65,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 7 ‘Goed contact’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 7 ‘Goed contact’ beluisteren",
                "minutes": 35,
                "link": "",
            },
            {
                "activity": (
                    "Achtergrondinformatie over luisteren, samenvatten en doorvragen doornemen"
                ),
                "minutes": 15,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.7 Effectieve communicatie uit het Kwaliteitskader palliatieve "
                    "zorg Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {"text": f"Hoofdstuk 7 ‘Goed contact’ uit het boek {BOOK} lezen", "link": ""},
            {
                "text": "Aflevering 7 van de Palliapodcast, ‘Goed contact’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over effectieve communicatie bekijken, te vinden via de "
                    "pagina over het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": (
                    "Een gesprek uit de eigen praktijk voor ogen nemen dat goed verliep, en "
                    "een gesprek dat moeizaam ging"
                ),
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "kan in een gesprek nagaan wat de patiënt en zijn naasten weten en willen weten, "
                "en de informatie daarop afstemmen"
            ),
            "past luisteren, samenvatten en doorvragen toe en geeft ruimte aan emoties",
            (
                "is zich bewust van de eigen manier van communiceren en van wat het contact met "
                "patiënt en naasten bevordert of belemmert"
            ),
        ],
        "sessions": [
            OPENING,
            {
                "minutes": 20,
                "part": "Essentie Effectieve communicatie",
                "description": (
                    "<ul>"
                    "<li>Deelnemers beantwoorden de vraag: wanneer heb ik het gevoel dat ik echt "
                    "contact heb met een patiënt of naaste?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en licht het principe vragen, vertellen, vragen "
                    "toe: eerst nagaan wat iemand weet, dan informatie geven, dan checken hoe "
                    "die is aangekomen.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 25,
                "part": "Luisteren, samenvatten en doorvragen",
                "description": (
                    "<p>In tweetallen vertelt een deelnemer over een ervaring die is bijgebleven; "
                    "de ander luistert, vat samen en vraagt door. Daarna wisselen zij. Bespreek "
                    "na afloop:</p>"
                    "<ol>"
                    "<li>Hoe was het om alleen te luisteren, zonder advies te geven of je eigen "
                    "verhaal te vertellen?</li>"
                    "<li>Welke vraag hielp de verteller om verder te komen?</li>"
                    "<li>Wat deed de samenvatting met de verteller?</li>"
                    "</ol>"
                ),
                "tips": "<p>Werkvorm: luisteroefening in tweetallen.</p>",
                "work_methods": ["Luisteroefening in tweetallen"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 40,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen oefenen de deelnemers een lastig gesprek, "
                    "bijvoorbeeld: een patiënt vraagt hoe lang hij nog heeft; een naaste is boos "
                    "omdat niemand hem iets vertelt; een patiënt spreekt weinig Nederlands. De "
                    "observator let op de volgende vragen:</p>"
                    "<ol>"
                    "<li>Ging de zorgverlener na wat de patiënt of naaste al wist en wilde "
                    "weten?</li>"
                    "<li>Was de informatie helder, eerlijk en in begrijpelijke taal?</li>"
                    "<li>Hoe ging de zorgverlener om met emoties en met stiltes?</li>"
                    "<li>Wat zei de lichaamshouding van beide gesprekspartners?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: rollenspel. Laat de observator zijn feedback beginnen met wat "
                    "goed ging, en pas daarna benoemen wat anders kan.</p>"
                ),
                "work_methods": ["Rollenspel"],
                "materials": [
                    "kaartjes met de lastige gesprekssituaties, één set per groepje",
                ],
                "for_participants": True,
            },
            {
                "minutes": 25,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>De groepjes delen wat zij van de oefeningen hebben geleerd.</li>"
                    "<li>Samen terugkijken op de leerdoelen.</li>"
                    "<li>Afsluiting van de workshop.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
    # 8. Persoonlijke balans
    {
        "essence": 8,
        "title": "Goed voor jezelf zorgen",
        **EXAMPLE_CONTENT,
        "introduction": (
            "<p>Wie zorgt voor mensen in de laatste fase van hun leven, krijgt te maken met "
            "verdriet, machteloosheid en soms morele dilemma's. Dat raakt, en dat mag ook. Om "
            "deze zorg lang en met aandacht te kunnen blijven geven, moeten zorgverleners en "
            "vrijwilligers ervoor zorgen dat hun draagkracht en wat zij te dragen krijgen met "
            "elkaar in evenwicht blijven.</p>"
            "<p>Persoonlijke balans vraagt zelfkennis: weten wat je energie geeft en wat energie "
            "kost, signalen van overbelasting op tijd opmerken en steun durven zoeken. Het is ook "
            "een gedeelde verantwoordelijkheid van teams en organisaties, bijvoorbeeld door tijd "
            "te maken voor nabesprekingen, intervisie en rituelen na een overlijden.</p>"
        ),
        "duration_minutes": 120,
        "preparation_minutes": 70,
        "preparation_items": [
            {
                "activity": "Hoofdstuk 8 ‘Goed voor jezelf zorgen’ uit het boek lezen",
                "minutes": 15,
                "link": "",
            },
            {
                "activity": "Podcastaflevering 8 ‘Goed voor jezelf zorgen’ beluisteren",
                "minutes": 40,
                "link": "",
            },
            {
                "activity": (
                    "Nagaan welke vormen van steun en nazorg voor medewerkers de eigen "
                    "organisatie biedt"
                ),
                "minutes": 15,
                "link": "",
            },
        ],
        "participant_preparation": [
            {
                "text": (
                    "Domein 2.8 Persoonlijke balans uit het Kwaliteitskader palliatieve zorg "
                    "Nederland doornemen"
                ),
                "link": KWALITEITSKADER_PDF,
            },
            {
                "text": f"Hoofdstuk 8 ‘Goed voor jezelf zorgen’ uit het boek {BOOK} lezen",
                "link": "",
            },
            {
                "text": "Aflevering 8 van de Palliapodcast, ‘Goed voor jezelf zorgen’, beluisteren",
                "link": "",
            },
            {
                "text": (
                    "De animatie over persoonlijke balans bekijken, te vinden via de pagina "
                    "over het Kwaliteitskader op Palliaweb"
                ),
                "link": KWALITEITSKADER_PAGE,
            },
            {
                "text": "Opschrijven wat je in je werk energie geeft en wat je energie kost",
                "link": "",
            },
            {"text": "Eigen leerpunten voor de workshop opschrijven", "link": ""},
        ],
        "learning_goals": [
            (
                "herkent bij zichzelf en bij collega's signalen dat de balans tussen draagkracht "
                "en draaglast verstoord raakt"
            ),
            (
                "kent manieren om goed voor zichzelf te zorgen en weet waar binnen en buiten de "
                "organisatie steun te vinden is"
            ),
            (
                "kan reflecteren op eigen ervaringen met verlies en verdriet en op de invloed "
                "daarvan op het eigen werk"
            ),
        ],
        "sessions": [
            {
                "minutes": 10,
                "part": "Inleiding",
                "description": (
                    "<ul>"
                    "<li>De trainer licht het programma toe.</li>"
                    "<li>Afspraken over vertrouwelijkheid: wat in de groep wordt gedeeld, blijft "
                    "in de groep.</li>"
                    "<li>Deelnemers vertellen wat zij verwachten en welke leerpunten zij "
                    "inbrengen.</li>"
                    "</ul>"
                ),
                "tips": (
                    "<p>PowerPoint-presentatie met het programma. Dit onderwerp kan persoonlijk "
                    "worden; benadruk dat iedereen zelf bepaalt wat hij of zij deelt.</p>"
                ),
                "work_methods": [],
                "materials": [
                    "beamer en laptop met de presentatie",
                ],
                "for_participants": False,
            },
            {
                "minutes": 20,
                "part": "Essentie Persoonlijke balans",
                "description": (
                    "<ul>"
                    "<li>Deelnemers beantwoorden de vraag: hoe merk ik dat ik goed in balans "
                    "ben, en hoe merk ik dat ik dat niet ben?</li>"
                    "<li>De trainer vat de essentie samen aan de hand van het Kwaliteitskader "
                    "palliatieve zorg Nederland en licht het begrippenpaar draagkracht en "
                    "draaglast toe.</li>"
                    "</ul>"
                ),
                "tips": "<p>PowerPoint-presentatie met dia's over de essentie.</p>",
                "work_methods": [],
                "materials": [],
                "for_participants": False,
            },
            {
                "minutes": 30,
                "part": "Aan de slag",
                "description": (
                    "<p>In groepjes van 3 à 4 personen maken de deelnemers een mindmap met twee "
                    "hoofdtakken: wat geeft mij energie in mijn werk, en wat kost mij energie? "
                    "Daarna bespreken zij:</p>"
                    "<ol>"
                    "<li>Welke overeenkomsten en verschillen zien jullie?</li>"
                    "<li>Op welke energievreters heb je zelf invloed, en op welke niet?</li>"
                    "<li>Wat kan het team of de organisatie doen om de balans te bewaken?</li>"
                    "</ol>"
                ),
                "tips": "<p>Werkvorm: mindmap op een flap-over per groepje.</p>",
                "work_methods": ["Mindmap"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 40,
                "part": "Reflecteren op eigen handelen",
                "description": (
                    "<p>Voorbeelden van reflectievragen:</p>"
                    "<ol>"
                    "<li>Denk aan een patiënt of naaste die je is bijgebleven. Wat maakte dat zo, "
                    "en wat heb je gedaan om het een plek te geven?</li>"
                    "<li>Aan welke signalen merk jij dat je over je grens gaat? Zien anderen dat "
                    "soms eerder dan jij?</li>"
                    "<li>Wat doe jij na een zware dienst of na een overlijden om los te "
                    "laten?</li>"
                    "<li>Bij wie kun jij terecht, en maak je daar ook gebruik van? Wat houdt je "
                    "soms tegen?</li>"
                    "</ol>"
                ),
                "tips": (
                    "<p>Werkvorm: reflectiegesprek in duo's. Wijs aan het eind op de "
                    "mogelijkheden voor steun en nazorg in de eigen organisatie.</p>"
                ),
                "work_methods": ["Reflectiegesprek in duo's"],
                "materials": [],
                "for_participants": True,
            },
            {
                "minutes": 20,
                "part": "Plenaire terugkoppeling",
                "description": (
                    "<ul>"
                    "<li>Inzichten uit de groepjes en duo's plenair bespreken, voor zover "
                    "deelnemers die willen delen.</li>"
                    "<li>Iedere deelnemer noemt één concreet voornemen om goed voor zichzelf te "
                    "zorgen.</li>"
                    "<li>Terugblik op de leerdoelen en afsluiting.</li>"
                    "</ul>"
                ),
                "tips": "<p>Sluit af met het stoplichtmodel (zie de PowerPoint-presentatie).</p>",
                "work_methods": ["Stoplichtmodel"],
                "materials": [],
                "for_participants": False,
            },
        ],
    },
]


def check(
    *,
    essences: list[dict] = ESSENCES,
    work_methods: list[dict] = WORK_METHODS,
    series: dict = SERIES,
    workshops: list[dict] = WORKSHOPS,
) -> None:
    """Every sum adds up and every reference exists; raises DemoContentError on the first item
    that does not. `manage.py load_demo` runs it before writing anything; the tests hand it
    broken copies."""
    allowed_tags = {"p", "ul", "ol", "li", "b", "i", "a"}

    def check_html(html: str, where: str) -> None:
        checks.check_html(html, where, allowed_tags)

    method_names = [method["name"] for method in work_methods]
    require(len(method_names) == len(set(method_names)), "duplicate work method names")
    chapter_titles = {essence["number"]: essence["chapter_title"] for essence in essences}
    require(
        [essence["number"] for essence in essences] == list(range(1, 9)),
        "essences must be numbered 1..8 in order",
    )
    for essence in essences:
        expected = f"2.{essence['number']} {essence['name']}"
        require(essence["kwaliteitskader_section"] == expected, f"section of {essence['name']}")
        require(len(essence["description"]) <= 800, f"description of {essence['name']}")
        check_essence_material(essence)
    require(
        [workshop["essence"] for workshop in workshops] == list(range(1, 9)),
        "workshops must be ordered by essence 1..8",
    )

    for key in ("introduction", "guidance", "target_group", "setup"):
        check_html(series[key], f"series {key}")
    check_html(series["programme_structure"], "series programme_structure")
    check_html(series["preparation"], "series preparation")
    require(
        not series.get("authors") and not series.get("versions"),
        "series: authors and versions belong to each workshop, not to the series",
    )
    for method in work_methods:
        check_html(method["how_to_use"], method["name"])
        require(len(method["description"]) <= 800, f"description of {method['name']}")
        require(len(method["source"]) <= 300, f"source of {method['name']}")
        check_work_method_material(method)

    for workshop in workshops:
        number = workshop["essence"]
        name = f"workshop {number}"
        require(workshop["title"] == chapter_titles[number], f"{name}: title is not the chapter")
        check_html(workshop["introduction"], name)
        preparation = sum(item["minutes"] for item in workshop["preparation_items"])
        require(
            preparation == workshop["preparation_minutes"],
            (
                f"{name}: preparation items add up to {preparation}, "
                f"not {workshop['preparation_minutes']}"
            ),
        )
        programme = sum(session["minutes"] for session in workshop["sessions"])
        require(
            programme == workshop["duration_minutes"] == 120,
            f"{name}: sessions add up to {programme}, not {workshop['duration_minutes']}",
        )
        require(4 <= len(workshop["sessions"]) <= 6, f"{name}: 4 to 6 sessions")
        require(len(workshop["learning_goals"]) == 3, f"{name}: three learning goals")
        require(
            all(len(goal) <= 300 for goal in workshop["learning_goals"]),
            f"{name}: learning goal longer than 300 characters",
        )
        require(
            all(len(item["activity"]) <= 250 for item in workshop["preparation_items"]),
            f"{name}: preparation activity longer than 250 characters",
        )
        require(
            all(len(task["text"]) <= 300 for task in workshop["participant_preparation"]),
            f"{name}: participant task longer than 300 characters",
        )
        require(
            any("<ol>" in session["description"] for session in workshop["sessions"]),
            f"{name}: no numbered question list",
        )
        check_provenance(workshop, name)
        require(
            any(session["for_participants"] for session in workshop["sessions"]),
            f"{name}: no part for participants (the handout would be empty)",
        )
        for session in workshop["sessions"]:
            where = f"{name} / {session['part']}"
            require(len(session["part"]) <= 120, f"{where}: part longer than 120 characters")
            require(
                all(0 < len(item) <= 120 for item in session["materials"]),
                f"{where}: materials must be short lines",
            )
            check_html(session["description"], where)
            check_html(session["tips"], where)
            for method in session["work_methods"]:
                require(method in method_names, f"{where}: unknown work method {method!r}")

    workshop_5 = workshops[4]
    require(
        [item["minutes"] for item in workshop_5["preparation_items"]] == [15, 40, 20],
        "workshop 5: preparation must be 15 + 40 + 20",
    )
    require(
        [session["minutes"] for session in workshop_5["sessions"]] == [10, 20, 35, 35, 20],
        "workshop 5: programme must be 10 + 20 + 35 + 35 + 20",
    )
    # Only workshop 5 has a trainer guide behind it; the others are this site's examples.
    require(
        workshop_5["content_status"] == FROM_GUIDE
        and workshop_5["authors"] == GUIDE_AUTHORS
        and workshop_5["versions"] == [GUIDE_VERSION],
        "workshop 5: from the trainer guide, with its five authors and version 1.0",
    )
    for workshop in workshops:
        if workshop is not workshop_5:
            require(
                workshop["content_status"] == EXAMPLE,
                f"workshop {workshop['essence']}: example content, not from a trainer guide",
            )


def check_essence_material(essence: dict) -> None:
    """The book chapter, reading question and quotation of one essence."""
    name = essence["name"]
    require(
        essence["book_chapter"].startswith(f"Hoofdstuk {essence['number']}, ")
        and len(essence["book_chapter"]) <= 250,
        f"book chapter of {name}",
    )
    require(
        0 < len(essence["reading_question"]) <= 600 and essence["reading_question"].endswith("?"),
        f"reading question of {name}",
    )
    # Only real quotations, with their source: none is better than an invented one.
    require(
        bool(essence["quotation"]) == bool(essence["quotation_source"]),
        f"quotation of {name} without its source",
    )


def check_work_method_material(method: dict) -> None:
    """Group size, materials and printable cards of one work method."""
    name = method["name"]
    require(len(method["group_size"]) <= 120, f"group size of {name}")
    require(len(method["materials"]) <= 800, f"materials of {name}")
    colours = {value for value, _label in CARD_COLOURS}
    for card in method["cards"]:
        where = f"{name} / card {card['title']!r}"
        require(card["colour"] in colours, f"{where}: colour {card['colour']!r} unknown")
        require(len(card["title"]) <= 60 and len(card["text"]) <= 300, f"{where}: too long")


def check_provenance(workshop: dict, name: str) -> None:
    """Source, status, authors and versions of one workshop."""
    status = workshop["content_status"]
    require(status in ContentStatus.values, f"{name}: unknown content status {status!r}")
    require(0 < len(workshop["source_note"]) <= 600, f"{name}: source note missing or too long")
    if status == EXAMPLE:
        # Example content written for this site is nobody's guide: no borrowed names.
        require(not workshop["authors"], f"{name}: example content has no authors")
    else:
        require(bool(workshop["authors"]), f"{name}: authors missing")
    require(bool(workshop["versions"]), f"{name}: no version")
    for version, date, changes in workshop["versions"]:
        require(len(version) <= 20 and len(changes) <= 300, f"{name}: version {version!r}")
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            require(False, f"{name}: version {version} has no valid date ({date!r})")
