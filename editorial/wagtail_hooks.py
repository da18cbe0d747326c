from wagtail import hooks

from editorial import moderation
from editorial.approval import replace_update_message
from editorial.dashboard import EditorialQueuePanel, without_wagtail_moderation_panels


@hooks.register("construct_homepage_panels")
def add_editorial_queue_panel(request, panels):
    panels[:] = [EditorialQueuePanel(), *without_wagtail_moderation_panels(panels)]


@hooks.register("after_edit_page")
def say_what_the_approval_did(request, page):
    replace_update_message(request, page)


@hooks.register("before_move_page")
def check_publish_permission_on_move(request, page, destination):
    return moderation.before_move(request, page, destination)


@hooks.register("before_bulk_action")
def check_publish_permission_on_bulk_publish(request, action_type, objects, action):
    if action_type == "publish":
        include_descendants = action.cleaned_form.cleaned_data.get("include_descendants", False)
        return moderation.before_bulk_publish(request, objects, include_descendants)
    return None
