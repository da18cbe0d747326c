"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Chromium comes from `make browsers` (scripts/install-chromium.sh), never from Playwright's own
download. Without it the browser tests are skipped with a loud message, unless
REQUIRE_BROWSER_TESTS=1 (CI, .ci/run): then the run fails.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Collection, Locale, Page, Site

import pytest
import wagtail_factories
from playwright.sync_api import sync_playwright

from core.models import Navigation
from editorial import groups as editorial
from tests import factories
from tests.browser.screenshots import screenshot
from tests.browser.watch import Watcher
from tests.helpers import PASSWORD, make_user, publish_translation

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
MISSING = (
    "BROWSER TESTS SKIPPED: Chromium is not installed. Run `make browsers` "
    "(apt-get install chromium) to run them."
)
missing_key = pytest.StashKey[str]()
failed_key = pytest.StashKey[bool]()


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if item.get_closest_marker("browser")]
    if not browser_tests or CHROMIUM:
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        raise pytest.UsageError(f"{MISSING} REQUIRE_BROWSER_TESTS=1, so this run fails.")
    config.stash[missing_key] = MISSING
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=MISSING))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if missing_key in config.stash:
        terminalreporter.write_sep("!", config.stash[missing_key], red=True, bold=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[failed_key] = True
    return report


@pytest.fixture
def browser(monkeypatch):
    """Chromium, for one test. Playwright's sync API keeps an event loop running in this
    thread while it lives; the test's own ORM calls are synchronous all the same, so
    Django's guard against async contexts steps aside until the test ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def migrated_data(transactional_db):
    """What the migrations put in the database (root page and collection, the Dutch locale,
    the editorial groups): a transactional test before this one may have flushed it."""
    ContentType.objects.clear_cache()  # the flush made them anew, with other ids
    locale, _created = Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    editorial.ensure_permissions_exist(apps)
    # made by a migration of wagtail-localize, not by post_migrate
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    editorial.setup_editorial(apps)


@pytest.fixture
def new_page(request, browser, live_server):
    """Open a fresh browser window (own cookies) on the live server: new_page(width=1280).

    Every window is watched (tests/browser/watch.py, ``page.watcher``): a console error, an
    uncaught JavaScript error, a CSP violation or a 5xx answer fails the test. When the test
    fails, each window's last screen is saved in test-artifacts/failures/.
    """
    pages = []

    def open_page(width=1280, height=900):
        # a Dutch user: the admin follows the browser's language (Accept-Language)
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": height},
            locale="nl-NL",
        )
        context.set_default_timeout(15_000)
        watcher = Watcher(context)
        page = context.new_page()
        page.watcher = watcher
        pages.append(page)
        return page

    yield open_page
    problems = []
    for number, page in enumerate(pages):
        if request.node.stash.get(failed_key, False):
            folder = ARTIFACTS / "failures"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=folder / f"{request.node.name}-{number}.png", full_page=True)
        page.context.close()
        problems += page.watcher.problems
    if problems:
        pytest.fail("The browser saw:\n" + "\n".join(problems))


def choose_many(page, field, button, *titles):
    """Add ``titles`` to the page editor's multiple chooser ``field`` (core/choosers.py):
    ``button`` opens its modal, each title is ticked, the selection confirmed."""
    page.locator(f"#id_{field}-chooser").get_by_role("button", name=button).click()
    modal = page.locator(".modal-dialog")
    for title in titles:
        modal.locator("label", has_text=title).click()
    modal.get_by_role("button", name="Selectie bevestigen").click()
    for title in titles:
        page.locator(f"#id_{field}-chooser .multiple-chooser__title", has_text=title).wait_for()


def choose_action(page, label, shot=None):
    """Click the page editor's footer action ``label`` as an editor does, opening "Meer acties"
    when it is not the main button; ``shot`` names a screenshot of the open footer menu.

    First it waits until Wagtail's autosave has saved every change: an action posted while an
    autosave is pending makes that autosave arrive after the new revision, and Wagtail refuses
    it with a 400 ("Saving will overwrite a newer version"), which the browser logs as an error.
    """
    page.wait_for_function(
        """() => {
            const form = document.querySelector('form[data-controller~="w-autosave"]');
            return !form || form.dataset.wUnsavedHasEditsValue !== "true";
        }"""
    )
    button = page.locator("footer").get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        page.get_by_role("button", name="Meer acties").click()
    if shot:
        screenshot(page, shot)
    with page.expect_navigation():
        button.click()


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def open_menu(page, *labels):
    """Follow the admin's sidebar as a user does: open the groups ``labels[:-1]`` (such as
    "Nieuwsbrief"), then click the item ``labels[-1]``."""
    sidebar = page.locator("#wagtail-sidebar")
    for label in labels[:-1]:
        sidebar.get_by_role("button", name=label, exact=True).click()
    with page.expect_navigation():
        sidebar.get_by_role("link", name=labels[-1], exact=True).click()


@pytest.fixture
def site(migrated_data, home, locales, live_server):
    """A small site in both languages: a theme with a project, a dossier, a publication with
    an image and a document, the question service, the newsletter page, the navigation; an
    editor and a moderator. The site's address is the live server's (absolute URLs, as in
    e-mails, lead to it and pass the admin's CSP)."""
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    nl = home["nl"]
    editorial.setup_editorial(apps)  # the editors may publish under the English home page

    themes = factories.ThemeIndexPageFactory(parent=nl, title="Thema's", slug="themas")
    publish_translation(themes, "en", title="Themes", slug="themes")
    theme = factories.ThemePageFactory(
        parent=themes,
        title="Participatie",
        slug="participatie",
        intro="Meedoen in de samenleving: werk, vrijwilligerswerk en ontmoeting.",
    )
    publish_translation(
        theme,
        "en",
        title="Participation",
        slug="participation",
        intro="Taking part in society: work, volunteering and meeting people.",
    )
    untranslated_theme = factories.ThemePageFactory(
        parent=themes,
        title="Sociale stabiliteit",
        slug="sociale-stabiliteit",
        intro="Spanningen in wijken en hoe gemeenten ze voorkomen.",
    )
    project = factories.ProjectPageFactory(
        parent=theme,
        title="This is me!",
        slug="this-is-me",
        summary="Jongeren met een migratieachtergrond vertellen hun verhaal.",
    )
    publish_translation(
        project, "en", summary="Young people with a migration background tell their story."
    )
    dossiers = factories.DossierIndexPageFactory(parent=nl, title="Dossiers", slug="dossiers")
    publish_translation(dossiers, "en", slug="dossiers")
    dossier = factories.DossierPageFactory(
        parent=dossiers,
        title="Dossier vluchtelingen",
        slug="vluchtelingen",
        intro="Wat we weten over de opvang en integratie van vluchtelingen.",
    )
    publish_translation(
        dossier,
        "en",
        title="Refugees",
        slug="refugees",
        intro="What we know about receiving and integrating refugees.",
    )
    library = factories.PublicationIndexPageFactory(
        parent=nl, title="Publicaties", slug="publicaties"
    )
    publish_translation(library, "en", title="Publications", slug="publications")
    collection = Collection.get_first_root_node()
    image = wagtail_factories.ImageFactory(title="Omslag jaarbericht", collection=collection)
    document = wagtail_factories.DocumentFactory(
        title="Jaarbericht 2017 (pdf)", collection=collection
    )
    publication = factories.PublicationPageFactory(
        parent=library,
        title="Boze burgers",
        slug="boze-burgers",
        summary="Waarom burgers boos worden op de overheid en wat gemeenten kunnen doen.",
        image=image,
        document=document,
    )
    publication.themes.set([theme])
    publication.save_revision().publish()
    publish_translation(
        publication,
        "en",
        title="Angry citizens",
        slug="angry-citizens",
        summary="Why citizens get angry at the government and what municipalities can do.",
    )
    figure = {"number": "", "page": None, "frozen": None, "source": ""}
    report = factories.AnnualReportPageFactory(
        parent=nl,
        body=[
            ("heading", {"text": "Het jaar in cijfers", "level": "h2"}),
            (
                "key_figures",
                [
                    {**figure, "label": "beantwoorde vragen", "number": "121", "live_figure": ""},
                    {**figure, "label": "bezoeken website", "live_figure": "site_visits"},
                ],
            ),
            ("month_chart", {"heading": "Sitebezoek", "series": "visits"}),
            ("publication_figures", {"heading": "Publicaties", "publications": [], "count": 5}),
            ("theme_overview", {"heading": "Thema's en projecten", "themes": []}),
            ("audience", {"heading": "Publiek", "groups": [{"label": "onderwijs", "share": 20}]}),
        ],
    )
    publish_translation(report, "en", title="Annual report 2017", slug="annual-report-2017")
    questions = factories.QuestionIndexPageFactory(parent=nl)
    publish_translation(
        questions,
        "en",
        title="Questions",
        slug="questions",
        intro="Ask your question about integration, migration or diversity.",
    )
    question = factories.QuestionPageFactory(
        parent=questions,
        title="Werk en gezondheid",
        slug="werk-en-gezondheid",
        question="Bepaalt de gezondheid van statushouders of zij werk vinden?",
        kind="research",
        theme=theme,
        product_status="Een overzicht van onderzoek is klaar.",
    )
    publish_translation(
        question,
        "en",
        title="Work and health",
        slug="work-and-health",
        question="Does the health of refugees decide whether they find work?",
    )
    newsletter = factories.NewsletterPageFactory(parent=nl)
    publish_translation(
        newsletter,
        "en",
        title="Newsletter",
        slug="newsletter",
        intro="<p>The news on integration and diversity, once a month.</p>",
    )
    agenda = factories.EventIndexPageFactory(parent=nl, title="Agenda", slug="agenda")
    publish_translation(agenda, "en", title="Events", slug="events")
    event = factories.EventPageFactory(
        parent=agenda,
        title="Seminar Turkse spanningen",
        slug="seminar-turkse-spanningen",
        summary="Een seminar voor beleidsmakers over spanningen onder Turkse Nederlanders.",
        audience="Beleidsmakers",
        registration_open=True,
        capacity=40,
    )
    event.themes.set([theme])
    event.projects.set([project])
    event.save_revision().publish()
    publish_translation(
        event,
        "en",
        title="Seminar on Turkish tensions",
        slug="seminar-on-turkish-tensions",
        summary="A seminar for policy makers on tensions among Turkish Dutch people.",
        audience="Policy makers",
    )
    for code in ("nl", "en"):
        locale = locales[code]
        links = [themes.get_translation(locale), library.get_translation(locale)]
        Navigation.objects.create(
            locale=locale,
            header_links=[("link", {"page": link, "url": "", "label": ""}) for link in links],
        )
    return {
        "home": home,
        "theme": theme,
        "untranslated_theme": untranslated_theme,
        "project": project,
        "dossier": dossier,
        "library": library,
        "publication": publication,
        "annual_report": report,
        "questions": questions,
        "question": question,
        "newsletter": newsletter,
        "agenda": agenda,
        "event": event,
        "image": image,
        "document": document,
        "editor": make_user("redacteur", editorial.EDITORS),
        "moderator": make_user("eindredacteur", editorial.MODERATORS),
    }
