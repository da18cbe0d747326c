"""Nothing goes live without the final editors: every path an editor could take to make a
page live, or change it while live, through the admin views (editorial/moderation.py)."""

import datetime

from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

import pytest

from editorial import groups as editorial
from tests import factories, test_editorial
from tests.test_editorial import edit_form, translate_strings

# the editorial tests' fixtures: an editor and a moderator, a live Dutch page
team = test_editorial.team
page = test_editorial.page

REFUSAL = "pas live na goedkeuring door de eindredactie"  # the admin speaks Dutch


def refused(response):
    """A 403 that says why, on its page and in the message left for the next page."""
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    return (
        response.status_code == 403
        and REFUSAL in response.content.decode()
        and any(REFUSAL in text for text in texts)
    )


def can_publish(user, page):
    """Asked afresh (a user object caches its permissions)."""
    return page.permissions_for_user(type(user).objects.get(pk=user.pk)).can_publish()


def live_state(page):
    page.refresh_from_db()
    return page.live, page.has_unpublished_changes


def test_editors_may_publish_in_no_locale(team, home):
    for language_code in ("nl", "en"):
        assert not can_publish(team["editor"], home[language_code])
    assert can_publish(team["moderator"], home["en"])


def test_setting_lets_translators_publish_translations_only(settings, team, home):
    settings.TRANSLATORS_MAY_PUBLISH = True
    editorial.setup_editorial(apps)
    assert can_publish(team["editor"], home["en"])
    assert not can_publish(team["editor"], home["nl"])
    # switched off again, the next setup (a migration, a deploy) takes it away
    settings.TRANSLATORS_MAY_PUBLISH = False
    editorial.setup_editorial(apps)
    assert not can_publish(team["editor"], home["en"])


def test_migration_takes_publishing_away_from_existing_editors(settings, team, home):
    settings.TRANSLATORS_MAY_PUBLISH = True
    editorial.setup_editorial(apps)
    settings.TRANSLATORS_MAY_PUBLISH = False
    migration = __import__("editorial.migrations.0004_moderate_every_locale", fromlist=["forwards"])
    migration.forwards(apps, None)
    assert not can_publish(team["editor"], home["en"])


@pytest.fixture
def english_original(home):
    """A live page written in English first, with a draft Dutch translation from localize."""
    original = factories.StandardPageFactory(
        parent=home["en"], title="About", slug="about", intro="Who we are."
    )
    original.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(original)
    translation = Translation.objects.create(source=source, target_locale=home["nl"].locale)
    translate_strings(translation, suffix=" (NL)")
    translation.save_target(publish=False)
    return original, original.get_translation(home["nl"].locale)


def test_editor_cannot_make_a_translation_live_by_converting_it_to_an_alias(
    client, team, english_original
):
    _original, dutch = english_original
    assert not dutch.live
    client.force_login(team["editor"])
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[dutch.pk]))
    assert refused(response)
    dutch.refresh_from_db()
    assert not dutch.live and dutch.alias_of_id is None


def test_moderator_may_convert_a_translation_to_an_alias(client, team, english_original):
    original, dutch = english_original
    client.force_login(team["moderator"])
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[dutch.pk]))
    assert response.status_code == 302
    dutch.refresh_from_db()
    assert dutch.live and dutch.alias_of_id == original.pk


@pytest.fixture
def english_translation(home, page):
    """``page`` (Dutch, live) translated to English with localize, not published."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=home["en"].locale)
    translate_strings(translation)
    translation.save_target(publish=False)
    return source, page.get_translation(home["en"].locale)


def test_editor_cannot_publish_translations_by_updating_them(client, team, english_translation):
    source, english = english_translation
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert refused(response)
    assert live_state(english)[0] is False
    # updating without publishing stays allowed
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert live_state(english)[0] is False


def test_editor_cannot_publish_from_the_translation_editor(client, team, english_translation):
    _source, english = english_translation
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
    )
    # Wagtail's refusal: back to the dashboard with "you do not have permission"
    assert response.status_code == 302
    assert list(get_messages(response.wsgi_request))
    assert live_state(english)[0] is False


def test_editor_cannot_publish_schedule_or_revert_a_live_page(client, team, page):
    client.force_login(team["editor"])
    old_revision = page.get_latest_revision()
    page.title = "Nieuwe titel"
    page.save_revision(user=team["editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    go_live = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    # publish with a date: scheduled publishing
    client.post(edit_url, {**edit_form(page, go_live_at=go_live), "action-publish": "publish"})
    # revert to an earlier revision and publish it
    revert = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old_revision.pk])
    )
    assert revert.status_code == 200
    assert b'name="action-publish"' not in revert.content
    client.post(
        edit_url,
        {**edit_form(page, title="Teruggezet"), "revision": old_revision.pk, "action-publish": "1"},
    )
    page.refresh_from_db()
    assert page.title == "Over ons"
    assert page.live_revision == old_revision
    assert page.scheduled_revision is None


def test_editor_cannot_copy_a_live_page_as_live(client, team, page, home):
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": home["nl"].pk,
            "publish_copies": "on",
        },
    )
    # the copy is made as a draft: "publish copies" is only offered to those who may publish
    assert response.status_code == 302
    assert not Page.objects.get(slug="kopie").live


def test_editor_cannot_move_a_live_page(client, team, page, home):
    destination = factories.StandardPageFactory(parent=home["nl"], title="Elders", slug="elders")
    destination.save_revision().publish()
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.get_parent().pk == home["nl"].pk


def test_translator_cannot_move_the_dutch_translation_along(settings, client, team, home):
    """With TRANSLATORS_MAY_PUBLISH a translator moves live English pages, but a move carries
    the page's Dutch translation along, which needs the final editors."""
    settings.TRANSLATORS_MAY_PUBLISH = True
    editorial.setup_editorial(apps)
    dutch = factories.StandardPageFactory(parent=home["nl"], title="Werk", slug="werk")
    dutch.save_revision().publish()
    english = dutch.copy_for_translation(home["en"].locale)
    english.save_revision().publish()
    target_nl = factories.StandardPageFactory(parent=home["nl"], title="Doel", slug="doel")
    target_nl.save_revision().publish()
    target_en = target_nl.copy_for_translation(home["en"].locale)
    target_en.save_revision().publish()

    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[english.pk, target_en.pk])
    )
    assert refused(response)
    english.refresh_from_db()
    dutch.refresh_from_db()
    assert english.get_parent().pk == home["en"].pk
    assert dutch.get_parent().pk == home["nl"].pk


def test_editor_cannot_bulk_publish(client, team, home):
    draft = factories.StandardPageFactory(parent=home["nl"], title="Concept", slug="concept")
    draft.save_revision()
    draft.live = False
    draft.save()
    client.force_login(team["editor"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={draft.pk}", {"include_descendants": "on"})
    assert live_state(draft)[0] is False


def test_translator_cannot_bulk_publish_a_page_whose_alias_is_dutch(settings, client, team, home):
    settings.TRANSLATORS_MAY_PUBLISH = True
    editorial.setup_editorial(apps)
    english = factories.StandardPageFactory(parent=home["en"], title="Draft", slug="draft")
    english.live = False
    english.save()
    english.save_revision()
    alias = english.copy_for_translation(home["nl"].locale, alias=True)
    client.force_login(team["editor"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={english.pk}", {})
    assert refused(response)
    assert live_state(english)[0] is False
    assert live_state(alias)[0] is False


def test_editor_cannot_publish_snippet_translations_by_updating_them(client, team, home):
    testimonial = factories.TestimonialFactory(locale=home["nl"].locale)
    source, _created = TranslationSource.get_or_create_from_instance(testimonial)
    translation = Translation.objects.create(source=source, target_locale=home["en"].locale)
    translate_strings(translation)
    translation.save_target(publish=False)
    english = testimonial.get_translation(home["en"].locale)
    assert not english.live
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert refused(response)
    english.refresh_from_db()
    assert not english.live
