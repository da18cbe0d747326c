"""The question service: visitors ask, staff triage and answer, answers become pages.

- ``QuestionIndexPage`` (/vragen/) explains the service, lists the published answers and
  carries the ask-a-question form; a submission is stored as a ``SubmittedQuestion``.
- ``SubmittedQuestion`` is the staff inbox (Wagtail admin → Questions): triage, answer by
  e-mail, publish as a ``QuestionPage`` draft. Its personal data (name, e-mail address) is
  visible only with the ``questions.view_personal_data`` permission and is erased by
  ``manage.py anonymise_questions`` once a closed question is past the retention period.
"""

import re
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.rich_text import RichText
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import body_blocks
from core.choosers import ChooseManyPanel
from core.email.queue import queue_email
from core.listings import chosen, localized, localized_live, published
from core.models import BasePage, IndexPage, OutgoingEmail
from core.plain_text import paragraphs, plain_text_to_rich_text
from core.ratelimit import check_rate, too_many_requests
from core.structured_data import organisation
from questions.forms import AnswerFilterForm, QuestionForm

PERSONAL_DATA_PERMISSION = "questions.view_personal_data"
RESULT_PAGE_TYPES = ["themes.ProjectPage", "dossiers.PublicationPage"]
SESSION_REFERENCE_KEY = "questions.reference"
CONFIRMATION_ROUTES = ["confirmation_nl", "confirmation_en"]


class QuestionKind(models.TextChoices):
    STRAIGHTFORWARD = "straightforward", _("straightforward question")
    RESEARCH = "research", _("question needing research")
    COMPLEX = "complex", _("complex question")


def theme_model():
    """The ThemePage model, named by string in the foreign keys below (no import of themes)."""
    return QuestionPage._meta.get_field("theme").related_model


class QuestionIndexPage(RoutablePageMixin, IndexPage):
    kind_straightforward = models.TextField(
        _("about straightforward questions"),
        max_length=600,
        blank=True,
        help_text=_("What a straightforward question is and how soon it is answered."),
    )
    kind_research = models.TextField(
        _("about questions needing research"), max_length=600, blank=True
    )
    kind_complex = models.TextField(_("about complex questions"), max_length=600, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked next to the consent box of the form."),
    )

    answers_per_page = 10
    parent_page_types = ["home.HomePage"]
    subpage_types = ["questions.QuestionPage"]
    page_description = _(
        "The question service (/vragen/): how it works, the ask-a-question form and the "
        "published answers."
    )

    content_panels = IndexPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind_straightforward"),
                FieldPanel("kind_research"),
                FieldPanel("kind_complex"),
            ],
            heading=_("The three kinds of question"),
        ),
        FieldPanel("body"),
        FieldPanel("privacy_page"),
    ]
    search_fields = IndexPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("question index")

    @property
    def privacy_url(self):
        return localized(self.privacy_page).url if self.privacy_page_id else None

    def themes(self):
        """The public themes in this page's language, for the filter and the form."""
        return list(
            published(theme_model().objects.filter(locale_id=self.locale_id))
            .defer_streamfields()
            .order_by("title")
        )

    def kinds(self):
        """(label, explanation) of the three kinds, as the editors wrote them."""
        texts = [self.kind_straightforward, self.kind_research, self.kind_complex]
        labels = QuestionKind.labels
        return list(zip(labels, texts, strict=True))

    def answer_listing(self, request, themes):
        """The published answers below this page, filtered by theme and kind, one page of them.

        A fixed number of queries however many answers there are.
        """
        filters = AnswerFilterForm(request.GET, themes=themes, kinds=QuestionKind.choices)
        answers = (
            published(QuestionPage.objects.child_of(self))
            .defer_streamfields()
            .select_related("theme")
            .order_by("-first_published_at", "-pk")
        )
        if filters.is_valid():
            if theme := filters.cleaned_data["theme"]:
                answers = answers.filter(theme__translation_key=theme.translation_key)
            if kind := filters.cleaned_data["kind"]:
                answers = answers.filter(kind=kind)
        page_of_answers = Paginator(answers, self.answers_per_page).get_page(
            request.GET.get("page")
        )
        # Each answer's theme in this page's language (a translated answer may still point
        # at the Dutch theme), looked up without a query per answer.
        themes_by_key = {theme.translation_key: theme for theme in themes}
        return {
            "filters": filters,
            "answers": page_of_answers,
            "answer_items": [
                (answer, themes_by_key.get(answer.theme.translation_key) if answer.theme else None)
                for answer in page_of_answers
            ],
        }

    @path("")
    def ask(self, request):
        """The page itself; a POST is a submitted question (rate limited, CSRF-protected)."""
        themes = self.themes()
        form = QuestionForm(themes=themes)
        if request.method == "POST":
            retry_after = check_rate(request, "question-form")
            if retry_after:
                return too_many_requests(request, retry_after)
            form = QuestionForm(request.POST, themes=themes)
            if form.is_valid():
                question = SubmittedQuestion.receive(form.cleaned_data, self.locale.language_code)
                request.session[SESSION_REFERENCE_KEY] = question.reference
                return redirect(self.url + self.reverse_subpage(self.confirmation_route()))
        response = self.render(
            request, context_overrides={"form": form, **self.answer_listing(request, themes)}
        )
        # The form carries a CSRF token: this page is never cached
        # (docs/decisions/forms-on-cached-pages.md).
        add_never_cache_headers(response)
        return response

    def confirmation_route(self):
        """The thank-you address in this page's language (bedankt/, thank-you/)."""
        name = f"confirmation_{self.locale.language_code}"
        return name if name in CONFIRMATION_ROUTES else CONFIRMATION_ROUTES[0]

    @path("bedankt/", name="confirmation_nl")
    @path("thank-you/", name="confirmation_en")
    def confirmation(self, request):
        """Thanks, with the reference number of the question just asked (kept in the session)."""
        reference = request.session.get(SESSION_REFERENCE_KEY)
        if not reference:
            return redirect(self.url)
        response = self.render(
            request,
            context_overrides={"reference": reference},
            template="pages/question_index_page_confirmation.html",
        )
        add_never_cache_headers(response)
        return response


class QuestionPage(BasePage):
    """A published question with its answer; personal names only when the requester agreed."""

    question = models.TextField(_("question"), max_length=4000)
    requester_role = models.CharField(_("requester's role"), max_length=255, blank=True)
    requester_organisation = models.CharField(
        _("requester's organisation"), max_length=255, blank=True
    )
    requester_name = models.CharField(
        _("requester's name"),
        max_length=200,
        blank=True,
        help_text=_("Only when the requester agreed to be named."),
    )
    kind = models.CharField(
        _("kind of question"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.STRAIGHTFORWARD,
    )
    theme = models.ForeignKey(
        "themes.ThemePage",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    answer = StreamField(body_blocks(), blank=True, verbose_name=_("answer"))
    product_status = models.TextField(
        _("product status"),
        max_length=1000,
        blank=True,
        help_text=_("For a complex question: what has come out of it so far and what is to come."),
    )
    result_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("resulting project or publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project or publication that this question led to."),
    )
    related_publications = ParentalManyToManyField(
        "dossiers.PublicationPage",
        blank=True,
        related_name="questions",
        verbose_name=_("related publications"),
    )
    related_projects = ParentalManyToManyField(
        "themes.ProjectPage",
        blank=True,
        related_name="questions",
        verbose_name=_("related projects"),
    )
    partners = ParentalManyToManyField(
        "core.Partner",
        blank=True,
        related_name="questions",
        verbose_name=_("requesting partners"),
        help_text=_("The partner organisations that asked the question, if they are partners."),
    )

    summary_field = "question"
    parent_page_types = ["questions.QuestionIndexPage"]
    subpage_types = []
    page_description = _(
        "An answered question: who asked (role and organisation), the answer, and for a "
        "complex question the project or publication it led to."
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("requester_role"), FieldPanel("requester_organisation")]),
                FieldPanel("requester_name"),
                ChooseManyPanel("partners"),
            ],
            heading=_("Requester"),
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme")]),
        FieldPanel("answer"),
        MultiFieldPanel(
            [
                FieldPanel("product_status"),
                PageChooserPanel("result_page", RESULT_PAGE_TYPES),
                FieldPanel("related_publications"),
                FieldPanel("related_projects"),
            ],
            heading=_("Products"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.SearchField("requester_organisation"),
        index.SearchField("product_status"),
        index.FilterField("kind"),
        index.FilterField("theme"),
    ]

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def clean(self):
        super().clean()
        if (
            self.result_page_id
            and self.result_page.specific_class._meta.label not in RESULT_PAGE_TYPES
        ):
            raise ValidationError({"result_page": _("Choose a project or a publication.")})

    @property
    def requester(self):
        """Who asked, as shown on the page: name (if agreed), role, organisation."""
        parts = (self.requester_name, self.requester_role, self.requester_organisation)
        return ", ".join(part for part in parts if part)

    @property
    def result(self):
        """The resulting project or publication in the visitor's language, if it is live."""
        return localized(self.result_page) if self.result_page_id else None

    def structured_data(self, request):
        """A QAPage: the question and, once answered, its accepted answer by the institute."""
        answer = " ".join(unescape(strip_tags(str(self.answer))).split())
        if not answer:
            return super().structured_data(request)
        url = self.get_full_url(request)
        question = {
            "@type": "Question",
            "name": self.title,
            "text": self.question,
            "answerCount": 1,
            "acceptedAnswer": {
                "@type": "Answer",
                "text": answer,
                "url": url,
                "author": organisation(request),
            },
        }
        if self.first_published_at:
            question["dateCreated"] = self.first_published_at.isoformat()
        return [*super().structured_data(request), {"@type": "QAPage", "mainEntity": question}]

    def related_pages(self):
        """The live related publications and projects, in the visitor's language."""
        return [
            *localized_live(chosen(self.related_publications).defer_streamfields()),
            *localized_live(chosen(self.related_projects).defer_streamfields()),
        ]


TITLE_LENGTH = 255  # Page.title's max_length
SLUG_LENGTH = 80
GREETING = re.compile(
    r"^(beste|geachte|hallo|hoi|goedemorgen|goedemiddag|dear|hello|hi)\b[^\n]{0,60}[,!]?$",
    re.IGNORECASE,
)
SIGNATURE = re.compile(
    r"^((met )?(vriendelijke|hartelijke) groet(en)?|groet(en|jes)?|(kind|best|warm) regards"
    r"|regards|yours sincerely|sincerely)\b",
    re.IGNORECASE,
)


def question_title(question):
    """The whole question on one line; a question too long for a title ends at a word."""
    title = " ".join(question.split())
    if len(title) <= TITLE_LENGTH:
        return title
    return title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def title_slug(title):
    """The slug of ``title``, at most SLUG_LENGTH characters, ending at a whole word."""
    slug = slugify(title)
    if len(slug) > SLUG_LENGTH:
        slug = slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug or "vraag"


def answer_for_publication(answer):
    """(answer, left out): the e-mailed answer without its greeting ("Beste ...,") and its
    signature ("Met vriendelijke groet, ..." and what follows), which a page does not carry."""
    parts = paragraphs(answer)
    left_out = []
    if len(parts) > 1 and GREETING.match(parts[0]):
        left_out.append(parts.pop(0))
    for number, part in enumerate(parts):
        if number and SIGNATURE.match(part):
            left_out += parts[number:]
            parts = parts[:number]
            break
    return "\n\n".join(parts), left_out


class SubmittedQuestion(models.Model):
    """A question as it came in through the form (or as staff entered it), and its triage."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Personal data: shown only with the view_personal_data permission, erased on retention.
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    may_publish_name = models.BooleanField(
        _("may be named"),
        default=False,
        help_text=_("The requester agreed to be named if the answer is published."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    question = models.TextField(_("question"))
    theme = models.ForeignKey(
        "themes.ThemePage",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_questions",
    )
    # Triage
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=QuestionKind.choices,
        blank=True,
        help_text=_("Needed before the question counts as answered."),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("For staff only; never sent or published.")
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("Sent by e-mail with “Send answer”.")
    )
    # What happened, and when
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer_sent_at = models.DateTimeField(_("answer e-mailed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    confirmation_email = models.ForeignKey(
        "core.OutgoingEmail",
        verbose_name=_("confirmation e-mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_email = models.ForeignKey(
        "core.OutgoingEmail",
        verbose_name=_("answer e-mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_page = models.ForeignKey(
        QuestionPage,
        verbose_name=_("published as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_questions",
    )
    is_demo = models.BooleanField(
        _("demo record"),
        default=False,
        help_text=_("Made up by the demo content (load_demo_content); not a real question."),
    )

    class Meta:
        verbose_name = _("submitted question")
        verbose_name_plural = _("submitted questions")
        ordering = ["-created_at"]
        permissions = [
            ("view_personal_data", _("Can see the name and e-mail address of requesters")),
        ]

    def __str__(self):
        return self.reference or self.question_excerpt()

    def save(self, *args, **kwargs):
        now = timezone.now()
        if self.status == self.Status.ANSWERED and not self.answered_at:
            self.answered_at = now
        self.closed_at = (self.closed_at or now) if self.status == self.Status.CLOSED else None
        with transaction.atomic():
            super().save(*args, **kwargs)
            if not self.reference:
                year = timezone.localdate(self.created_at).year
                self.reference = f"KIS-{year}-{self.pk:04d}"
                type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    def question_excerpt(self):
        return Truncator(" ".join(self.question.split())).chars(80)

    question_excerpt.short_description = _("question")

    def clean(self):
        if self.status == self.Status.ANSWERED and not self.kind:
            raise ValidationError({"kind": _("Choose the kind of question before answering it.")})

    @classmethod
    def receive(cls, data, language):
        """Store a question from the public form, then queue its confirmation e-mail.

        The question is committed before the e-mail is even rendered: nothing is lost if
        the e-mail fails (core.email.queue retries it).
        """
        question = cls.objects.create(
            language=language,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            question=data["question"],
            theme=data["theme"],
            may_publish_name=data["may_publish_name"],
        )
        question.confirmation_email = queue_email(
            to=question.email,
            purpose="question-confirmation",
            template="questions/emails/confirmation",
            context={"question": question},
            language=language,
        )
        question.save(update_fields=["confirmation_email"])
        return question

    def send_answer(self):
        """Queue the answer e-mail to the requester and record when; the question is answered."""
        if self.answer_sent_at:
            sent = date_format(timezone.localtime(self.answer_sent_at), "SHORT_DATETIME_FORMAT")
            raise ValidationError(_("The answer was already sent on %(date)s.") % {"date": sent})
        if not self.email:
            raise ValidationError(_("There is no e-mail address to send the answer to."))
        if not self.answer.strip():
            raise ValidationError(_("Write the answer before sending it."))
        if not self.kind:
            raise ValidationError(_("Choose the kind of question before answering it."))
        self.answer_email = queue_email(
            to=self.email,
            purpose="question-answer",
            template="questions/emails/answer",
            context={"question": self},
            language=self.language,
        )
        self.answer_sent_at = timezone.now()
        if self.status in (self.Status.NEW, self.Status.IN_PROGRESS):
            self.status = self.Status.ANSWERED
        self.save()

    def create_page_draft(self, index_page, user=None):
        """A QuestionPage draft below ``index_page`` for an editor to review, and the parts of
        the answer left out (the e-mail's greeting and signature, see answer_for_publication).

        Role and organisation are copied; the requester's name only if they agreed to be
        named; the e-mail address never.
        """
        if not self.answer.strip():
            raise ValidationError(_("Only an answered question can be published."))
        answer, left_out = answer_for_publication(self.answer)
        title = question_title(self.question)
        page = QuestionPage(
            title=title,
            slug=find_available_slug(index_page, title_slug(title)),
            question=self.question,
            requester_role=self.role,
            requester_organisation=self.organisation,
            requester_name=self.name if self.may_publish_name else "",
            kind=self.kind or QuestionKind.STRAIGHTFORWARD,
            theme=self.theme,
            answer=[("paragraph", RichText(plain_text_to_rich_text(answer)))] if answer else [],
            live=False,
            owner=user,
        )
        index_page.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        self.published_page = page
        self.save(update_fields=["published_page"])
        return page, left_out

    def anonymise(self):
        """Erase the name and e-mail address, and the e-mails that carried them."""
        emails = [self.confirmation_email_id, self.answer_email_id]
        with transaction.atomic():
            self.name = ""
            self.email = ""
            self.may_publish_name = False
            self.anonymised_at = timezone.now()
            self.confirmation_email = None
            self.answer_email = None
            self.save()
            OutgoingEmail.objects.filter(pk__in=[pk for pk in emails if pk]).delete()
