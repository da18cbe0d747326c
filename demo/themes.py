"""The 4 themes of 2017 with their 19 projects (names as in the report) and 4 testimonials.

Summaries are our own short descriptions. Everything is translated into English: the theme
index, the themes, the projects (PROJECTS_EN) and the testimonials.
"""

from django.utils.text import slugify

from wagtail.models import Locale

from demo.files import ensure_image
from demo.utils import (
    ensure_child,
    ensure_snippet_translation,
    ensure_translation,
    paragraphs,
)
from themes.models import ProjectPage, Testimonial, ThemeIndexPage, ThemePage

INDEX = {
    "nl": (
        "Thema's",
        "themas",
        "We werken vanuit vier thema's aan projecten die kennis opleveren voor beleid en praktijk.",
    ),
    "en": (
        "Themes",
        "themes",
        "We work on projects in four themes, each producing knowledge for policy and practice.",
    ),
}

RUNNING, COMPLETED = ProjectPage.Status.RUNNING, ProjectPage.Status.COMPLETED

# slug: Dutch and English title, intro and body; colour, icon; projects.
# A project: (title, summary, start year, end year, status, partner slugs, result key),
# the result key naming a publication of demo/dossiers.py.
THEMES = {
    "nieuwe-migratie": {
        "colour": "green",
        "icon": "compass",
        "nl": (
            "Nieuwe migratie",
            "Er zijn de laatste jaren veel meer nieuwkomers naar Nederland gekomen. Zij moeten "
            "hier hun weg vinden: naar werk, school en de buurt. We zoeken uit hoe gemeenten "
            "en organisaties vluchtelingen daarbij het best kunnen begeleiden.",
            "We volgen hoe gemeenten statushouders naar werk begeleiden en verzamelen "
            "aanpakken die nieuwkomers sneller zelfstandig maken.",
        ),
        "en": (
            "New migration",
            "new-migration",
            "Many more newcomers have come to the Netherlands in recent years. They have to "
            "find their way here: to work, school and the neighbourhood. We study how "
            "municipalities and organisations can best support refugees along the way.",
            "We follow how municipalities guide refugees with a residence permit into work and "
            "collect approaches that help newcomers stand on their own feet sooner.",
        ),
        "projects": [
            (
                "Monitor gemeentelijke regie arbeidstoeleiding",
                "Een jaarlijkse peiling onder gemeenten: hoe begeleiden zij statushouders naar "
                "werk, en welke regie nemen ze daarbij zelf?",
                2016,
                2017,
                COMPLETED,
                ["divosa", "vng"],
                "monitor",
            ),
            (
                "Werkend leren als opstap naar betaald werk voor vluchtelingen",
                "Verkent hoe leerwerkplekken vluchtelingen dichter bij een betaalde baan "
                "brengen, en wat werkgevers daarvoor nodig hebben.",
                2017,
                2018,
                RUNNING,
                ["vluchtelingenwerk", "vno-ncw"],
                "effectiviteit-hulp",
            ),
            (
                "Integratiekansen jonge alleenstaande vluchtelingen",
                "Onderzoek naar de kansen en knelpunten van jongeren die zonder ouders naar "
                "Nederland kwamen, vooral rond hun achttiende verjaardag.",
                2017,
                2017,
                COMPLETED,
                ["vluchtelingenwerk", "von"],
                "halve-kinderen",
            ),
            (
                "Bevorderen financiële en sociale zelfredzaamheid nieuwkomers in de gemeente",
                "Met lokale partners onderzoeken hoe nieuwkomers zo snel mogelijk zelf hun "
                "geldzaken en hun sociale netwerk op orde krijgen.",
                2016,
                2017,
                COMPLETED,
                ["welzijn-lelystad", "divosa"],
                "interventiewijzer",
            ),
        ],
    },
    "sociale-stabiliteit": {
        "colour": "blue",
        "icon": "shield",
        "nl": (
            "Sociale stabiliteit",
            "Radicalisering en spanningen tussen groepen krijgen veel aandacht, vaak pas na "
            "een incident. We geven professionals en beleidsmakers kennis en methoden om "
            "spanningen vroeg te zien en te voorkomen.",
            "Onze projecten gaan over vertrouwen van jongeren in instituties, religie op "
            "school en het gesprek met de gematigde middengroep.",
        ),
        "en": (
            "Social stability",
            "social-stability",
            "Radicalisation and tensions between groups receive a lot of attention, often only "
            "after an incident. We give professionals and policy makers knowledge and methods "
            "to see tensions early and prevent them.",
            "Our projects cover young people's trust in institutions, religion at school and "
            "reaching the moderate middle ground.",
        ),
        "projects": [
            (
                "Jongeren, religie en onderwijs",
                "Hoe gaan scholen om met de religieuze identiteit van hun leerlingen, en wat "
                "helpt docenten daarbij?",
                2017,
                2018,
                RUNNING,
                ["isbo"],
                None,
            ),
            (
                "Het vertrouwen in instituties van jongeren met een migratieachtergrond",
                "Hoeveel vertrouwen hebben jongeren met een migratieachtergrond in politiek, "
                "rechtspraak en onderwijs, en waar hangt dat mee samen?",
                2017,
                2017,
                COMPLETED,
                ["mjg"],
                None,
            ),
            (
                "Vertrouwen in een rechtvaardige behandeling door de politie",
                "Gaat na hoe ervaringen met de politie het vertrouwen van burgers met een "
                "migratieachtergrond beïnvloeden.",
                2017,
                2018,
                RUNNING,
                ["radar-art1"],
                None,
            ),
            (
                "Voorkomen ongewenste polarisatie en aanspreken van het 'redelijke midden'",
                "Wat kunnen gemeenten doen als weerstand tegen de multiculturele samenleving "
                "oplaait, en hoe bereik je de gematigde meerderheid?",
                2016,
                2017,
                COMPLETED,
                ["expertise-unit-sociale-stabiliteit"],
                "boze-burgers",
            ),
        ],
    },
    "inclusie-toegankelijkheid": {
        "colour": "orange",
        "icon": "door",
        "nl": (
            "Inclusie & toegankelijkheid",
            "Nieuwe Nederlanders kunnen alleen meedoen in een samenleving die voor iedereen "
            "openstaat. Daarom werken we aan het tegengaan van discriminatie en aan "
            "instellingen en bedrijven die voor iedereen toegankelijk zijn.",
            "We brengen in kaart welke aanpakken van discriminatie werken en hoe zorg en "
            "hulp beter aansluiten bij mensen met verschillende achtergronden.",
        ),
        "en": (
            "Inclusion & accessibility",
            "inclusion-accessibility",
            "New Dutch citizens can only take part in a society that is open to everyone. "
            "That is why we work against discrimination and for institutions and businesses "
            "that everyone can use.",
            "We map which approaches to discrimination work and how care and support can fit "
            "people of different backgrounds better.",
        ),
        "projects": [
            (
                "Diversiteitskader wijkteams",
                "Een kader waarmee wijkteams nagaan of hun hulp aansluit bij bewoners met "
                "verschillende achtergronden.",
                2017,
                2017,
                COMPLETED,
                ["pharos", "gemeente-amsterdam"],
                None,
            ),
            (
                "Diversiteit in de Transitiearena",
                "Gemeenten en organisaties van en voor EU-migranten zoeken met de methode van "
                "de transitiearena samen naar nieuwe vormen van samenwerking.",
                2017,
                2018,
                RUNNING,
                ["lize"],
                None,
            ),
            (
                "Verschillen in gebruik jeugdzorg naar herkomst",
                "Waarom maken gezinnen met een migratieachtergrond anders gebruik van "
                "jeugdzorg, en hoe wordt die zorg toegankelijker?",
                2017,
                2017,
                COMPLETED,
                ["ketja"],
                None,
            ),
            (
                "Kennis verspreiden antidiscriminatie",
                "Bundelt en deelt kennis over aanpakken van discriminatie die aantoonbaar werken.",
                2016,
                2017,
                COMPLETED,
                ["radar-art1", "keti-koti", "artikel-1-midden-nederland"],
                "effectief-discriminatie",
            ),
            (
                "Kennisdossier participatie Roma en Sinti",
                "Een overzicht van wat bekend is over onderwijs, werk en participatie van Roma "
                "en Sinti in Nederland.",
                2017,
                2017,
                COMPLETED,
                ["vng"],
                None,
            ),
            (
                "Weerbaar opvoeden",
                "Ondersteunt ouders met een migratieachtergrond bij het opvoeden van weerbare "
                "kinderen, met beproefde opvoedprogramma's.",
                2017,
                2018,
                RUNNING,
                ["trias-pedagogica", "triple-p", "ketja"],
                None,
            ),
        ],
    },
    "participatie": {
        "colour": "purple",
        "icon": "hands",
        "nl": (
            "Participatie",
            "Het integratiebeleid wil dat iedereen mee kan doen in de Nederlandse samenleving. "
            "Maar heeft iedereen daarvoor de kennis en vaardigheden? We zoeken uit hoe de "
            "kansen om mee te doen groter worden.",
            "Van stages zonder discriminatie tot zelfbeschikking: onze projecten gaan over "
            "de voorwaarden om mee te doen.",
        ),
        "en": (
            "Participation",
            "participation",
            "Integration policy aims for everyone to take part in Dutch society. But does "
            "everyone have the knowledge and skills to do so? We look for ways to widen the "
            "chances to take part.",
            "From internships without discrimination to self-determination: our projects are "
            "about the conditions for taking part.",
        ),
        "projects": [
            (
                "Gelijke kansen op 'gelijke stages'",
                "Hoe roc's stagediscriminatie kunnen voorkomen en aanpakken, zodat elke "
                "student een passende stage vindt.",
                2017,
                2018,
                RUNNING,
                ["ministerie-szw", "vno-ncw"],
                "divers-talent",
            ),
            (
                "This is me!",
                "Een project over identiteit en zelfbeeld van jongeren met een "
                "migratieachtergrond, en wat hen helpt om mee te doen.",
                2017,
                2017,
                COMPLETED,
                [],
                None,
            ),
            (
                "Binding van (migranten)jongeren in een internationaal perspectief",
                "Vergelijkt met onderzoek uit andere landen wat jongeren met een "
                "migratieachtergrond aan de samenleving bindt.",
                2017,
                2018,
                RUNNING,
                ["verwey-jonker"],
                None,
            ),
            (
                "Kennisonderbouwing zelfbeschikking voor activiteiten van lokale organisaties",
                "Zet op een rij wat bekend is over zelfbeschikking, zodat lokale organisaties "
                "hun activiteiten daarop kunnen bouwen.",
                2017,
                2017,
                COMPLETED,
                ["stichting-piezo", "s-ipi"],
                None,
            ),
            (
                "Ontwikkeling Digitale leeromgeving Voorlichters Zelfbeschikking",
                "Een online leeromgeving voor voorlichters die in hun eigen gemeenschap over "
                "zelfbeschikking in gesprek gaan.",
                2017,
                2018,
                RUNNING,
                ["sgan", "von"],
                None,
            ),
        ],
    },
}

# The projects in English, by their Dutch title: (title, summary).
PROJECTS_EN = {
    "Monitor gemeentelijke regie arbeidstoeleiding": (
        "Monitor of municipal direction in guiding refugees into work",
        "A yearly survey of municipalities: how do they guide refugees with a residence permit "
        "into work, and how much of the direction do they take on themselves?",
    ),
    "Werkend leren als opstap naar betaald werk voor vluchtelingen": (
        "Learning on the job as a step towards paid work for refugees",
        "Explores how work-based learning places bring refugees closer to a paid job, and what "
        "employers need to offer them.",
    ),
    "Integratiekansen jonge alleenstaande vluchtelingen": (
        "Integration prospects of young unaccompanied refugees",
        "A study of the chances and obstacles of young people who came to the Netherlands "
        "without their parents, especially around their eighteenth birthday.",
    ),
    "Bevorderen financiële en sociale zelfredzaamheid nieuwkomers in de gemeente": (
        "Promoting newcomers' financial and social self-reliance in the municipality",
        "With local partners we study how newcomers can manage their own money and build their "
        "own social network as soon as possible.",
    ),
    "Jongeren, religie en onderwijs": (
        "Young people, religion and education",
        "How do schools deal with the religious identity of their pupils, and what helps "
        "teachers to do so?",
    ),
    "Het vertrouwen in instituties van jongeren met een migratieachtergrond": (
        "Trust in institutions among young people with a migration background",
        "How much do young people with a migration background trust politics, the courts and "
        "education, and what is that trust related to?",
    ),
    "Vertrouwen in een rechtvaardige behandeling door de politie": (
        "Trust in fair treatment by the police",
        "Examines how experiences with the police affect the trust of citizens with a "
        "migration background.",
    ),
    "Voorkomen ongewenste polarisatie en aanspreken van het 'redelijke midden'": (
        "Preventing unwanted polarisation and reaching the 'reasonable middle'",
        "What can municipalities do when resistance to the multicultural society flares up, and "
        "how do you reach the moderate majority?",
    ),
    "Diversiteitskader wijkteams": (
        "Diversity framework for neighbourhood teams",
        "A framework with which neighbourhood teams check whether their support suits residents "
        "of different backgrounds.",
    ),
    "Diversiteit in de Transitiearena": (
        "Diversity in the Transition Arena",
        "Municipalities and organisations of and for EU migrants use the transition arena "
        "method to look together for new ways of working together.",
    ),
    "Verschillen in gebruik jeugdzorg naar herkomst": (
        "Differences in the use of youth care by origin",
        "Why do families with a migration background use youth care differently, and how can "
        "that care become easier to reach?",
    ),
    "Kennis verspreiden antidiscriminatie": (
        "Spreading knowledge on fighting discrimination",
        "Gathers and shares knowledge about approaches to discrimination that demonstrably work.",
    ),
    "Kennisdossier participatie Roma en Sinti": (
        "Knowledge dossier on the participation of Roma and Sinti",
        "An overview of what is known about the education, work and participation of Roma and "
        "Sinti in the Netherlands.",
    ),
    "Weerbaar opvoeden": (
        "Raising resilient children",
        "Supports parents with a migration background in raising resilient children, with "
        "proven parenting programmes.",
    ),
    "Gelijke kansen op 'gelijke stages'": (
        "Equal chances of 'equal internships'",
        "How vocational colleges can prevent and tackle discrimination in internships, so that "
        "every student finds a suitable placement.",
    ),
    "This is me!": (
        "This is me!",
        "A project on the identity and self-image of young people with a migration background, "
        "and on what helps them to take part.",
    ),
    "Binding van (migranten)jongeren in een internationaal perspectief": (
        "What binds (migrant) young people to society: an international perspective",
        "Compares research from other countries on what binds young people with a migration "
        "background to society.",
    ),
    "Kennisonderbouwing zelfbeschikking voor activiteiten van lokale organisaties": (
        "A knowledge base on self-determination for the activities of local organisations",
        "Sets out what is known about self-determination, so that local organisations can build "
        "their activities on it.",
    ),
    "Ontwikkeling Digitale leeromgeving Voorlichters Zelfbeschikking": (
        "Developing a digital learning environment for self-determination educators",
        "An online learning environment for educators who talk about self-determination within "
        "their own community.",
    ),
}

TESTIMONIALS = [
    # theme slug, person, role nl/en, organisation nl/en, quote nl/en, story (nl)
    {
        "theme": "nieuwe-migratie",
        "person": "Sabine de Bruijn",
        "role": ("projectmanager", "project manager"),
        "organisation": ("Welzijn Lelystad", "Welzijn Lelystad"),
        "quote": (
            "We hebben nu goede en duurzame afspraken gemaakt over lokaal beleid rond nieuwkomers.",
            "We have now made good and lasting agreements on local policy for newcomers.",
        ),
        "story": "Welzijn Lelystad ontwikkelde met lokale partners een netwerkaanpak voor "
        "nieuwkomers. Door een training en het onderzoek naar zelfredzaamheid werd duidelijk "
        "wat de partners van elkaar nodig hebben; de statushouder staat nu centraal.",
    },
    {
        "theme": "sociale-stabiliteit",
        "person": "Mercedes Zandwijken",
        "role": ("directeur", "director"),
        "organisation": ("stichting Keti Koti Dialoog Tafel", "Keti Koti Dialogue Table"),
        "quote": (
            "KIS-onderzoek laat zien dat wat wij doen effectief is. Dat is ondersteunend en "
            "inspirerend.",
            "KIS research shows that what we do is effective. That is supportive and inspiring.",
        ),
        "story": "Na een gezamenlijke workshop over onderzoek naar antidiscriminatie bleek dat "
        "de dialoogtafels werken. Zij waardeert de vaart en de openheid in de samenwerking.",
    },
    {
        "theme": "inclusie-toegankelijkheid",
        "person": "Ikram Taouanza",
        "role": ("onderzoeker", "researcher"),
        "organisation": ("KIS", "KIS"),
        "quote": (
            "In samenwerking met externe experts heeft KIS in kaart gebracht hoe we bestaande "
            "methoden tegen discriminatie nog beter kunnen inzetten: wat werkt voor wie en "
            "onder welke omstandigheden.",
            "Together with outside experts, KIS mapped how existing methods against "
            "discrimination can be used even better: what works for whom and in which "
            "circumstances.",
        ),
        "story": "Een onderzoek naar de werkzame elementen van aanpakken tegen discriminatie.",
    },
    {
        "theme": "participatie",
        "person": "Hans Boutellier",
        "role": (
            "wetenschappelijk directeur en woordvoerder van het kennisplatform",
            "scientific director and spokesperson of the knowledge platform",
        ),
        "organisation": ("Verwey-Jonker Instituut", "Verwey-Jonker Institute"),
        "quote": (
            "Wederkerigheid draait vooral om het expliciteren van wat ik geef en wat ik wil "
            "terugontvangen, wat voor mij belangrijk is en wat ik voor jou kan doen.",
            "Reciprocity is above all about making explicit what I give and what I want in "
            "return, what matters to me and what I can do for you.",
        ),
        "story": "Over wederkerigheid als voorwaarde om mee te doen in de samenleving.",
    },
]


def ensure_themes(home):
    """The theme index and the 4 themes, in Dutch and English: {slug: ThemePage}."""
    title, slug, intro = INDEX["nl"]
    index = ensure_child(home, ThemeIndexPage, slug, title=title, intro=intro)
    title, slug, intro = INDEX["en"]
    ensure_translation(index, "en", title=title, slug=slug, intro=intro)
    themes = {}
    for slug, data in THEMES.items():
        title, intro, body = data["nl"]
        image = ensure_image(f"Thema: {title}", title, colour=data["colour"])
        theme = ensure_child(
            index,
            ThemePage,
            slug,
            title=title,
            intro=intro,
            body=paragraphs(body),
            colour=data["colour"],
            icon=data["icon"],
            social_image=image,
        )
        en_title, en_slug, en_intro, en_body = data["en"]
        ensure_translation(
            theme, "en", title=en_title, slug=en_slug, intro=en_intro, body=paragraphs(en_body)
        )
        themes[slug] = theme
    return themes


def project_slug(title):
    return slugify(title.replace("'", ""))[:80].strip("-")


def ensure_projects(themes, partners, publications):
    """The 19 projects under their themes, with partners and result, in Dutch and English:
    {theme slug: [Dutch project]}."""
    projects = {}
    for theme_slug, data in THEMES.items():
        projects[theme_slug] = []
        for title, summary, start, end, status, partner_slugs, result in data["projects"]:
            slug = project_slug(title)
            project = ensure_child(
                themes[theme_slug],
                ProjectPage,
                slug,
                title=title,
                summary=summary,
                start_year=start,
                end_year=end,
                status=status,
                partners=[partners[partner] for partner in partner_slugs],
                result_page=publications[result] if result else None,
            )
            en_title, en_summary = PROJECTS_EN[title]
            ensure_translation(
                project, "en", title=en_title, slug=project_slug(en_title), summary=en_summary
            )
            projects[theme_slug].append(project)
    return projects


def ensure_testimonials(themes):
    """The 4 testimonials on their themes, live, in Dutch and English."""
    dutch = Locale.objects.get(language_code="nl")
    for data in TESTIMONIALS:
        testimonial = Testimonial.objects.filter(person=data["person"], locale=dutch).first()
        if testimonial is None:
            initials = "".join(part[0] for part in data["person"].split() if part[0].isupper())
            testimonial = Testimonial(
                person=data["person"],
                role=data["role"][0],
                organisation=data["organisation"][0],
                quote=data["quote"][0],
                story=data["story"],
                theme=themes[data["theme"]],
                photo=ensure_image(
                    f"Foto: {data['person']}",
                    initials,
                    size=(400, 400),
                    colour=themes[data["theme"]].colour,
                ),
                locale=dutch,
                live=False,
            )
            testimonial.save()
            testimonial.save_revision().publish()
        ensure_snippet_translation(
            testimonial,
            "en",
            role=data["role"][1],
            organisation=data["organisation"][1],
            quote=data["quote"][1],
            story="",
        )
