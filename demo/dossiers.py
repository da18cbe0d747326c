"""The library with the publications named in the 2017 report, and the refugee dossier.

Every publication gets a small generated PDF and a placeholder cover; the figures the report
gives for 2017 (downloads, views) are stored per publication. Everything is translated into
English: the library, the publications (English title and summary, the Dutch document), the
authors' roles, the dossier index and the dossier. Summaries and the dossier's text are our
own words.
"""

import datetime

from wagtail.models import Locale

from core.models import Person
from demo.files import ensure_image, ensure_pdf
from demo.utils import ensure_child, ensure_snippet_translation, ensure_translation, rich
from dossiers.models import (
    DossierIndexPage,
    DossierPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationYearFigures,
)

T = PublicationPage.Type

LIBRARY_INTRO = (
    "Onderzoeken, artikelen, brochures, infographics en blogs van het kennisplatform. "
    "Filter op soort, thema en jaar."
)

LIBRARY_EN = (
    "Publications",
    "publications",
    "Research reports, articles, brochures, infographics and blogs of the knowledge platform. "
    "Most are written in Dutch; each has a summary in English. Filter by type, theme and year.",
)

# key: title, type, date, theme slugs, summary, (downloads, views) in 2017 or None, author
PUBLICATIONS = {
    "boze-burgers": (
        "Boze burgers. Omgaan met weerstand tegen de multiculturele samenleving",
        T.REPORT,
        datetime.date(2017, 3, 14),
        ["sociale-stabiliteit"],
        "Waar komt het verzet tegen de multiculturele samenleving vandaan, en hoe gaan "
        "gemeenten en professionals in gesprek met boze burgers? Een verkenning met "
        "handelingsopties.",
        (800, 0),
        None,
    ),
    "interventiewijzer": (
        "Interventiewijzer participatie vluchtelingen. Een overzicht van interventies en "
        "veelbelovende praktijkvoorbeelden om de participatie van statushouders te bevorderen",
        T.REPORT,
        datetime.date(2017, 2, 7),
        ["nieuwe-migratie", "participatie"],
        "Een overzicht van interventies en veelbelovende voorbeelden uit de praktijk die "
        "statushouders helpen om mee te doen: in werk, taal en de buurt.",
        (6252, 0),
        None,
    ),
    "eritrese-vluchtelingen": (
        "Integratiekansen van Eritrese vluchtelingen in Nederland",
        T.REPORT,
        datetime.date(2017, 6, 20),
        ["nieuwe-migratie"],
        "Wat weten we over de achtergrond van Eritrese vluchtelingen, en hoe kunnen "
        "gemeenten hun integratie en participatie bevorderen door rekening te houden met "
        "hun situatie?",
        (3900, 7100),
        None,
    ),
    "monitor": (
        "Monitor gemeentelijke arbeidstoeleiding vluchtelingen 2017",
        T.REPORT,
        datetime.date(2017, 11, 28),
        ["nieuwe-migratie"],
        "De uitkomsten van de jaarlijkse peiling onder gemeenten: hoe begeleiden zij "
        "statushouders naar werk, en wat is er veranderd ten opzichte van vorig jaar?",
        (730, 0),
        None,
    ),
    "monitor-infographic": (
        "Monitor gemeentelijke arbeidstoeleiding vluchtelingen 2017: infographic",
        T.INFOGRAPHIC,
        datetime.date(2017, 11, 28),
        ["nieuwe-migratie"],
        "De belangrijkste uitkomsten van de monitor in één beeld.",
        (752, 0),
        None,
    ),
    "halve-kinderen": (
        "Halve kinderen?",
        T.BLOG,
        datetime.date(2017, 9, 12),
        ["nieuwe-migratie"],
        "Een blog over jonge vluchtelingen die zonder ouders komen: wanneer tellen zij als "
        "kind, en wanneer als volwassene?",
        (0, 2309),
        None,
    ),
    "effectief-discriminatie": (
        "Effectief discriminatie bestrijden: zo doe je dat",
        T.ARTICLE,
        datetime.date(2017, 5, 16),
        ["inclusie-toegankelijkheid"],
        "Welke aanpakken van discriminatie werken, voor wie en onder welke omstandigheden? "
        "Een artikel met de lessen uit onderzoek en praktijk.",
        None,
        "Ikram Taouanza",
    ),
    "divers-talent": (
        "Divers talent werkt",
        T.BROCHURE,
        datetime.date(2016, 10, 4),
        ["inclusie-toegankelijkheid", "participatie"],
        "Een toolkit voor werkgevers die meer divers talent willen werven en behouden.",
        None,
        None,
    ),
    "effectiviteit-hulp": (
        "Effectiviteit van hulp aan vluchtelingen bij zoektocht naar betaald werk",
        T.REPORT,
        datetime.date(2016, 12, 6),
        ["nieuwe-migratie", "participatie"],
        "Wat is bekend over de werkzaamheid van begeleiding van vluchtelingen naar betaald "
        "werk, en welke belemmeringen, zoals gezondheid, spelen daarbij een rol?",
        None,
        None,
    ),
    "vluchtelingen-aan-het-werk": (
        "Vluchtelingen aan het werk",
        T.REPORT,
        datetime.date(2016, 6, 14),
        ["nieuwe-migratie"],
        "Welke barrières ervaren vluchtelingen op weg naar werk? Van taal en erkenning van "
        "diploma's tot gezondheidsproblemen en trauma's.",
        None,
        None,
    ),
}

# The publications in English, by key: (slug, title, summary). The documents are the Dutch ones, so
# each summary says so; the English title translates the Dutch one.
PUBLICATIONS_EN = {
    "boze-burgers": (
        "angry-citizens",
        "Angry citizens: dealing with resistance to the multicultural society",
        "Where does opposition to the multicultural society come from, and how do "
        "municipalities and professionals talk with angry citizens? An exploration with "
        "options for action. The report is in Dutch.",
    ),
    "interventiewijzer": (
        "intervention-guide",
        "Guide to interventions for the participation of refugees: an overview of "
        "interventions and promising practices that promote the participation of refugees "
        "with a residence permit",
        "An overview of interventions and promising examples from practice that help refugees "
        "with a residence permit take part: in work, language and the neighbourhood. The guide "
        "is in Dutch.",
    ),
    "eritrese-vluchtelingen": (
        "eritrean-refugees",
        "Integration prospects of Eritrean refugees in the Netherlands",
        "What do we know about the background of Eritrean refugees, and how can municipalities "
        "promote their integration and participation by taking their situation into account? "
        "The report is in Dutch.",
    ),
    "monitor": (
        "monitor",
        "Monitor of municipal guidance of refugees into work 2017",
        "The results of the yearly survey of municipalities: how do they guide refugees with a "
        "residence permit into work, and what has changed since last year? The report is in "
        "Dutch.",
    ),
    "monitor-infographic": (
        "monitor-infographic",
        "Monitor of municipal guidance of refugees into work 2017: infographic",
        "The main results of the monitor in one picture. The infographic is in Dutch.",
    ),
    "halve-kinderen": (
        "half-children",
        "Half children?",
        "A blog about young refugees who come without their parents: when do they count as "
        "children, and when as adults? The blog is in Dutch.",
    ),
    "effectief-discriminatie": (
        "fighting-discrimination-effectively",
        "Fighting discrimination effectively: this is how",
        "Which approaches to discrimination work, for whom and in which circumstances? An "
        "article with the lessons from research and practice. The article is in Dutch.",
    ),
    "divers-talent": (
        "diverse-talent",
        "Diverse talent works",
        "A toolkit for employers who want to recruit and keep more diverse talent. The toolkit "
        "is in Dutch.",
    ),
    "effectiviteit-hulp": (
        "effectiveness-of-support",
        "Effectiveness of support for refugees looking for paid work",
        "What is known about how well the guidance of refugees into paid work works, and which "
        "obstacles, such as health, play a part? The report is in Dutch.",
    ),
    "vluchtelingen-aan-het-werk": (
        "refugees-at-work",
        "Refugees at work",
        "Which barriers do refugees meet on their way to work? From language and the "
        "recognition of diplomas to health problems and trauma. The report is in Dutch.",
    ),
}

PEOPLE = [
    # name, role and organisation in Dutch and English
    (
        "Ikram Taouanza",
        ("onderzoeker", "researcher"),
        ("Kennisplatform Integratie & Samenleving", "Knowledge Platform Integration & Society"),
    ),
    (
        "Hans Boutellier",
        ("wetenschappelijk directeur", "scientific director"),
        ("Verwey-Jonker Instituut", "Verwey-Jonker Institute"),
    ),
]

DOSSIER_INDEX = {
    "nl": (
        "Dossiers",
        "dossiers",
        "Een dossier bundelt wat we weten over één onderwerp: "
        "publicaties, projecten en antwoorden op vragen.",
    ),
    "en": (
        "Dossiers",
        "dossiers",
        "A dossier gathers what we know about one subject: "
        "publications, projects and answers to questions.",
    ),
}

# The refugee dossier: (heading, paragraph) sections in Dutch and English.
DOSSIER = {
    "nl": {
        "title": "Dossier vluchtelingen",
        "slug": "vluchtelingen",
        "intro": "Alles wat het kennisplatform weet over de opvang, het werk, het onderwijs en "
        "de gezondheid van vluchtelingen, gebundeld voor gemeenten en professionals.",
        "sections": [
            (
                "Aankomst en eerste jaren",
                "Wie als vluchteling een verblijfsvergunning krijgt, moet in korte tijd een "
                "huis, werk of opleiding en een nieuw netwerk vinden. De eerste jaren bepalen "
                "veel: hoe sneller iemand meedoet, hoe beter.",
            ),
            (
                "Werk en inkomen",
                "Gemeenten begeleiden statushouders naar werk, elk op hun eigen manier. De "
                "monitor volgt hoe zij dat doen; de interventiewijzer laat zien welke "
                "aanpakken veelbelovend zijn.",
            ),
            (
                "Taal en onderwijs",
                "Taal is de sleutel tot werk en contact. Voor jonge vluchtelingen is een "
                "goede plek op school net zo belangrijk als de taal zelf.",
            ),
            (
                "Gezondheid",
                "Lang wachten in de opvang en ervaringen tijdens de vlucht kunnen de "
                "gezondheid raken, en daarmee de kans op werk. Aandacht daarvoor hoort bij "
                "elke begeleiding.",
            ),
            (
                "Wat gemeenten kunnen doen",
                "Werk samen met lokale partners, zet de vluchteling zelf centraal en houd "
                "rekening met de achtergrond van groepen, zoals Eritreeërs.",
            ),
        ],
    },
    "en": {
        "title": "Refugees dossier",
        "slug": "refugees",
        "intro": "Everything the knowledge platform knows about the reception, work, education "
        "and health of refugees, brought together for municipalities and professionals.",
        "sections": [
            (
                "Arrival and the first years",
                "Refugees who receive a residence permit must quickly find a home, work or "
                "education and a new network. The first years matter most: the sooner someone "
                "takes part, the better.",
            ),
            (
                "Work and income",
                "Municipalities guide refugees into work, each in their own way. The monitor "
                "follows how they do it; the intervention guide shows which approaches look "
                "promising.",
            ),
            (
                "Language and education",
                "Language is the key to work and contact. For young refugees a good place at "
                "school matters as much as the language itself.",
            ),
            (
                "Health",
                "Long waits in reception and experiences during the flight can affect health, "
                "and with it the chance of work. Attention to health belongs in all support.",
            ),
            (
                "What municipalities can do",
                "Work with local partners, put the refugee first and take the background of "
                "groups, such as Eritreans, into account.",
            ),
        ],
    },
}

DOSSIER_PUBLICATIONS = [
    "interventiewijzer",
    "eritrese-vluchtelingen",
    "monitor",
    "monitor-infographic",
    "halve-kinderen",
    "effectiviteit-hulp",
    "vluchtelingen-aan-het-werk",
]


def ensure_people():
    locale = Locale.get_default()
    people = {}
    for name, role, organisation in PEOPLE:
        people[name], _created = Person.objects.get_or_create(
            name=name, locale=locale, defaults={"role": role[0], "organisation": organisation[0]}
        )
        ensure_snippet_translation(people[name], "en", role=role[1], organisation=organisation[1])
    return people


def ensure_library(home, themes):
    """The library and its publications, each with PDF, cover, themes and 2017 figures, in
    Dutch and English (the same Dutch document): (library, {key: Dutch publication})."""
    library = ensure_child(
        home, PublicationIndexPage, "publicaties", title="Publicaties", intro=LIBRARY_INTRO
    )
    title, slug, intro = LIBRARY_EN
    ensure_translation(library, "en", title=title, slug=slug, intro=intro)
    people = ensure_people()
    publications = {}
    for slug, (title, kind, date, theme_slugs, summary, figures, author) in PUBLICATIONS.items():
        colour = themes[theme_slugs[0]].colour
        publication = ensure_child(
            library,
            PublicationPage,
            slug,
            title=title,
            publication_type=kind,
            publication_date=date,
            summary=summary,
            document=ensure_pdf(title, [summary, "Kennisplatform Integratie & Samenleving"], slug),
            image=ensure_image(f"Omslag: {title}", title, size=(600, 848), colour=colour),
            themes=[themes[theme] for theme in theme_slugs],
            authors=[PublicationAuthor(person=people[author])] if author else [],
            yearly_figures=[
                PublicationYearFigures(year=2017, downloads=figures[0], views=figures[1])
            ]
            if figures
            else [],
        )
        en_slug, en_title, en_summary = PUBLICATIONS_EN[slug]
        ensure_translation(publication, "en", title=en_title, slug=en_slug, summary=en_summary)
        publications[slug] = publication
    return library, publications


def dossier_body(sections):
    body = []
    for heading, text in sections:
        body += [("heading", {"text": heading, "level": "h2"}), ("paragraph", rich(text))]
    return body


def ensure_dossier(home, themes, publications, projects):
    """The dossier index and the refugee dossier, both also in English. ``projects`` are the
    projects per theme slug."""
    title, slug, intro = DOSSIER_INDEX["nl"]
    index = ensure_child(home, DossierIndexPage, slug, title=title, intro=intro)
    title, slug, intro = DOSSIER_INDEX["en"]
    ensure_translation(index, "en", title=title, slug=slug, intro=intro)
    dutch, english = DOSSIER["nl"], DOSSIER["en"]
    dossier = ensure_child(
        index,
        DossierPage,
        dutch["slug"],
        title=dutch["title"],
        intro=dutch["intro"],
        body=dossier_body(dutch["sections"]),
        last_reviewed=datetime.date(2017, 12, 15),
        social_image=ensure_image(dutch["title"], dutch["title"], colour="green"),
        themes=[themes["nieuwe-migratie"], themes["participatie"]],
        related_publications=[publications[key] for key in DOSSIER_PUBLICATIONS],
        related_projects=projects["nieuwe-migratie"],
    )
    ensure_translation(
        dossier,
        "en",
        title=english["title"],
        slug=english["slug"],
        intro=english["intro"],
        body=dossier_body(english["sections"]),
    )
    return dossier
