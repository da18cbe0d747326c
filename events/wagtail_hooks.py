from wagtail import hooks

from events.admin_views import RegistrationViewSet


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("event_registrations", url_prefix="events/registrations")
