"""The institute-scale content (load_scale_content): inserted in bulk, yet proper pages that
render, are found by search and are added only once."""

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from core.models import Partner
from dossiers.models import DossierPage, PublicationIndexPage, PublicationPage
from newsletter.models import Subscriber
from partners.models import PartnerIndexPage
from questions.models import QuestionPage, SubmittedQuestion
from stats.models import DailyDownloads, DailyPageViews
from themes.models import ProjectPage

SMALL = {
    "publications": 30,
    "projects": 8,
    "answered": 6,
    "submitted": 20,
    "partners": 5,
    "dossiers": 3,
    "subscribers": 40,
}


def load_scale(**counts):
    options = {**SMALL, **counts}
    call_command("load_scale_content", verbosity=0, **options)


def counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "submitted": SubmittedQuestion.objects.count(),
        "subscribers": Subscriber.objects.count(),
        "views": DailyPageViews.objects.count(),
        "downloads": DailyDownloads.objects.count(),
    }


@pytest.fixture
def scale(demo):
    load_scale()


def test_scale_content_adds_what_was_asked_and_a_second_run_adds_nothing(scale):
    library = PublicationIndexPage.objects.get(locale__language_code="nl")
    added = PublicationPage.objects.child_of(library).filter(slug__startswith="publicatie-")
    assert added.count() == 30
    assert ProjectPage.objects.filter(slug__startswith="project-").count() == 8
    assert QuestionPage.objects.filter(slug__startswith="vraag-").count() == 6
    assert DossierPage.objects.filter(slug__startswith="dossier-").count() == 3
    assert SubmittedQuestion.objects.filter(reference__startswith="S-").count() == 20
    assert set(Subscriber.objects.values_list("status", flat=True)) == {
        "pending",
        "confirmed",
        "unsubscribed",
    }
    # five years of statistics for every page and every document
    assert not Page.objects.filter(depth__gt=1).exclude(daily_views__isnull=False).exists()
    assert DailyDownloads.objects.values("document").distinct().count() >= 30
    # the tree stays consistent: numchild and paths as Wagtail would have made them
    library.refresh_from_db()
    assert library.numchild == library.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])

    before = counts()
    load_scale()
    assert counts() == before
    load_scale(publications=32)  # more asked for: only the missing ones are added
    assert added.count() == 32


def test_scale_pages_render_and_are_found_by_search(scale, client):
    publication = PublicationPage.objects.get(slug="publicatie-00007")
    for page in (
        publication,
        ProjectPage.objects.get(slug="project-00003"),
        QuestionPage.objects.get(slug="vraag-00002"),
        DossierPage.objects.get(slug="dossier-00001"),
        publication.get_parent(),
    ):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.encode() in response.content

    text = publication.document.extracted_text.text
    word = max(text.split(), key=len)  # a word of the PDF's text
    with translation.override("nl"):
        found = PublicationPage.objects.live().search(publication.title)
        assert publication.pk in [page.pk for page in found]
        response = client.get(reverse("search:search"), {"q": publication.title})
    assert response.status_code == 200
    assert publication.title.encode() in response.content
    assert PublicationPage.objects.search(word).count() >= 1
    partner = Partner.objects.get(slug="partner-00002")
    partners_page = PartnerIndexPage.objects.get(locale__language_code="nl")
    response = client.get(partners_page.partner_url(partner))
    assert response.status_code == 200
    assert partner.name.encode() in response.content
