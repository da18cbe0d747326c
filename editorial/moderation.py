"""Nothing goes live, or changes while live, without publish permission on the page itself.

Wagtail checks publish permission when a page is published from its editor, copied with
"publish copies", scheduled or bulk-published, but some paths make *other* pages live too:
a page's aliases follow it, a move carries its translations along, a bulk publish may
include descendants, and wagtail-localize's "convert to alias" and "update translations"
publish pages of another locale checking only edit or translate permission. Every such
path is checked here against one rule (docs/editors-and-workflow.md): the user must be
able to publish every page that goes live or changes while live.

The Wagtail paths are guarded with its ``before_*`` hooks (editorial/wagtail_hooks.py);
wagtail-localize's views have no hooks, so ``guard_localize_urls`` puts guarded copies of
its two publishing views in front of them (site_cms/urls.py).
"""

import functools

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext as _

from wagtail.admin.auth import require_admin_access
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import convert, update_translations


def may_publish(user, page):
    """Publish permission on ``page`` and on every alias of it (they go live with it)."""
    pages = [page, *Page.objects.filter(alias_of=page)]
    return all(each.permissions_for_user(user).can_publish() for each in pages)


def may_publish_translation(user, translation):
    """May ``user`` publish the target of a wagtail-localize translation?

    A page that does not exist yet would be created live under its parent's translation. A
    snippet with drafts needs its model's publish permission; one without is saved at once
    whenever it is edited, which the editor may do anyway.
    """
    model = translation.source.specific_content_type.model_class()
    if not issubclass(model, Page):
        if issubclass(model, DraftStateMixin):
            return user.has_perm(get_permission_name("publish", model))
        return True
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist:
        source = translation.source.get_source_instance()
        parent = source.get_parent().get_translation_or_none(translation.target_locale)
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()
    return may_publish(user, target)


def refusal(request, obj):
    """403 with a message the editor understands, and the same message for the next page."""
    title = obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)
    message = _(
        "You may not publish “%(title)s”: it goes live only after approval by the final "
        "editors. Submit it for moderation instead."
    ) % {"title": title}
    messages.error(request, message)
    return HttpResponseForbidden(
        render_to_string("admin/publish_refused.html", {"message": message}, request=request)
    )


def before_move(request, page, destination):
    """A live page (or one with live descendants) moves along with its translations and
    aliases: each needs publish permission at its own destination."""
    moving = [page, *page.get_translations()]
    for each in moving:
        if not (each.live or each.get_descendants().live().exists()):
            continue
        target = destination.get_translation_or_none(each.locale)
        if target is not None and not target.permissions_for_user(request.user).can_publish():
            return refusal(request, each)
    return None


def before_bulk_publish(request, objects, include_descendants):
    for page in objects:
        pages = [page]
        if include_descendants:
            pages += list(page.get_descendants().not_live().specific())
        for each in pages:
            if not may_publish(request.user, each):
                return refusal(request, each)
    return None


def guard_convert_to_alias(view):
    """Converting a translation into an alias of its (live) source makes it live at once."""

    @functools.wraps(view)
    def guarded(request, page_id):
        if request.method == "POST":
            page = get_object_or_404(Page, id=page_id)
            if not may_publish(request.user, page):
                return refusal(request, page)
        return view(request, page_id)

    return guarded


def guard_update_translations(view):
    """ "Update translations" with "publish immediately" publishes every translation."""

    @functools.wraps(view)
    def guarded(request, translation_source_id):
        if request.method == "POST" and request.POST.get("publish_translations"):
            source = get_object_or_404(TranslationSource, id=translation_source_id)
            for translation in source.translations.filter(enabled=True):
                if not may_publish_translation(request.user, translation):
                    return refusal(request, source.get_source_instance())
        return view(request, translation_source_id=translation_source_id)

    return guarded


def guard_localize_urls(prefix):
    """wagtail-localize's publishing views, guarded, at their own addresses under ``prefix``
    (the admin's); they must come before the admin's URLs so they answer first."""
    urlpatterns = [
        path(
            f"{prefix}localize/page/<int:page_id>/convert_to_alias/",
            guard_convert_to_alias(convert.convert_to_alias),
        ),
        path(
            f"{prefix}localize/update/<int:translation_source_id>/",
            guard_update_translations(update_translations.UpdateTranslationsView.as_view()),
        ),
    ]
    return decorate_urlpatterns(urlpatterns, require_admin_access)
