"""Open data: the projects and publications of one language as rows, for CSV and JSON.

Published under CC BY 4.0 (``LICENCE``). Every export is built from a fixed number of
queries whatever the number of projects or publications (the figures: three per year).
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.listings import full_urls, published
from core.models import Partner, localized_pages
from dossiers.models import PublicationAuthor, PublicationPage, PublicationYearFigures
from stats.figures import available_years, publication_figures_per_year
from themes.models import ProjectPage, ThemePage

# rows read from the database at a time: the exports stream (core.exports)
CHUNK_SIZE = 1000

LICENCE = {
    "name": "CC BY 4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

# name, description (for the open-data page) of every column
PROJECT_COLUMNS = [
    ("id", _("number of the page (also in the permanent link)")),
    ("title", _("name of the project")),
    ("url", _("the project's page")),
    ("permalink", _("permanent link to the project's page")),
    ("language", _("language of the text (nl or en)")),
    ("theme", _("the theme the project belongs to")),
    ("start_year", _("year the project started")),
    ("end_year", _("year the project ended or ends")),
    ("status", _("running or completed")),
    ("partners", _("partner organisations, separated by “; ”")),
    ("result_url", _("link to the result of the project")),
]
PUBLICATION_COLUMNS = [
    ("id", _("number of the page (also in the permanent link)")),
    ("title", _("title of the publication")),
    ("url", _("the publication's page")),
    ("permalink", _("permanent link to the publication's page")),
    ("language", _("language of the text (nl or en)")),
    ("type", _("report, article, brochure, infographic, blog or video")),
    ("date", _("date of publication (YYYY-MM-DD)")),
    ("themes", _("themes, separated by “; ”")),
    ("authors", _("authors, separated by “; ”")),
    ("document_url", _("the file to download")),
    ("views_YYYY", _("views of the publication's page in year YYYY (one column per year)")),
    (
        "downloads_YYYY",
        _("downloads of its file in year YYYY (one column per year)"),
    ),
]


def _absolute(request, page):
    return page.get_full_url(request) if page is not None else ""


def in_chunks(queryset):
    """The objects of ``queryset`` in its order, in lists of at most ``CHUNK_SIZE``: a few
    queries per list, whatever the number of objects (the related ones prefetched per list)."""
    pks = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK_SIZE):
        chunk = pks[start : start + CHUNK_SIZE]
        objects = {obj.pk: obj for obj in queryset.filter(pk__in=chunk)}
        yield [objects[pk] for pk in chunk if pk in objects]


def project_rows(request):
    """The live projects of the active locale, in the order of the page tree: an iterator
    that reads them in chunks (the locale is the one active now, not when it is read)."""
    locale = Locale.get_active()
    projects = (
        published(ProjectPage.objects.filter(locale=locale))
        .order_by("path")
        .defer_streamfields()
        .select_related("result_page")
        .prefetch_related("partners")
    )
    return (row for chunk in in_chunks(projects) for row in _project_rows(request, locale, chunk))


def _project_rows(request, locale, projects):
    parent_paths = {project.path[: -ProjectPage.steplen] for project in projects}
    themes = {theme.path: theme for theme in ThemePage.objects.filter(path__in=parent_paths)}
    partners = {
        partner.translation_key: partner
        for partner in Partner.localize_all(
            {partner for project in projects for partner in project.partners.all()}
        )
    }
    results = {
        page.translation_key: page
        for page in localized_pages(
            project.result_page for project in projects if project.result_page_id
        )
    }
    urls = full_urls(projects, request)
    rows = []
    for project in projects:
        root_url, url = urls[project.pk]
        theme = themes.get(project.path[: -ProjectPage.steplen])
        result = results.get(project.result_page.translation_key) if project.result_page else None
        rows.append(
            {
                "id": project.pk,
                "title": project.title,
                "url": url,
                "permalink": project.get_permalink(request, root_url),
                "language": locale.language_code,
                "theme": theme.title if theme else "",
                "start_year": project.start_year,
                "end_year": project.end_year,
                "status": project.status,
                "partners": [
                    partners[partner.translation_key].name
                    for partner in project.partners.all()
                    if partner.translation_key in partners
                ],
                "result_url": _absolute(request, result) if result else project.result_url,
            }
        )
    return rows


def figure_years():
    """Every year with counted or recorded figures, oldest first."""
    recorded = set(PublicationYearFigures.objects.values_list("year", flat=True))
    return sorted(recorded | set(available_years()))


def csv_columns(dataset):
    """The columns of a dataset's CSV file; publications get two per year of figures."""
    if dataset == "projects":
        return [name for name, _description in PROJECT_COLUMNS]
    columns = [name for name, _description in PUBLICATION_COLUMNS if not name.endswith("YYYY")]
    return columns + [
        f"{kind}_{year}" for year in figure_years() for kind in ("views", "downloads")
    ]


def publication_rows(request):
    """The live publications of the active locale, newest first, with figures per year: an
    iterator that reads them in chunks (the locale is the one active now)."""
    locale = Locale.get_active()
    publications = (
        published(PublicationPage.objects.filter(locale=locale))
        .order_by("-publication_date", "-pk")
        .defer_streamfields()
        .select_related("document__collection")
    )
    years = figure_years()
    return (
        row
        for chunk in in_chunks(publications)
        for row in _publication_rows(request, locale, years, chunk)
    )


def _themes_and_authors(publications):
    """({publication pk: [theme titles]}, {publication pk: [author names]}) of
    ``publications``, in three queries and without an object per publication's theme or
    author (the chosen themes are a handful, shown in the active language)."""
    pks = [publication.pk for publication in publications]
    chosen = list(
        PublicationPage.themes.through.objects.filter(publicationpage_id__in=pks)
        .order_by("themepage__path")  # as a publication's page shows them
        .values_list("publicationpage_id", "themepage_id")
    )
    shown = ThemePage.objects.filter(pk__in={theme for _pk, theme in chosen})
    keys = dict(shown.values_list("pk", "translation_key"))
    titles = {page.translation_key: page.title for page in localized_pages(shown)}
    themes = defaultdict(list)
    for pk, theme in chosen:
        if keys[theme] in titles:
            themes[pk].append(titles[keys[theme]])
    authors = defaultdict(list)
    for pk, name in PublicationAuthor.objects.filter(publication_id__in=pks).values_list(
        "publication_id", "person__name"
    ):
        authors[pk].append(name)
    return themes, authors


def _publication_rows(request, locale, years, publications):
    themes, authors = _themes_and_authors(publications)
    figures = publication_figures_per_year(publications)
    urls = full_urls(publications, request)
    rows = []
    for publication in publications:
        root_url, url = urls[publication.pk]
        row = {
            "id": publication.pk,
            "title": publication.title,
            "url": url,
            "permalink": publication.get_permalink(request, root_url),
            "language": locale.language_code,
            "type": publication.publication_type,
            "date": publication.publication_date.isoformat(),
            "themes": themes[publication.pk],
            "authors": authors[publication.pk],
            "document_url": publication.document_full_url(request, root_url),
            "figures": [],
        }
        per_year = figures.get(publication.translation_key, {})
        for year in years:
            views, downloads = per_year.get(year, (0, 0))
            row["figures"].append({"year": year, "views": views, "downloads": downloads})
        rows.append(row)
    return rows
