"""The question service: /vragen/ with example answers, the 22 complex questions of 2017 and
the inbox records behind the 2017 figures (121 answered, 22 of them complex).

Texts are short summaries in our own words of the questions in the annual report. Products
(projects, publications), themes and partners are linked where the demo content has them;
a later run links what has appeared since.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.models import Partner
from demo.utils import ensure_child, ensure_translation, paragraphs, publish
from dossiers.models import DossierPage, PublicationPage
from questions.models import QuestionIndexPage, QuestionKind, QuestionPage, SubmittedQuestion
from themes.models import ProjectPage, ThemePage

STRAIGHTFORWARD, RESEARCH, COMPLEX = QuestionKind.values

INDEX = {
    "nl": {
        "title": "Vragen",
        "slug": "vragen",
        "intro": (
            "Heeft u een vraag over integratie, migratie of diversiteit? Stel hem hier. We "
            "zoeken het antwoord op in onderzoek en praktijk, en delen antwoorden waar "
            "anderen ook iets aan hebben."
        ),
        "kind_straightforward": (
            "De kennis is al in huis. U krijgt binnen enkele werkdagen antwoord per e-mail, "
            "vaak met verwijzingen naar publicaties, instrumenten of organisaties."
        ),
        "kind_research": (
            "We zoeken eerst bronnen, cijfers en ervaringen bij elkaar. We laten u weten hoe "
            "lang dat duurt en sturen het antwoord per e-mail."
        ),
        "kind_complex": (
            "De vraag vraagt om nieuw onderzoek. Samen met u zetten we een verkennend "
            "onderzoeksproject op van soms enkele maanden, met bijvoorbeeld een rapport, "
            "artikel, brochure of training als resultaat."
        ),
        "body": (
            "In 2017 beantwoordden we 121 vragen van gemeenten, ministeries, maatschappelijke "
            "organisaties, onderzoekers en professionals. Hieronder staat een selectie, met "
            "de 22 complexe vragen die tot een onderzoeksproject leidden."
        ),
    },
    "en": {
        "title": "Questions",
        "slug": "questions",
        "intro": (
            "Do you have a question about integration, migration or diversity? Ask it here. "
            "We look for the answer in research and practice, and share answers that help "
            "others too."
        ),
        "kind_straightforward": (
            "We already have the knowledge. You receive an answer by e-mail within a few "
            "working days, often pointing to publications, tools or organisations."
        ),
        "kind_research": (
            "We first gather sources, figures and experiences. We tell you how long that "
            "takes and send the answer by e-mail."
        ),
        "kind_complex": (
            "The question calls for new research. Together with you we set up an exploratory "
            "research project of up to a few months, resulting in, for example, a report, an "
            "article, a brochure or a training."
        ),
        "body": (
            "In 2017 we answered 121 questions from municipalities, ministries, civil-society "
            "organisations, researchers and professionals. Below is a selection, including "
            "the 22 complex questions that became research projects."
        ),
    },
}

THEMES = {
    "migration": "Nieuwe migratie",
    "stability": "Sociale stabiliteit",
    "inclusion": "Inclusie",
    "participation": "Participatie",
}

# The example questions: slug, kind, theme, Dutch and English text, publications to relate.
EXAMPLES = [
    {
        "slug": "trainingen-tegen-discriminatie-bij-werving-en-selectie",
        "kind": STRAIGHTFORWARD,
        "theme": "inclusion",
        "publications": ["Effectief discriminatie bestrijden", "Divers talent werkt"],
        "partners": ["gemeente-groningen"],
        "nl": {
            "title": "Trainingen tegen discriminatie bij werving en selectie",
            "question": (
                "Als HRM-managers van de grote steden zoeken wij manieren om discriminatie in "
                "onze selectieprocedures te voorkomen. Bestaan daar trainingen of opleidingen "
                "voor?"
            ),
            "role": "Hoofd HRM",
            "organisation": "Gemeente Groningen, namens het grote stedenoverleg",
            "answer": [
                "Verschillende wervings- en selectiebureaus die zich op diversiteit richten, "
                "bieden trainingen en adviestrajecten aan. We hebben de vraagsteller gewezen "
                "op de training ‘Selecteren zonder vooroordelen’.",
                "Praktische handvatten om discriminatie tegen te gaan staan in ons artikel "
                "‘Effectief discriminatie bestrijden: zo doe je dat’ en in de toolkit ‘Divers "
                "talent werkt’.",
            ],
        },
        "en": {
            "title": "Training against discrimination in recruitment and selection",
            "slug": "training-against-discrimination-in-recruitment",
            "question": (
                "As HR managers of the large cities we are looking for ways to prevent "
                "discrimination in our selection procedures. Are there trainings or courses?"
            ),
            "role": "Head of HR",
            "organisation": "Municipality of Groningen, on behalf of the large cities",
            "answer": [
                "Several recruitment agencies that specialise in diversity offer trainings "
                "and advice. We pointed the requester to the training ‘Selecting without "
                "prejudice’.",
                "Practical ways to counter discrimination are in our article ‘Effectief "
                "discriminatie bestrijden: zo doe je dat’ and the toolkit ‘Divers talent "
                "werkt’ (both in Dutch).",
            ],
        },
    },
    {
        "slug": "onderzoekers-en-organisaties-rond-ongedocumenteerden",
        "kind": STRAIGHTFORWARD,
        "theme": "migration",
        "publications": [],
        "partners": ["vumc"],
        "nl": {
            "title": "Onderzoekers en organisaties rond ongedocumenteerden",
            "question": (
                "Ik wil meer weten over het leven van ongedocumenteerde migranten. Hoe kom ik "
                "in contact met onderzoekers of organisaties die hier verstand van hebben?"
            ),
            "role": "Onderzoeker ethiek",
            "organisation": "VU Medisch Centrum",
            "answer": [
                "We hebben kort geleden zelf onderzoek gedaan naar medisch noodzakelijke zorg "
                "voor ongedocumenteerde migranten; de publicatie daarover volgt in 2018.",
                "Organisaties die met of voor ongedocumenteerden werken zijn onder meer "
                "Pharos, Amnesty International, Stil, We Are Here, het Landelijk "
                "Ongedocumenteerden Steunpunt (LOS), Centrum ’45, Kruispost en het Rode Kruis.",
            ],
        },
        "en": {
            "title": "Researchers and organisations working with undocumented migrants",
            "slug": "researchers-and-organisations-undocumented-migrants",
            "question": (
                "I would like to learn more about the lives of undocumented migrants. How can "
                "I get in touch with researchers or organisations who know about this?"
            ),
            "role": "Ethics researcher",
            "organisation": "VU University Medical Center",
            "answer": [
                "We recently studied medically necessary care for undocumented migrants "
                "ourselves; the publication follows in 2018.",
                "Organisations working with or for undocumented migrants include Pharos, "
                "Amnesty International, Stil, We Are Here, the national support centre for "
                "undocumented people (LOS), Centrum ’45, Kruispost and the Red Cross.",
            ],
        },
    },
    {
        "slug": "gezondheid-van-statushouders-en-werk",
        "kind": RESEARCH,
        "theme": "migration",
        "publications": [
            "Effectiviteit van hulp aan vluchtelingen",
            "Vluchtelingen aan het werk",
        ],
        "partners": ["vng"],
        "nl": {
            "title": "Gezondheid van statushouders en werk",
            "question": (
                "In hoeverre bepaalt de gezondheid van statushouders of zij aan het werk komen?"
            ),
            "role": "Regiocoördinator gezondheid",
            "organisation": "VNG",
            "answer": [
                "Lichamelijke en psychische klachten, zoals een depressie, maken het voor "
                "vluchtelingen moeilijker om werk te vinden en te houden. Waarschijnlijk "
                "spelen zowel een lang verblijf in een asielzoekerscentrum als traumatische "
                "ervaringen in het land van herkomst of tijdens de vlucht een rol.",
                "In het onderzoek ‘Vluchtelingen aan het werk’ is gezondheid de vijfde "
                "belemmering: 36% noemt gezondheidsproblemen en trauma’s. Zie ook "
                "‘Effectiviteit van hulp aan vluchtelingen bij zoektocht naar betaald werk’.",
            ],
        },
        "en": {
            "title": "Refugees’ health and finding work",
            "slug": "refugees-health-and-finding-work",
            "question": "How far does the health of refugees determine whether they find work?",
            "role": "Regional health coordinator",
            "organisation": "Association of Netherlands Municipalities (VNG)",
            "answer": [
                "Physical and mental health problems, such as depression, make it harder for "
                "refugees to find and keep work. Both a long stay in an asylum seekers’ "
                "centre and traumatic experiences at home or during the flight probably play "
                "a part.",
                "In the study ‘Vluchtelingen aan het werk’ health is the fifth barrier: 36% "
                "mention health problems and trauma.",
            ],
        },
    },
    {
        "slug": "een-inclusieve-werkcultuur-bevorderen",
        "kind": RESEARCH,
        "theme": "inclusion",
        "publications": [],
        "partners": [],
        "nl": {
            "title": "Een inclusieve werkcultuur bevorderen",
            "question": "Hoe kun je als organisatie een inclusieve werkcultuur bevorderen?",
            "role": "",
            "organisation": "",
            "answer": [
                "Discriminatie speelt niet alleen bij het vinden van werk, maar ook op de "
                "werkvloer. Jongeren met een Turkse of Marokkaanse achtergrond hebben vaak het "
                "gevoel dat er extra op hen wordt gelet en dat hun fouten zwaarder wegen. Ook "
                "micro-agressie komt voor: grapjes en opmerkingen die op stereotypen leunen. "
                "Meestal zijn ze niet kwaad bedoeld, maar ze komen wel kleinerend over.",
                "Een inclusieve werkcultuur maakt ruimte voor verschillen, van de omgangsvormen "
                "in het team tot halal vlees op de personeelsbarbecue.",
            ],
            "tips_heading": "Tips",
            "tips": [
                "Maak collega’s bewust van verschillen in hoe mensen het werk en de "
                "werkplek beleven.",
                "Laat leidinggevenden uitspreken dat iedereen zichzelf mag zijn en dat "
                "intimidatie en discriminatie niet worden geaccepteerd.",
                "Neem diversiteit op in de gedragscode, het integriteitsbeleid en de "
                "klachtenregeling.",
                "Train teamleiders in het leiden van een divers team en het omgaan met "
                "verschillen.",
                "Stimuleer als teamleider de samenwerking: persoonlijk contact overbrugt "
                "verschillen.",
            ],
        },
        "en": {
            "title": "Fostering an inclusive work culture",
            "slug": "fostering-an-inclusive-work-culture",
            "question": "How can an organisation foster an inclusive work culture?",
            "role": "",
            "organisation": "",
            "answer": [
                "Discrimination is not only about getting a job, but also happens at work. "
                "Young people of Turkish or Moroccan descent often feel they are watched more "
                "closely and that their mistakes count for more. Micro-aggressions occur too: "
                "jokes and remarks built on stereotypes, usually not meant to hurt, yet "
                "belittling.",
                "An inclusive work culture makes room for differences, from how a team works "
                "together to halal meat at the staff barbecue.",
            ],
            "tips_heading": "Tips",
            "tips": [
                "Make colleagues aware that people experience work and the workplace differently.",
                "Have managers say clearly that everyone may be themselves and that "
                "intimidation and discrimination are not accepted.",
                "Include diversity in the code of conduct, the integrity policy and the "
                "complaints procedure.",
                "Train team leaders to lead a diverse team and deal with differences.",
                "As a team leader, encourage working together: personal contact bridges "
                "differences.",
            ],
        },
    },
]

# The 22 complex questions of 2017: title, requester organisation (or name and role),
# question summary, product status, theme, the title of its product if the demo has it, and
# the slugs of the requesting partners (demo/partners.py).
COMPLEX_QUESTIONS = [
    (
        "Maatschappelijke kosten- en batenanalyse (MKBA) Schilderswijkmoeders",
        "Project Schilderswijkmoeders",
        "Hoe laat het project zien wat het de samenleving oplevert?",
        "Afgerond: een rapport over de maatschappelijke kosten en baten van het project, en "
        "een artikel op de website.",
        "participation",
        None,
        ("schilderswijkmoeders",),
    ),
    (
        "Armoede is geen schande",
        "Stichting Hindustani",
        "Hoe maak je armoede en schulden bespreekbaar onder Surinaams-Hindoestaanse jongeren "
        "in Den Haag, zodat het onderwerp uit de taboesfeer komt?",
        "Afgerond: een peertraining over geld, status en schulden, een train-de-trainercursus "
        "voor jongeren en een artikel.",
        "participation",
        None,
        ("stichting-hindustani",),
    ),
    (
        "Diverser rechtspraak",
        "Rechtbank Amsterdam",
        "Wat houdt een diverser personeelsbestand bij de rechtbank tegen, en hoe zijn die "
        "drempels weg te nemen?",
        "Afgerond: het antwoord staat in een rapport.",
        "inclusion",
        None,
        ("rechtbank-amsterdam",),
    ),
    (
        "Ervaringen werkgevers werkvoorziening vluchtelingen",
        "Gemeente Eindhoven",
        "Wat verwachten werkgevers die statushouders een werk- of werkervaringsplek bieden "
        "van de gemeente, en wat helpt of hindert daarbij?",
        "Afgerond: een rapport en een artikel.",
        "migration",
        None,
        ("gemeente-eindhoven",),
    ),
    (
        "Kwaliteit moskeeonderwijs",
        "SICN (Stichting Islamitisch Centrum Nederland) & CMO (Contactorgaan Moslims & Overheid)",
        "Wat hebben moskeeorganisaties nodig om zelf een kwaliteitssysteem voor pedagogisch "
        "verantwoord moskeeonderwijs op te zetten: wat hoort erin en onder welke voorwaarden "
        "werkt het?",
        "Het onderzoek is gedaan; het rapport verschijnt in 2018.",
        "stability",
        None,
        ("sicn", "cmo"),
    ),
    (
        "Effect maatschappelijke begeleiding statushouders",
        "VluchtelingenWerk Nederland",
        "Hoe meet je wat de maatschappelijke begeleiding van statushouders oplevert?",
        "Een eerste versie van een meetinstrument is klaar. In 2018 volgen het definitieve "
        "instrument en materiaal voor een train-de-trainercursus.",
        "migration",
        None,
        ("vluchtelingenwerk",),
    ),
    (
        "Handreiking Eritrese statushouders",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "Hoe verlopen integratie en participatie van Eritreeërs beter als we rekening houden "
        "met hun eigen achtergrond en situatie?",
        "Afgerond: een rapport en een artikel.",
        "migration",
        "Integratiekansen van Eritrese vluchtelingen",
        ("ministerie-szw",),
    ),
    (
        "Onderzoeksinstrument voedingsbodem radicalisering",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "Meten de vragen en schalen van het instrument dat voedingsbodems voor radicalisering "
        "in kaart brengt wat ze moeten meten, en wat doet het afnemen ervan in klassen van "
        "het voortgezet onderwijs?",
        "Het conceptrapport is klaar; het rapport verschijnt in 2018.",
        "stability",
        None,
        ("ministerie-szw",),
    ),
    (
        "LIZE (Kennis- en informatiecentrum Europese migranten)",
        "Stichting Lize",
        "Hoe verbind je met de methode van de transitiearena de kennis en het bereik van "
        "organisaties van en voor EU-migranten duurzaam met gemeenten, zodat de positie van "
        "EU-migranten verbetert?",
        "Vier transitiearena’s met gemeenten en organisaties van en voor EU-migranten zijn "
        "gehouden. In 2018 volgen er nog twee, een slotbijeenkomst en een artikel.",
        "inclusion",
        "Diversiteit in de Transitiearena",
        ("lize",),
    ),
    (
        "Zorg voor ongedocumenteerden",
        "MOC Schilderswijk",
        "Hoe is medisch noodzakelijke zorg voor ongedocumenteerde migranten geregeld, in "
        "beleid en in de praktijk?",
        "Er is een werksessie gehouden; daarover verscheen een artikel.",
        "migration",
        None,
        ("moc-schilderswijk",),
    ),
    (
        "LHBT-asielzoekers",
        "COC Midden Nederland & Artikel 1 Midden Nederland",
        "Hoe ziet een methode eruit waarmee LHBT-asielzoekers hun levensverhaal vertellen op "
        "een manier die hen sterker maakt, en wat is daarvoor nodig?",
        "Afgerond: een rapport en een artikel.",
        "inclusion",
        None,
        ("coc-midden-nederland", "artikel-1-midden-nederland"),
    ),
    (
        "Inclusief communiceren",
        "Saluti & Artikel 1 Midden Nederland",
        "Hoe houden gemeenten en instellingen in hun communicatie rekening met de "
        "verschillende culturele, religieuze en levensbeschouwelijke overtuigingen van hun "
        "doelgroepen?",
        "Een eerste theoretisch kader is klaar. In 2018 volgt het onderzoek, met een toolkit "
        "inclusieve communicatie als resultaat.",
        "inclusion",
        None,
        ("saluti", "artikel-1-midden-nederland"),
    ),
    (
        "Stagediscriminatie",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "Wat kan een roc concreet doen om stagediscriminatie te voorkomen en aan te pakken?",
        "Een brochure met concrete tips voor roc’s is klaar; in 2018 volgt een video.",
        "participation",
        "Gelijke kansen op",
        ("ministerie-szw",),
    ),
    (
        "Turkse spanningen",
        "Stichting ISBO (Islamitische Schoolbesturen Organisatie)",
        "Hoe kunnen Turkse Nederlanders beter omgaan met onderlinge verschillen en zich meer "
        "op hun toekomst in Nederland richten?",
        "Er is een seminar gehouden voor beleidsmakers en andere belangstellenden; het "
        "verslag en een artikel verschijnen in 2018.",
        "stability",
        None,
        ("isbo",),
    ),
    (
        "Weerbaarheid meiden",
        # a person, named in the annual report with her agreement
        (
            "Naima Ajouaau",
            "adviseur, coach en trainer (arbeidsbemiddeling, radicalisering, diversiteit en "
            "inclusie)",
        ),
        "Waar moeten interventies en methoden op letten om meiden met een migratieachtergrond "
        "van 15 tot 30 jaar weerbaarder te maken, en hoe verwerk je dat in de bestaande "
        "aanpak?",
        "Het onderzoek is gedaan; het rapport verschijnt in 2018.",
        "stability",
        None,
        (),
    ),
    (
        "Toegankelijke hulp LHBT",
        "Mokum Roze & COC Nederland",
        "Hoe gaan (aankomende) hulpverleners om met hun onwil om LHBT-cliënten te helpen, en "
        "hoe reageren hun instellingen en opleidingen daarop?",
        "Het literatuuronderzoek en de werving van geïnterviewden zijn begonnen; in 2018 "
        "volgen het onderzoek en het rapport.",
        "inclusion",
        None,
        ("mokum-roze", "coc-nederland"),
    ),
    (
        "‘Duldung’ uitgeprocedeerden",
        "LOS (Landelijk Ongedocumenteerden Steunpunt) & ASKV (Steunpunt Vluchtelingen)",
        "Hoe werkt het Duitse Duldung-beleid, en wat kunnen Nederlandse overheden daarvan "
        "leren voor de maatschappelijke participatie van uitgeprocedeerde asielzoekers?",
        "De beleidsverkenning heeft een conceptpublicatie opgeleverd. In 2018 wordt die met "
        "Nederlandse betrokkenen besproken en aangevuld met interviews met Duitse deskundigen.",
        "migration",
        None,
        ("los", "askv"),
    ),
    (
        "Participatie vrouwelijke statushouders",
        "VluchtelingenWerk Nederland & Gemeente Amsterdam",
        "Hoe kunnen gemeenten en maatschappelijke organisaties vrouwelijke statushouders zo "
        "ondersteunen dat zij even goede kansen krijgen om mee te doen en te integreren?",
        "Het rapport en een artikel zijn in 2018 verschenen.",
        "migration",
        None,
        ("vluchtelingenwerk", "gemeente-amsterdam"),
    ),
    (
        "Evaluatie discriminatie meldwijzer",
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "Bereikt de Discriminatie Meldwijzer jongeren die discriminatie meemaken maar melden "
        "zinloos vinden, zodat zij het toch melden?",
        "Er is een enquête gehouden en een brochure gemaakt; daarnaast verscheen een artikel.",
        "inclusion",
        None,
        ("ministerie-szw",),
    ),
    (
        "Onderwijs vluchtelingenkinderen",
        "Stichting Leren Helpt!",
        "Wat doen leerkrachten, decanen en zorgcoördinatoren om vluchtelingenkinderen hun "
        "talenten in het onderwijs te laten benutten?",
        "De verkenning is klaar; in 2018 verschijnen een verslag en een artikel.",
        "participation",
        None,
        ("leren-helpt",),
    ),
    (
        "Achterlating",
        "Landelijk Knooppunt Huwelijksdwang en Achterlating",
        "Waarom laten ouders kinderen van 12 tot 18 jaar achter in het land van herkomst, "
        "welke rol spelen opvoedproblemen, wat zeggen voormalige slachtoffers zelf en waar "
        "liggen kansen voor preventie?",
        "De documentstudie is gedaan en de vragenlijsten voor interviews zijn klaar. In 2018 "
        "volgen de interviews en een brochure.",
        "participation",
        None,
        ("landelijk-knooppunt-huwelijksdwang",),
    ),
    (
        "Online jongerenwerk",
        "Stichting Het Interlokaal & Tandem Nijmegen",
        "Wat is er al bekend over online jongerenwerk voor jongeren met een "
        "migratieachtergrond, en hoe brengen jongerenwerkers die kennis in de praktijk?",
        "Een selectieve literatuurstudie is gedaan; in 2018 gaat het onderzoek verder en "
        "verschijnt het rapport.",
        "stability",
        None,
        ("het-interlokaal", "tandem-nijmegen"),
    ),
]

# The complex questions in English, by their Dutch title: title, requester organisation (or
# name and role), question, product status.
COMPLEX_QUESTIONS_EN = {
    "Maatschappelijke kosten- en batenanalyse (MKBA) Schilderswijkmoeders": (
        "Social cost-benefit analysis (SCBA) of the Schilderswijk mothers",
        "Schilderswijk Mothers Project",
        "How can the project show what it yields for society?",
        "Completed: a report on the social costs and benefits of the project, and an article on "
        "the website.",
    ),
    "Armoede is geen schande": (
        "Poverty is no disgrace",
        "Hindustani Foundation",
        "How do you make poverty and debt a subject young Surinamese-Hindustani people in The "
        "Hague can talk about, so that it is no longer taboo?",
        "Completed: a peer training on money, status and debt, a train-the-trainer course for "
        "young people and an article.",
    ),
    "Diverser rechtspraak": (
        "A more diverse judiciary",
        "Amsterdam District Court",
        "What stands in the way of a more diverse staff at the court, and how can those "
        "barriers be removed?",
        "Completed: the answer is in a report.",
    ),
    "Ervaringen werkgevers werkvoorziening vluchtelingen": (
        "Employers' experiences with work placements for refugees",
        "Municipality of Eindhoven",
        "What do employers who offer refugees with a residence permit a job or a work "
        "experience placement expect from the municipality, and what helps or hinders them?",
        "Completed: a report and an article.",
    ),
    "Kwaliteit moskeeonderwijs": (
        "Quality of mosque education",
        "SICN (Islamic Centre Foundation of the Netherlands) & CMO (Contact Body for Muslims "
        "and Government)",
        "What do mosque organisations need to set up their own quality system for "
        "educationally sound mosque education: what belongs in it, and under which conditions "
        "does it work?",
        "The research is done; the report appears in 2018.",
    ),
    "Effect maatschappelijke begeleiding statushouders": (
        "Effect of social support for refugees with a residence permit",
        "Dutch Council for Refugees (VluchtelingenWerk Nederland)",
        "How do you measure what the social support of refugees with a residence permit achieves?",
        "A first version of a measuring instrument is ready. The final instrument and material "
        "for a train-the-trainer course follow in 2018.",
    ),
    "Handreiking Eritrese statushouders": (
        "Guidance on Eritrean refugees with a residence permit",
        "Ministry of Social Affairs and Employment",
        "How do the integration and participation of Eritreans go better when their own "
        "background and situation are taken into account?",
        "Completed: a report and an article.",
    ),
    "Onderzoeksinstrument voedingsbodem radicalisering": (
        "Research instrument on breeding grounds for radicalisation",
        "Ministry of Social Affairs and Employment",
        "Do the questions and scales of the instrument that maps breeding grounds for "
        "radicalisation measure what they should, and what does using it in secondary school "
        "classes bring about?",
        "The draft report is ready; the report appears in 2018.",
    ),
    "LIZE (Kennis- en informatiecentrum Europese migranten)": (
        "LIZE (Knowledge and Information Centre for European Migrants)",
        "Lize Foundation",
        "How can the transition arena method link the knowledge and reach of organisations of "
        "and for EU migrants to municipalities for good, so that the position of EU migrants "
        "improves?",
        "Four transition arenas with municipalities and organisations of and for EU migrants "
        "were held. Two more, a closing meeting and an article follow in 2018.",
    ),
    "Zorg voor ongedocumenteerden": (
        "Care for undocumented migrants",
        "MOC Schilderswijk",
        "How is medically necessary care for undocumented migrants arranged, in policy and in "
        "practice?",
        "A working session was held; an article about it was published.",
    ),
    "LHBT-asielzoekers": (
        "LGBT asylum seekers",
        "COC Midden Nederland & Artikel 1 Midden Nederland",
        "What does a method look like with which LGBT asylum seekers tell their life story in a "
        "way that makes them stronger, and what does it take?",
        "Completed: a report and an article.",
    ),
    "Inclusief communiceren": (
        "Inclusive communication",
        "Saluti & Artikel 1 Midden Nederland",
        "How do municipalities and institutions take the different cultural, religious and "
        "philosophical convictions of the people they serve into account in their "
        "communication?",
        "A first theoretical framework is ready. The research follows in 2018, resulting in a "
        "toolkit for inclusive communication.",
    ),
    "Stagediscriminatie": (
        "Discrimination in internships",
        "Ministry of Social Affairs and Employment",
        "What can a vocational college actually do to prevent and tackle discrimination in "
        "internships?",
        "A brochure with practical tips for vocational colleges is ready; a video follows in 2018.",
    ),
    "Turkse spanningen": (
        "Turkish tensions",
        "ISBO (Organisation of Islamic School Boards)",
        "How can Turkish Dutch people deal better with the differences among them and look "
        "more to their future in the Netherlands?",
        "A seminar was held for policy makers and others interested; its report and an article "
        "appear in 2018.",
    ),
    "Weerbaarheid meiden": (
        "Resilience of girls",
        (
            "Naima Ajouaau",
            "adviser, coach and trainer (job placement, radicalisation, diversity and inclusion)",
        ),
        "What should interventions and methods pay attention to in making girls aged 15 to 30 "
        "with a migration background more resilient, and how do you build that into the "
        "existing approach?",
        "The research is done; the report appears in 2018.",
    ),
    "Toegankelijke hulp LHBT": (
        "Accessible care for LGBT people",
        "Mokum Roze & COC Nederland",
        "How do (future) care workers deal with their reluctance to help LGBT clients, and how "
        "do their organisations and training programmes respond?",
        "The literature review and the recruitment of interviewees have begun; the research and "
        "the report follow in 2018.",
    ),
    "‘Duldung’ uitgeprocedeerden": (
        "Tolerated stay for rejected asylum seekers",
        "LOS (National Support Centre for Undocumented People) & ASKV (Refugee Support)",
        "How does the German policy of tolerated stay (Duldung) work, and what can Dutch "
        "governments learn from it for the participation in society of rejected asylum "
        "seekers?",
        "The policy exploration has produced a draft publication. In 2018 it is discussed with "
        "those involved in the Netherlands and completed with interviews with German experts.",
    ),
    "Participatie vrouwelijke statushouders": (
        "Participation of women refugees with a residence permit",
        "Dutch Council for Refugees (VluchtelingenWerk Nederland) & Municipality of Amsterdam",
        "How can municipalities and civil-society organisations support women refugees with a "
        "residence permit so that they get the same chances to take part and integrate?",
        "The report and an article were published in 2018.",
    ),
    "Evaluatie discriminatie meldwijzer": (
        "Evaluation of the discrimination reporting guide",
        "Ministry of Social Affairs and Employment",
        "Does the discrimination reporting guide reach young people who experience "
        "discrimination but think reporting it is pointless, so that they report it after all?",
        "A survey was held and a brochure made; an article was also published.",
    ),
    "Onderwijs vluchtelingenkinderen": (
        "Education of refugee children",
        "Leren Helpt! Foundation",
        "What do teachers, school counsellors and care coordinators do to let refugee children "
        "use their talents at school?",
        "The exploration is done; a report and an article appear in 2018.",
    ),
    "Achterlating": (
        "Children left behind abroad",
        "National Centre of Expertise on Forced Marriage and Abandonment",
        "Why do parents leave children aged 12 to 18 behind in their country of origin, what "
        "part do problems in their upbringing play, what do former victims say themselves and "
        "where are the chances for prevention?",
        "The document study is done and the questionnaires for the interviews are ready. The "
        "interviews and a brochure follow in 2018.",
    ),
    "Online jongerenwerk": (
        "Online youth work",
        "Het Interlokaal Foundation & Tandem Nijmegen",
        "What is already known about online youth work for young people with a migration "
        "background, and how do youth workers put that knowledge into practice?",
        "A selective literature review is done; in 2018 the research continues and the report "
        "appears.",
    ),
}

# The questions the refugee dossier lists (its title and the slugs of the question pages).
REFUGEE_DOSSIER = "Dossier vluchtelingen"
REFUGEE_QUESTIONS = [
    "gezondheid-van-statushouders-en-werk",
    "ervaringen-werkgevers-werkvoorziening-vluchtelingen",
    "effect-maatschappelijke-begeleiding-statushouders",
    "handreiking-eritrese-statushouders",
    "participatie-vrouwelijke-statushouders",
    "onderwijs-vluchtelingenkinderen",
]

# Answered in 2017 per kind (121 in all): the examples and complex questions above plus
# anonymous demo records for the rest.
ANSWERED_2017 = {STRAIGHTFORWARD: 70, RESEARCH: 29, COMPLEX: 22}


def answer_value(text):
    """The answer StreamField: paragraphs, then a heading and a list of tips if there are any."""
    value = paragraphs(*text["answer"])
    if text.get("tips"):
        value.append(("heading", {"text": text["tips_heading"], "level": "h3"}))
        items = "".join(f"<li>{tip}</li>" for tip in text["tips"])
        value.append(("paragraph", RichText(f"<ul>{items}</ul>")))
    return value


def find_theme(key, locale):
    return ThemePage.objects.filter(locale=locale, title__startswith=THEMES[key]).first()


def find_product(title_start, locale):
    for model in (PublicationPage, ProjectPage):
        page = model.objects.filter(locale=locale, title__istartswith=title_start).first()
        if page is not None:
            return page
    return None


def ensure_index(home):
    nl, en = INDEX["nl"], INDEX["en"]
    privacy = home.get_children().filter(slug="privacyverklaring").first()
    fields = ("intro", "kind_straightforward", "kind_research", "kind_complex")
    index = ensure_child(
        home,
        QuestionIndexPage,
        nl["slug"],
        title=nl["title"],
        body=paragraphs(nl["body"]),
        privacy_page=privacy,
        **{name: nl[name] for name in fields},
    )
    ensure_translation(
        index,
        "en",
        title=en["title"],
        slug=en["slug"],
        body=paragraphs(en["body"]),
        **{name: en[name] for name in fields},
    )
    return index


def ensure_examples(index, locale):
    """The example questions, published in Dutch and English: [(page, links)]."""
    pages = []
    for example in EXAMPLES:
        text = example["nl"]
        page = ensure_child(
            index,
            QuestionPage,
            example["slug"],
            title=text["title"],
            question=text["question"],
            requester_role=text["role"],
            requester_organisation=text["organisation"],
            kind=example["kind"],
            theme=find_theme(example["theme"], locale),
            answer=answer_value(text),
        )
        english = example["en"]
        ensure_translation(
            page,
            "en",
            title=english["title"],
            slug=english["slug"],
            question=english["question"],
            requester_role=english["role"],
            requester_organisation=english["organisation"],
            answer=answer_value(english),
        )
        pages.append((page, example))
    return pages


def ensure_complex_questions(index):
    """The 22 complex questions, published in Dutch (translated once linked): [(page, links)]."""
    pages = []
    for title, requester, question, status, theme, product, partners in COMPLEX_QUESTIONS:
        name, role = requester if isinstance(requester, tuple) else ("", "")
        page = ensure_child(
            index,
            QuestionPage,
            question_slug(title),
            title=title,
            question=question,
            requester_name=name,
            requester_role=role,
            requester_organisation="" if name else requester,
            kind=COMPLEX,
            product_status=status,
        )
        pages.append((page, {"theme": theme, "result": product, "partners": partners}))
    return pages


def question_slug(title):
    return slugify(title.replace("’", "").replace("‘", ""))[:80]


def translate_complex_questions(pages):
    """The complex questions in English, copied from the Dutch pages once these carry their
    links (theme, result, partners)."""
    for page, _links in pages:
        title, requester, question, status = COMPLEX_QUESTIONS_EN[page.title]
        name, role = requester if isinstance(requester, tuple) else ("", "")
        ensure_translation(
            page,
            "en",
            title=title,
            slug=question_slug(title),
            question=question,
            requester_name=name,
            requester_role=role,
            requester_organisation="" if name else requester,
            product_status=status,
        )


def link_demo_content(pages, locale):
    """Link the themes, products, partners and the dossier that exist (now).

    Only missing links are added, so a second run changes nothing, and a run after more
    demo content has appeared links that too.
    """
    for page, links in pages:
        changed = False
        if page.theme_id is None and (theme := find_theme(links["theme"], locale)):
            page.theme, changed = theme, True
        result = links.get("result")
        if result and page.result_page_id is None and (found := find_product(result, locale)):
            page.result_page, changed = found, True
        publications = [find_product(title, locale) for title in links.get("publications", ())]
        publications = [item for item in publications if isinstance(item, PublicationPage)]
        if publications and not page.related_publications.exists():
            page.related_publications.set(publications)
            changed = True
        partners = Partner.objects.filter(locale=locale, slug__in=links["partners"])
        if partners and not page.partners.exists():
            page.partners.set(partners)
            changed = True
        if changed:
            publish(page)
            # the links are synchronised fields: translations made earlier get them too
            for version in page.get_translations().specific():
                version.theme, version.result_page = page.theme, page.result_page
                version.related_publications.set(page.related_publications.all())
                version.partners.set(page.partners.all())
                publish(version)
    dossier = DossierPage.objects.filter(locale=locale, title=REFUGEE_DOSSIER).first()
    if dossier is not None:
        by_slug = {page.slug: page for page, _links in pages}
        # the same questions in every language (a synchronised field); each visitor sees
        # them in their language where translated
        for version in dossier.get_translations(inclusive=True).specific():
            if not version.related_questions.exists():
                version.related_questions.set([by_slug[slug] for slug in REFUGEE_QUESTIONS])
                publish(version)


def demo_moment(number):
    """A fixed moment in 2017 for demo record ``number`` (spread over the year)."""
    day = datetime.date(2017, 1, 2) + datetime.timedelta(days=(number * 3) % 360)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def ensure_inbox_records(examples, complex_pages):
    """121 answered questions in 2017, marked as demo records and without personal data."""
    if SubmittedQuestion.objects.filter(is_demo=True).exists():
        return
    records = []
    published = [
        (page, example["kind"], "\n\n".join(example["nl"]["answer"])) for page, example in examples
    ] + [(page, COMPLEX, page.product_status) for page, _links in complex_pages]
    for page, kind, answer in published:
        records.append(
            SubmittedQuestion(
                organisation=page.requester_organisation,
                role=page.requester_role,
                question=page.question,
                kind=kind,
                theme=page.theme,
                answer=answer,
                published_page=page,
            )
        )
    for kind, total in ANSWERED_2017.items():
        already = sum(1 for _page, published_kind, _answer in published if published_kind == kind)
        for number in range(1, total - already + 1):
            records.append(
                SubmittedQuestion(
                    question=f"Demovraag ({kind}, {number}): geanonimiseerd, telt mee in de "
                    "jaarcijfers van 2017.",
                    kind=kind,
                    answer="Beantwoord per e-mail (demo).",
                )
            )
    for number, record in enumerate(records, start=1):
        moment = demo_moment(number)
        record.reference = f"DEMO-2017-{number:04d}"
        record.is_demo = True
        record.language = "nl"
        record.status = SubmittedQuestion.Status.ANSWERED
        record.created_at = moment - datetime.timedelta(days=5)
        record.answered_at = moment
    SubmittedQuestion.objects.bulk_create(records)


def load(home):
    nl = Locale.objects.get(language_code="nl")
    index = ensure_index(home)
    examples = ensure_examples(index, nl)
    complex_pages = ensure_complex_questions(index)
    link_demo_content(examples + complex_pages, nl)
    translate_complex_questions(complex_pages)
    ensure_inbox_records(examples, complex_pages)
    return index
