"""Demo content for the expert library: fictional experts, texts written for this site."""

import re

from cms.demo import checks
from cms.demo.checks import require
from library.catalogue.criteria import (
    CRITERIA,
    EXPERIENCE,
    OPTIONAL_CRITERIA,
    PROFESSIONAL,
    VOLUNTEER,
)

SECRETARIAT_EMAIL = "expertbibliotheek@example.org"

CATALOGUE = {
    "title": "Expertbibliotheek",
    "introduction": (
        "<p>In deze bibliotheek staan geen boeken op de plank, maar mensen. Achter elke "
        "boekenkaft zit een expert uit de palliatieve zorg: een professional, een vrijwilliger "
        "of iemand die het zelf heeft meegemaakt als patiënt, naaste of nabestaande. Als AIOS "
        "leen je zo'n expert voor één persoonlijk gesprek over een leervraag die jou "
        "bezighoudt.</p>"
        "<p>Blader door de kaften of zoek op een onderwerp. Kijk vooral naar de voorbeelden "
        "van leervragen: herken je daarin je eigen vraag, dan zit je goed. Twijfel je tussen "
        "twee boeken, kies dan het boek dat het dichtst bij je leerdoel ligt en schrijf in "
        "het uitleenformulier zo precies mogelijk wat je wilt weten.</p>"
    ),
    "no_expert_text": (
        "<p>Zit er geen boek tussen dat bij jouw vraag past? Vertel ons dan wat je wilt "
        "leren. Vul het uitleenformulier in zonder een boek te kiezen en beschrijf je leerdoel "
        "en waarom het je bezighoudt. De werkgroep gaat dan een expert zoeken die daarbij "
        "past.</p>"
        "<p>We kunnen niet beloven dat dat altijd lukt, en ook niet hoe snel. Je hoort in elk "
        "geval van ons. Leervragen waarvoor we (nog) geen expert hebben, bewaren we: zo zien "
        "we welke onderwerpen in de bibliotheek ontbreken.</p>"
    ),
}

INSTRUCTION_PAGES = [
    {
        "slug": "zo-werkt-lenen",
        "title": "Zo werkt lenen",
        "introduction": (
            "Een expert lenen is eenvoudig: je kiest een boek, vult het uitleenformulier in en "
            "het secretariaat brengt jullie met elkaar in contact. Hier lees je stap voor stap "
            "wat er gebeurt, wanneer je iets hoort en hoeveel tijd het je kost."
        ),
        "body": [
            ("heading", "Stap voor stap"),
            (
                "paragraph",
                "<ol>"
                "<li><b>Kies een boek.</b> Blader door de bibliotheek en kies de expert die "
                "past bij jouw leervraag. Vind je niemand? Dan kun je het formulier ook zonder "
                "boek insturen.</li>"
                "<li><b>Vul het uitleenformulier in.</b> Je beschrijft je leerdoel, waarom het "
                "je bezighoudt, welke opleiding je volgt en wie je opleider is. Je geeft ook "
                "toestemming om je gegevens met de expert te delen.</li>"
                "<li><b>Je krijgt een bevestiging.</b> Binnen 5 werkdagen laat het "
                "secretariaat weten dat je aanvraag binnen is en geregistreerd.</li>"
                "<li><b>De expert wordt gevraagd.</b> Het secretariaat vraagt de expert of er "
                "in de komende drie weken ruimte is voor een gesprek. De expert antwoordt "
                "binnen een week.</li>"
                "<li><b>Jullie worden aan elkaar voorgesteld.</b> Heeft de expert tijd, dan "
                "krijgen jullie samen één e-mail. Daarna neem jij contact op en plannen jullie "
                "zelf een moment, op locatie of via beeldbellen.</li>"
                "<li><b>Je bereidt je voor.</b> De expert geeft je een korte opdracht van "
                "hooguit 30 minuten, bijvoorbeeld een artikel, een podcastaflevering of een "
                "hoofdstuk uit een richtlijn op Pallialine.</li>"
                "<li><b>Jullie voeren het gesprek.</b> Jij brengt je vragen en ervaringen in; "
                "de expert denkt mee vanuit de eigen praktijk.</li>"
                "<li><b>Je schrijft een reflectieverslag.</b> Een half tot één A4 over wat je "
                "geleerd hebt en wat je ermee gaat doen. Dat verslag voeg je toe aan je "
                "portfolio.</li>"
                "</ol>",
            ),
            ("heading", "Als het anders loopt"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Geen reactie van de expert?</b> Heb je na 8 dagen nog steeds geen "
                "contact, laat het dan het secretariaat weten. Samen zoeken we een "
                "oplossing, bijvoorbeeld door de expert te bellen of een ander boek te "
                "kiezen.</li>"
                "<li><b>De expert kan niet?</b> Bijvoorbeeld door vakantie of drukte. Je hoort "
                "het van ons, met het advies om een ander boek te kiezen. Is de expert maar "
                "even weg, dan vragen we of je wilt wachten.</li>"
                "<li><b>Geen passend boek?</b> De werkgroep probeert een expert te vinden die "
                "bij je leerdoel past. Hoe lang dat duurt, kunnen we niet zeggen. Leervragen "
                "waarvoor nog niemand in de bibliotheek staat, houden we bij: zo weten we "
                "welke experts we nog zoeken.</li>"
                "</ul>",
            ),
            ("heading", "Hoeveel tijd kost het?"),
            (
                "paragraph",
                "<p>Reken voor het hele traject op 1,5 tot 2 uur: de voorbereiding, het "
                "gesprek en het schrijven van je verslag. De expert is er 45 tot 60 minuten "
                "mee bezig.</p>",
            ),
            ("heading", "Wat levert het op?"),
            (
                "paragraph",
                "<p>Je leervraag draagt bij aan een van de EPA's uit je opleiding. Vaak raakt "
                "een gesprek meer dan één competentiegebied:</p>"
                "<ul>"
                "<li><b>medisch handelen</b>, bijvoorbeeld het verschil tussen behandeling "
                "gericht op de ziekte en behandeling gericht op de klachten;</li>"
                "<li><b>communiceren</b>, zoals afstemmen op patiënt en naasten en praten "
                "over zingeving;</li>"
                "<li><b>professionaliteit</b>, zoals stilstaan bij je eigen waarden en bij "
                "wat ziekte en sterven met jou doen.</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "instructies-voor-aios",
        "title": "Instructies voor AIOS",
        "introduction": (
            "Jij wilt iets leren, dus jij hebt het stuur in handen. Met deze afspraken haal je "
            "het meeste uit je gesprek met een expert."
        ),
        "body": [
            ("heading", "Vóór het gesprek"),
            (
                "paragraph",
                "<ul>"
                "<li>Formuleer een persoonlijk leerdoel dat bijdraagt aan een van de EPA's van "
                "je opleiding. Hoe concreter je vraag, hoe beter de expert kan aansluiten.</li>"
                "<li>Na de kennismakingsmail neem jij het initiatief voor een afspraak. "
                "Spreek meteen af of jullie elkaar zien of beeldbellen, en welke voorbereiding "
                "de expert van je vraagt.</li>"
                "<li>Hoor je binnen 8 dagen niets van de expert, en blijkt ook niet uit een "
                "afwezigheidsmelding dat die weg is? Mail dan het secretariaat, dan kijken we "
                "samen wat er kan.</li>"
                "<li>Maak de voorbereidende opdracht. Die kost je niet meer dan 30 "
                "minuten.</li>"
                "<li>Lees je aanvraag vlak voor het gesprek nog eens door en schrijf op wat je "
                "verder nog wilt vragen.</li>"
                "</ul>",
            ),
            ("heading", "Tijdens het gesprek"),
            (
                "paragraph",
                "<p>Een expert lenen is geen privécollege. Jij brengt casussen, twijfels en "
                "vragen in; de expert denkt met je mee. Hoe actiever je meedoet, hoe meer het "
                "gesprek je oplevert. Vertel dus gerust waar je in de praktijk tegenaan loopt: "
                "daar is het gesprek voor.</p>",
            ),
            ("heading", "Na het gesprek"),
            (
                "paragraph",
                "<ul>"
                "<li>Schrijf een reflectieverslag van een half tot één A4: wat was je vraag, "
                "wat heb je gehoord, wat deed het met je en wat ga je anders doen?</li>"
                "<li>Zet het verslag zelf in je portfolio.</li>"
                "<li>Over je leentraject praat je zelf met je opleider. Wij geven opleiders "
                "alleen eens per half jaar door hoeveel van hun AIOS de bibliotheek hebben "
                "gebruikt.</li>"
                "</ul>",
            ),
            ("heading", "Vragen?"),
            (
                "paragraph",
                "<p>Neem contact op met het secretariaat van de Expertbibliotheek via "
                f"<b>{SECRETARIAT_EMAIL}</b>.</p>",
            ),
        ],
    },
    {
        "slug": "instructies-voor-experts",
        "title": "Instructies voor experts",
        "introduction": (
            "Fijn dat je je kennis en ervaring wilt delen met artsen in opleiding. Hier lees "
            "je wat we van je vragen en wat je van ons kunt verwachten."
        ),
        "body": [
            ("heading", "Als er een aanvraag komt"),
            (
                "paragraph",
                "<p>Het secretariaat stuurt je wat de AIOS heeft ingevuld en vraagt of je in de "
                "komende drie weken tijd hebt voor een gesprek. Laat binnen een week weten of "
                "dat lukt. Nee zeggen mag altijd: de AIOS kiest dan een ander boek of wacht "
                "tot je terug bent. Kun je wel, dan stellen we jullie in één e-mail aan elkaar "
                "voor en neemt de AIOS contact met je op.</p>",
            ),
            ("heading", "De voorbereiding"),
            (
                "paragraph",
                "<ul>"
                "<li>Spreek met de AIOS af wat die vooraf doet. De opdracht geeft het gesprek "
                "een goede start, bijvoorbeeld doordat de basiskennis al op orde is.</li>"
                "<li>Denk aan een artikel, een podcastaflevering of een richtlijn op "
                "Pallialine. Kies materiaal dat gratis en openbaar te vinden is.</li>"
                "<li>De opdracht kost de AIOS hooguit 30 minuten.</li>"
                "</ul>",
            ),
            ("heading", "Het gesprek"),
            (
                "paragraph",
                "<ul>"
                "<li>Begin met vragen: waarom koos de AIOS voor jouw boek, wat haalde die uit "
                "de opdracht, en waar loopt die in de praktijk tegenaan? Dan weet je waar je "
                "kunt aansluiten.</li>"
                "<li>Geef geen college, maar ga het gesprek aan. Laat de AIOS zelf nadenken "
                "en vertellen.</li>"
                "<li>Ken je grenzen. Gaat een vraag buiten je deskundigheid, wijs de AIOS dan op "
                "een ander boek in de bibliotheek.</li>"
                "<li>Reken voor alles bij elkaar, van de eerste afspraak tot het gesprek zelf, "
                "op 45 tot 60 minuten van je tijd.</li>"
                "</ul>",
            ),
            ("heading", "Je boekenkaft bijhouden"),
            (
                "paragraph",
                "<p>Verandert er iets in je werk, of wil je je kaft aanpassen? Laat het het "
                "secretariaat weten. Ben je een tijd afwezig, geef dan door tot wanneer; dan "
                "houden we daar rekening mee bij nieuwe aanvragen. Wil je stoppen, dan halen "
                "we je kaft uit de bibliotheek en bedanken we je voor je inzet.</p>",
            ),
            ("heading", "Vragen?"),
            (
                "paragraph",
                f"<p>Mail het secretariaat via <b>{SECRETARIAT_EMAIL}</b>.</p>",
            ),
        ],
    },
    {
        "slug": "criteria-voor-experts",
        "title": "Criteria voor experts",
        "introduction": (
            "Iedere expert in de bibliotheek is door de werkgroep toegelaten aan de hand van "
            "vaste criteria. Die verschillen per soort expert: professionals, vrijwilligers en "
            "ervaringsdeskundigen brengen elk iets anders mee."
        ),
        "body": [
            ("heading", "Professionals"),
            (
                "paragraph",
                "<p>Artsen, verpleegkundigen, geestelijk verzorgers, ethici, coördinatoren en "
                "andere zorgprofessionals:</p>"
                "<ul>"
                "<li>hebben aantoonbaar expertise in het onderwerp van hun boek, bijvoorbeeld "
                "als kaderarts, verpleegkundig specialist of hospicecoördinator, of door hun "
                "werk in een setting waar dat onderwerp speelt;</li>"
                "<li>werken volgens de professionele standaarden van hun vak, het "
                "Kwaliteitskader palliatieve zorg Nederland en de richtlijnen op "
                "Pallialine;</li>"
                "<li>communiceren helder, in gesprek en op papier.</li>"
                "</ul>"
                "<p>Mooi meegenomen, maar geen eis: de expert heeft zelf bijgedragen aan het "
                "onderwerp, met een publicatie, onderwijs, onderzoek of werk aan een "
                "richtlijn.</p>",
            ),
            ("heading", "Vrijwilligers"),
            (
                "paragraph",
                "<ul>"
                "<li>hebben de opleiding tot vrijwilliger in de terminale palliatieve zorg "
                "(VPTZ) gevolgd;</li>"
                "<li>hebben zelf ervaring opgedaan als vrijwilliger;</li>"
                "<li>hebben de steun van hun coördinator in het hospice of de vrijwillige "
                "thuiszorg om als expert mee te doen;</li>"
                "<li>communiceren helder, in gesprek en op papier.</li>"
                "</ul>",
            ),
            ("heading", "Ervaringsdeskundigen"),
            (
                "paragraph",
                "<p>Patiënten, naasten en nabestaanden:</p>"
                "<ul>"
                "<li>kunnen hun eigen ervaring met een levensbedreigende ziekte of met "
                "kwetsbaarheid gebruiken om anderen iets te leren;</li>"
                "<li>kunnen met enige afstand vertellen over wat ze hebben meegemaakt, ook al "
                "is de verwerking misschien nog niet klaar;</li>"
                "<li>communiceren helder, in gesprek en op papier.</li>"
                "</ul>"
                "<p>De werkgroep maakt hierin een eigen inschatting, waar het kan samen met "
                "een patiëntenorganisatie.</p>",
            ),
            ("heading", "Hoe word je expert?"),
            (
                "paragraph",
                "<p>Wil je zelf een boek in de bibliotheek worden? Mail het secretariaat via "
                f"<b>{SECRETARIAT_EMAIL}</b>. Je krijgt een formulier voor je boekenkaft, "
                "samen met de criteria en de instructies. De werkgroep beoordeelt je "
                "aanmelding; daarna zetten we je kaft online en laten we je dat weten.</p>",
            ),
        ],
    },
]

EXPERTS = [
    # --- professionals ---
    {
        "title": "Wanneer begin je over het levenseinde?",
        "summary": (
            "Een kaderhuisarts over het moment waarop je de palliatieve fase benoemt en samen "
            "met je patiënt vooruitkijkt. Voor wie wil oefenen met het eerste gesprek over de "
            "toekomst."
        ),
        "body": (
            "<p>Annelies Brouwer is huisarts en kaderarts palliatieve zorg in een praktijk "
            "met veel oudere patiënten. Ze begeleidt ieder jaar een flink aantal mensen in hun "
            "laatste levensfase thuis en geeft onderwijs over proactieve zorgplanning aan "
            "huisartsen in opleiding.</p>"
            "<p>In het gesprek kijk je samen naar de signalen dat iemand de palliatieve fase "
            "ingaat, en naar de vraag hoe je dat ter sprake brengt zonder alle hoop weg te "
            "nemen. Neem gerust een patiënt in gedachten die je nu ziet: Annelies denkt liever "
            "mee over jouw praktijk dan over een casus uit een boek.</p>"
            "<p>Je gaat naar huis met een paar openingszinnen die bij je passen, en met een "
            "idee hoe je wensen en grenzen vastlegt en overdraagt aan de huisartsenpost.</p>"
        ),
        "expert_name": "Annelies Brouwer",
        "kind": "professional",
        "role": "Kaderhuisarts palliatieve zorg",
        "organisation": "Huisartsenpraktijk Het Spaarne",
        "topics": ["proactieve zorgplanning", "markering", "communicatie"],
        "example_questions": [
            "Hoe herken ik dat een patiënt de palliatieve fase ingaat?",
            "Hoe begin ik over de toekomst zonder dat iemand schrikt?",
            "Wat leg ik vast na een gesprek over wensen en grenzen, en voor wie?",
        ],
        "competence_areas": ["communiceren", "medisch-handelen"],
        "essences": [1, 3, 4],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Lees in het Kwaliteitskader palliatieve zorg Nederland wat er staat over het "
            "markeren van de palliatieve fase en over proactieve zorgplanning. Schrijf op aan "
            "welke patiënt uit je eigen praktijk je daarbij moest denken."
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "a.brouwer@example.org",
        "phone": "06-0000 1101",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Wat doe je als de pijn niet wijkt?",
        "summary": (
            "Een anesthesioloog-pijnspecialist over pijn die niet reageert op de gewone "
            "aanpak: van het slim inzetten van opioïden en co-analgetica tot de vraag wanneer "
            "een zenuwblokkade of ruggenprik zinvol is."
        ),
        "body": (
            "<p>Joost van der Heijden is anesthesioloog en pijnspecialist in het pijncentrum "
            "van Ziekenhuis Amstelzicht. Veel van zijn patiënten hebben kanker en pijn die "
            "met de gebruikelijke stappen niet onder controle komt. Hij schreef mee aan het "
            "regionale pijnprotocol voor de thuiszorg.</p>"
            "<p>Breng een casus mee waar je mee worstelde. Samen ontleden jullie wat voor "
            "pijn het was, welke middelen en doseringen zijn geprobeerd en wat er nog mogelijk "
            "was geweest. Ook de grens komt aan bod: wat doe je zelf als huisarts of "
            "specialist ouderengeneeskunde, en wanneer bel je het pijnteam?</p>"
        ),
        "expert_name": "Joost van der Heijden",
        "kind": "professional",
        "role": "Anesthesioloog-pijnspecialist",
        "organisation": "Pijncentrum Ziekenhuis Amstelzicht",
        "topics": ["pijn", "symptoombestrijding", "opioïden"],
        "example_questions": [
            "Hoe onderscheid ik neuropathische van nociceptieve pijn bij een patiënt met kanker?",
            "Wanneer stap ik over op een ander opioïd, en hoe reken ik de dosis om?",
            "Welke patiënten kan ik verwijzen voor een invasieve pijnbehandeling?",
        ],
        "competence_areas": ["medisch-handelen"],
        "essences": [2, 6],
        "languages": "Nederlands, Engels",
        "conversation_form": "video",
        "preparation_assignment": (
            "Lees in de richtlijn Pijn bij patiënten met kanker op Pallialine de delen over "
            "opioïdrotatie en over neuropathische pijn. Noteer je vragen bij een eigen casus."
        ),
        "preparation_minutes": 30,
        "availability": "absent",
        "absent_days": 24,
        "email": "j.vanderheijden@example.org",
        "phone": "06-0000 1102",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Palliatieve sedatie: hoe weet iedereen wat er gebeurt?",
        "summary": (
            "Een verpleegkundig specialist over het voorbereiden, starten en begeleiden van "
            "palliatieve sedatie, met aandacht voor wat naasten nodig hebben en voor het "
            "verschil met euthanasie."
        ),
        "body": (
            "<p>Femke Hoogland is verpleegkundig specialist in het consultatieteam "
            "palliatieve zorg van Ziekenhuis Amstelzicht. Ze wordt dagelijks gebeld door artsen "
            "en verpleegkundigen in het ziekenhuis, het verpleeghuis en de thuiszorg met vragen "
            "over onrust, benauwdheid en sedatie.</p>"
            "<p>In het gesprek staat de praktijk centraal. Wanneer is een klacht refractair? "
            "Wie beslist? Hoe leg je het uit aan de patiënt en de familie, en wat spreek je af "
            "over de eerste uren? Femke vertelt ook over situaties waarin het schuurde, "
            "bijvoorbeeld toen naasten dachten dat sedatie bedoeld was om het sterven te "
            "versnellen.</p>"
        ),
        "expert_name": "Femke Hoogland",
        "kind": "professional",
        "role": "Verpleegkundig specialist palliatieve zorg",
        "organisation": "Consultatieteam palliatieve zorg, Ziekenhuis Amstelzicht",
        "topics": ["palliatieve sedatie", "symptoombestrijding", "naasten"],
        "example_questions": [
            "Hoe leg ik naasten uit wat palliatieve sedatie wel en niet is?",
            "Wanneer kies je voor kortdurende en wanneer voor continue sedatie?",
            "Wat doe ik als de sedatie niet het effect heeft dat ik verwachtte?",
        ],
        "competence_areas": ["medisch-handelen", "communiceren"],
        "essences": [2, 6, 7],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Lees de samenvatting van de KNMG-richtlijn Palliatieve sedatie op Pallialine en "
            "schrijf op welke voorwaarde jij in de praktijk het lastigst vindt om te toetsen."
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "f.hoogland@example.org",
        "phone": "06-0000 1103",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Waar doe ik het allemaal voor? Praten over zingeving",
        "summary": (
            "Een geestelijk verzorger over de vraag hoe je als arts ruimte maakt voor "
            "levensvragen, welke woorden daarbij helpen en wanneer je iemand doorverwijst."
        ),
        "body": (
            "<p>Hester Mulder is geestelijk verzorger bij Centrum voor Levensvragen De Brug. "
            "Ze komt bij mensen thuis en in het hospice, en praat met mensen van elke "
            "overtuiging, gelovig of niet.</p>"
            "<p>In de laatste levensfase stellen patiënten vaak vragen waar geen medisch "
            "antwoord op bestaat. Waarom ik? Wat laat ik achter? Heeft het zin gehad? Hester "
            "laat zien dat je zulke vragen niet hoeft te ontwijken en ook niet hoeft op te "
            "lossen. Samen zoeken jullie naar woorden die bij jou passen, en naar een paar "
            "eenvoudige vragen waarmee je het gesprek kunt openen.</p>"
            "<p>Het gesprek mag over je patiënten gaan, maar ook over jezelf: wat geeft jou "
            "houvast als je met ziekte en dood te maken hebt?</p>"
        ),
        "expert_name": "Hester Mulder",
        "kind": "professional",
        "role": "Geestelijk verzorger",
        "organisation": "Centrum voor Levensvragen De Brug",
        "topics": ["zingeving", "levensvragen", "spiritualiteit"],
        "example_questions": [
            "Hoe vraag ik naar wat het leven voor iemand de moeite waard maakt?",
            "Wat zeg ik als een patiënt vraagt wat de zin nog is van doorleven?",
            "Wanneer schakel ik een geestelijk verzorger in, en hoe gaat dat in de eerste lijn?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [4, 7],
        "languages": "Nederlands",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Lees in de richtlijn Zingeving en spiritualiteit in de palliatieve fase op "
            "Pallialine het deel over signaleren en het gesprek aangaan. Noteer een moment "
            "waarop je een levensvraag hoorde en niet goed wist wat je moest zeggen."
        ),
        "preparation_minutes": 25,
        "availability": "available",
        "absent_days": 0,
        "email": "h.mulder@example.org",
        "phone": "06-0000 1104",
        "criteria": ["prof_expertise", "prof_standards", "prof_communication"],
    },
    {
        "title": "Moet alles wat kan? Ethische vragen rond het levenseinde",
        "summary": (
            "Een ethicus over dilemma's rond doorbehandelen en stoppen, en over keuzes van "
            "patiënten die je zelf anders zou maken. Met handvatten voor een kort moreel "
            "beraad in je team."
        ),
        "body": (
            "<p>Tom Schouten is ethicus in Ziekenhuis Amstelzicht. Hij begeleidt moreel "
            "beraad op afdelingen en in verpleeghuizen, geeft les over ethiek in de palliatieve "
            "zorg en promoveerde op beslissingen over het staken van behandelingen.</p>"
            "<p>Neem een situatie mee die bij je is blijven haken: een familie die wil "
            "doorgaan terwijl jij twijfelt, een patiënt die een behandeling weigert, of een "
            "afspraak waar je achteraf niet gerust op was. Tom helpt je om de waarden te "
            "ontrafelen die op het spel stonden. Pasklare antwoorden krijg je niet, wel een "
            "manier van denken waar je de volgende keer iets aan hebt.</p>"
        ),
        "expert_name": "Tom Schouten",
        "kind": "professional",
        "role": "Ethicus",
        "organisation": "Ziekenhuis Amstelzicht",
        "topics": ["ethiek", "gezamenlijke besluitvorming", "moreel beraad"],
        "example_questions": [
            "Wat doe ik als een familie wil doorbehandelen en ik dat niet zinvol vind?",
            "Hoe ga ik om met een keuze van een patiënt die botst met mijn eigen waarden?",
            "Hoe zet ik met mijn team een kort moreel beraad op?",
        ],
        "competence_areas": ["professionaliteit", "communiceren"],
        "essences": [2, 6],
        "languages": "Nederlands, Engels",
        "conversation_form": "video",
        "preparation_assignment": (
            "Beschrijf in een halve pagina een situatie uit je eigen werk waarin je twijfelde "
            "wat het goede was om te doen, zonder herleidbare gegevens. Stuur die uiterlijk "
            "twee dagen voor het gesprek naar Tom."
        ),
        "preparation_minutes": 30,
        "availability": "available",
        "absent_days": 0,
        "email": "t.schouten@example.org",
        "phone": "06-0000 1105",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
        # Lent to the other networks (issue 20): an ethicist talks as well by video.
        "lend_to_other_networks": True,
    },
    {
        "title": "Een patiënt vraagt om euthanasie: wat nu?",
        "summary": (
            "Een huisarts en SCEN-arts over het eerste gesprek na een vraag om euthanasie, "
            "over de zorgvuldigheidseisen en over wat zo'n vraag met jou als arts doet."
        ),
        "body": (
            "<p>Willem de Ruiter is huisarts in Gezondheidscentrum De Kastanje en al jaren "
            "SCEN-arts. Hij heeft veel collega's gesproken die voor het eerst een "
            "euthanasievraag kregen, en hij weet hoe eenzaam dat kan voelen.</p>"
            "<p>Het gesprek gaat over de vraag achter de vraag: wat bedoelt iemand precies, "
            "waar is die bang voor, en welke andere mogelijkheden zijn er nog? Daarnaast "
            "bespreken jullie de zorgvuldigheidseisen, de rol van de SCEN-arts en je eigen "
            "grenzen. Je mag altijd zeggen dat je iets niet kunt of wilt; Willem vertelt hoe "
            "je dat eerlijk en op tijd doet.</p>"
        ),
        "expert_name": "Willem de Ruiter",
        "kind": "professional",
        "role": "Huisarts en SCEN-arts",
        "organisation": "Gezondheidscentrum De Kastanje",
        "topics": ["euthanasie", "ethiek", "communicatie"],
        "example_questions": [
            "Hoe reageer ik als een patiënt voor het eerst over euthanasie begint?",
            "Wat is het verschil tussen een wens en een verzoek, en wat leg ik vast?",
            "Hoe ga ik om met mijn eigen twijfel bij een verzoek om euthanasie?",
        ],
        "competence_areas": ["communiceren", "professionaliteit", "medisch-handelen"],
        "essences": [2, 3, 7],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Lees in de Euthanasiecode van de Regionale Toetsingscommissies Euthanasie het "
            "deel over het vrijwillige en weloverwogen verzoek. Schrijf op welke vraag je als "
            "eerste aan een patiënt zou stellen."
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "w.deruiter@example.org",
        "phone": "06-0000 1106",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Als iemand met dementie het niet meer kan zeggen",
        "summary": (
            "Een specialist ouderengeneeskunde over palliatieve zorg bij dementie: pijn en "
            "onrust herkennen zonder woorden, en samen met de familie beslissen over eten, "
            "drinken en ziekenhuisopname."
        ),
        "body": (
            "<p>Saskia Pronk is specialist ouderengeneeskunde in Zorgcentrum Het Lindehof, "
            "met een afdeling voor mensen met gevorderde dementie. Ze is er aandachtsvelder "
            "palliatieve zorg en leidt de teambesprekingen over bewoners in de laatste "
            "fase.</p>"
            "<p>Bij dementie duurt de palliatieve fase vaak lang en is het begin moeilijk aan "
            "te wijzen. Saskia vertelt hoe zij met observatielijsten pijn en ongemak op het "
            "spoor komt, en hoe zij met familie praat die twijfelt over sondevoeding, "
            "antibiotica of nog een opname. Je leert ook hoe je afspraken zo vastlegt dat de "
            "dienstdoende arts er 's nachts mee uit de voeten kan.</p>"
        ),
        "expert_name": "Saskia Pronk",
        "kind": "professional",
        "role": "Specialist ouderengeneeskunde",
        "organisation": "Zorgcentrum Het Lindehof",
        "topics": ["dementie", "proactieve zorgplanning", "pijn"],
        "example_questions": [
            "Hoe herken ik pijn bij iemand met gevorderde dementie?",
            "Hoe bespreek ik met de familie dat we niet meer naar het ziekenhuis insturen?",
            "Wat doe ik als een bewoner met dementie niet meer wil eten of drinken?",
        ],
        "competence_areas": ["medisch-handelen", "communiceren"],
        "essences": [1, 2, 5],
        "languages": "Nederlands",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Zoek een gratis online uitleg van een observatieschaal voor pijn bij mensen met "
            "dementie, bijvoorbeeld de PAINAD, en pas die in gedachten toe op een bewoner of "
            "patiënt die je kent."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "s.pronk@example.org",
        "phone": "06-0000 1107",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Veeleisende naasten: lastig, of vooral bang?",
        "summary": (
            "Een hospicecoördinator over familie die veel vraagt, alles controleert of het "
            "oneens is met het beleid, en over hoe je samen weer op één lijn komt."
        ),
        "body": (
            "<p>Ingrid Zwart is coördinator van Hospice De Linde, een huis met zes kamers, "
            "zo'n zeventig vrijwilligers en een vaste groep huisartsen. Daarvoor was ze "
            "jarenlang wijkverpleegkundige. Voor families is zij het eerste aanspreekpunt, "
            "ook als het botst.</p>"
            "<p>Ze vertelt over naasten die elke dag opnieuw uitleg willen, die het niet eens "
            "zijn met de medicatie of die aan het bed ruzie krijgen met elkaar. Achter die "
            "eisen zit vaak angst, schuldgevoel of een oud familieverhaal. Samen bespreken "
            "jullie hoe je grenzen stelt zonder het contact kwijt te raken, en hoe je in een "
            "team afspreekt wie wat zegt.</p>"
        ),
        "expert_name": "Ingrid Zwart",
        "kind": "professional",
        "role": "Hospicecoördinator",
        "organisation": "Hospice De Linde",
        "topics": ["veeleisende naasten", "communicatie", "samenwerking"],
        "example_questions": [
            "Hoe reageer ik op een zoon die mijn beleid steeds ter discussie stelt?",
            "Hoe voer ik een familiegesprek als de familieleden het onderling oneens zijn?",
            "Wanneer stel ik een grens, en hoe doe ik dat?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [5, 7],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Denk aan een familie die je als veeleisend hebt ervaren. Schrijf in een paar "
            "regels op wat zij van je vroegen en wat er volgens jou onder zat."
        ),
        "preparation_minutes": 10,
        "availability": "available",
        "absent_days": 0,
        "email": "i.zwart@example.org",
        "phone": "06-0000 1108",
        "criteria": ["prof_expertise", "prof_standards", "prof_communication"],
    },
    {
        "title": "Hoe houd je het vol? Je eigen balans in de palliatieve zorg",
        "summary": (
            "Een psycholoog over wat het werken met ernstig zieke en stervende mensen met jou "
            "doet, en over manieren om betrokken te blijven zonder jezelf kwijt te raken."
        ),
        "body": (
            "<p>Bas Verhoef is GZ-psycholoog bij Centrum voor Psycho-oncologie Het Anker. "
            "Naast zijn werk met patiënten en naasten begeleidt hij intervisiegroepen van "
            "artsen en verpleegkundigen in de palliatieve zorg.</p>"
            "<p>Een overlijden dat je niet loslaat, een patiënt die je aan je eigen vader of "
            "moeder doet denken, het gevoel dat je tekortschiet: het hoort bij het vak, maar "
            "het moet ergens heen kunnen. Met Bas kijk je naar je eigen signalen van "
            "overbelasting en naar wat jou helpt om op te laden. Het is geen therapie, wel een "
            "open gesprek met iemand die dit vaak ziet bij collega's.</p>"
        ),
        "expert_name": "Bas Verhoef",
        "kind": "professional",
        "role": "GZ-psycholoog",
        "organisation": "Centrum voor Psycho-oncologie Het Anker",
        "topics": ["zelfzorg", "persoonlijke balans", "reflectie"],
        "example_questions": [
            "Hoe ga ik om met een overlijden dat me meer raakte dan ik had verwacht?",
            "Hoe houd ik de balans tussen betrokkenheid en afstand?",
            "Waar kan ik als AIOS terecht als het me even te veel wordt?",
        ],
        "competence_areas": ["professionaliteit"],
        "essences": [8],
        "languages": "Nederlands, Engels",
        "conversation_form": "video",
        "preparation_assignment": (
            "Noteer drie momenten uit de afgelopen maanden die je zijn bijgebleven. Schrijf "
            "bij elk moment op wat je toen hielp, of wat je had willen hebben."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "b.verhoef@example.org",
        "phone": "06-0000 1109",
        "criteria": [
            "prof_expertise",
            "prof_standards",
            "prof_contribution",
            "prof_communication",
        ],
    },
    {
        "title": "Sterven in een andere cultuur of geloof: wat moet ik weten?",
        "summary": (
            "Een islamitisch geestelijk verzorger over rituelen, rollen in de familie en "
            "beslissingen rond het levenseinde bij patiënten met een andere achtergrond of "
            "een ander geloof dan het jouwe."
        ),
        "body": (
            "<p>Yusuf Demir is islamitisch geestelijk verzorger bij Stichting Levensvragen "
            "Thuis en werkt daarnaast in een verpleeghuis. Hij groeide op in een "
            "Turks-Nederlands gezin en wordt vaak gevraagd om te bemiddelen tussen families "
            "en zorgverleners.</p>"
            "<p>Volgens Yusuf heb je geen handboek per geloof nodig, wel nieuwsgierigheid en "
            "een paar goede vragen. Jullie praten over situaties als een familie die niet wil "
            "dat de patiënt de diagnose hoort, wensen rond gebed en de wassing na het "
            "overlijden, of twijfel over morfine en sedatie vanuit het geloof. Hij nodigt je "
            "ook uit om stil te staan bij wat voor jou vanzelf spreekt.</p>"
        ),
        "expert_name": "Yusuf Demir",
        "kind": "professional",
        "role": "Islamitisch geestelijk verzorger",
        "organisation": "Stichting Levensvragen Thuis",
        "topics": ["cultuur en religie", "naasten", "communicatie"],
        "example_questions": [
            "Wat doe ik als de familie vraagt om de diagnose voor de patiënt te verzwijgen?",
            "Hoe vraag ik naar religieuze wensen rond het sterven zonder in hokjes te denken?",
            "Hoe bespreek ik pijnstilling als een patiënt vreest dat zijn geloof het verbiedt?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [4, 7],
        "languages": "Nederlands, Turks",
        "conversation_form": "both",
        "preparation_assignment": (
            "Schrijf op wat voor jou vanzelf spreekt bij een goed sterfbed: wie is erbij, wat "
            "wordt er verteld, wat gebeurt er na het overlijden? Neem dat lijstje mee naar het "
            "gesprek."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "y.demir@example.org",
        "phone": "06-0000 1110",
        "criteria": ["prof_expertise", "prof_standards", "prof_communication"],
    },
    {
        "title": "Van ziekenhuis naar huis: een overdracht die klopt",
        "summary": (
            "Een transferverpleegkundige over het regelen van zorg thuis of in een hospice voor "
            "een patiënt in de laatste fase, en over wat er in een goede overdracht hoort."
        ),
        "body": (
            "<p>Carla Bakker is al twintig jaar transferverpleegkundige in Ziekenhuis "
            "Amstelzicht. Ze regelde in die tijd voor honderden patiënten in hun laatste "
            "levensfase de terugkeer naar huis of de opname in een hospice.</p>"
            "<p>Met haar kun je praten over alles wat misgaat als het snel moet: een bed dat "
            "niet op tijd komt, medicatie die thuis niet klaarligt, een huisarts die van "
            "niets weet. Je leert welke vragen je stelt voordat iemand met ontslag gaat, en "
            "wat er in een overdracht hoort zodat de zorg thuis meteen kan beginnen.</p>"
        ),
        "expert_name": "Carla Bakker",
        "kind": "professional",
        "role": "Transferverpleegkundige",
        "organisation": "Transferbureau Ziekenhuis Amstelzicht",
        "topics": ["overdracht", "coördinatie", "thuis sterven"],
        "example_questions": [
            "Wat moet ik regelen voordat een stervende patiënt naar huis gaat?",
            "Wat wil de huisarts lezen in de overdracht van een patiënt in de laatste fase?",
        ],
        "competence_areas": ["medisch-handelen", "professionaliteit"],
        "essences": [5],
        "languages": "Nederlands",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Lees een ontslagbrief die je onlangs schreef voor een patiënt in de palliatieve "
            "fase nog eens door, en bedenk wat de huisarts er nog in had willen vinden."
        ),
        "preparation_minutes": 15,
        "availability": "withdrawn",
        "absent_days": 0,
        "email": "c.bakker@example.org",
        "phone": "06-0000 1111",
        "criteria": ["prof_expertise", "prof_standards", "prof_communication"],
    },
    # --- volunteers ---
    {
        "title": "Wakende nachten: wat een vrijwilliger thuis ziet",
        "summary": (
            "Een VPTZ-vrijwilliger over waken bij mensen die thuis sterven, over uitgeputte "
            "mantelzorgers en over wat jij als arts kunt betekenen tijdens een korte visite."
        ),
        "body": (
            "<p>Henk Postma werd na zijn loopbaan als schoolleider vrijwilliger bij Stichting "
            "Thuiswaken De Vaart. Hij volgde de opleiding voor vrijwilligers in de terminale "
            "zorg en waakt al acht jaar bij mensen thuis, meestal 's nachts, zodat de familie "
            "even kan slapen.</p>"
            "<p>Henk ziet wat artsen vaak niet zien: hoe een nacht verloopt na de visite, wat "
            "naasten wel en niet hebben begrepen en waar ze bang voor zijn. Hij vertelt over "
            "kleine dingen die voor een gezin veel verschil maken, en over wat hij als "
            "vrijwilliger wel en niet doet. Een mooi boek als je wilt weten hoe de zorg thuis "
            "eruitziet aan de andere kant van de voordeur.</p>"
        ),
        "expert_name": "Henk Postma",
        "kind": "volunteer",
        "role": "VPTZ-vrijwilliger",
        "organisation": "Stichting Thuiswaken De Vaart",
        "topics": ["thuis sterven", "mantelzorg", "vrijwilligers"],
        "example_questions": [
            "Wat kan een vrijwilliger voor een gezin betekenen, en hoe schakel ik die in?",
            "Wat hebben naasten 's nachts nodig dat ik overdag al kan regelen?",
            "Hoe merk ik dat een mantelzorger overbelast raakt?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [5, 8],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Zoek uit welke organisatie voor vrijwilligers in de terminale zorg actief is in "
            "de regio van je opleidingsplek en hoe je die bereikt. Neem mee wat je vond, en "
            "ook wat je niet kon vinden."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "h.postma@example.org",
        "phone": "06-0000 1112",
        "criteria": ["vol_trained", "vol_experience", "vol_coordinator", "vol_communication"],
    },
    {
        "title": "Er zijn zonder iets te doen",
        "summary": (
            "Een hospicevrijwilliger over aanwezig zijn bij iemand die gaat sterven: "
            "luisteren, stilte verdragen en de kleine wensen die aan het eind het verschil "
            "maken."
        ),
        "body": (
            "<p>Lieke Smit is vrijwilliger in Hospice De Linde. Ze volgde de opleiding voor "
            "vrijwilligers in de palliatieve terminale zorg en staat twee dagdelen per week op "
            "het rooster: koffie zetten, de krant voorlezen, een hand vasthouden.</p>"
            "<p>Als arts ben je opgeleid om iets te doen. Lieke laat zien wat het oplevert om "
            "soms niets te doen en gewoon te blijven zitten. Ze vertelt over gasten die haar "
            "dingen toevertrouwden die ze de dokter niet vertelden, over een man die nog één "
            "keer de zee wilde ruiken, en over hoe het team samen afscheid neemt na een "
            "overlijden.</p>"
        ),
        "expert_name": "Lieke Smit",
        "kind": "volunteer",
        "role": "Hospicevrijwilliger (VPTZ)",
        "organisation": "Hospice De Linde",
        "topics": ["zingeving", "aanwezigheid", "hospicezorg"],
        "example_questions": [
            "Hoe blijf ik bij een patiënt als er medisch niets meer te doen is?",
            "Wat vertellen patiënten aan een vrijwilliger dat ze mij niet vertellen?",
            "Hoe werk ik als arts goed samen met de vrijwilligers in een hospice?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [7, 8],
        "languages": "Nederlands, Engels",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Schrijf op wanneer je voor het laatst bij een patiënt bleef zitten zonder dat er "
            "een taak was, en wat dat met je deed. Lukt dat niet, schrijf dan op wat je "
            "tegenhield."
        ),
        "preparation_minutes": 10,
        "availability": "available",
        "absent_days": 0,
        "email": "l.smit@example.org",
        "phone": "06-0000 1113",
        "criteria": ["vol_trained", "vol_experience", "vol_coordinator", "vol_communication"],
    },
    # --- experience experts ---
    {
        "title": "Hoe houd ik hoop als genezing niet meer kan?",
        "summary": (
            "Ellen leeft al drie jaar met uitgezaaide darmkanker. Ze vertelt wat hoop voor "
            "haar betekent nu genezing uitgesloten is, en wat artsen daarin goed en minder "
            "goed deden."
        ),
        "body": (
            "<p>Ik ben Ellen de Graaf, 58 jaar, moeder van twee volwassen dochters en oud-"
            "docent Nederlands. Drie jaar geleden hoorde ik dat mijn darmkanker was uitgezaaid "
            "en dat ik niet meer beter zou worden. Sindsdien heb ik verschillende behandelingen "
            "gehad, en ik weet dat de mogelijkheden opraken.</p>"
            "<p>Ik hoop nog steeds, alleen op andere dingen dan vroeger: op een goede zomer, "
            "op de diploma-uitreiking van mijn jongste, op een rustig einde. Ik heb artsen "
            "meegemaakt die mijn hoop afpakten door alleen cijfers te noemen, en artsen die "
            "eerlijk waren en me toch lieten hopen. Over dat verschil praat ik graag met "
            "je.</p>"
            "<p>Je mag me alles vragen. Als iets te dichtbij komt, zeg ik dat gewoon.</p>"
        ),
        "expert_name": "Ellen de Graaf",
        "kind": "patient",
        "role": "Ervaringsdeskundige (patiënt)",
        "organisation": "",
        "topics": ["hoop", "slecht nieuws", "communicatie"],
        "example_questions": [
            "Hoe vertel ik eerlijk dat genezing niet meer kan, zonder alle hoop weg te nemen?",
            "Wat heeft een patiënt aan een prognose in maanden?",
            "Hoe ga ik om met een patiënt die blijft hopen op een wonder?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [1, 7],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Schrijf de eerste drie zinnen op die je zou zeggen als je een patiënt moet "
            "vertellen dat er geen behandeling meer is die de ziekte kan remmen. Neem ze mee: "
            "Ellen vertelt je hoe ze bij haar zouden aankomen."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "e.degraaf@example.org",
        "phone": "06-0000 1114",
        "criteria": ["exp_teach", "exp_distance", "exp_communication"],
    },
    {
        "title": "De lastige dochter: veeleisende naasten van de andere kant bekeken",
        "summary": (
            "Petra's moeder heeft alzheimer en woont in een verpleeghuis. Petra weet dat ze "
            "op de afdeling bekendstaat als 'een lastige dochter', en vertelt graag wat er "
            "achter haar vragen en haar boosheid zit."
        ),
        "body": (
            "<p>Ik ben Petra van Leeuwen, 52 jaar en enig kind. Mijn moeder heeft de ziekte "
            "van Alzheimer en woont sinds twee jaar in een verpleeghuis. Daarvoor heb ik haar "
            "vijf jaar thuis verzorgd, naast mijn baan. Ik weet dat ik op de afdeling "
            "bekendsta als veeleisend: ik bel vaak, ik lees het dossier en ik ben het niet "
            "altijd eens met de arts.</p>"
            "<p>Wat het team niet altijd ziet: jarenlang was ik de enige die wist waar mijn "
            "moeder van genoot en waar ze van schrok. Die rol loslaten is moeilijk, en angst "
            "maakt me soms fel. Ik vertel je graag wat mij geholpen heeft: een arts die me "
            "serieus nam, eerlijk was over wat er nog kon, en me vroeg wat mijn moeder zelf "
            "gewild zou hebben.</p>"
        ),
        "expert_name": "Petra van Leeuwen",
        "kind": "relative",
        "role": "Ervaringsdeskundige (naaste)",
        "organisation": "",
        "topics": ["veeleisende naasten", "dementie", "mantelzorg"],
        "example_questions": [
            "Wat zit er achter de boosheid van een familielid?",
            "Hoe betrek ik een mantelzorger bij beslissingen zonder de regie kwijt te raken?",
            "Hoe praat ik over het levenseinde met de naaste van iemand met dementie?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [2, 7],
        "languages": "Nederlands",
        "conversation_form": "video",
        "preparation_assignment": (
            "Denk aan een familielid van een patiënt met wie het contact stroef liep. Schrijf "
            "op hoe die situatie er volgens jou uitzag vanaf zijn of haar kant."
        ),
        "preparation_minutes": 15,
        "availability": "available",
        "absent_days": 0,
        "email": "p.vanleeuwen@example.org",
        "phone": "06-0000 1115",
        "criteria": ["exp_teach", "exp_distance", "exp_communication"],
    },
    {
        "title": "Hoe vertel je kinderen dat papa doodgaat?",
        "summary": (
            "Sanne verloor haar man aan een hersentumor toen hun kinderen vier en negen "
            "waren. Ze vertelt wat haar gezin nodig had van de huisarts en het ziekenhuis, en "
            "hoe de rouw daarna verliep."
        ),
        "body": (
            "<p>Ik ben Sanne Hofman. Mijn man Daan overleed vier jaar geleden, veertien "
            "maanden nadat er een hersentumor bij hem was gevonden. Onze kinderen waren toen "
            "vier en negen. We hebben in die tijd veel artsen gezien, en bijna niemand vroeg "
            "hoe het met de kinderen ging.</p>"
            "<p>Ik vertel je hoe we onze kinderen erbij hebben betrokken, wat hen hielp "
            "(eerlijke, eenvoudige woorden en mogen meehelpen met kleine dingen) en waar we "
            "graag hulp bij hadden gehad. Ook de tijd na het overlijden komt aan bod: kinderen "
            "rouwen met sprongen, en het verdriet komt soms jaren later terug.</p>"
            "<p>Ik vind het belangrijk dat artsen durven vragen naar de kinderen in een gezin. "
            "Daar wil ik graag aan bijdragen.</p>"
        ),
        "expert_name": "Sanne Hofman",
        "kind": "bereaved",
        "role": "Ervaringsdeskundige (nabestaande)",
        "organisation": "",
        "topics": ["kinderen als naasten", "rouw", "gezin"],
        "example_questions": [
            "Hoe vraag ik ouders naar hun kinderen als een van hen ongeneeslijk ziek is?",
            "Wat kan ik als arts zeggen tegen een kind aan het sterfbed van een ouder?",
            "Hoe merk ik dat de rouw bij een kind of ouder vastloopt?",
        ],
        "competence_areas": ["communiceren", "professionaliteit"],
        "essences": [4, 7],
        "languages": "Nederlands",
        "conversation_form": "both",
        "preparation_assignment": (
            "Zoek een gratis informatieblad voor ouders over praten met kinderen over ernstige "
            "ziekte en doodgaan, en lees het door. Welke tip vond je bruikbaar, en welke "
            "niet?"
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "s.hofman@example.org",
        "phone": "06-0000 1116",
        "criteria": ["exp_teach", "exp_distance", "exp_communication"],
    },
    {
        "title": "Aan het bed tijdens palliatieve sedatie",
        "summary": (
            "Gerards vrouw kreeg thuis palliatieve sedatie na een lange ziekte. Hij vertelt "
            "hoe hij die dagen beleefde, wat hem geruststelde en welke vragen pas later "
            "kwamen."
        ),
        "body": (
            "<p>Ik ben Gerard Wolters, 71 jaar. Mijn vrouw Jolanda had longkanker en is twee "
            "jaar geleden thuis overleden. In haar laatste dagen werd ze zo benauwd en onrustig "
            "dat de huisarts voorstelde om haar in slaap te brengen. Dat heeft drie dagen "
            "geduurd.</p>"
            "<p>Het waren zware dagen, maar ik kijk er met vrede op terug. Dat kwam vooral door "
            "de uitleg vooraf, en doordat de wijkverpleging en de huisarts elke dag langskwamen. "
            "Toch bleven er vragen: kon ze ons nog horen, had ze dorst, heb ik het eerder "
            "laten gebeuren dan nodig was? Ik vertel je graag wat er door je hoofd gaat als "
            "naaste aan het bed, en wat mij daarna in de rouw heeft geholpen.</p>"
        ),
        "expert_name": "Gerard Wolters",
        "kind": "bereaved",
        "role": "Ervaringsdeskundige (nabestaande)",
        "organisation": "",
        "topics": ["palliatieve sedatie", "rouw", "naasten"],
        "example_questions": [
            "Wat willen naasten weten voordat de sedatie begint?",
            "Hoe begeleid ik een partner in de dagen dat iemand gesedeerd is?",
            "Wat kan ik doen in een nagesprek met een nabestaande?",
        ],
        "competence_areas": ["communiceren", "medisch-handelen"],
        "essences": [2, 7],
        "languages": "Nederlands",
        "conversation_form": "in_person",
        "preparation_assignment": (
            "Lees in de KNMG-richtlijn Palliatieve sedatie op Pallialine wat er staat over de "
            "begeleiding van naasten. Schrijf twee vragen op die jij als naaste zou hebben."
        ),
        "preparation_minutes": 20,
        "availability": "available",
        "absent_days": 0,
        "email": "g.wolters@example.org",
        "phone": "06-0000 1117",
        "criteria": ["exp_teach", "exp_distance", "exp_communication"],
    },
]


# The admission criteria's group of each kind of expert.
KIND_GROUPS = {
    "professional": PROFESSIONAL,
    "volunteer": VOLUNTEER,
    "patient": EXPERIENCE,
    "relative": EXPERIENCE,
    "bereaved": EXPERIENCE,
}
ALLOWED_TAGS = {"p", "ul", "ol", "li", "b", "i"}
PHONE_PATTERN = re.compile(r"^06-0000 \d{4}$")


def check_html(html: str, where: str) -> None:
    checks.check_html(html, where, ALLOWED_TAGS)


def check(
    *,
    catalogue: dict = CATALOGUE,
    instruction_pages: list[dict] = INSTRUCTION_PAGES,
    experts: list[dict] = EXPERTS,
) -> None:
    """The catalogue, its instruction pages and the experts keep the site's rules (lengths,
    tags, the admission criteria of each kind of expert) and show every kind, role, topic and
    availability; raises DemoContentError on the first item that does not. `manage.py
    load_demo` runs it before writing anything; the tests hand it broken copies."""
    check_pages(catalogue, instruction_pages)
    check_expert_mix(experts)
    for expert in experts:
        check_expert(expert)


def check_pages(catalogue: dict, instruction_pages: list[dict]) -> None:
    """The catalogue's texts, and its four instruction pages in their order."""
    require(catalogue["title"] == "Expertbibliotheek", "catalogue title")
    check_html(catalogue["introduction"], "catalogue introduction")
    check_html(catalogue["no_expert_text"], "catalogue no_expert_text")

    slugs = [page["slug"] for page in instruction_pages]
    require(
        slugs
        == [
            "zo-werkt-lenen",
            "instructies-voor-aios",
            "instructies-voor-experts",
            "criteria-voor-experts",
        ],
        f"instruction page slugs/order: {slugs}",
    )
    for page in instruction_pages:
        require(len(page["introduction"]) <= 600, f"{page['slug']}: introduction too long")
        require(bool(page["body"]), f"{page['slug']}: empty body")
        for block_type, value in page["body"]:
            require(block_type in {"heading", "paragraph"}, f"{page['slug']}: {block_type}")
            if block_type == "heading":
                require("<" not in value, f"{page['slug']}: heading must be plain text")
            else:
                check_html(value, page["slug"])


def check_expert_mix(experts: list[dict]) -> None:
    """Together the experts show every kind, role, topic, availability and conversation form."""
    require(len(experts) >= 14, "at least 14 experts")
    titles = [expert["title"] for expert in experts]
    require(len(titles) == len(set(titles)), "duplicate titles")
    phones = [expert["phone"] for expert in experts]
    emails = [expert["email"] for expert in experts]
    require(len(phones) == len(set(phones)), "duplicate phone numbers")
    require(len(emails) == len(set(emails)), "duplicate e-mail addresses")

    kinds = [expert["kind"] for expert in experts]
    require(kinds.count("professional") >= 7, "at least 7 professionals")
    require(kinds.count("volunteer") >= 2, "at least 2 volunteers")
    experience = [kind for kind in kinds if KIND_GROUPS.get(kind) == EXPERIENCE]
    require(len(experience) >= 3, "at least 3 experience experts")
    for kind in ("patient", "relative", "bereaved"):
        require(kind in kinds, f"no {kind}")

    roles = " | ".join(e["role"].lower() for e in experts if e["kind"] == "professional")
    for role in (
        "kaderhuisarts",
        "verpleegkundig specialist",
        "geestelijk verzorger",
        "ethicus",
        "specialist ouderengeneeskunde",
        "anesthesioloog",
        "hospicecoördinator",
    ):
        require(role in roles, f"no professional with role {role}")

    availability = [expert["availability"] for expert in experts]
    require(availability.count("absent") == 1, "exactly one absent expert")
    require(availability.count("withdrawn") == 1, "exactly one withdrawn expert")
    forms = {expert["conversation_form"] for expert in experts}
    require(forms == {"in_person", "video", "both"}, f"conversation forms not mixed: {forms}")

    topics = {topic for expert in experts for topic in expert["topics"]}
    for topic in (
        "pijn",
        "symptoombestrijding",
        "hoop",
        "veeleisende naasten",
        "zingeving",
        "ethiek",
        "palliatieve sedatie",
        "proactieve zorgplanning",
        "euthanasie",
        "rouw",
        "cultuur en religie",
        "dementie",
        "kinderen als naasten",
        "zelfzorg",
    ):
        require(topic in topics, f"topic {topic} not covered")


def check_expert(expert: dict) -> None:
    """One expert: valid choices, lengths that fit the fields, the criteria of its kind."""
    name = expert["title"]
    kind = expert["kind"]
    require(kind in KIND_GROUPS, f"{name}: invalid kind {kind}")
    require(
        expert["conversation_form"] in {"in_person", "video", "both"},
        f"{name}: invalid conversation form",
    )
    require(
        expert["availability"] in {"available", "absent", "withdrawn"},
        f"{name}: invalid availability",
    )
    if expert["availability"] == "absent":
        require(20 <= expert["absent_days"] <= 30, f"{name}: absent_days around 24")
    else:
        require(expert["absent_days"] == 0, f"{name}: absent_days must be 0")
    require(10 <= expert["preparation_minutes"] <= 30, f"{name}: preparation_minutes 10..30")
    require(bool(expert["preparation_assignment"]), f"{name}: no preparation assignment")
    require(len(expert["summary"]) <= 300, f"{name}: summary too long")
    require(len(expert["title"]) <= 255, f"{name}: title too long")
    require(len(expert["role"]) <= 120, f"{name}: role too long")
    require(len(expert["organisation"]) <= 160, f"{name}: organisation too long")
    check_html(expert["body"], name)
    require(2 <= len(expert["topics"]) <= 4, f"{name}: 2-4 topics")
    for topic in expert["topics"]:
        require(topic == topic.lower(), f"{name}: topic {topic} not lowercase")
    require(2 <= len(expert["example_questions"]) <= 4, f"{name}: 2-4 questions")
    for question in expert["example_questions"]:
        require(question.endswith("?"), f"{name}: question without question mark")
        require(len(question) <= 300, f"{name}: question too long")
    areas = expert["competence_areas"]
    require(bool(areas), f"{name}: no competence areas")
    require(
        set(areas) <= {"medisch-handelen", "communiceren", "professionaliteit"},
        f"{name}: invalid competence areas {areas}",
    )
    require(1 <= len(expert["essences"]) <= 3, f"{name}: 1-3 essences")
    require(all(1 <= n <= 8 for n in expert["essences"]), f"{name}: essence out of range")
    require(expert["email"].endswith("@example.org"), f"{name}: e-mail not example.org")
    require(bool(PHONE_PATTERN.match(expert["phone"])), f"{name}: phone not 06-0000 xxxx")
    valid = {key for key, _ in CRITERIA[KIND_GROUPS[kind]]}
    ticked = set(expert["criteria"])
    require(ticked <= valid, f"{name}: criteria {sorted(ticked - valid)} not for {kind}")
    missing = valid - OPTIONAL_CRITERIA - ticked
    require(not missing, f"{name}: required criteria missing {sorted(missing)}")
