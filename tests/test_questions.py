"""The question service: asking, the staff inbox, answering, publishing, retention, figures."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from core.models import OutgoingEmail
from demo import questions as demo_questions
from dossiers.models import DossierPage
from home.models import HomePage
from questions.figures import answered_by_kind
from questions.models import QuestionIndexPage, QuestionKind, QuestionPage, SubmittedQuestion
from tests.editing import EditorPageTestCase
from tests.email_backends import FlakyBackend
from tests.factories import (
    DossierIndexPageFactory,
    DossierPageFactory,
    PartnerFactory,
    ProjectPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    QuestionIndexPageFactory,
    QuestionPageFactory,
    SubmittedQuestionFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation, soup

Status = SubmittedQuestion.Status

VALID = {
    "name": "Fatima el Amrani",
    "email": "fatima@example.org",
    "organisation": "Gemeente Zwolle",
    "role": "Beleidsadviseur",
    "question": "Welke aanpak werkt om statushouders sneller aan betaald werk te helpen?",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def site(home):
    """Themes and the question index in Dutch, with their English translations."""
    themes = ThemeIndexPageFactory(parent=home["nl"])
    theme = ThemePageFactory(parent=themes, title="Participatie", slug="participatie")
    other_theme = ThemePageFactory(parent=themes, title="Nieuwe migratie", slug="nieuwe-migratie")
    publish_translation(themes, "en", title="Themes", slug="themes")
    theme_en = publish_translation(theme, "en", title="Participation", slug="participation")
    index = QuestionIndexPageFactory(parent=home["nl"])
    index_en = publish_translation(
        index,
        "en",
        title="Questions",
        slug="questions",
        intro="Ask your question about integration, migration or diversity.",
    )
    return {
        "index": index,
        "index_en": index_en,
        "theme": theme,
        "theme_en": theme_en,
        "other_theme": other_theme,
    }


def post_question(client, data, **extra):
    return client.post("/nl/vragen/", data, **extra)


# Visitors ask a question


def test_question_is_stored_then_confirmed_by_email(
    client, site, django_capture_on_commit_callbacks
):
    data = {**VALID, "theme": str(site["theme"].pk)}
    with django_capture_on_commit_callbacks(execute=True):
        response = post_question(client, data)

    assert response.status_code == 302
    assert response["Location"] == "/nl/vragen/bedankt/"
    question = SubmittedQuestion.objects.get()
    assert re.fullmatch(r"KIS-\d{4}-\d{4}", question.reference)
    assert (question.name, question.email, question.theme) == (
        "Fatima el Amrani",
        "fatima@example.org",
        site["theme"],
    )
    assert question.status == Status.NEW
    assert question.language == "nl"

    confirmation = client.get(response["Location"])
    assert question.reference in confirmation.content.decode()
    assert soup(confirmation).find("h1").get_text() == "Bedankt voor uw vraag"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert question.reference in message.subject
    assert "Welke aanpak werkt om statushouders" in message.body
    assert question.confirmation_email.status == OutgoingEmail.Status.SENT


def test_question_is_kept_when_the_confirmation_email_fails(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.email_backends.FlakyBackend"
    FlakyBackend.failures_left = 1
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = post_question(client, VALID)
    finally:
        FlakyBackend.failures_left = 0
    assert response.status_code == 302
    question = SubmittedQuestion.objects.get()
    email = question.confirmation_email
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.RETRYING
    assert question.reference in email.subject


def test_english_visitors_are_thanked_in_english(client, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/questions/", VALID)
    assert response["Location"] == "/en/questions/thank-you/"
    question = SubmittedQuestion.objects.get()
    assert question.language == "en"
    thanks = soup(client.get(response["Location"]))
    assert thanks.find("h1").get_text() == "Thank you for your question"
    assert question.reference in thanks.get_text()
    assert "We have received your question" in mail.outbox[0].subject


def test_confirmation_page_without_a_question_goes_back_to_the_form(client, site):
    response = client.get("/nl/vragen/bedankt/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/vragen/"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vul uw naam in."),
        ({"email": ""}, "email", "Vul uw e-mailadres in."),
        ({"email": "fatima@"}, "email", "Vul een geldig e-mailadres in"),
        ({"question": ""}, "question", "Schrijf uw vraag op."),
        ({"question": "Hoezo?"}, "question", "ten minste 20 tekens"),
        ({"question": "x" * 4001}, "question", "niet meer dan 4000 tekens"),
        ({"name": "n" * 201}, "name", "niet meer dan 200 tekens"),
        ({"consent": ""}, "consent", "Geef uw toestemming om verder te gaan."),
        ({"website": "http://spam.example"}, "website", "Dit veld moet leeg blijven."),
        ({"theme": "999999"}, "theme", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_rejected_next_to_its_field_and_nothing_is_stored(
    client, site, changes, field, message
):
    response = post_question(client, {**VALID, **changes})
    assert response.status_code == 200
    html = soup(response)
    errors = html.find(id=f"id_{field}_error")
    assert errors is not None, f"no error list next to {field}"
    assert message in errors.get_text()
    assert html.find(id=f"id_{field}")["aria-invalid"] == "true"
    assert html.find(class_="form-errors") is not None  # the summary at the top
    assert SubmittedQuestion.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_theme_choices_are_the_themes_of_the_page_language(client, site):
    dutch = soup(client.get("/nl/vragen/")).find(id="id_theme")
    english = soup(client.get("/en/questions/")).find(id="id_theme")
    assert {option.get_text() for option in dutch.find_all("option")[1:]} == {
        "Participatie",
        "Nieuwe migratie",
    }
    assert [option.get_text() for option in english.find_all("option")[1:]] == ["Participation"]


def test_too_many_questions_get_429_with_retry_after(client, site, settings):
    settings.FORM_RATE_LIMIT = "2/h"
    statuses = [post_question(client, {**VALID, "name": ""}).status_code for _ in range(2)]
    blocked = post_question(client, VALID)
    assert statuses == [200, 200]
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 3600
    assert SubmittedQuestion.objects.count() == 0
    # reading the page is not limited
    assert client.get("/nl/vragen/").status_code == 200


def test_form_needs_its_csrf_token_and_the_page_is_not_cached(site):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/nl/vragen/")
    assert "no-cache" in page["Cache-Control"]
    assert "private" in page["Cache-Control"]
    assert post_question(client, VALID).status_code == 403
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert post_question(client, {**VALID, "csrfmiddlewaretoken": token}).status_code == 302


# Published answers


def publish_answers(index, count, **fields):
    return [QuestionPageFactory(parent=index, **fields) for _ in range(count)]


def test_index_lists_published_answers_in_each_language(client, site):
    answer = QuestionPageFactory(
        parent=site["index"], title="Werk voor statushouders", theme=site["theme"]
    )
    draft = QuestionPageFactory(parent=site["index"], title="Nog niet klaar")
    draft.unpublish()
    publish_translation(answer, "en", title="Work for refugees", slug="work-for-refugees")

    dutch = client.get("/nl/vragen/")
    assert dutch.status_code == 200
    html = soup(dutch)
    assert html.html["lang"] == "nl"
    assert len(html.find_all("h1")) == 1
    titles = [link.get_text() for link in html.select("#answers h3 a")]
    assert titles == ["Werk voor statushouders"]
    assert "Participatie" in html.select_one("#answers .card").get_text()

    english = client.get("/en/questions/")
    assert english.status_code == 200
    html = soup(english)
    assert html.html["lang"] == "en"
    assert html.find("h1").get_text() == "Questions"
    assert [link.get_text() for link in html.select("#answers h3 a")] == ["Work for refugees"]
    # the English theme, although the translated answer still points at the Dutch one
    assert "Participation" in html.select_one("#answers .card").get_text()
    assert html.find("label", attrs={"for": "id_question"}).get_text() == "Your question"


def test_answers_filter_by_theme_and_kind(client, site):
    publish_answers(site["index"], 2, theme=site["theme"], kind=QuestionKind.COMPLEX)
    publish_answers(site["index"], 3, theme=site["other_theme"], kind=QuestionKind.COMPLEX)
    publish_answers(site["index"], 1, theme=site["theme"], kind=QuestionKind.RESEARCH)

    def listed(query):
        return len(soup(client.get(f"/nl/vragen/?{query}")).select("#answers .card"))

    assert listed("") == 6
    assert listed(f"theme={site['theme'].pk}") == 3
    assert listed("kind=complex") == 5
    assert listed(f"theme={site['theme'].pk}&kind=complex") == 2
    # the English page filters by the English theme
    assert len(soup(client.get("/en/questions/")).select("#filter_theme option")) == 2


def test_answers_are_paginated(client, site):
    publish_answers(site["index"], QuestionIndexPage.answers_per_page + 2)
    first = soup(client.get("/nl/vragen/"))
    assert len(first.select("#answers .card")) == QuestionIndexPage.answers_per_page
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    second = soup(client.get(f"/nl/vragen/{next_link.split('#')[0]}"))
    assert len(second.select("#answers .card")) == 2


def test_answer_listing_has_a_constant_query_count(client, site, django_assert_num_queries):
    publish_answers(site["index"], 4, theme=site["theme"])
    client.get("/nl/vragen/")  # warm the caches (site root paths, locales)
    with CaptureQueriesContext(connection) as few:
        response = client.get("/nl/vragen/")
    assert len(soup(response).select("#answers .card")) == 4
    few_queries = len(few.captured_queries)

    publish_answers(site["index"], 4, theme=site["other_theme"], kind=QuestionKind.RESEARCH)
    client.get("/nl/vragen/")  # after a change: what every page shows is computed afresh
    with django_assert_num_queries(few_queries):
        response = client.get("/nl/vragen/")
    assert len(soup(response).select("#answers .card")) == 8


def test_question_page_renders_in_each_language(client, site):
    library = PublicationIndexPageFactory(parent=site["index"].get_parent())
    publication = PublicationPageFactory(parent=library, title="Boze burgers")
    publish_translation(library, "en", title="Publications", slug="publications")
    publish_translation(publication, "en", title="Angry citizens", slug="angry-citizens")
    project = ProjectPageFactory(parent=site["theme"], title="Gelijke kansen op stages")
    page = QuestionPageFactory(
        parent=site["index"],
        title="Stagediscriminatie",
        question="Wat kan een roc doen tegen stagediscriminatie?",
        requester_organisation="Ministerie van SZW",
        requester_role="",
        kind=QuestionKind.COMPLEX,
        theme=site["theme"],
        product_status="Een brochure met tips is klaar.",
        answer=[("paragraph", RichText("<p>Maak afspraken met stagebedrijven.</p>"))],
        result_page=project,
        related_publications=[publication],
        related_projects=[project],
    )
    english = publish_translation(
        page,
        "en",
        title="Internship discrimination",
        slug="internship-discrimination",
        question="What can a vocational college do about internship discrimination?",
        product_status="A brochure with tips is ready.",
    )
    dutch = soup(client.get(page.url))
    assert dutch.find("h1").get_text() == "Stagediscriminatie"
    assert "Gevraagd door: Ministerie van SZW" in dutch.get_text()
    assert "Een brochure met tips is klaar." in dutch.get_text()
    assert dutch.select_one(".meta a").get_text() == "Participatie"
    assert "Naar het resultaat: Gelijke kansen op stages" in dutch.get_text()
    assert [a.get_text() for a in dutch.select("h2 + ul a")] == [
        "Boze burgers",
        "Gelijke kansen op stages",
    ]

    response = client.get(english.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en"
    assert html.find("h1").get_text() == "Internship discrimination"
    assert html.select_one(".meta a").get_text() == "Participation"
    assert [a.get_text() for a in html.select("h2 + ul a")] == [
        "Angry citizens",
        "Gelijke kansen op stages",
    ]


# Editors create the pages in the admin


class TestEditorsCreateQuestionPages(EditorPageTestCase):
    def test_placement_rules(self):
        self.assertAllowedParentPageTypes(QuestionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(QuestionIndexPage, {QuestionPage})
        self.assertAllowedParentPageTypes(QuestionPage, {QuestionIndexPage})
        self.assertCanNotCreateAt(HomePage, QuestionPage)

    def test_editor_can_create_the_index_and_a_question_page(self):
        self.assertCanCreate(
            self.home,
            QuestionIndexPage,
            nested_form_data(
                {
                    "title": "Vragen",
                    "slug": "vragen",
                    "intro": "Stel uw vraag.",
                    "kind_straightforward": "Snel antwoord.",
                    "kind_research": "Na uitzoekwerk.",
                    "kind_complex": "Een project.",
                    "body": streamfield([]),
                }
            ),
        )
        index = QuestionIndexPage.objects.get(slug="vragen")
        self.assertCanCreate(
            index,
            QuestionPage,
            nested_form_data(
                {
                    "title": "Gezondheid en werk",
                    "slug": "gezondheid-en-werk",
                    "question": "Bepaalt gezondheid of statushouders werk vinden?",
                    "requester_role": "Regiocoördinator",
                    "requester_organisation": "VNG",
                    "requester_name": "",
                    "kind": QuestionKind.RESEARCH,
                    "answer": streamfield(
                        [("paragraph", rich_text("<p>Ja, gezondheid speelt mee.</p>"))]
                    ),
                    "product_status": "",
                }
            ),
        )
        page = QuestionPage.objects.get(slug="gezondheid-en-werk")
        self.assertEqual(page.requester_organisation, "VNG")


# Staff: the inbox and personal data


@pytest.fixture
def staff(db):
    """Two question handlers: one may see personal data, the other may not."""
    handlers = Group.objects.create(name="Vraagbehandelaars")
    handlers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_submittedquestion"),
    )
    user_model = get_user_model()
    with_permission = user_model.objects.create_user("privacy", "p@example.org", "pw")
    without_permission = user_model.objects.create_user("helper", "h@example.org", "pw")
    for user in (with_permission, without_permission):
        user.groups.add(handlers)
    with_permission.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    return {"with": with_permission, "without": without_permission}


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_only_staff_with_the_permission_see_personal_data(staff, site):
    question = SubmittedQuestionFactory(
        name="Fatima el Amrani", email="fatima@example.org", theme=site["theme"]
    )
    allowed, denied = admin_client(staff["with"]), admin_client(staff["without"])

    listing = allowed.get("/admin/submitted_questions/")
    assert listing.status_code == 200
    assert "fatima@example.org" in listing.content.decode()
    assert "Fatima el Amrani" in listing.content.decode()
    listing = denied.get("/admin/submitted_questions/")
    assert listing.status_code == 200
    assert question.reference in listing.content.decode()
    assert "fatima@example.org" not in listing.content.decode()
    assert "Fatima el Amrani" not in listing.content.decode()

    edit_url = f"/admin/submitted_questions/edit/{question.pk}/"
    assert "fatima@example.org" in allowed.get(edit_url).content.decode()
    page = denied.get(edit_url)
    assert page.status_code == 200
    assert "fatima@example.org" not in page.content.decode()
    assert "Fatima el Amrani" not in page.content.decode()

    # searching by e-mail address finds the question only for staff who may see it
    search = "/admin/submitted_questions/results/?q=fatima%40example.org"
    assert question.reference in allowed.get(search).content.decode()
    assert question.reference not in denied.get(search).content.decode()


def test_staff_without_the_permission_cannot_change_personal_data(staff):
    question = SubmittedQuestionFactory(email="fatima@example.org")
    client = admin_client(staff["without"])
    client.post(
        f"/admin/submitted_questions/edit/{question.pk}/",
        {
            "email": "someone-else@example.org",
            "question": question.question,
            "status": Status.IN_PROGRESS,
            "kind": "",
        },
    )
    question.refresh_from_db()
    assert question.status == Status.IN_PROGRESS
    assert question.email == "fatima@example.org"


def test_inbox_filters_by_status(staff):
    new = SubmittedQuestionFactory(status=Status.NEW)
    closed = SubmittedQuestionFactory(status=Status.CLOSED)
    html = admin_client(staff["with"]).get("/admin/submitted_questions/?status=closed")
    assert closed.reference in html.content.decode()
    assert new.reference not in html.content.decode()


def test_an_answered_question_needs_its_kind(staff):
    question = SubmittedQuestionFactory()
    response = admin_client(staff["with"]).post(
        f"/admin/submitted_questions/edit/{question.pk}/",
        {"question": question.question, "status": Status.ANSWERED, "kind": ""},
    )
    assert response.status_code == 200
    assert "Kies eerst het soort vraag" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Status.NEW


# Staff: answering


def test_sending_the_answer_emails_the_requester_and_records_when(
    staff, django_capture_on_commit_callbacks
):
    question = SubmittedQuestionFactory(
        email="fatima@example.org",
        kind=QuestionKind.STRAIGHTFORWARD,
        answer="Kijk in de Interventiewijzer participatie vluchtelingen.",
        language="en",
    )
    client = admin_client(staff["without"])  # sending needs no sight of the address
    url = f"/admin/submitted_questions/answer/{question.pk}/"
    assert client.get(url).status_code == 200
    assert "fatima@example.org" not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer_sent_at is not None
    assert question.answered_at is not None
    assert question.status == Status.ANSWERED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert "Interventiewijzer participatie vluchtelingen" in message.body
    assert "The answer to your question" in message.subject  # the question's language

    # a second click sends nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mail.outbox) == 1


def test_an_answer_is_not_sent_without_text_or_kind(staff):
    client = admin_client(staff["with"])
    no_text = SubmittedQuestionFactory(kind=QuestionKind.RESEARCH, answer="")
    no_kind = SubmittedQuestionFactory(kind="", answer="Het antwoord.")
    for question in (no_text, no_kind):
        client.post(f"/admin/submitted_questions/answer/{question.pk}/")
        question.refresh_from_db()
        assert question.answer_sent_at is None
    assert OutgoingEmail.objects.count() == 0


def test_sending_the_answer_needs_the_change_permission(db):
    viewer = get_user_model().objects.create_user("viewer", "v@example.org", "pw")
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    question = SubmittedQuestionFactory(kind=QuestionKind.RESEARCH, answer="Het antwoord.")
    response = admin_client(viewer).post(f"/admin/submitted_questions/answer/{question.pk}/")
    assert response.status_code in (302, 403)
    question.refresh_from_db()
    assert question.answer_sent_at is None


# Staff: publishing as a page


@pytest.mark.parametrize("may_publish_name", [False, True])
def test_publish_as_page_creates_a_draft_without_personal_data(site, editor, may_publish_name):
    question = SubmittedQuestionFactory(
        name="Fatima el Amrani",
        email="fatima@example.org",
        may_publish_name=may_publish_name,
        organisation="Gemeente Zwolle",
        role="Beleidsadviseur",
        kind=QuestionKind.RESEARCH,
        theme=site["theme"],
        answer="Eerste alinea.\n\nTweede alinea met <details>.",
        status=Status.ANSWERED,
    )
    response = admin_client(editor).post(f"/admin/submitted_questions/publish/{question.pk}/")

    page = QuestionPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().specific == site["index"]
    assert not page.live
    assert page.has_unpublished_changes
    assert page.question == question.question
    assert (page.requester_role, page.requester_organisation) == (
        "Beleidsadviseur",
        "Gemeente Zwolle",
    )
    assert (page.kind, page.theme) == (QuestionKind.RESEARCH, site["theme"])
    assert [block.block_type for block in page.answer] == ["paragraph"]
    answer = soup(str(page.answer[0].value))
    assert [p.get_text() for p in answer.find_all("p")] == [
        "Eerste alinea.",
        "Tweede alinea met <details>.",
    ]
    stored = str(page.get_latest_revision().content)
    assert "fatima@example.org" not in stored
    assert ("Fatima el Amrani" in stored) is may_publish_name
    question.refresh_from_db()
    assert question.published_page.pk == page.pk
    # the draft is not on the site until an editor publishes it
    assert "Beleidsadviseur" not in Client().get("/nl/vragen/").content.decode()


E_MAILED_ANSWER = """Beste mevrouw El Amrani,

Dank voor uw vraag. Gemeenten kunnen
statushouders op drie manieren begeleiden:
taal, werk en buurt.

Zie ook ons rapport.

Met vriendelijke groet,
Ikram Taouanza
Kennisplatform Integratie & Samenleving"""


def test_a_published_answer_with_line_breaks_can_be_edited(site, editor):
    """The page made from an e-mailed answer opens in the editor, without the e-mail's
    greeting and signature, and the editor is told what was left out."""
    question = SubmittedQuestionFactory(
        question="Hoe begeleiden gemeenten statushouders naar werk, taal en een plek in de buurt, "
        "en welke aanpak werkt het best voor jonge alleenstaande vluchtelingen die net in "
        "de gemeente wonen en nog geen netwerk hebben om op terug te vallen?",
        answer=E_MAILED_ANSWER,
        kind=QuestionKind.STRAIGHTFORWARD,
        status=Status.ANSWERED,
    )
    client = admin_client(editor)
    response = client.post(f"/admin/submitted_questions/publish/{question.pk}/", follow=True)

    page = QuestionPage.objects.get()
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/pages/{page.pk}/edit/"
    # the whole question, not cut mid-word, and a slug that follows it
    assert page.title == " ".join(question.question.split())
    assert page.slug.startswith("hoe-begeleiden-gemeenten-statushouders-naar-werk-taal")
    assert len(page.slug) <= 80 and not page.slug.endswith("-")
    assert page.slug.rsplit("-", 1)[-1] in page.title.lower()
    answer = soup(str(page.answer[0].value))
    assert [" ".join(p.get_text(" ").split()) for p in answer.find_all("p")] == [
        "Dank voor uw vraag. Gemeenten kunnen statushouders op drie manieren begeleiden: "
        "taal, werk en buurt.",
        "Zie ook ons rapport.",
    ]
    messages = [str(message) for message in response.context["messages"]]
    assert any("Beste mevrouw El Amrani" in m and "Met vriendelijke groet" in m for m in messages)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_a_very_long_question_gets_a_title_that_ends_at_a_word(site, editor):
    words = "waarom " * 60
    question = SubmittedQuestionFactory(question=words, answer="Daarom.", status=Status.ANSWERED)
    admin_client(editor).post(f"/admin/submitted_questions/publish/{question.pk}/")
    title = QuestionPage.objects.get().title
    assert len(title) <= 255 and title.endswith("waarom…")


def test_send_answer_and_publish_are_buttons_on_the_question(site, editor):
    question = SubmittedQuestionFactory(answer="Antwoord.", status=Status.ANSWERED)
    page = soup(admin_client(editor).get(f"/admin/submitted_questions/edit/{question.pk}/"))
    header = page.find("header")
    buttons = {" ".join(a.get_text().split()): a["href"] for a in header.select("a.button")}
    assert (
        buttons[gettext("Send answer by e-mail")]
        == f"/admin/submitted_questions/answer/{question.pk}/"
    )
    assert (
        buttons[gettext("Publish as page")] == f"/admin/submitted_questions/publish/{question.pk}/"
    )


def test_an_unanswered_question_is_not_published(site, editor):
    question = SubmittedQuestionFactory(answer="")
    admin_client(editor).post(f"/admin/submitted_questions/publish/{question.pk}/")
    assert QuestionPage.objects.count() == 0


# Retention


def test_anonymisation_erases_personal_data_of_old_closed_questions(settings, db):
    settings.QUESTION_RETENTION_DAYS = 30
    long_ago = timezone.now() - datetime.timedelta(days=31)
    old = SubmittedQuestionFactory(status=Status.CLOSED, may_publish_name=True)
    recent = SubmittedQuestionFactory(status=Status.CLOSED)
    still_open = SubmittedQuestionFactory(status=Status.IN_PROGRESS, created_at=long_ago)
    old.confirmation_email = OutgoingEmail.objects.create(
        to=old.email, subject="Ontvangen", text_body=f"Beste {old.name}", purpose="question"
    )
    old.save()
    SubmittedQuestion.objects.filter(pk=old.pk).update(closed_at=long_ago)
    email_id = old.confirmation_email_id

    call_command("anonymise_questions", verbosity=0)

    old.refresh_from_db()
    assert (old.name, old.email, old.may_publish_name) == ("", "", False)
    assert old.anonymised_at is not None
    assert old.question  # the question itself stays, for the figures and the knowledge
    assert not OutgoingEmail.objects.filter(pk=email_id).exists()
    for untouched in (recent, still_open):
        untouched.refresh_from_db()
        assert untouched.email and untouched.name and untouched.anonymised_at is None


def test_anonymisation_period_can_be_given_on_the_command_line(db):
    question = SubmittedQuestionFactory(status=Status.CLOSED)
    call_command("anonymise_questions", "--days", "1", verbosity=0)
    question.refresh_from_db()
    assert question.email  # closed today: not yet due
    call_command("anonymise_questions", "--days", "0", verbosity=0)
    question.refresh_from_db()
    assert question.email == ""


# Figures for the annual report


def test_answered_questions_per_kind_and_year(db):
    def answered(kind, year, count=1, **fields):
        moment = timezone.make_aware(datetime.datetime(year, 6, 1, 12))
        for _ in range(count):
            SubmittedQuestionFactory(kind=kind, answered_at=moment, **fields)

    answered(QuestionKind.STRAIGHTFORWARD, 2017, 3)
    answered(QuestionKind.RESEARCH, 2017, 2, status=Status.CLOSED)
    answered(QuestionKind.COMPLEX, 2017, 1)
    answered(QuestionKind.COMPLEX, 2018, 4)
    SubmittedQuestionFactory(kind=QuestionKind.COMPLEX)  # not answered

    assert answered_by_kind(2017) == {
        "straightforward": 3,
        "research": 2,
        "complex": 1,
        "total": 6,
    }
    assert answered_by_kind(2018)["total"] == 4
    assert answered_by_kind(2019) == {
        "straightforward": 0,
        "research": 0,
        "complex": 0,
        "total": 0,
    }


def test_demo_questions_link_to_the_themes_products_and_partners_that_exist(client, home):
    themes = ThemeIndexPageFactory(parent=home["nl"])
    ThemePageFactory(parent=themes, title="Nieuwe migratie", slug="nieuwe-migratie")
    library = PublicationIndexPageFactory(parent=home["nl"])
    eritrea = PublicationPageFactory(
        parent=library, title="Integratiekansen van Eritrese vluchtelingen in Nederland"
    )
    ministry = PartnerFactory(name="Ministerie van SZW", slug="ministerie-szw")
    dossier = DossierPageFactory(
        parent=DossierIndexPageFactory(parent=home["nl"]), title="Dossier vluchtelingen"
    )

    demo_questions.load(home["nl"])

    page = QuestionPage.objects.get(slug="handreiking-eritrese-statushouders")
    assert page.result_page.specific == eritrea
    assert page.theme.title == "Nieuwe migratie"
    assert list(page.partners.all()) == [ministry]
    related = DossierPage.objects.get(pk=dossier.pk).related_questions.all()
    assert page in related and len(related) == 6
    html = client.get(page.url).content.decode()
    assert "Naar het resultaat: Integratiekansen van Eritrese vluchtelingen" in html


def test_a_dossier_lists_its_questions_in_the_visitors_language(client, site):
    translated = QuestionPageFactory(parent=site["index"], title="Werk voor statushouders")
    publish_translation(translated, "en", title="Work for refugees", slug="work-for-refugees")
    dutch_only = QuestionPageFactory(parent=site["index"], title="Armoede is geen schande")
    dossier = DossierPageFactory(
        parent=DossierIndexPageFactory(parent=site["index"].get_parent()),
        title="Dossier vluchtelingen",
        slug="vluchtelingen",
        related_questions=[translated, dutch_only],
    )
    publish_translation(dossier.get_parent(), "en", slug="dossiers")
    english = publish_translation(dossier, "en", title="Refugees", slug="refugees")

    dutch = soup(client.get(dossier.url))
    assert [a.get_text() for a in dutch.select("#questions-heading + ul h3 a")] == [
        "Armoede is geen schande",
        "Werk voor statushouders",
    ]
    items = soup(client.get(english.url)).select("#questions-heading + ul > li")
    assert [item.find("h3").get_text() for item in items] == [
        "Armoede is geen schande",
        "Work for refugees",
    ]
    assert items[0]["lang"] == "nl" and not items[1].has_attr("lang")


def test_the_dashboard_counts_new_questions(editor):
    SubmittedQuestionFactory()
    SubmittedQuestionFactory(status=Status.IN_PROGRESS)
    response = admin_client(editor).get("/admin/")
    assert "1 nieuwe vraag" in response.content.decode()
