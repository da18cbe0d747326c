"""The figures of the 2017 report the demo content brings: the annual report built from the
seed, the answered questions per kind."""

from django.db.models import Sum

from annual_report.models import AnnualReportPage
from questions.figures import answered_by_kind
from questions.models import QuestionKind, QuestionPage, SubmittedQuestion
from stats.models import DailyPageViews, MediaMention
from tests.helpers import BROWSER, figure_numbers, soup


def test_the_demo_builds_the_2017_report_from_the_seed(client, demo):
    assert DailyPageViews.objects.filter(day__year=2017).aggregate(t=Sum("count"))["t"] == 185_291
    assert MediaMention.objects.filter(date__year=2017).count() == 223
    nl = client.get("/nl/jaarbericht-2017/", HTTP_USER_AGENT=BROWSER)
    en = client.get("/en/annual-report-2017/", HTTP_USER_AGENT=BROWSER)
    assert nl.status_code == en.status_code == 200
    assert figure_numbers(nl)["bezoeken website"] == "185.291"
    assert figure_numbers(en)["website visits"] == "185,291"
    assert figure_numbers(nl)["keer in de media"] == "223"
    assert figure_numbers(en)["partner organisations"] == "25+"
    report = AnnualReportPage.objects.get(slug="jaarbericht-2017")
    live_keys = {figure["live_figure"] for figure in report.live_figure_blocks()}
    assert {
        "questions_answered",
        "questions_answered_complex",
        "projects",
        "themes",
        "page_views",
        "site_visits",
        "media_mentions",
        "followers_x",
        "followers_linkedin",
    } <= live_keys
    assert figure_numbers(nl)["beantwoorde vragen"] == "121"
    assert figure_numbers(nl)["keer bekeken: dossier vluchtelingen"] == "9.107"
    assert "Interventiewijzer" in soup(nl).select_one("table.report-table").text


def test_demo_content_gives_the_2017_figures_and_the_complex_questions(client, demo):
    assert answered_by_kind(2017) == {
        "straightforward": 70,
        "research": 29,
        "complex": 22,
        "total": 121,
    }
    assert not SubmittedQuestion.objects.exclude(is_demo=True).exists()
    assert not SubmittedQuestion.objects.exclude(email="").exists()
    complex_pages = QuestionPage.objects.live().filter(kind=QuestionKind.COMPLEX)
    assert complex_pages.filter(locale__language_code="nl").count() == 22
    assert all(page.product_status for page in complex_pages)
    response = client.get("/nl/vragen/?kind=complex")
    assert response.status_code == 200
    assert client.get("/en/questions/").status_code == 200
    tips = client.get("/nl/vragen/een-inclusieve-werkcultuur-bevorderen/")
    assert "gedragscode" in tips.content.decode()
