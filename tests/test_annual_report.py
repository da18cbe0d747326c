"""The annual report page: key figures (static, live, frozen), charts, themes, translations."""

import datetime

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
import wagtail_factories

from annual_report.blocks import ReportFigureBlock
from annual_report.figures import live_figures
from annual_report.models import AnnualReportPage
from home.models import HomePage
from questions.models import SubmittedQuestion
from stats.models import DailyDownloads, DailyPageViews, MediaMention
from tests import factories
from tests.editing import EditorPageTestCase
from tests.helpers import BROWSER, figure_numbers, forget_everything_kept, publish_translation, soup


def live(label, key, page=None):
    return {
        "label": label,
        "number": "",
        "live_figure": key,
        "page": page,
        "frozen": None,
        "source": "",
    }


def static(label, number):
    return {
        "label": label,
        "number": number,
        "live_figure": "",
        "page": None,
        "frozen": None,
        "source": "",
    }


@pytest.fixture
def content(home, settings, tmp_path):
    """Two themes with projects of 2017, a publication with a document, counts and mentions."""
    settings.MEDIA_ROOT = tmp_path
    nl = home["nl"]
    themes = factories.ThemeIndexPageFactory(parent=nl)
    participation = factories.ThemePageFactory(parent=themes, title="Participatie")
    migration = factories.ThemePageFactory(parent=themes, title="Nieuwe migratie")
    factories.ThemePageFactory(parent=themes, title="Zonder projecten in 2017")
    partner = factories.PartnerFactory()
    for theme, count in [(participation, 3), (migration, 2)]:
        for _n in range(count):
            project = factories.ProjectPageFactory(parent=theme, start_year=2016, end_year=2018)
            project.partners.add(partner)
            project.save_revision().publish()
    factories.ProjectPageFactory(parent=participation, start_year=2019)  # another year
    library = factories.PublicationIndexPageFactory(parent=nl)
    document = wagtail_factories.DocumentFactory(title="Boze burgers")
    publication = factories.PublicationPageFactory(
        parent=library, title="Boze burgers", document=document
    )
    publication.yearly_figures.create(year=2017, downloads=800, views=10)
    publication.save_revision().publish()
    DailyPageViews.objects.bulk_create(
        [
            DailyPageViews(page=nl, day=datetime.date(2017, 1, 2), count=1500),
            DailyPageViews(page=nl, day=datetime.date(2017, 6, 30), count=291),
            DailyPageViews(page=publication, day=datetime.date(2017, 6, 1), count=5),
            DailyPageViews(page=nl, day=datetime.date(2018, 1, 1), count=99),
        ]
    )
    DailyDownloads.objects.create(document=document, day=datetime.date(2017, 3, 3), count=7)
    factories.MediaMentionFactory.create_batch(4)
    factories.SocialFollowersFactory(channel="x", year=2017, followers=1936)
    return {"themes": [participation, migration], "publication": publication, "home": nl}


@pytest.fixture
def report(content):
    publication = content["publication"]
    body = [
        (
            "key_figures",
            [
                live("bezoeken website", "site_visits"),
                live("keer in de media", "media_mentions"),
                live("volgers op X", "followers_x"),
                live("projecten", "projects"),
                live("thema's", "themes"),
                live("partners", "partners"),
                live("projecten participatie", "projects_of_theme", content["themes"][0]),
                live("downloads boze burgers", "publication_downloads", publication),
                live("weergaven boze burgers", "publication_views", publication),
                static("beantwoorde vragen", "121"),
            ],
        ),
        ("month_chart", {"heading": "Sitebezoek", "series": "visits"}),
        ("publication_figures", {"heading": "Publicaties", "publications": [], "count": 5}),
        ("theme_overview", {"heading": "Thema's", "themes": []}),
        ("audience", {"heading": "Publiek", "groups": [{"label": "onderwijs", "share": 12.5}]}),
    ]
    return factories.AnnualReportPageFactory(parent=content["home"], body=body)


def test_live_figures_equal_the_database_counts(client, report, content):
    response = client.get(report.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    numbers = figure_numbers(response)
    in_2017 = {"day__year": 2017}
    visits = DailyPageViews.objects.filter(**in_2017).aggregate(total=Sum("count"))["total"]
    assert numbers["bezoeken website"] == f"{visits:,}".replace(",", ".") == "1.796"
    assert numbers["keer in de media"] == str(MediaMention.objects.filter(date__year=2017).count())
    assert numbers["volgers op X"] == "1.936"
    assert numbers["projecten"] == "5"  # running in 2017: not the one starting in 2019
    assert numbers["thema's"] == "2"  # the themes with projects in 2017
    assert numbers["partners"] == "1"
    assert numbers["projecten participatie"] == "3"
    downloads = 800 + DailyDownloads.objects.filter(**in_2017).aggregate(t=Sum("count"))["t"]
    assert numbers["downloads boze burgers"] == str(downloads) == "807"
    assert numbers["weergaven boze burgers"] == "15"  # 10 recorded + 5 counted
    assert numbers["beantwoorde vragen"] == "121"


def test_answered_questions_are_live_figures_of_the_question_service(client, home):
    answered = datetime.datetime(2017, 5, 1, 12, tzinfo=datetime.UTC)
    for kind, count in [("straightforward", 3), ("complex", 2)]:
        factories.SubmittedQuestionFactory.create_batch(
            count, kind=kind, status="answered", answered_at=answered
        )
    factories.SubmittedQuestionFactory(kind="complex")  # not answered
    body = [
        (
            "key_figures",
            [
                live("beantwoord", "questions_answered"),
                live("complex", "questions_answered_complex"),
            ],
        )
    ]
    page = factories.AnnualReportPageFactory(parent=home["nl"], body=body)
    numbers = figure_numbers(client.get(page.url))
    answered_2017 = SubmittedQuestion.objects.filter(answered_at__year=2017)
    assert numbers["beantwoord"] == str(answered_2017.count()) == "5"
    assert numbers["complex"] == str(answered_2017.filter(kind="complex").count()) == "2"


def test_newsletter_subscribers_are_a_live_figure_of_the_newsletter(client, home):
    end_of_2017 = datetime.datetime(2017, 12, 1, tzinfo=datetime.UTC)
    factories.SubscriberFactory.create_batch(3, confirmed_at=end_of_2017)
    factories.SubscriberFactory(confirmed_at=end_of_2017, unsubscribed_at=end_of_2017)
    factories.SubscriberFactory(confirmed_at=datetime.datetime(2018, 2, 1, tzinfo=datetime.UTC))
    body = [("key_figures", [live("abonnees", "newsletter_subscribers")])]
    page = factories.AnnualReportPageFactory(parent=home["nl"], body=body)
    assert figure_numbers(client.get(page.url))["abonnees"] == "3"


def test_the_report_renders_in_dutch_and_english(client, report):
    english = publish_translation(
        report, "en", title="Annual report 2017", slug="annual-report-2017", intro="The year."
    )
    for page, language, visits in [(report, "nl", "1.796"), (english, "en", "1,796")]:
        response = client.get(page.url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        html = response.content.decode()
        parsed = soup(html)
        assert parsed.html["lang"] == language
        assert [h1.text for h1 in parsed.select("h1")] == [page.title]
        assert visits in figure_numbers(response).values()
        assert parsed.select_one("figure.month-chart svg[role=img]")
        assert "Boze burgers" in parsed.select_one("table.report-table").text
    assert english.url == "/en/annual-report-2017/"


def test_the_report_chart_and_its_table_agree(client, report):
    parsed = soup(client.get(report.url))
    chart = parsed.select_one("figure.month-chart")
    bars = [int(rect["data-value"]) for rect in chart.select("rect.month-chart__bar")]
    cells = [int(cell["data-value"]) for cell in chart.select("tbody td")]
    assert bars == cells == [1500, 0, 0, 0, 0, 291 + 5] + [0] * 6


def test_the_theme_overview_lists_the_projects_of_the_year(client, report, content):
    parsed = soup(client.get(report.url))
    themes = parsed.select(".theme-overview__theme")
    counts = {theme.h3.text: len(theme.select(".theme-overview__projects li")) for theme in themes}
    assert counts == {"Participatie": 3, "Nieuwe migratie": 2, "Zonder projecten in 2017": 0}
    # In English: the translated theme, with its projects (in Dutch where not translated).
    participation = content["themes"][0]
    publish_translation(participation.get_parent(), "en", title="Themes", slug="themes")
    publish_translation(participation, "en", title="Participation", slug="participation")
    english = publish_translation(report, "en", title="Annual report 2017", slug="annual-report")
    parsed = soup(client.get(english.url))
    [theme] = parsed.select(".theme-overview__theme")
    assert theme.h3.text == "Participation"
    assert len(theme.select(".theme-overview__projects li")) == 3


def test_the_theme_overview_costs_the_same_queries_for_more_projects(client, report, content):
    def queries():
        forget_everything_kept()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(report.url).status_code == 200
        return len(captured)

    queries()  # warm up: content types and site root paths are cached per process
    before = queries()
    for theme in content["themes"]:
        for _n in range(3):
            factories.ProjectPageFactory(parent=theme, start_year=2017)
    assert queries() == before


def test_live_figures_are_computed_once_per_request_and_cached(client, home, monkeypatch):
    calls = []
    monkeypatch.setattr(live_figures, "_figures", dict(live_figures._figures))  # undone after
    live_figures.register("test_calls", "calls", lambda year, page: calls.append(year) or 42)
    body = [("key_figures", [live("een", "test_calls"), live("twee", "test_calls")])]
    page = factories.AnnualReportPageFactory(parent=home["nl"], body=body)
    assert set(figure_numbers(client.get(page.url)).values()) == {"42"}
    assert calls == [2017]  # two blocks, one computation
    client.get(page.url)
    assert calls == [2017]  # the next request reuses it
    cache.clear()
    client.get(page.url)
    assert calls == [2017, 2017]


def test_frozen_figures_stay(client, report, content):
    call_command("freeze_annual_report", "2017", verbosity=0)
    report.refresh_from_db()
    frozen = {
        figure["label"]: figure["frozen"]
        for figure in report.body[0].value
        if figure["live_figure"]
    }
    assert frozen["bezoeken website"] == 1796
    assert frozen["keer in de media"] == 4
    # The year goes on in the database; the closed report does not change.
    DailyPageViews.objects.create(page=content["home"], day=datetime.date(2017, 12, 31), count=10)
    factories.MediaMentionFactory()
    cache.clear()
    numbers = figure_numbers(client.get(report.url))
    assert numbers["bezoeken website"] == "1.796"
    assert numbers["keer in de media"] == "4"
    assert numbers["beantwoorde vragen"] == "121"


def test_a_key_figure_is_static_or_live_and_about_the_right_page(content):
    block = ReportFigureBlock()
    theme = content["themes"][0]
    cases = [
        ({"number": "121", "live_figure": "site_visits"}, "number"),
        ({"number": "", "live_figure": ""}, "number"),
        ({"live_figure": "projects_of_theme"}, "page"),
        ({"live_figure": "publication_downloads", "page": theme}, "page"),
        ({"live_figure": "site_visits", "page": theme}, "page"),
        ({"number": "121", "frozen": 5}, "frozen"),
    ]
    for values, field in cases:
        value = block.to_python({})
        value.update({"label": "x", "number": "", "live_figure": "", "page": None, "frozen": None})
        value.update(values)
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert field in error.value.block_errors, values
    value = block.to_python({})
    value.update({"label": "x", "number": "", "live_figure": "projects_of_theme", "page": theme})
    assert block.clean(value)["page"].pk == theme.pk


class TestEditorsCreateAnnualReports(EditorPageTestCase):
    def test_editor_can_create_an_annual_report_with_live_and_static_figures(self):
        self.assertCanCreateAt(HomePage, AnnualReportPage)
        self.assertAllowedParentPageTypes(AnnualReportPage, {HomePage})
        self.assertAllowedSubpageTypes(AnnualReportPage, set())
        figures = [
            {
                "label": "bezoeken website",
                "number": "",
                "live_figure": "site_visits",
                "page": "",
                "frozen": "",
                "source": "",
            },
            {
                "label": "partners",
                "number": "25+",
                "live_figure": "",
                "page": "",
                "frozen": "",
                "source": "Jaarbericht",
            },
        ]
        self.assertCanCreate(
            self.home,
            AnnualReportPage,
            nested_form_data(
                {
                    "title": "Jaarbericht 2018",
                    "slug": "jaarbericht-2018",
                    "year": 2018,
                    "intro": "Het jaar in cijfers.",
                    "body": streamfield(
                        [
                            (
                                "key_figures",
                                {
                                    "count": 2,
                                    **{
                                        f"{index}-{key}": value
                                        for index, item in enumerate(figures)
                                        for key, value in [
                                            ("deleted", ""),
                                            ("order", index),
                                            ("id", ""),
                                        ]
                                        + [(f"value-{name}", field) for name, field in item.items()]
                                    },
                                },
                            ),
                            ("month_chart", {"heading": "", "series": "downloads"}),
                        ]
                    ),
                }
            ),
        )
        page = AnnualReportPage.objects.get(slug="jaarbericht-2018")
        assert isinstance(page.body, StreamValue)
        assert [figure["live_figure"] for figure in page.body[0].value] == ["site_visits", ""]
