"""The editorial team: groups, moderation, scheduled publishing, revisions, previews, the
user bar, the translation workflow and the dashboard panel."""

import datetime
import json

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Workflow, WorkflowState, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from core.models import Navigation
from editorial import groups as editorial
from tests import factories
from tests.helpers import make_user, publish_translation, soup


@pytest.fixture
def team(home):
    """An editor and a moderator, with the groups completed for the English home page."""
    editorial.setup_editorial(apps)
    return {
        "editor": make_user("redacteur", editorial.EDITORS),
        "moderator": make_user("eindredacteur", editorial.MODERATORS),
    }


@pytest.fixture
def page(home):
    page = factories.StandardPageFactory(
        parent=home["nl"], title="Over ons", slug="over-ons", intro="Wie we zijn."
    )
    page.save_revision().publish()
    return page


def edit_form(page, **changes):
    data = {"title": page.title, "slug": page.slug, "intro": page.intro, **changes}
    return nested_form_data(
        {
            **data,
            "body": streamfield([("paragraph", rich_text("<p>Tekst</p>"))]),
            "comments": inline_formset([]),
        }
    )


def submit(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page, **changes), "action-submit": "submit"},
    )


def workflow_action(client, page, action, comment=""):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, state.current_task_state.pk],
        ),
        {"comment": comment},
    )


def test_migration_creates_the_four_groups_and_the_site_workflow(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Redacteuren", "Eindredactie", "Nieuwsbrief", "Vragen"} <= names
    # Wagtail's English default groups became ours
    assert not names & {"Editors", "Moderators"}
    workflow = Workflow.objects.get(name=editorial.WORKFLOW_NAME)
    assert workflow.workflow_pages.filter(page__depth=1).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Eindredactie"]


def test_editor_submits_and_the_moderator_approves(client, team, page):
    client.force_login(team["editor"])
    response = submit(client, page, title="Over het kennisplatform")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Over ons"  # the live page is unchanged until approval
    assert page.workflow_in_progress

    client.force_login(team["moderator"])
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    assert "Over het kennisplatform" in dashboard.find(id="editorial-queue-section").get_text()
    assert workflow_action(client, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.title == "Over het kennisplatform"
    assert page.live and not page.workflow_in_progress


def approve_in_editor(client, page, comment="", **changes):
    """The moderator's "Approve and publish" in the page editor (with the comment modal)."""
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            **edit_form(page, **changes),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        },
        follow=True,
    )


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def test_approval_says_published_and_emails_the_comment(client, team, page, mailoutbox):
    client.force_login(team["editor"])
    submit(client, page, title="Over het kennisplatform")
    client.force_login(team["moderator"])
    response = approve_in_editor(
        client, page, comment="Mooi, kort en helder.", title="Over het kennisplatform"
    )

    page.refresh_from_db()
    assert page.live and page.title == "Over het kennisplatform"
    assert any("gepubliceerd" in message for message in shown_messages(response))
    assert not any("bijgewerkt" in message for message in shown_messages(response))
    to_editor = [m for m in mailoutbox if m.to == [team["editor"].email]]
    assert to_editor and "Mooi, kort en helder." in to_editor[-1].body


def test_approving_a_new_page_with_a_comment_publishes_it(client, team, home, mailoutbox):
    """A page that was never live goes live when the moderator approves it in the editor."""
    page = factories.StandardPageFactory(
        parent=home["nl"], title="Nieuw", slug="nieuw", intro="Nog niet live.", live=False
    )
    client.force_login(team["editor"])
    assert submit(client, page, title="Nieuwe pagina").status_code == 302
    client.force_login(team["moderator"])
    response = approve_in_editor(client, page, comment="Akkoord.", title="Nieuwe pagina")

    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes, shown_messages(response)
    assert page.title == "Nieuwe pagina"
    assert client.get(page.url).status_code == 200
    assert any("gepubliceerd" in message for message in shown_messages(response))
    to_editor = [m for m in mailoutbox if m.to == [team["editor"].email]]
    assert to_editor and "Akkoord." in to_editor[-1].body


def test_approval_of_a_scheduled_page_says_scheduled(client, team, page):
    client.force_login(team["editor"])
    form = edit_form(page, title="Vanaf morgen")
    form["go_live_at"] = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, "action-submit": "1"})
    client.force_login(team["moderator"])
    page.refresh_from_db()
    response = approve_in_editor(client, page, title="Vanaf morgen", go_live_at=form["go_live_at"])

    assert page.title == "Over ons"
    assert any("ingepland" in message for message in shown_messages(response)), shown_messages(
        response
    )


def test_moderator_requests_changes_with_a_comment(client, team, page):
    client.force_login(team["editor"])
    submit(client, page, title="Eerste versie")
    client.force_login(team["moderator"])
    workflow_action(client, page, "reject", comment="Graag een kortere titel.")
    page.refresh_from_db()
    assert page.title == "Over ons"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Graag een kortere titel."
    # the editor sees it on the dashboard
    client.force_login(team["editor"])
    assert "Eerste versie" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_editor_cannot_publish_a_dutch_page(client, team, page):
    client.force_login(team["editor"])
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**edit_form(page, title="Zelf gepubliceerd"), "action-publish": "publish"},
    )
    page.refresh_from_db()
    assert page.title == "Over ons"
    assert not page.permissions_for_user(team["editor"]).can_publish()
    assert page.permissions_for_user(team["moderator"]).can_publish()


def test_approved_page_goes_live_at_its_scheduled_time(client, team, page):
    go_live = timezone.now() + datetime.timedelta(days=1)
    client.force_login(team["editor"])
    form = edit_form(page, title="Vanaf morgen")
    form["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    submit_response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**form, "action-submit": "1"}
    )
    assert submit_response.status_code == 302
    client.force_login(team["moderator"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.title == "Over ons"
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None

    # a day later
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.title == "Vanaf morgen"


def test_moderator_compares_revisions(client, team, page):
    first = page.latest_revision
    page.title = "Wie wij zijn"
    second = page.save_revision()
    client.force_login(team["moderator"])
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    )
    assert response.status_code == 200
    text = soup(response).find("main").get_text(" ")
    assert "Over ons" in text and "Wie wij zijn" in text


@pytest.fixture
def every_page(home):
    """A page of each type of the site, with a draft change waiting."""
    nl = home["nl"]
    themes = factories.ThemeIndexPageFactory(parent=nl)
    theme = factories.ThemePageFactory(parent=themes)
    dossiers = factories.DossierIndexPageFactory(parent=nl)
    library = factories.PublicationIndexPageFactory(parent=nl)
    questions = factories.QuestionIndexPageFactory(parent=nl)
    newsletter = factories.NewsletterPageFactory(parent=nl)
    agenda = factories.EventIndexPageFactory(parent=nl)
    return [
        nl,
        factories.StandardPageFactory(parent=nl),
        factories.PartnerIndexPageFactory(parent=nl),
        themes,
        theme,
        factories.ProjectPageFactory(parent=theme),
        dossiers,
        factories.DossierPageFactory(parent=dossiers),
        library,
        factories.PublicationPageFactory(parent=library),
        questions,
        factories.QuestionPageFactory(parent=questions),
        newsletter,
        factories.NewsletterEditionPageFactory(parent=newsletter),
        factories.AnnualReportPageFactory(parent=nl),
        agenda,
        factories.EventPageFactory(parent=agenda),
    ]


def test_every_page_type_can_be_previewed(client, team, every_page):
    ours = {model for model in get_page_models() if model._meta.app_label != "wagtailcore"}
    assert ours == {type(page) for page in every_page}, "add the new page type here"
    client.force_login(team["editor"])
    for page in every_page:
        page.title = f"Concept: {page.title}"
        page.save_revision()
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200, type(page)
        assert soup(response).find("h1").get_text() == page.title


def test_user_bar_for_editors_only(client, team, page):
    assert "wagtail-userbar" not in client.get(page.url).content.decode()
    client.force_login(team["editor"])
    html = client.get(page.url).content.decode()
    assert "wagtail-userbar" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_admin_speaks_dutch_to_editors(client, team):
    client.force_login(team["editor"])
    html = soup(client.get(reverse("wagtailadmin_home")))
    assert html.html["lang"] == "nl"
    panel = html.find(id="editorial-queue-section")
    assert "Wacht op de redactie" in panel.get_text()
    assert "0 vertalingen wachten" in " ".join(panel.get_text().split())


def translate_strings(translation, suffix=" (EN)"):
    """Fill in every string of the translation, as a translator does in localize's editor."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": segment.string.data + suffix},
        )


def publish_in_localize_editor(client, page, capture_on_commit):
    with capture_on_commit(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()


def test_translation_workflow(client, team, page, locales, django_capture_on_commit_callbacks):
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["en"].pk]},
    )
    assert response.status_code == 302
    english = page.get_translation(locales["en"])
    # a new translation is a draft: no half-translated page goes live
    assert not english.live
    switcher = soup(client.get(page.url)).find("nav", class_="language-switcher")
    assert switcher is None

    translation = Translation.objects.get(target_locale=locales["en"])
    panel = soup(client.get(reverse("wagtailadmin_home"))).find(id="editorial-queue-section")
    assert "not published yet" in panel.get_text() or "nog niet gepubliceerd" in panel.get_text()

    translate_strings(translation)
    # the final editors publish it from localize's editor (the page's edit view)
    client.force_login(team["moderator"])
    publish_in_localize_editor(client, english, django_capture_on_commit_callbacks)
    assert english.live and english.title == "Over ons (EN)"
    switcher = soup(client.get(page.url)).find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="en")["href"] == english.url

    # the Dutch page changes: the dashboard asks for a sync, the sync brings the new text
    page.intro = "Wie we zijn en wat we doen."
    page.save_revision().publish()
    panel = soup(client.get(reverse("wagtailadmin_home"))).find(id="editorial-queue-section")
    assert "Over ons (EN)" in panel.get_text()
    source = TranslationSource.objects.get()
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": ""},
    )
    assert response.status_code == 302
    translate_strings(translation)
    publish_in_localize_editor(client, english, django_capture_on_commit_callbacks)
    assert english.specific.intro == "Wie we zijn en wat we doen. (EN)"
    panel = soup(client.get(reverse("wagtailadmin_home"))).find(id="editorial-queue-section")
    assert "Over ons (EN)" not in panel.get_text()


def test_english_navigation_leaves_out_untranslated_pages(client, home, page, locales):
    translated = factories.StandardPageFactory(parent=home["nl"], title="Contact", slug="contact")
    publish_translation(translated, "en", title="Contact us", slug="contact-us")
    for code in ("nl", "en"):
        Navigation.objects.create(
            locale=locales[code],
            header_links=[
                ("link", {"page": page, "url": "", "label": ""}),
                ("link", {"page": translated, "url": "", "label": ""}),
            ],
        )
    dutch = soup(client.get("/nl/")).find("nav", class_="site-nav")
    assert [a["href"] for a in dutch.find_all("a")] == ["/nl/over-ons/", "/nl/contact/"]
    english = soup(client.get("/en/")).find("nav", class_="site-nav")
    assert [a["href"] for a in english.find_all("a")] == ["/en/contact-us/"]


def test_untranslated_parent_copies_are_not_offered_in_the_language_switcher(team, home, locales):
    themes = factories.ThemeIndexPageFactory(parent=home["nl"])
    theme = factories.ThemePageFactory(parent=themes, title="Participatie", slug="participatie")
    # translating the theme first makes an alias of the theme index in English (Dutch text)
    english_theme = theme.copy_for_translation(locales["en"], copy_parents=True)
    english_theme.save_revision().publish()
    english_index = themes.get_translation(locales["en"])
    assert english_index.alias_of_id == themes.pk
    html = soup(Client().get(themes.url))
    assert html.find("nav", class_="language-switcher") is None
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert f"<loc>{english_theme.full_url}</loc>" in sitemap
    assert f"<loc>{english_index.full_url}</loc>" not in sitemap
    assert Locale.objects.count() == 2


def test_snippets_go_through_moderation(client, team):
    client.force_login(team["editor"])
    add_url = reverse("wagtailsnippets_themes_testimonial:add")
    response = client.post(
        add_url,
        {
            "quote": "Samen bereiken we meer.",
            "person": "Sabine de Bruijn",
            "story": "",
            "role": "",
            "organisation": "",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    testimonial = apps.get_model("themes", "Testimonial").objects.get()
    assert not testimonial.live
    assert testimonial.workflow_in_progress
    assert not team["editor"].has_perm("themes.publish_testimonial")
    assert team["moderator"].has_perm("themes.publish_testimonial")


def test_setup_is_additive_and_reaches_new_sections(team, home):
    editors = Group.objects.get(name=editorial.EDITORS)
    before = editors.page_permissions.count()
    questions = factories.QuestionIndexPageFactory(parent=home["nl"])
    newsletter = factories.NewsletterPageFactory(parent=home["nl"])
    call_command("setup_editorial", verbosity=0)
    call_command("setup_editorial", verbosity=0)
    assert editors.page_permissions.count() == before

    inbox = make_user("vragenteam", editorial.QUESTIONS)
    assert inbox.has_perm("questions.change_submittedquestion")
    assert not inbox.has_perm("newsletter.view_subscriber")
    assert questions.permissions_for_user(inbox).can_edit()
    assert not newsletter.permissions_for_user(inbox).can_edit()
    assert not home["nl"].permissions_for_user(inbox).can_edit()

    subscriptions = make_user("nieuwsbriefteam", editorial.NEWSLETTER)
    assert subscriptions.has_perm("newsletter.view_subscriber")
    assert newsletter.permissions_for_user(subscriptions).can_edit()
    assert not questions.permissions_for_user(subscriptions).can_edit()


def test_dashboard_counts_new_questions(client, team):
    factories.SubmittedQuestionFactory.create_batch(2)
    client.force_login(team["moderator"])
    panel = soup(client.get(reverse("wagtailadmin_home"))).find(id="editorial-queue-section")
    assert "2 nieuwe vragen" in " ".join(panel.get_text().split())
    assert panel.find("a", href=reverse("submitted_questions:index"))


def test_a_page_in_moderation_is_shown_once_on_the_dashboard(client, team, page):
    """Not in the editorial queue and again in Wagtail's "Awaiting your review" or "Your
    pages and snippets in a workflow" (the editor's recent edits list it as an edit)."""
    client.force_login(team["editor"])
    submit(client, page, title="Over het kennisplatform")
    for user in (team["editor"], team["moderator"]):
        client.force_login(user)
        html = soup(client.get(reverse("wagtailadmin_home")))
        panels = [
            panel
            for panel in html.select("main .w-panel--dashboard")
            if panel.get("id") != "recent-edits-section"
        ]
        assert sum(panel.get_text().count("Over het kennisplatform") for panel in panels) == 1


def test_dashboard_counts_snippet_translations_that_wait(client, team, locales):
    testimonial = factories.TestimonialFactory(quote="Samen bereiken we meer.", person="Sabine")
    testimonial.save_revision().publish()
    client.force_login(team["editor"])
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["themes", "testimonial", testimonial.pk],
        ),
        {"locales": [locales["en"].pk]},
    )
    english = testimonial.get_translation(locales["en"])
    assert not english.live

    client.force_login(team["moderator"])
    panel = soup(client.get(reverse("wagtailadmin_home"))).find(id="editorial-queue-section")
    text = " ".join(panel.get_text().split())
    assert "1 vertaling wacht" in text
    assert panel.find(
        "a", href=reverse("wagtailsnippets_themes_testimonial:edit", args=[english.pk])
    )
