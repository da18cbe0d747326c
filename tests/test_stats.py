"""Cookie-free statistics: what is counted, what is not, and what editors see."""

import csv
import datetime
import io
import logging

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from stats import figures
from stats.charts import MonthChart
from stats.models import DailyDownloads, DailyPageViews, MediaMention
from tests import factories
from tests.helpers import BROWSER, soup

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
VISITOR_ADDRESS = "203.0.113.7"


def visitor(address=VISITOR_ADDRESS, user_agent=BROWSER):
    return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)


def views_of(page):
    return sum(DailyPageViews.objects.filter(page=page).values_list("count", flat=True))


def downloads_of(document):
    return sum(DailyDownloads.objects.filter(document=document).values_list("count", flat=True))


@pytest.fixture
def page(home):
    return factories.StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")


@pytest.fixture
def document(settings, tmp_path, home):
    """A document a published page offers (only those are served to the public)."""
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Boze burgers")
    document.file.save("boze-burgers.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.save()
    factories.StandardPageFactory(parent=home["nl"], body=[("download", {"document": document})])
    return document


def test_a_page_view_is_counted_once_per_visitor_within_the_window(page):
    first = visitor()
    assert first.get(page.url).status_code == 200
    assert first.get(page.url).status_code == 200  # a reload: the same visitor
    assert views_of(page) == 1
    assert visitor(address="198.51.100.20").get(page.url).status_code == 200
    assert views_of(page) == 2
    row = DailyPageViews.objects.get(page=page)
    assert row.day == timezone.localdate()


def test_a_visitor_is_counted_again_the_next_day(page, monkeypatch):
    client = visitor()
    client.get(page.url)
    client.get(page.url)
    localtime = timezone.localtime
    monkeypatch.setattr(
        timezone, "localtime", lambda *args: localtime(*args) + datetime.timedelta(days=1)
    )
    client.get(page.url)
    assert views_of(page) == 2


def test_a_new_user_agent_does_not_make_a_new_visitor(page, document):
    for number in range(5):
        client = visitor(user_agent=f"{BROWSER} loop/{number}")
        assert client.get(page.url).status_code == 200
        assert client.post("/stats/hit", {"page": page.pk}).status_code == 204
        client.get(document.url)
    assert views_of(page) == 1
    assert downloads_of(document) == 1


def test_the_counting_beacon_is_rate_limited(page, settings):
    settings.STATS_HIT_RATE_LIMIT = "3/h"
    client = visitor()
    for _hit in range(3):
        assert client.post("/stats/hit", {"page": page.pk}).status_code == 204
    refused = client.post("/stats/hit", {"page": page.pk})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert visitor(address="198.51.100.20").post("/stats/hit", {"page": page.pk}).status_code == 204
    assert views_of(page) == 2


def test_the_client_behind_two_proxies_is_counted_not_the_proxy(page, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    for visitor_address in ("203.0.113.7", "203.0.113.8"):
        Client(
            HTTP_USER_AGENT=BROWSER,
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{visitor_address}, 198.51.100.7",
        ).get(page.url)
    # a forged X-Forwarded-For entry in front does not make a new visitor
    Client(
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7, 198.51.100.7",
    ).get(page.url)
    assert views_of(page) == 2


def test_bots_and_clients_without_user_agent_are_not_counted(page):
    assert visitor(user_agent=GOOGLEBOT).get(page.url).status_code == 200
    assert visitor(user_agent="python-requests/2.32").get(page.url).status_code == 200
    assert Client(REMOTE_ADDR=VISITOR_ADDRESS).get(page.url).status_code == 200  # no agent
    assert views_of(page) == 0


def test_prefetches_and_error_pages_are_not_counted(page, home):
    assert visitor().get(page.url, HTTP_SEC_PURPOSE="prefetch").status_code == 200
    assert visitor().get(home["nl"].url + "bestaat-niet/").status_code == 404
    assert visitor().head(page.url).status_code == 200
    assert DailyPageViews.objects.count() == 0


def test_editors_and_admin_traffic_are_not_counted(page, editor):
    client = visitor()
    client.force_login(editor)
    assert client.get(page.url).status_code == 200
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert DailyPageViews.objects.count() == 0


def test_previews_are_not_counted(page):
    request = RequestFactory().get(page.url, HTTP_USER_AGENT=BROWSER)
    response = page.make_preview_request(original_request=request)
    assert response.status_code == 200
    assert DailyPageViews.objects.count() == 0


def test_nothing_personal_is_stored(page, document):
    visitor().get(page.url)
    response = visitor().get(document.url)
    b"".join(response.streaming_content)
    for model, columns in [
        (DailyPageViews, {"id", "page_id", "day", "count"}),
        (DailyDownloads, {"id", "document_id", "day", "count"}),
    ]:
        with connection.cursor() as cursor:
            description = connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        assert {column.name for column in description} == columns
    stored = repr(list(DailyPageViews.objects.values())) + repr(
        list(DailyDownloads.objects.values())
    )
    assert VISITOR_ADDRESS not in stored
    assert "Firefox" not in stored
    # nor in the cache, which holds only a hash of it salted with the day
    seen = [key for key in cache._cache if ":stats:seen:" in key]
    assert len(seen) == 2
    assert not any(VISITOR_ADDRESS in key for key in cache._cache)
    assert "Set-Cookie" not in str(response.headers)


def test_a_download_is_counted_on_the_document_url_itself(document):
    response = visitor().get(document.url)  # e.g. a partner's direct link to the PDF
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    visitor().get(document.url)  # the same visitor again (a PDF viewer's second request)
    visitor(user_agent=GOOGLEBOT).get(document.url)
    assert downloads_of(document) == 1
    visitor(address="198.51.100.20").get(document.url)
    assert downloads_of(document) == 2


def test_the_beacon_counts_pages_served_from_a_cache_once(page):
    # A cached copy of the page reached the visitor without Django: only the beacon reports.
    response = visitor().post("/stats/hit", {"page": page.pk})
    assert response.status_code == 204
    assert "no-cache" in response["Cache-Control"]
    assert views_of(page) == 1
    # Django served the page and counted it; the page's beacon is then a repeat.
    other = visitor(address="198.51.100.20")
    html = other.get(page.url).content.decode()
    assert f'data-page="{page.pk}"' in html
    other.post("/stats/hit", {"page": page.pk})
    assert views_of(page) == 2
    # Nonsense and unpublished pages are ignored, and the answer is the same.
    page.unpublish()
    assert visitor(address="192.0.2.1").post("/stats/hit", {"page": page.pk}).status_code == 204
    assert visitor(address="192.0.2.1").post("/stats/hit", {"page": "x"}).status_code == 204
    assert visitor().get("/stats/hit").status_code == 405
    assert views_of(page) == 2


def test_a_page_from_the_page_cache_is_counted_by_its_beacon(page, settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert visitor().get(page.url)["X-Page-Cache"] == "miss"
    assert views_of(page) == 1
    second = visitor(address="198.51.100.20")
    response = second.get(page.url)
    assert response["X-Page-Cache"] == "hit"  # Django's views never ran
    assert views_of(page) == 1
    assert f'data-page="{page.pk}"' in response.content.decode()
    second.post("/stats/hit", {"page": page.pk})
    assert views_of(page) == 2


def test_a_page_is_served_when_the_statistics_table_is_unavailable(page, caplog):
    with connection.cursor() as cursor:  # inside the test's transaction: rolled back after
        cursor.execute("ALTER TABLE stats_dailypageviews RENAME TO stats_dailypageviews_away")
    with caplog.at_level(logging.ERROR, logger="stats.counting"):
        response = visitor().get(page.url)
    assert response.status_code == 200
    assert "Over ons" in response.content.decode()
    assert "Could not count page:" in caplog.text
    # The failed count left the connection usable for the rest of the request and after.
    assert visitor(address="198.51.100.20").get(page.url).status_code == 200


def make_counts(page, document):
    DailyPageViews.objects.bulk_create(
        [
            DailyPageViews(page=page, day=datetime.date(2017, 1, 5), count=100),
            DailyPageViews(page=page, day=datetime.date(2017, 1, 6), count=20),
            DailyPageViews(page=page, day=datetime.date(2017, 3, 31), count=7),
            DailyPageViews(page=page, day=datetime.date(2018, 1, 1), count=1000),
        ]
    )
    DailyDownloads.objects.bulk_create(
        [
            DailyDownloads(document=document, day=datetime.date(2017, 2, 1), count=5),
            DailyDownloads(document=document, day=datetime.date(2017, 12, 31), count=3),
        ]
    )


def test_monthly_aggregates(page, document):
    make_counts(page, document)
    assert figures.visits_per_month(2017) == [120, 0, 7] + [0] * 9
    assert figures.downloads_per_month(2017) == [0, 5] + [0] * 9 + [3]
    assert figures.site_visits(2017) == 127
    assert figures.site_visits(2018) == 1000
    assert figures.counted_downloads(2017) == 8


def test_publication_figures_add_counted_to_recorded(home, document):
    library = factories.PublicationIndexPageFactory(parent=home["nl"])
    publication = factories.PublicationPageFactory(
        parent=library, title="Boze burgers", document=document
    )
    publication.yearly_figures.create(year=2017, downloads=800, views=50)
    publication.save_revision().publish()
    DailyPageViews.objects.create(page=publication, day=datetime.date(2017, 5, 1), count=4)
    DailyDownloads.objects.create(document=document, day=datetime.date(2017, 5, 1), count=2)
    DailyDownloads.objects.create(document=document, day=datetime.date(2016, 5, 1), count=9)
    [item] = figures.publication_figures(2017, [publication])
    assert (item.downloads, item.views) == (802, 54)
    assert figures.downloads(2017) == 802
    assert figures.top_publications(2017)[0].page == publication


def test_the_report_chart_and_table_agree(client, editor, page, document):
    make_counts(page, document)
    client.force_login(editor)
    response = client.get("/admin/statistics/", {"year": 2017})
    assert response.status_code == 200
    parsed = soup(response)
    charts = parsed.select("figure.month-chart")
    assert len(charts) == 2
    expected = [figures.visits_per_month(2017), figures.downloads_per_month(2017)]
    for chart, values in zip(charts, expected, strict=True):
        bars = [int(bar["data-value"]) for bar in chart.select("svg rect.month-chart__bar")]
        cells = [int(cell["data-value"]) for cell in chart.select("table tbody td")]
        assert bars == cells == values
        heights = [float(bar["height"]) for bar in chart.select("svg rect.month-chart__bar")]
        tallest = max(range(12), key=lambda index: values[index])
        assert heights[tallest] == max(heights)
        assert chart.select_one("svg")["role"] == "img"
        assert chart.select_one("svg title").text.strip()
    assert "120" in parsed.select_one("figure.month-chart tbody tr").text


def test_the_report_exports_csv(client, editor, page, document):
    make_counts(page, document)
    client.force_login(editor)
    response = client.get("/admin/statistics/", {"year": 2017, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    # for Dutch Excel: a byte-order mark and semicolons
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1:] == ["2017-01", "120", "0"]
    assert rows[12][1:] == ["2017-12", "0", "3"]


def test_a_year_without_monthly_counts_shows_no_empty_chart(client, editor, page, document):
    make_counts(page, document)
    client.force_login(editor)
    html = soup(client.get("/admin/statistics/", {"year": 2016}))
    assert html.select("figure.month-chart svg") == []
    assert len(html.select(".month-chart__empty")) == 2
    # the CSV button shows its label
    button = html.find("a", href=lambda href: href and "export=csv" in href)
    assert button.get_text(strip=True)


def test_the_report_is_for_editors_only(client, page):
    response = client.get("/admin/statistics/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_media_mentions_are_counted_per_year(db):
    factories.MediaMentionFactory.create_batch(3)
    factories.MediaMentionFactory(date=datetime.date(2018, 1, 2))
    assert figures.media_mentions(2017) == 3


def test_a_media_mention_is_about_a_publication_or_a_theme_not_both(home):
    themes = factories.ThemeIndexPageFactory(parent=home["nl"])
    theme = factories.ThemePageFactory(parent=themes)
    library = factories.PublicationIndexPageFactory(parent=home["nl"])
    publication = factories.PublicationPageFactory(parent=library)
    mention = MediaMention(
        date=datetime.date(2017, 4, 1),
        outlet="Trouw",
        title="Integratie",
        publication=publication,
        theme=theme,
    )
    with pytest.raises(ValidationError) as error:
        mention.full_clean()
    assert "theme" in error.value.message_dict


def test_followers_are_typed_per_channel_and_year(db):
    factories.SocialFollowersFactory(channel="x", year=2017, followers=1936)
    factories.SocialFollowersFactory(channel="linkedin", year=2017, followers=1147)
    assert figures.followers(2017, "x") == 1936
    assert figures.followers(2017, "linkedin") == 1147
    assert figures.followers(2018, "x") == 0


def test_the_chart_axis_has_round_steps_above_the_highest_month():
    empty = MonthChart(2017, [0] * 12, "Bezoeken", "empty")
    assert [line.value for line in empty.gridlines] == [0, 1, 2, 3, 4]
    busy = MonthChart(2017, [15565, 18529] + [0] * 10, "Bezoeken", "busy")
    assert [line.value for line in busy.gridlines] == [0, 5000, 10000, 15000, 20000]
    assert float(busy.bars[1].height) > float(busy.bars[0].height) > float(busy.bars[2].height)


def test_the_report_keeps_a_finished_year_and_this_year_for_a_few_minutes(
    client, editor, page, settings
):
    """What the report sums is kept (figures.kept): a finished year until the content
    changes, this year for STATS_CACHE_SECONDS, which the report says."""
    client.force_login(editor)
    this_year = timezone.localdate().year

    def january_visits(year):
        html = soup(client.get("/admin/statistics/", {"year": year}))
        return int(html.select_one("figure.month-chart tbody td")["data-value"]), html

    def count(year, day):
        DailyPageViews.objects.create(page=page, day=datetime.date(year, 1, day), count=10)

    count(2017, 1)
    count(this_year, 1)
    assert january_visits(2017)[0] == january_visits(this_year)[0] == 10
    count(2017, 2)
    count(this_year, 2)
    assert january_visits(2017)[0] == january_visits(this_year)[0] == 10  # kept
    visits, html = january_visits(this_year)
    assert "tot 5 minuten achterlopen" in html.text
    assert "achterlopen" not in january_visits(2017)[1].text

    page.save_revision().publish()  # the content changes: a finished year is summed again
    assert january_visits(2017)[0] == 20
    settings.STATS_CACHE_SECONDS = 0  # this year summed on every request
    count(this_year, 3)
    visits, html = january_visits(this_year)
    assert visits == 30 and "achterlopen" not in html.text
