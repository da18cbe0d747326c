"""The demo content: the facts of the 2017 report, loaded idempotently, with no broken link."""

from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from core.models import Navigation, Partner, Person
from dossiers.models import DossierPage, PublicationPage, PublicationYearFigures
from events.models import EventPage
from home.models import HomePage
from tests.helpers import soup
from themes import models as theme_models
from themes.models import ProjectPage, ThemeIndexPage, ThemePage

# The 4 themes and their 19 projects, as the report names them.
REPORT_PROJECTS = {
    "Nieuwe migratie": [
        "Monitor gemeentelijke regie arbeidstoeleiding",
        "Werkend leren als opstap naar betaald werk voor vluchtelingen",
        "Integratiekansen jonge alleenstaande vluchtelingen",
        "Bevorderen financiële en sociale zelfredzaamheid nieuwkomers in de gemeente",
    ],
    "Sociale stabiliteit": [
        "Jongeren, religie en onderwijs",
        "Het vertrouwen in instituties van jongeren met een migratieachtergrond",
        "Vertrouwen in een rechtvaardige behandeling door de politie",
        "Voorkomen ongewenste polarisatie en aanspreken van het 'redelijke midden'",
    ],
    "Inclusie & toegankelijkheid": [
        "Diversiteitskader wijkteams",
        "Diversiteit in de Transitiearena",
        "Verschillen in gebruik jeugdzorg naar herkomst",
        "Kennis verspreiden antidiscriminatie",
        "Kennisdossier participatie Roma en Sinti",
        "Weerbaar opvoeden",
    ],
    "Participatie": [
        "Gelijke kansen op 'gelijke stages'",
        "This is me!",
        "Binding van (migranten)jongeren in een internationaal perspectief",
        "Kennisonderbouwing zelfbeschikking voor activiteiten van lokale organisaties",
        "Ontwikkeling Digitale leeromgeving Voorlichters Zelfbeschikking",
    ],
}

REPORT_TESTIMONIALS = {
    "Sabine de Bruijn": ("Nieuwe migratie", "Welzijn Lelystad"),
    "Mercedes Zandwijken": ("Sociale stabiliteit", "stichting Keti Koti Dialoog Tafel"),
    "Ikram Taouanza": ("Inclusie & toegankelijkheid", "KIS"),
    "Hans Boutellier": ("Participatie", "Verwey-Jonker Instituut"),
}

# Publication title: (downloads, views) in 2017, as the report gives them.
REPORT_FIGURES = {
    "Boze burgers. Omgaan met weerstand tegen de multiculturele samenleving": (800, 0),
    "Interventiewijzer participatie vluchtelingen. Een overzicht van interventies en "
    "veelbelovende praktijkvoorbeelden om de participatie van statushouders te "
    "bevorderen": (6252, 0),
    "Integratiekansen van Eritrese vluchtelingen in Nederland": (3900, 7100),
    "Monitor gemeentelijke arbeidstoeleiding vluchtelingen 2017": (730, 0),
    "Monitor gemeentelijke arbeidstoeleiding vluchtelingen 2017: infographic": (752, 0),
    "Halve kinderen?": (0, 2309),
}

REPORT_PARTNERS = [
    "RADAR/Art.1",
    "VNO-NCW",
    "Pharos",
    "Divosa",
    "Stichting Piëzo",
    "VluchtelingenWerk Nederland",
    "Gemeente Eindhoven",
    "Rechtbank Amsterdam",
    "Ministerie van Sociale Zaken en Werkgelegenheid",
    "Mokum Roze",
    "Tandem Nijmegen",
]


def snapshot():
    """What a second run must leave exactly as it is."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "partners": list(
            Partner.objects.order_by("pk").values_list("pk", "locale_id", "name", "live")
        ),
        "people": list(Person.objects.order_by("pk").values_list("pk", "locale_id", "role")),
        "testimonials": theme_models.Testimonial.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "figures": PublicationYearFigures.objects.count(),
        "navigation": [
            nav.header_links.get_prep_value() for nav in Navigation.objects.order_by("pk")
        ],
    }


def test_demo_content_carries_the_facts_of_the_report_and_loads_twice_alike(demo):
    english = Locale.objects.get(language_code="en")
    themes = ThemePage.objects.filter(locale__language_code="nl").order_by("path")
    assert [theme.title for theme in themes] == list(REPORT_PROJECTS)
    for theme in themes:
        projects = ProjectPage.objects.child_of(theme).live().order_by("path")
        assert [project.title for project in projects] == REPORT_PROJECTS[theme.title]
        assert all(project.summary and project.start_year for project in projects)
    assert ProjectPage.objects.filter(locale__language_code="nl").count() == 19

    for person, (theme, organisation) in REPORT_TESTIMONIALS.items():
        testimonial = theme_models.Testimonial.objects.get(
            person=person, locale__language_code="nl"
        )
        assert testimonial.live and testimonial.theme.title == theme
        assert testimonial.organisation == organisation
        assert testimonial.get_translation(english).live

    for title, (downloads, views) in REPORT_FIGURES.items():
        publication = PublicationPage.objects.get(title=title)
        figures = publication.yearly_figures.get(year=2017)
        assert (figures.downloads, figures.views) == (downloads, views), title
    for publication in PublicationPage.objects.all():
        assert publication.document.file_extension == "pdf"
        with publication.document.open_file() as pdf:
            data = pdf.read()
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        assert publication.document.file_size == len(data)
        assert publication.image and publication.themes.exists()

    partners = Partner.objects.filter(locale__language_code="nl", live=True)
    assert partners.count() >= 25
    assert set(REPORT_PARTNERS) <= set(partners.values_list("name", flat=True))

    dossier = DossierPage.objects.get(title="Dossier vluchtelingen")
    assert [text for _anchor, text in dossier.table_of_contents()][:2] == [
        "Aankomst en eerste jaren",
        "Werk en inkomen",
    ]
    assert dossier.related_publications.count() == 7
    translated = [dossier, ThemeIndexPage.objects.get(locale__language_code="nl"), *themes]
    for page in translated:
        assert page.get_translations().filter(locale__language_code="en", live=True).exists()
    english_home = HomePage.objects.get(locale__language_code="en")
    assert english_home.featured_dossiers.get().dossier == dossier
    assert len(english_home.key_figures) == 6

    # Everything of the demo is in English too, linked to its Dutch source (same
    # translation_key), with English text of its own.
    dutch_pages = Page.objects.live().filter(locale__language_code="nl", depth__gt=1)
    english_pages = {
        page.translation_key: page for page in Page.objects.live().filter(locale=english)
    }
    untranslated = [
        page.url_path for page in dutch_pages if page.translation_key not in english_pages
    ]
    assert not untranslated
    same_title = {
        page.title
        for page in dutch_pages
        if english_pages[page.translation_key].title == page.title
    }
    assert same_title == {"Contact", "Dossiers", "Partners", "This is me!"}
    for model in (Partner, theme_models.Testimonial, Person):
        dutch = model.objects.filter(locale__language_code="nl")
        translated = model.objects.filter(
            locale=english, translation_key__in=dutch.values("translation_key")
        )
        if model is not Person:
            translated = translated.filter(live=True)
        assert translated.count() == dutch.count() > 0, model
    assert Partner.objects.get(slug="ministerie-szw", locale=english).name == (
        "Ministry of Social Affairs and Employment"
    )
    english_publication = PublicationPage.objects.get(
        locale=english, slug="fighting-discrimination-effectively"
    )
    assert english_publication.summary.endswith("The article is in Dutch.")
    [author] = english_publication.shown_authors()
    assert (author.name, author.organisation) == (
        "Ikram Taouanza",
        "Knowledge Platform Integration & Society",
    )

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


# The English side is the Dutch side's twin (same templates, same links): to keep the crawl
# quick it visits at most this many English pages under one parent (or of one filter).
ENGLISH_SAMPLE = 5


def sample_group(path):
    """The group an English URL is sampled in: its parent's path, or its path and filter
    name; None for the Dutch side and the English sections, which are crawled in full."""
    if not path.startswith("/en/"):
        return None
    base, _sep, query = path.partition("?")
    if query:
        return f"{base}?{query.partition('=')[0]}"
    parent = base.rstrip("/").rpartition("/")[0]
    return parent if parent.count("/") >= 2 else None


def crawl(client, starts):
    """Every same-host URL reachable from ``starts`` through <a href>, <link rel=alternate>
    and each choice of a GET form's selects (of the English side, a sample):
    ({path: status}, {English path linked to but left out of the sample},
    {English page's path: what on it leads to or is marked as Dutch, the switcher aside})."""
    statuses, sampled_out, dutch_on_english, todo = {}, set(), {}, list(starts)
    sampled = {}
    while todo:
        path = todo.pop()
        if path in statuses or path in sampled_out:
            continue
        group = sample_group(path)
        if group is not None:
            if sampled.get(group, 0) >= ENGLISH_SAMPLE:
                sampled_out.add(path)
                continue
            sampled[group] = sampled.get(group, 0) + 1
        response = client.get(path)
        statuses[path] = response.status_code
        if response.status_code in (301, 302):
            todo.append(response["Location"])
            continue
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = soup(response)
        if path.startswith("/en/"):
            dutch = [
                str(tag)[:200]
                for tag in html.select('a[href^="/nl/"], body [lang]:not([lang="en"])')
                if not tag.find_parent(class_="language-switcher")
            ]
            if dutch:
                dutch_on_english[path] = dutch
        hrefs = [a["href"] for a in html.find_all("a", href=True)]
        hrefs += [link["href"] for link in html.find_all("link", rel="alternate", href=True)]
        for form in html.find_all("form", method="get"):
            for select in form.find_all("select"):
                hrefs += [
                    f"{form['action']}?{select['name']}={option['value']}"
                    for option in select.find_all("option")
                ]
        for href in hrefs:
            url = urlsplit(urljoin(f"http://testserver{path}", href))
            if url.scheme in ("http", "https") and url.netloc == "testserver":
                todo.append(url.path + (f"?{url.query}" if url.query else ""))
    return statuses, sampled_out, dutch_on_english


def test_every_internal_link_of_the_demo_site_works_in_both_languages(client, demo):
    statuses, sampled_out, dutch_on_english = crawl(client, ["/nl/", "/en/"])
    broken = {path: status for path, status in statuses.items() if status >= 400}
    assert not broken
    # The English side is complete: no English page links to a Dutch one or shows Dutch
    # items (lang="nl"), except for the language switcher.
    assert not dutch_on_english
    # Every published page and every publication's download was reached by following links.
    for page in Page.objects.live().filter(depth__gt=1).specific():
        reached = page.url in statuses or page.url in sampled_out
        assert reached, f"no link leads to {page.url}: add it to a menu or a page"
    for publication in PublicationPage.objects.all():
        assert publication.document.url in statuses
    assert any("?type=" in path for path in statuses)
    assert any("?theme=" in path for path in statuses)


def test_demo_agenda_has_the_events_of_the_report_and_upcoming_ones(client, demo):
    events = EventPage.objects.filter(locale__language_code="nl")
    by_slug = {event.slug: event for event in events}
    seminar = by_slug["seminar-turkse-spanningen"]
    assert (seminar.kind, seminar.start.year) == ("seminar", 2017)
    assert [partner.name for partner in seminar.partners.all()] == [
        "Stichting ISBO (Islamitische Schoolbesturen Organisatie)"
    ]
    assert by_slug["werksessie-zorg-voor-ongedocumenteerden"].kind == "work_session"
    arenas = [event for slug, event in by_slug.items() if slug.startswith("transitiearena-")]
    closing = by_slug["slotbijeenkomst-transitiearenas"]
    assert len(arenas) == 4
    for event in [*arenas, closing]:
        assert [project.title for project in event.projects.all()] == [
            "Diversiteit in de Transitiearena"
        ]
    trainings = events.filter(kind="training", start__year=2017)
    assert trainings.count() == 2
    upcoming = events.filter(end__gte=timezone.now())
    assert upcoming.count() == 3
    assert all(event.registration_open for event in upcoming)
    # the agenda shows them in both languages, and the transition arena project its events
    assert "Seminar: werk voor statushouders" in client.get("/nl/agenda/").content.decode()
    english = client.get("/en/events/").content.decode()
    assert "Seminar: work for refugees with a residence permit" in english
    project = ProjectPage.objects.get(title="Diversiteit in de Transitiearena")
    assert "Slotbijeenkomst transitiearena" in client.get(project.url).content.decode()
