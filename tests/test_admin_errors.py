"""Admin screens that used to answer 500 in a normal day of editing, each on its own."""

import threading
import time

from django.conf import settings
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.urls import reverse

import pytest

from tests import factories
from tests.admin_crawl import form_data
from tests.helpers import make_superuser


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_superuser("chef"))
    return client


@pytest.mark.parametrize(
    ("factory", "parent_factory"),
    [
        (factories.StandardPageFactory, None),
        (factories.ThemeIndexPageFactory, None),
        (factories.DossierPageFactory, factories.DossierIndexPageFactory),
        (factories.ThemePageFactory, factories.ThemeIndexPageFactory),
    ],
)
def test_a_new_page_can_be_previewed_before_its_first_save(
    admin_client, home, factory, parent_factory
):
    """(A share image and a feed of its own come with the first save.)"""
    parent = parent_factory(parent=home["nl"]) if parent_factory else home["nl"]
    model = factory._meta.model
    args = [model._meta.app_label, model._meta.model_name, parent.pk]
    add_form = admin_client.get(reverse("wagtailadmin_pages:add", args=args))
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    data = form_data(add_form.content.decode(), title="Nog niet bewaard", slug="nog-niet")

    assert admin_client.post(preview_url, data).json()["is_valid"]
    preview = admin_client.get(preview_url)

    assert preview.status_code == 200
    assert "Nog niet bewaard" in preview.content.decode()


def search(client, url, **params):
    response = client.get(url, {"q": "Bruijn", **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_people_are_found_in_the_list_and_in_the_chooser(admin_client, locales, language):
    factories.PersonFactory(name="Sabine de Bruijn", locale=locales[language])
    factories.PersonFactory(name="Hans Boutellier", locale=locales[language])
    for url in (
        reverse("wagtailsnippets_core_person:list"),
        reverse("wagtailsnippetchoosers_core_person:choose_results"),
    ):
        found = search(admin_client, url, locale=language)
        assert "Sabine de Bruijn" in found and "Boutellier" not in found


def test_partners_and_media_mentions_are_found_on_every_database(admin_client, locales):
    factories.PartnerFactory(name="Gemeente de Bruijnsdorp", locale=locales["nl"])
    factories.PartnerFactory(name="Verwey-Jonker Instituut", locale=locales["nl"])
    factories.MediaMentionFactory(title="Interview met De Bruijn", outlet="NRC")
    partners = search(admin_client, reverse("wagtailsnippets_core_partner:list"))
    assert "Bruijnsdorp" in partners and "Verwey" not in partners
    mentions = search(admin_client, reverse("wagtailsnippets_stats_mediamention:list"))
    assert "Interview met De Bruijn" in mentions


def sqlite_connection(path):
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), **settings.SQLITE}}
    )
    return handler["default"]


def test_sqlite_writers_wait_for_each_other_instead_of_failing(tmp_path, django_db_blocker):
    """Preview and autosave of the same page write at once: the second waits its turn."""
    with django_db_blocker.unblock():
        rows, errors = write_at_once(tmp_path / "site.sqlite3")
    assert errors == []
    assert sorted(rows) == ["autosave", "preview"]


def write_at_once(path):
    """Two connections to the SQLite file ``path`` (configured as the site's settings
    configure SQLite) start a transaction and write; the texts stored, and the errors."""
    setup = sqlite_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, text TEXT)")
    setup.close()
    errors = []

    def autosave():
        connection = sqlite_connection(path)
        try:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO revision (text) VALUES ('autosave')")
        except OperationalError as error:
            errors.append(error)
        finally:
            connection.close()

    preview = sqlite_connection(path)
    preview.ensure_connection()
    preview._start_transaction_under_autocommit()  # what atomic() does on SQLite
    with preview.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM revision")
        other = threading.Thread(target=autosave)
        other.start()
        time.sleep(0.3)
        try:
            cursor.execute("INSERT INTO revision (text) VALUES ('preview')")
            cursor.execute("COMMIT")
        except OperationalError as error:
            errors.append(error)
            cursor.execute("ROLLBACK")
    other.join()
    with preview.cursor() as cursor:
        cursor.execute("SELECT text FROM revision ORDER BY id")
        rows = [row[0] for row in cursor.fetchall()]
    preview.close()
    return rows, errors
