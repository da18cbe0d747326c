from django.conf import settings
from django.db import connection
from django.utils import translation

from wagtail.models import Locale, Page, Site

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.factories import (
    DossierIndexPageFactory,
    DossierPageFactory,
    HomePageFactory,
    PartnerIndexPageFactory,
    ProjectPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import BUCKET, forget_everything_kept, make_superuser, publish_translation


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    return f"database engine: {engine}"


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"database engine used: {connection.vendor}")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """With pytest-xdist (scripts/test.sh), each test file runs whole on one worker, and the
    demo-content package as one unit, so module- and package-scoped fixtures (the demo content,
    the site of every output) are built once (docs/development.md)."""
    for item in items:
        package = item.path.parent
        group = package.name if package.name == "demo_site" else item.path.stem
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (rate-limit counters, cached pages, kept parts)."""
    forget_everything_kept()
    yield
    forget_everything_kept()


@pytest.fixture
def editor(db):
    """An editor with every permission (a superuser), not logged in."""
    return make_superuser()


@pytest.fixture
def editor_client(client, editor):
    """The test ``client``, logged in as ``editor``."""
    client.force_login(editor)
    return client


@pytest.fixture
def locales(db):
    # (get_or_create: a transactional test before this one flushed the migrations' data)
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@pytest.fixture
def home(locales):
    """A Dutch home page as the default site's root, and its published English translation."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["nl"])
    )
    Page.objects.filter(depth=2).delete()
    home_nl = HomePageFactory(parent=root, locale=locales["nl"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "testserver", 80, home_nl
    site.save()
    home_en = publish_translation(
        home_nl,
        "en",
        title="Knowledge Platform Integration & Society",
        intro="<p>Knowledge on integration, migration and diversity.</p>",
    )
    return {"nl": home_nl, "en": home_en}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded and generated files (documents, images) go to a temporary folder."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to /en/ activates English in the
    test's thread, and nothing else would switch it back for the next test."""
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(home):
    """The sections partners link to, each page published in Dutch and in English.

    A theme index with two themes, a project in the first; the library with a publication;
    the dossiers with one dossier; the partner index. Returns {name: {"nl": page, "en": page}}.
    """
    nl = home["nl"]
    tree = {"home": home}

    def add(name, factory, parent, en_fields, **fields):
        page = factory(parent=parent["nl"] if isinstance(parent, dict) else parent, **fields)
        tree[name] = {"nl": page, "en": publish_translation(page, "en", **en_fields)}
        return tree[name]

    themes = add("themes", ThemeIndexPageFactory, nl, {"title": "Themes", "slug": "themes"})
    add(
        "theme",
        ThemePageFactory,
        themes,
        {"title": "Participation", "slug": "participation"},
        title="Participatie",
        slug="participatie",
    )
    add(
        "other_theme",
        ThemePageFactory,
        themes,
        {"title": "Inclusion", "slug": "inclusion"},
        title="Inclusie",
        slug="inclusie",
    )
    add(
        "project",
        ProjectPageFactory,
        tree["theme"],
        {"title": "This is me! (en)", "slug": "this-is-me-en", "summary": "A project."},
        title="This is me!",
        slug="this-is-me",
    )
    library = add(
        "library", PublicationIndexPageFactory, nl, {"title": "Library", "slug": "library"}
    )
    add(
        "publication",
        PublicationPageFactory,
        library,
        {"title": "Angry citizens", "slug": "angry-citizens", "summary": "A report."},
        title="Boze burgers",
        slug="boze-burgers",
    )
    dossiers = add("dossiers", DossierIndexPageFactory, nl, {"title": "Dossiers"})
    add(
        "dossier",
        DossierPageFactory,
        dossiers,
        {"title": "Refugees", "slug": "refugees", "intro": "All about refugees."},
        title="Vluchtelingen",
        slug="vluchtelingen",
    )
    add("partners", PartnerIndexPageFactory, nl, {"title": "Partners"})
    return tree


@pytest.fixture
def s3(settings, monkeypatch, tmp_path):
    """A local S3-compatible server (moto's server mode) as the default storage, set up as
    production sets it up (site_cms/settings/base.py)."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.storage.MediaStorage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield client, endpoint
    server.stop()
