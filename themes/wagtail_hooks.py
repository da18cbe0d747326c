from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.choosers import LocaleChooserViewSetMixin
from themes.models import Testimonial, ThemePage


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


class ThemeChooserViewSet(LocaleChooserViewSetMixin, ChooserViewSet):
    """The themes of the page's language, for pages' theme fields (core/choosers.py)."""

    model = ThemePage
    icon = "folder-open-inverse"
    choose_one_text = _("Choose a theme")
    search_fields = ["title"]
    # Single theme fields keep Wagtail's page chooser.
    register_widget = False

    def get_object_list(self):
        return ThemePage.objects.order_by("title")


@hooks.register("register_admin_viewset")
def register_theme_chooser():
    return ThemeChooserViewSet("theme_chooser")
