"""A site with one of each private thing, each marked with a unique string, built once per
test module (the leak test and the bad-input test; see tests/test_leaks.py)."""

import datetime
import io
from contextlib import contextmanager

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.rich_text import RichText

from PIL import Image as PILImage
from PIL import PngImagePlugin

from core.listings import published
from core.models import Navigation
from tests import factories
from tests.factories import (
    AnnualReportPageFactory,
    DossierIndexPageFactory,
    DossierPageFactory,
    HomePageFactory,
    NewsletterPageFactory,
    PartnerFactory,
    PartnerIndexPageFactory,
    ProjectPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    QuestionIndexPageFactory,
    QuestionPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from tests.helpers import publish_translation

# A word in every private title and summary: searching for it must find none of them.
SECRET_WORD = "Geheimzinnig"


def marker(kind):
    """A string that occurs nowhere else (and in no other marker)."""
    return f"zqx{kind}zqx"


def png_with_text(text):
    """A small PNG whose bytes contain ``text`` (a text chunk)."""
    buffer = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    PILImage.new("RGB", (640, 480), "teal").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


class BuiltSite:
    """What the module's site holds: the markers, and every object whose id or name a
    URL pattern may take."""

    def __init__(self):
        self.markers = []
        self.ints = set()
        self.strings = set()
        self.pairs = set()
        self.private_pages = set()  # ids and slugs of the pages that are not public

    def mark(self, kind):
        value = marker(kind)
        self.markers.append(value)
        return value


def secret_page(site, factory, parent, kind, **fields):
    value = site.mark(kind)
    return factory(
        parent=parent,
        title=f"{SECRET_WORD} {value}",
        slug=value,
        **fields,
    )


def build_site(media_root):
    site = BuiltSite()
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, locale=nl)
    wagtail_site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wagtail_site.hostname, wagtail_site.port, wagtail_site.root_page = "testserver", 80, home
    wagtail_site.save()
    publish_translation(home, "en", title="Knowledge Platform")

    def both(page, **english):
        publish_translation(page, "en", **english)
        return page

    themes = both(ThemeIndexPageFactory(parent=home), title="Themes", slug="themes")
    theme = both(
        ThemePageFactory(parent=themes, title="Participatie", slug="participatie"),
        title="Participation",
        slug="participation",
    )
    project = both(
        ProjectPageFactory(parent=theme, title="This is me!", slug="this-is-me"),
        title="This is me! (en)",
        slug="this-is-me-en",
    )
    library = both(PublicationIndexPageFactory(parent=home), title="Library", slug="library")
    dossiers = both(DossierIndexPageFactory(parent=home), title="Dossiers", slug="dossiers")
    questions = both(QuestionIndexPageFactory(parent=home), title="Questions", slug="questions")
    both(PartnerIndexPageFactory(parent=home), title="Partners", slug="partners")
    both(NewsletterPageFactory(parent=home), title="Newsletter", slug="newsletter")

    # pages under each kind of view restriction, each with a child
    editors = Group.objects.create(name="Leak test group")
    restricted_themes = []
    for kind in (
        PageViewRestriction.LOGIN,
        PageViewRestriction.PASSWORD,
        PageViewRestriction.GROUPS,
    ):
        restricted = secret_page(site, ThemePageFactory, themes, kind, intro=SECRET_WORD)
        secret_page(site, ProjectPageFactory, restricted, f"{kind}child", summary=SECRET_WORD)
        restriction = PageViewRestriction.objects.create(
            page=restricted, restriction_type=kind, password="geheim"
        )
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(editors)
        site.pairs.add((restriction.pk, restricted.pk))
        restricted_themes.append(restricted)
    login_theme = restricted_themes[0]

    # draft, unpublished, scheduled and expired pages
    draft_document = site.mark("draftdocfile")
    draft = secret_page(
        site,
        PublicationPageFactory,
        library,
        "draft",
        live=False,
        summary=SECRET_WORD,
        document=get_document_model().objects.create(
            title=site.mark("draftdoctitle"),
            file=ContentFile(
                f"%PDF-1.4 {site.mark('draftdoccontent')}".encode(), name=f"{draft_document}.pdf"
            ),
        ),
    )
    draft.save_revision()
    unpublished = secret_page(site, QuestionPageFactory, questions, "unpublished")
    unpublished.save_revision().publish()
    unpublished.unpublish()
    scheduled = secret_page(site, DossierPageFactory, dossiers, "scheduled", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled.save_revision().publish()
    assert not Page.objects.get(pk=scheduled.pk).live
    expired = secret_page(site, ProjectPageFactory, theme, "expired", summary=SECRET_WORD)
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)

    # a translation under a restriction, and an untranslated (draft) copy
    dossier = DossierPageFactory(parent=dossiers, title="Vluchtelingen", slug="vluchtelingen")
    dossier.themes.set([theme, *restricted_themes])
    dossier.save_revision().publish()
    restricted_translation = publish_translation(
        dossier,
        "en",
        title=f"{SECRET_WORD} {site.mark('entranslation')}",
        slug=marker("entranslation"),
    )
    PageViewRestriction.objects.create(
        page=restricted_translation, restriction_type=PageViewRestriction.LOGIN
    )
    untranslated = PublicationPageFactory(parent=library, title="Boze burgers", slug="boze-burgers")
    english_library = library.get_translation(Locale.objects.get(language_code="en"))
    copy = untranslated.copy_for_translation(english_library.locale)
    copy.title, copy.slug = f"{SECRET_WORD} {site.mark('untranslated')}", marker("untranslated")
    copy.save_revision()

    # draft snippets, chosen on public pages
    draft_partner = PartnerFactory(
        name=f"{SECRET_WORD} {site.mark('partnerdraft')}", slug=marker("partnerdraft"), live=False
    )
    project.partners.add(draft_partner, PartnerFactory(name="Pharos", slug="pharos"))
    project.result_page = login_theme.get_children().first()
    project.save_revision().publish()
    draft_testimonial = factories.TestimonialFactory(
        person=f"{SECRET_WORD} {site.mark('testimonialdraft')}", theme=theme, live=False
    )

    # a private collection with a document and an image
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    private_document = get_document_model().objects.create(
        title=site.mark("privatedoctitle"),
        collection=private,
        file=ContentFile(
            f"%PDF-1.4 {site.mark('privatedoccontent')}".encode(),
            name=f"{site.mark('privatedocfile')}.pdf",
        ),
    )
    private_image = get_image_model().objects.create(
        title=site.mark("privateimagetitle"),
        collection=private,
        file=ImageFile(
            io.BytesIO(png_with_text(site.mark("privateimagecontent"))),
            name=f"{site.mark('privateimagefile')}.png",
        ),
    )
    private_image.get_rendition("fill-100x100")

    # the public side names all of them where an editor could choose them
    publication = PublicationPageFactory(
        parent=library, title="Integratiekansen", slug="integratiekansen", document=private_document
    )
    publication.themes.set([theme, *restricted_themes])
    publication.body = [
        ("download", {"document": private_document, "title": ""}),
        (
            "paragraph",
            RichText(
                f'<p><a linktype="page" id="{login_theme.pk}">Meer</a> en '
                f'<a linktype="document" id="{private_document.pk}">bijlage</a></p>'
            ),
        ),
    ]
    publication.save_revision().publish()
    publish_translation(
        publication, "en", title="Integration prospects", slug="integration-prospects"
    )
    question = QuestionPageFactory(
        parent=questions, theme=login_theme, result_page=login_theme.get_children().first()
    )
    question.save_revision().publish()
    AnnualReportPageFactory(
        parent=home,
        body=[
            ("theme_overview", {"heading": "Thema's", "themes": []}),
            ("testimonial", {"testimonial": draft_testimonial}),
        ],
    ).save_revision().publish()
    theme.body = [("testimonial", {"testimonial": draft_testimonial})]
    theme.save_revision().publish()
    Navigation.objects.create(
        locale=nl,
        footer_links=[
            ("link", {"page": page, "url": "", "label": ""})
            for page in (*restricted_themes, draft, restricted_translation)
        ],
    )

    # every object whose id or name a URL may carry
    public_ids = set(published(Page.objects.all()).values_list("pk", flat=True))
    for page in Page.objects.exclude(pk__in=public_ids):
        site.private_pages.update({str(page.pk), page.slug})
    for page in Page.objects.all():
        site.ints.add(page.pk)
        site.strings.add(page.slug)
    for model in (
        get_document_model(),
        get_image_model(),
        type(draft_partner),
        type(draft_testimonial),
    ):
        site.ints.update(model.objects.values_list("pk", flat=True))
    for document in get_document_model().objects.all():
        site.pairs.add((document.pk, document.filename))
    site.ints.update(PageViewRestriction.objects.values_list("pk", flat=True))
    site.ints.update(CollectionViewRestriction.objects.values_list("pk", flat=True))
    for path in sorted(media_root.rglob("*")):
        if path.is_file():
            site.strings.add(path.relative_to(media_root).as_posix())
    site.ints.add(2**63)  # beyond every id
    return site


@contextmanager
def built_once(django_db_blocker, tmp_path_factory):
    """The site above, for a module-scoped fixture: built once, rolled back after the
    module. Its files are in ``site.media_root``: the module's ``media_root`` fixture
    points ``MEDIA_ROOT`` there for each test."""
    media = tmp_path_factory.mktemp("output-site-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            site = build_site(media)
            site.media_root = str(media)
            yield site
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
