"""The staff inbox of submitted questions (Wagtail admin → Questions).

Names and e-mail addresses are personal data: the list, the search and the edit form show
them only to staff with the ``questions.view_personal_data`` permission. Two actions sit
next to editing: send the answer by e-mail, and publish the question as a page draft.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale

from questions.models import (
    PERSONAL_DATA_PERMISSION,
    QuestionIndexPage,
    SubmittedQuestion,
)

PERSONAL_FIELDS = ["name", "email"]


def can_see_personal_data(user):
    return user.has_perm(PERSONAL_DATA_PERMISSION)


class InboxIndexView(IndexView):
    """The list of questions; without the permission, no name or e-mail column or search."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if can_see_personal_data(request.user):
            self.search_fields = [*self.search_fields, *PERSONAL_FIELDS]

    @cached_property
    def columns(self):
        columns = super().columns
        if can_see_personal_data(self.request.user):
            return columns
        return [column for column in columns if column.name not in PERSONAL_FIELDS]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("theme", "assigned_to")


class QuestionEditView(EditView):
    send_answer_url_name = None
    publish_url_name = None

    def get_success_url(self):
        """Saving stays on the question: its answer is sent and published from here."""
        return self.get_edit_url()

    @cached_property
    def header_buttons(self):
        """The two actions of the screen, in plain sight beside the title (not under "…")."""
        buttons = list(super().header_buttons)
        if not self.object.answer_sent_at:
            buttons.append(
                HeaderButton(
                    _("Send answer by e-mail"),
                    url=reverse(self.send_answer_url_name, args=[self.object.pk]),
                    icon_name="mail",
                )
            )
        if self.object.published_page_id is None:
            buttons.append(
                HeaderButton(
                    _("Publish as page"),
                    url=reverse(self.publish_url_name, args=[self.object.pk]),
                    icon_name="doc-full",
                )
            )
        return buttons


class QuestionActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and carry out (POST) one action on a submitted question."""

    model = SubmittedQuestion
    permission_required = "change"
    template_name = "questions/admin/confirm_action.html"
    header_icon = "help"
    index_url_name = None
    edit_url_name = None
    confirm_label = None
    explanation = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(SubmittedQuestion, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Questions")},
            {"url": self.edit_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            confirm_label=self.confirm_label,
            explanation=self.explanation,
            edit_url=self.edit_url,
            show_personal_data=can_see_personal_data(self.request.user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            return self.perform()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.edit_url)


class SendAnswerView(QuestionActionView):
    page_title = _("Send the answer by e-mail")
    confirm_label = _("Yes, send the answer")
    explanation = _(
        "The answer below is e-mailed to the requester in the language of the question, and "
        "the question is marked as answered. It can be sent only once."
    )

    def perform(self):
        self.object.send_answer()
        messages.success(
            self.request,
            _("The answer to %(reference)s is queued for sending.")
            % {"reference": self.object.reference},
        )
        return redirect(self.edit_url)


class PublishAsPageView(QuestionActionView):
    page_title = _("Publish as page")
    confirm_label = _("Yes, create a draft page")
    explanation = _(
        "A draft question page is made from the question, the requester's role and "
        "organisation, the kind, the theme and the answer, for an editor to review before "
        "publishing. The requester's name is included only if they agreed to be named; the "
        "e-mail address never."
    )

    def index_page(self):
        """The question index in the question's language, else the one in the default language."""
        pages = QuestionIndexPage.objects.all()
        return (
            pages.filter(locale__language_code=self.object.language).first()
            or pages.filter(locale=Locale.get_default()).first()
        )

    def perform(self):
        if self.object.published_page_id:
            return redirect("wagtailadmin_pages:edit", self.object.published_page_id)
        index_page = self.index_page()
        if index_page is None:
            raise ValidationError(_("There is no question index page to publish under yet."))
        if not index_page.permissions_for_user(self.request.user).can_add_subpage():
            raise PermissionDenied
        page, left_out = self.object.create_page_draft(index_page, user=self.request.user)
        messages.success(
            self.request,
            _("Draft page “%(title)s” created: review it, then publish it.")
            % {"title": page.title},
        )
        if left_out:
            messages.warning(
                self.request,
                _(
                    "The greeting and signature of the e-mail were left out of the page: "
                    "“%(text)s”. Check that the answer reads well on its own."
                )
                % {"text": " … ".join(" ".join(part.split()) for part in left_out)},
            )
        return redirect("wagtailadmin_pages:edit", page.pk)


class SubmittedQuestionViewSet(ModelViewSet):
    model = SubmittedQuestion
    icon = "help"
    menu_label = _("Questions")
    menu_order = 230
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = InboxIndexView
    edit_view_class = QuestionEditView
    list_display = [
        "reference",
        "question_excerpt",
        "name",
        "email",
        "organisation",
        "theme",
        "kind",
        "status",
        "assigned_to",
        "created_at",
    ]
    list_filter = ["status", "kind", "assigned_to", "theme", "is_demo"]
    search_fields = ["reference", "question", "organisation", "role", "answer", "internal_notes"]
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("reference", read_only=True),
                        FieldPanel("created_at", read_only=True),
                        FieldPanel("language", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("name", permission=PERSONAL_DATA_PERMISSION),
                        FieldPanel("email", permission=PERSONAL_DATA_PERMISSION),
                    ]
                ),
                FieldPanel("may_publish_name"),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
                FieldPanel("question"),
            ],
            heading=_("The question"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("assigned_to"), FieldPanel("theme")]),
                FieldPanel("internal_notes"),
            ],
            heading=_("Triage"),
        ),
        FieldPanel("answer"),
        HelpPanel(template="questions/admin/history_panel.html", heading=_("History")),
    ]

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            send_answer_url_name=self.get_url_name("send_answer"),
            publish_url_name=self.get_url_name("publish"),
            **kwargs,
        )

    def action_view(self, view_class):
        return self.construct_view(
            view_class,
            index_url_name=self.get_url_name("index"),
            edit_url_name=self.get_url_name("edit"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("answer/<int:pk>/", self.action_view(SendAnswerView), name="send_answer"),
            path("publish/<int:pk>/", self.action_view(PublishAsPageView), name="publish"),
        ]
