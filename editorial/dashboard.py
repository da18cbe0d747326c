"""The admin dashboard's "Waiting for the editors" panel: what needs someone's attention.

Three lists, each with its count: pages and snippets in moderation, new questions (when
the questions app is installed; looked up by name, never imported) and translations that
wait (never published, unpublished changes, or a Dutch source edited since the last sync).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
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


def pending_translations():
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
        items.append({"translation": translation, "reason": reason})
    return translations.count(), items


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
        translation_count, translations = pending_translations()
        return {
            "moderation_count": moderation_count,
            "moderation": moderation,
            "translation_count": translation_count,
            "translations": translations,
            "questions": new_questions(),
            "request": parent_context["request"],
        }
