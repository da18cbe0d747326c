"""Content at institute scale on top of the demo content, inserted in bulk.

Ten years of an institute's work: publications with the text of their PDF, projects,
answered and submitted questions, partners, dossiers, subscribers and five years of daily
statistics. Every item is numbered and named after its number (``publicatie-00042``,
``lezer42@example.org``): a run adds only the numbers that are missing, so a second run adds
nothing. Each item is made from a random generator seeded with the seed and its own number,
so an item is the same whichever run adds it.

Pages are inserted without Wagtail's ``add_child`` (one save and several queries per page):
their tree position (``path``, ``depth``), ``url_path``, locale, translation key and content
type are computed here, the ``wagtailcore_page`` rows are inserted with ``bulk_create`` and
the rows of the page type's own table after them. Then they are added to the search index in
batches, as ``update_index`` would. Nothing here sends Django's or Wagtail's signals, so the
site's kept content is renewed once at the end (``core.caching.sitecache.new_generation``).
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from core.caching.sitecache import new_generation
from core.compat import insert_rows, tree_path, tree_step
from core.models import Partner, Person
from dossiers.models import (
    DossierIndexPage,
    DossierPage,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
)
from newsletter.models import Subscriber
from questions.models import QuestionIndexPage, QuestionKind, QuestionPage, SubmittedQuestion
from search.models import DocumentText
from stats.models import DailyDownloads, DailyPageViews
from themes.models import ProjectPage, ThemePage

BATCH = 2000
STATS_YEARS = 5

VOCABULARY = [
    "integratie",
    "migratie",
    "diversiteit",
    "vluchtelingen",
    "statushouders",
    "gemeenten",
    "inburgering",
    "arbeidsmarkt",
    "participatie",
    "onderwijs",
    "taal",
    "huisvesting",
    "gezondheid",
    "discriminatie",
    "polarisatie",
    "radicalisering",
    "samenleving",
    "buurt",
    "jongeren",
    "ouderen",
    "vrouwen",
    "gezinnen",
    "asielzoekers",
    "arbeidsmigranten",
    "werkgevers",
    "beleid",
    "onderzoek",
    "monitor",
    "cijfers",
    "rapport",
    "advies",
    "kennis",
    "praktijk",
    "aanpak",
    "netwerk",
    "samenwerking",
    "begeleiding",
    "opvang",
    "nieuwkomers",
    "religie",
    "identiteit",
    "burgerschap",
    "vrijwilligers",
    "sociale",
    "stabiliteit",
    "inclusie",
    "werk",
    "opleiding",
    "stage",
    "ondernemers",
    "wijk",
    "veiligheid",
    "vertrouwen",
    "spanningen",
    "dialoog",
    "gelijke",
    "kansen",
    "racisme",
    "uitsluiting",
    "emancipatie",
    "gezinshereniging",
    "naturalisatie",
    "generatie",
    "schoolkeuze",
    "taalles",
    "financiën",
    "schulden",
    "zorg",
    "jeugd",
    "preventie",
    "evaluatie",
    "effectiviteit",
    "interventie",
    "pilot",
    "gemeenteraad",
    "wethouder",
    "ambtenaren",
    "professionals",
    "sleutelfiguren",
]

# option name: (default count, help)
COUNTS = {
    "publications": (10_000, "publications, each with a PDF's text"),
    "projects": (1_000, "projects across the themes"),
    "answered": (3_000, "answered (published) questions"),
    "submitted": (20_000, "submitted questions in the inbox"),
    "partners": (2_000, "partner organisations"),
    "dossiers": (200, "dossiers"),
    "subscribers": (50_000, "newsletter subscribers in every state"),
}


def words(rng, count):
    return " ".join(rng.choice(VOCABULARY) for _number in range(count))


def title(rng, count=6):
    return words(rng, count).capitalize()


def paragraph_value(rng, count):
    return [("paragraph", RichText(f"<p>{words(rng, count).capitalize()}.</p>"))]


def moment(rng, years_back=10):
    """A moment within the last ``years_back`` years."""
    return timezone.now() - datetime.timedelta(seconds=rng.randrange(years_back * 365 * 86400))


def batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ScaleLoader:
    def __init__(self, seed, counts, log=print):
        self.seed = seed
        self.counts = counts
        self.log = log
        self.now = timezone.now()
        self.new_pages = []  # (model, [pk]) to index

    def rng(self, kind, number):
        return random.Random(f"{self.seed}:{kind}:{number}")  # noqa: S311 (content, no secret)

    def load(self):
        library = PublicationIndexPage.objects.get(locale__language_code="nl")
        themes = list(ThemePage.objects.filter(locale_id=library.locale_id).order_by("path"))
        partners = self.add_partners(library.locale_id)
        publications = self.add_publications(library, themes)
        projects = self.add_projects(themes, partners)
        answered = self.add_answered(library.locale_id, themes, publications, partners)
        self.add_dossiers(library.locale_id, themes, publications, projects, answered)
        self.add_submitted(themes, answered)
        self.add_subscribers(themes)
        self.add_statistics()
        self.index()
        new_generation()

    # -- pages ----------------------------------------------------------------------------

    def missing_numbers(self, parent, prefix, count):
        slugs = set(
            Page.objects.child_of(parent)
            .filter(slug__startswith=prefix)
            .values_list("slug", flat=True)
        )
        return [number for number in range(count) if f"{prefix}{number:05d}" not in slugs]

    def insert_pages(self, parent, pages):
        """Insert ``pages`` (unsaved specific instances with title and slug) as the last
        children of ``parent``, live and published now; returns them with their ids."""
        if not pages:
            return []
        model = type(pages[0])
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = tree_step(last.path, Page.steplen) if last else 0
        content_type = ContentType.objects.get_for_model(model)
        depth = parent.depth + 1
        for page in pages:
            step += 1
            page.path = tree_path(parent.path, depth, step)
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.translation_key = uuid.uuid4()
            page.live = True
            page.has_unpublished_changes = False
            published = page.first_published_at or self.now
            page.first_published_at = page.last_published_at = published
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        own_fields = model._meta.local_concrete_fields
        for batch in batches(pages):
            rows = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(page, f.attname) for f in base_fields})
                    for page in batch
                ]
            )
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
                page.id = row.pk
            insert_rows(model, batch, own_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        self.new_pages.append((model, [page.pk for page in pages]))
        return pages

    def add_publications(self, library, themes):
        count = self.counts["publications"]
        numbers = self.missing_numbers(library, "publicatie-", count)
        Document = get_document_model()
        collection = Collection.get_first_root_node()
        people = list(
            Person.objects.filter(locale_id=library.locale_id).values_list("pk", flat=True)
        )
        pages, texts, document_rows = [], [], []
        for number in numbers:
            rng = self.rng("publication", number)
            page_title = title(rng, 7)
            document_rows.append(
                Document(
                    title=page_title,
                    file="documents/scale-publication.pdf",
                    file_size=rng.randint(80_000, 4_000_000),
                    collection=collection,
                )
            )
            texts.append(words(rng, 400))
            published = moment(rng)
            pages.append(
                PublicationPage(
                    title=page_title,
                    slug=f"publicatie-{number:05d}",
                    publication_type=rng.choice(PublicationPage.Type.values),
                    publication_date=published.date(),
                    first_published_at=published,
                    summary=words(rng, 40).capitalize() + ".",
                    body=paragraph_value(rng, 120),
                )
            )
        documents = []
        for batch in batches(document_rows):
            documents += Document.objects.bulk_create(batch)
        DocumentText.objects.bulk_create(
            [
                DocumentText(document=document, text=text)
                for document, text in zip(documents, texts, strict=True)
            ],
            batch_size=BATCH,
        )
        self.new_documents = [document.pk for document in documents]
        for page, document in zip(pages, documents, strict=True):
            page.document_id = document.pk
        self.insert_pages(library, pages)
        through = PublicationPage.themes.through
        links, authors = [], []
        for number, page in zip(numbers, pages, strict=True):
            rng = self.rng("publication-links", number)
            for theme in rng.sample(themes, rng.randint(1, 2)):
                links.append(through(publicationpage_id=page.pk, themepage_id=theme.pk))
            if people:
                authors.append(
                    PublicationAuthor(publication_id=page.pk, person_id=rng.choice(people))
                )
        through.objects.bulk_create(links, batch_size=BATCH)
        PublicationAuthor.objects.bulk_create(authors, batch_size=BATCH)
        self.log(f"publications: {len(pages)} added")
        return list(
            PublicationPage.objects.filter(
                slug__startswith="publicatie-", locale_id=library.locale_id
            ).values_list("pk", flat=True)
        )

    def add_projects(self, themes, partners):
        count = self.counts["projects"]
        through = ProjectPage.partners.through
        added = 0
        for position, theme in enumerate(themes):
            # the projects are shared out over the themes: number n goes to theme n % len
            wanted = [n for n in range(count) if n % len(themes) == position]
            present = set(
                Page.objects.child_of(theme)
                .filter(slug__startswith="project-")
                .values_list("slug", flat=True)
            )
            pages, numbers = [], []
            for number in wanted:
                if f"project-{number:05d}" in present:
                    continue
                rng = self.rng("project", number)
                start = rng.randint(2014, 2026)
                pages.append(
                    ProjectPage(
                        title=title(rng, 5),
                        slug=f"project-{number:05d}",
                        summary=words(rng, 40).capitalize() + ".",
                        start_year=start,
                        end_year=start + rng.randint(0, 3),
                        status=rng.choice(ProjectPage.Status.values),
                        body=paragraph_value(rng, 80),
                        first_published_at=moment(rng),
                    )
                )
                numbers.append(number)
            self.insert_pages(theme, pages)
            links = []
            for number, page in zip(numbers, pages, strict=True):
                rng = self.rng("project-links", number)
                for partner in rng.sample(partners, min(len(partners), rng.randint(0, 3))):
                    links.append(through(projectpage_id=page.pk, partner_id=partner))
            through.objects.bulk_create(links, batch_size=BATCH)
            added += len(pages)
        self.log(f"projects: {added} added")
        return list(
            ProjectPage.objects.filter(slug__startswith="project-").values_list("pk", flat=True)
        )

    def add_answered(self, locale_id, themes, publications, partners):
        index = QuestionIndexPage.objects.get(locale_id=locale_id)
        numbers = self.missing_numbers(index, "vraag-", self.counts["answered"])
        pages = []
        for number in numbers:
            rng = self.rng("answered", number)
            pages.append(
                QuestionPage(
                    title=title(rng, 8) + "?",
                    slug=f"vraag-{number:05d}",
                    question=words(rng, 60).capitalize() + "?",
                    requester_role=rng.choice(["beleidsadviseur", "docent", "wethouder", ""]),
                    kind=rng.choice(QuestionKind.values),
                    theme_id=rng.choice(themes).pk,
                    answer=paragraph_value(rng, 150),
                    first_published_at=moment(rng),
                )
            )
        self.insert_pages(index, pages)
        related = QuestionPage.related_publications.through
        partnered = QuestionPage.partners.through
        links, partner_links = [], []
        for number, page in zip(numbers, pages, strict=True):
            rng = self.rng("answered-links", number)
            for publication in rng.sample(publications, min(len(publications), rng.randint(0, 2))):
                links.append(related(questionpage_id=page.pk, publicationpage_id=publication))
            if partners and rng.random() < 0.3:
                partner_links.append(
                    partnered(questionpage_id=page.pk, partner_id=rng.choice(partners))
                )
        related.objects.bulk_create(links, batch_size=BATCH)
        partnered.objects.bulk_create(partner_links, batch_size=BATCH)
        self.log(f"answered questions: {len(pages)} added")
        return list(
            QuestionPage.objects.filter(slug__startswith="vraag-", locale_id=locale_id).values_list(
                "pk", flat=True
            )
        )

    def add_dossiers(self, locale_id, themes, publications, projects, answered):
        index = DossierIndexPage.objects.get(locale_id=locale_id)
        numbers = self.missing_numbers(index, "dossier-", self.counts["dossiers"])
        pages = []
        for number in numbers:
            rng = self.rng("dossier", number)
            pages.append(
                DossierPage(
                    title=title(rng, 4),
                    slug=f"dossier-{number:05d}",
                    intro=words(rng, 50).capitalize() + ".",
                    body=paragraph_value(rng, 300),
                    last_reviewed=moment(rng, 2).date(),
                    first_published_at=moment(rng),
                )
            )
        self.insert_pages(index, pages)
        relations = [
            (DossierPage.themes.through, "themepage_id", [theme.pk for theme in themes], 2),
            (DossierPage.related_publications.through, "publicationpage_id", publications, 8),
            (DossierPage.related_projects.through, "projectpage_id", projects, 4),
            (DossierPage.related_questions.through, "questionpage_id", answered, 4),
        ]
        for through, column, choices, most in relations:
            rows = []
            for number, page in zip(numbers, pages, strict=True):
                rng = self.rng(f"dossier-{column}", number)
                for chosen in rng.sample(choices, min(len(choices), rng.randint(1, most))):
                    rows.append(through(dossierpage_id=page.pk, **{column: chosen}))
            through.objects.bulk_create(rows, batch_size=BATCH)
        self.log(f"dossiers: {len(pages)} added")

    # -- other records --------------------------------------------------------------------

    def add_partners(self, locale_id):
        count = self.counts["partners"]
        present = set(
            Partner.objects.filter(slug__startswith="partner-", locale_id=locale_id).values_list(
                "slug", flat=True
            )
        )
        partners = []
        for number in range(count):
            slug = f"partner-{number:05d}"
            if slug in present:
                continue
            rng = self.rng("partner", number)
            partners.append(
                Partner(
                    name=f"{title(rng, 2)} {number}",
                    slug=slug,
                    kind=rng.choice(Partner.Kind.values),
                    description=words(rng, 30).capitalize() + ".",
                    website=f"https://partner-{number}.example.org/",
                    locale_id=locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=self.now,
                    last_published_at=self.now,
                )
            )
        created = Partner.objects.bulk_create(partners, batch_size=BATCH)
        self.new_pages.append((Partner, [partner.pk for partner in created]))
        self.log(f"partners: {len(created)} added")
        return list(
            Partner.objects.filter(slug__startswith="partner-", locale_id=locale_id).values_list(
                "pk", flat=True
            )
        )

    def add_submitted(self, themes, answered):
        present = set(
            SubmittedQuestion.objects.filter(reference__startswith="S-").values_list(
                "reference", flat=True
            )
        )
        Status = SubmittedQuestion.Status
        rows = []
        for number in range(self.counts["submitted"]):
            reference = f"S-{number:06d}"
            if reference in present:
                continue
            rng = self.rng("submitted", number)
            status = rng.choices(Status.values, weights=[1, 1, 6, 2])[0]
            received = moment(rng)
            done = received + datetime.timedelta(days=rng.randint(1, 40))
            answered_page = rng.choice(answered) if answered and rng.random() < 0.1 else None
            rows.append(
                SubmittedQuestion(
                    reference=reference,
                    created_at=received,
                    language=rng.choice(["nl", "nl", "nl", "en"]),
                    name=f"Vraagsteller {number}",
                    email=f"vraagsteller{number}@example.org",
                    organisation=title(rng, 2),
                    role=rng.choice(["beleidsmedewerker", "docent", "student", "journalist"]),
                    question=words(rng, 80).capitalize() + "?",
                    theme_id=rng.choice(themes).pk,
                    status=status,
                    kind=rng.choice(QuestionKind.values) if status != Status.NEW else "",
                    answer=words(rng, 60) if status in (Status.ANSWERED, Status.CLOSED) else "",
                    answered_at=done if status in (Status.ANSWERED, Status.CLOSED) else None,
                    closed_at=done if status == Status.CLOSED else None,
                    published_page_id=answered_page,
                )
            )
        SubmittedQuestion.objects.bulk_create(rows, batch_size=BATCH)
        self.log(f"submitted questions: {len(rows)} added")

    def add_subscribers(self, themes):
        present = set(
            Subscriber.objects.filter(email__endswith="@lezers.example.org").values_list(
                "email", flat=True
            )
        )
        Status = Subscriber.Status
        rows, topic_choices = [], []
        for number in range(self.counts["subscribers"]):
            email = f"lezer{number}@lezers.example.org"
            if email in present:
                continue
            rng = self.rng("subscriber", number)
            status = rng.choices(Status.values, weights=[1, 8, 2])[0]
            signed_up = moment(rng)
            later = signed_up + datetime.timedelta(days=rng.randint(0, 3))
            rows.append(
                Subscriber(
                    email=email,
                    name=f"Lezer {number}" if rng.random() < 0.7 else "",
                    language=rng.choice(["nl", "nl", "nl", "en"]),
                    status=status,
                    consent_given_at=signed_up,
                    consent_version="2026-1",
                    consent_source="/nl/nieuwsbrief/",
                    confirmed_at=later if status != Status.PENDING else None,
                    unsubscribed_at=later if status == Status.UNSUBSCRIBED else None,
                )
            )
            topic_choices.append(rng.sample(themes, rng.randint(0, len(themes))))
        created = Subscriber.objects.bulk_create(rows, batch_size=BATCH)
        through = Subscriber.topics.through
        links = [
            through(subscriber_id=subscriber.pk, themepage_id=theme.pk)
            for subscriber, chosen in zip(created, topic_choices, strict=True)
            for theme in chosen
        ]
        through.objects.bulk_create(links, batch_size=BATCH)
        self.log(f"subscribers: {len(created)} added")

    def add_statistics(self):
        """Five years of daily views of every live page and downloads of every document.

        Counting stores a row only for a day something was counted; each page and document
        gets a row on the first day of the five years (that row marks it as done for a later
        run) and on a random number of other days."""
        first_day = self.now.date() - datetime.timedelta(days=365 * STATS_YEARS)
        days = (self.now.date() - first_day).days
        for model, owner, rows_model, label in (
            (Page, "page_id", DailyPageViews, "page views"),
            (get_document_model(), "document_id", DailyDownloads, "downloads"),
        ):
            done = set(rows_model.objects.filter(day=first_day).values_list(owner, flat=True))
            objects = model.objects.exclude(pk__in=done).values_list("pk", flat=True)
            if model is Page:
                objects = objects.filter(depth__gt=1)
            rows, added = [], 0
            for pk in objects.iterator():
                rng = self.rng(label, pk)
                offsets = {0, *rng.sample(range(1, days), rng.randint(10, 150))}
                for offset in sorted(offsets):
                    rows.append(
                        rows_model(
                            **{owner: pk},
                            day=first_day + datetime.timedelta(days=offset),
                            count=rng.randint(1, 60),
                        )
                    )
                if len(rows) >= 10 * BATCH:
                    rows_model.objects.bulk_create(rows, batch_size=BATCH)
                    added += len(rows)
                    rows = []
            rows_model.objects.bulk_create(rows, batch_size=BATCH)
            self.log(f"{label}: {added + len(rows)} daily rows added")

    # -- search index ---------------------------------------------------------------------

    def index(self):
        """Add the new pages, partners and documents to the search index, in batches."""
        backend = get_search_backend()
        to_index = [*self.new_pages, (get_document_model(), getattr(self, "new_documents", []))]
        for model, pks in to_index:
            for batch in batches(pks, 500):
                objects = model.get_indexed_objects().filter(pk__in=batch)
                if model is PublicationPage:
                    objects = objects.select_related("document__extracted_text").prefetch_related(
                        "authors__person"
                    )
                backend.add_bulk(model, list(objects))
