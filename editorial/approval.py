"""What a moderator's approval tells people: the page is published or scheduled (not just
"updated"), and the editor's e-mail carries the moderator's comment."""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import Page


def approval_message(page):
    """What the approval did to ``page``: published, scheduled, or None (more tasks)."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        moment = date_format(localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT")
        return _("Page “%(title)s” is approved and scheduled for %(moment)s.") % {
            "title": title,
            "moment": moment,
        }
    if page.live and not page.has_unpublished_changes and not page.workflow_in_progress:
        return _("Page “%(title)s” is approved and published.") % {"title": title}
    return None


def replace_update_message(request, page):
    """Wagtail says "updated" after an approval from the edit view: say what happened."""
    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return
    message = approval_message(page)
    if message is None:
        return
    updated = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    kept = [
        item
        for item in messages.get_messages(request)
        if updated not in str(item.message) and escape(updated) not in str(item.message)
    ]
    for item in kept:
        messages.add_message(request, item.level, item.message, extra_tags=item.extra_tags)
    messages.success(request, message)


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval e-mail to the editor, with the moderator's comment."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        context["comment"] = task_state.specific.get_comment() if task_state else ""
        return context


# Module-level: signals hold their receivers weakly.
approval_notifier = ApprovalWithCommentNotifier()
