"""Sending something for translation never changes or unpublishes what is live in the target
language: the translation waits in a draft until the editor publishes it."""

from django.test import Client
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

import pytest

from tests import factories
from tests.helpers import make_superuser


@pytest.fixture
def editor(db):
    user = make_superuser("vertaler")
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def english_testimonial(locales):
    """A live Dutch testimonial and its live English translation, made with localize."""
    dutch = factories.TestimonialFactory(quote="Samen bereiken we meer.", person="Sabine")
    dutch.save_revision().publish()
    TranslationCreator(None, [locales["en"]]).create_translations(dutch)
    english = dutch.get_translation(locales["en"])
    english.quote = "Together we achieve more."
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.live
    return dutch, english


def page_with_testimonial(parent, testimonial, **fields):
    page = factories.StandardPageFactory(
        parent=parent, body=[("testimonial", {"testimonial": testimonial})], **fields
    )
    page.save_revision().publish()
    return page


def test_submitting_a_page_leaves_its_live_english_testimonial_alone(
    client, editor, home, locales, english_testimonial
):
    dutch, english = english_testimonial
    english_page = page_with_testimonial(home["en"], english, title="Stories", slug="stories")
    assert "Together we achieve more." in client.get(english_page.url).content.decode()
    new_page = page_with_testimonial(home["nl"], dutch, title="Verhalen", slug="verhalen")

    response = editor[1].post(
        reverse("wagtail_localize:submit_page_translation", args=[new_page.pk]),
        {"locales": [locales["en"].pk]},
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live and english.quote == "Together we achieve more."
    assert "Together we achieve more." in client.get(english_page.url).content.decode()


def test_submitting_a_snippet_leaves_its_live_translation_alone(editor, english_testimonial):
    dutch, english = english_testimonial
    dutch.quote = "Samen bereiken we nog meer."
    dutch.save_revision().publish()

    TranslationSource.update_or_create_from_instance(dutch)
    TranslationCreator(editor[0], [english.locale]).create_translations(dutch)

    english.refresh_from_db()
    assert english.live and english.quote == "Together we achieve more."
    # the update waits in a draft for the editor to publish
    assert english.has_unpublished_changes
    assert english.latest_revision.as_object().quote == "Samen bereiken we nog meer."


def test_translating_a_page_again_leaves_the_live_english_page_alone(
    client, editor, home, locales, english_testimonial
):
    dutch_testimonial, _english_testimonial = english_testimonial
    dutch = page_with_testimonial(home["nl"], dutch_testimonial, title="Verhalen", slug="verhalen")
    TranslationCreator(None, [locales["en"]]).create_translations(dutch)
    english = dutch.get_translation(locales["en"]).specific
    english.title = "Stories"
    english.save_revision().publish()
    assert "Together we achieve more." in client.get(english.url).content.decode()
    dutch.body = [
        ("testimonial", {"testimonial": dutch_testimonial}),
        ("paragraph", "<p>Nieuwe alinea.</p>"),
    ]
    dutch.save_revision().publish()

    TranslationSource.update_or_create_from_instance(dutch)
    TranslationCreator(editor[0], [locales["en"]]).create_translations(dutch)

    english.refresh_from_db()
    assert english.live and english.title == "Stories"
    assert [block.block_type for block in english.body] == ["testimonial"]
    assert "Together we achieve more." in client.get(english.url).content.decode()
    # the translation's draft has the source's blocks, for the editor to translate and publish
    draft = english.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["testimonial", "paragraph"]
    assert Translation.objects.filter(target_locale=locales["en"]).exists()


def test_machine_translation_is_off_unless_configured(editor, home, locales, settings):
    page = factories.StandardPageFactory(parent=home["nl"], title="Over ons", slug="over-ons")
    TranslationCreator(editor[0], [locales["en"]]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])

    assert editor[1].post(url).status_code == 404

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    english = page.get_translation(locales["en"])
    editor[1].post(url, {"next": reverse("wagtailadmin_pages:edit", args=[english.pk])})
    title = StringTranslation.objects.get(translation_of__data="Over ons", locale=locales["en"])
    assert title.data == "ons Over"  # the dummy translator reverses the words
