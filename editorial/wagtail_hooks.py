from wagtail import hooks

from editorial.approval import replace_update_message
from editorial.dashboard import EditorialQueuePanel


@hooks.register("construct_homepage_panels")
def add_editorial_queue_panel(request, panels):
    panels.insert(0, EditorialQueuePanel())


@hooks.register("after_edit_page")
def say_what_the_approval_did(request, page):
    replace_update_message(request, page)
