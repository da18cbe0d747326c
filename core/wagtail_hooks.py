from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_views import LocalTimeInspectView
from core.choosers import PartnerChooserViewSet, PersonChooserViewSet
from core.documents import refuse_unpublished_document
from core.explorer import annotate_translation_state, use_annotated_translation_buttons
from core.models import OutgoingEmail, Partner, Person
from core.rich_text import PublicDocumentLinkHandler, PublicPageLinkHandler

# Documents nothing public uses are not served to the public (core/documents.py); after
# Wagtail's collection check, so that a private collection still asks for its password.
hooks.register("before_serve_document", refuse_unpublished_document, order=100)

# The explorer's rows get wagtail-localize's buttons without a query each (core/explorer.py).
hooks.register("construct_explorer_page_queryset", annotate_translation_state)
use_annotated_translation_buttons()


@hooks.register("register_rich_text_features", order=100)
def link_only_public_targets(features):
    """After Wagtail's own link types (order): rich-text links follow the public rule."""
    features.register_link_type(PublicPageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)


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
    chooser_viewset_class = PartnerChooserViewSet


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation"]
    list_filter = ["locale"]
    chooser_viewset_class = PersonChooserViewSet


register_snippet(PartnerViewSet)
register_snippet(PersonViewSet)
