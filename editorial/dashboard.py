"""The admin dashboard's "Waiting for the editors" panel: what needs someone's attention.

Three lists, each with its count: pages and snippets in moderation, new questions (when
the questions app is installed; looked up by name, never imported) and the translations of
pages and snippets that wait (never published, unpublished changes, or a Dutch source
edited since the last sync). It replaces Wagtail's two moderation panels ("Awaiting your
review", "Your pages and snippets in a workflow"), so an item in moderation shows once.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

LIMIT = 10
# The question inbox: (app label, model, filter on the new ones, URL name of its list).
QUESTION_INBOX = ("questions", "SubmittedQuestion", {"status": "new"}, "submitted_questions:index")


def pages_in_moderation():
    states = (
        WorkflowState.objects.active()
        .select_related("requested_by", "current_task_state__task")
        .prefetch_related("content_object")
        .order_by("-created_at")
    )
    return states.count(), [state for state in states[:LIMIT] if state.content_object]


def pending_page_translations():
    """Enabled page translations that are not live, have unpublished changes, or whose
    source page was edited after the translation was last synced."""
    pages = Page.objects.filter(translation_key=OuterRef("source__object_id"))
    source = pages.filter(locale=OuterRef("source__locale"))
    target = pages.filter(locale=OuterRef("target_locale"))
    translations = (
        Translation.objects.filter(
            enabled=True,
            source__object__content_type=ContentType.objects.get_for_model(Page),
        )
        .annotate(
            source_edited_at=Subquery(source.values("latest_revision_created_at")[:1]),
            target_id=Subquery(target.values("pk")[:1]),
            target_title=Subquery(target.values("title")[:1]),
            target_live=Subquery(target.values("live")[:1]),
            target_changed=Subquery(target.values("has_unpublished_changes")[:1]),
        )
        .filter(target_id__isnull=False)
        .filter(
            Q(target_live=False)
            | Q(target_changed=True)
            | Q(source_edited_at__gt=F("source__last_updated_at"))
        )
        .select_related("target_locale")
        .order_by("-source__last_updated_at")
    )
    items = []
    for translation in translations[:LIMIT]:
        if translation.source_edited_at and (
            translation.source_edited_at > translation.source.last_updated_at
        ):
            reason = _("the source page changed: sync it")
        elif not translation.target_live:
            reason = _("not published yet")
        else:
            reason = _("unpublished changes")
        items.append(
            {
                "title": translation.target_title,
                "url": reverse("wagtailadmin_pages:edit", args=[translation.target_id]),
                "locale": translation.target_locale,
                "reason": reason,
            }
        )
    return translations.count(), items


def snippet_waiting_reason(translation, source, target):
    """Why the snippet translation ``target`` waits, or None. A snippet without drafts is
    live as soon as it is saved: it waits only for a sync of its edited source."""
    edited = getattr(getattr(source, "latest_revision", None), "created_at", None)
    if edited and edited > translation.source.last_updated_at:
        return _("the source changed: sync it")
    if getattr(target, "live", True) is False:
        return _("not published yet")
    if getattr(target, "has_unpublished_changes", False):
        return _("unpublished changes")
    return None


def pending_snippet_translations(user):
    """The enabled translations of snippets (every translatable model but pages) that wait."""
    finder = AdminURLFinder(user)
    translations = (
        Translation.objects.filter(enabled=True)
        .exclude(source__object__content_type=ContentType.objects.get_for_model(Page))
        .select_related("source", "target_locale")
        .order_by("-source__last_updated_at")
    )
    items = []
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        versions = model.objects.filter(translation_key=translation.source.object_id)
        target = versions.filter(locale=translation.target_locale).first()
        if target is None:
            continue
        source = versions.filter(locale_id=translation.source.locale_id).first()
        reason = snippet_waiting_reason(translation, source, target)
        if reason:
            items.append(
                {
                    "title": str(target),
                    "url": finder.get_edit_url(target),
                    "locale": translation.target_locale,
                    "reason": reason,
                }
            )
    return items


def pending_translations(user):
    """(count, the first items) of the page and snippet translations that wait."""
    page_count, pages = pending_page_translations()
    snippets = pending_snippet_translations(user)
    return page_count + len(snippets), (pages + snippets)[:LIMIT]


def new_questions():
    """(count, inbox URL) of the new questions, or None without the questions app."""
    app_label, model_name, new, url_name = QUESTION_INBOX
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model.objects.filter(**new).count(), reverse(url_name)


class EditorialQueuePanel(Component):
    name = "editorial_queue"
    template_name = "admin/editorial_queue.html"
    order = 50

    def get_context_data(self, parent_context):
        moderation_count, moderation = pages_in_moderation()
        translation_count, translations = pending_translations(parent_context["request"].user)
        return {
            "moderation_count": moderation_count,
            "moderation": moderation,
            "translation_count": translation_count,
            "translations": translations,
            "questions": new_questions(),
            "request": parent_context["request"],
        }


def without_wagtail_moderation_panels(panels):
    """The dashboard's panels without Wagtail's two moderation panels, which list what
    the editorial queue panel lists."""
    duplicates = (WorkflowObjectsToModeratePanel, UserObjectsInWorkflowModerationPanel)
    return [panel for panel in panels if not isinstance(panel, duplicates)]
