from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_views import LocalTimeInspectView
from core.models import OutgoingEmail, Partner, Person


class OutgoingEmailViewSet(ModelViewSet):
    """Staff see every e-mail the site queued and whether it was delivered."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("E-mails")
    add_to_settings_menu = True
    list_display = ["subject", "to", "purpose", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["subject", "to"]
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_class = LocalTimeInspectView
    inspect_view_fields = [
        "to",
        "subject",
        "purpose",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "text_body",
    ]


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_emails")


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "website", UpdatedAtColumn()]
    list_filter = ["kind", "locale"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation"]
    list_filter = ["locale"]


register_snippet(PartnerViewSet)
register_snippet(PersonViewSet)
