from wagtail import hooks

from editorial.dashboard import EditorialQueuePanel


@hooks.register("construct_homepage_panels")
def add_editorial_queue_panel(request, panels):
    panels.insert(0, EditorialQueuePanel())
