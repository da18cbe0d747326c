from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from themes.models import Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = _("Testimonials")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["person", "organisation", "theme", UpdatedAtColumn()]
    list_filter = ["locale"]
    search_fields = ["person", "organisation", "quote"]


register_snippet(TestimonialViewSet)
