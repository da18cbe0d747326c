"""The base of the tests in which an editor creates pages in the admin."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from tests.helpers import make_superuser


class EditorPageTestCase(WagtailPageTestCase):
    """Logged in as an editor (superuser), with a home page of its own at ``self.home``."""

    def setUp(self):
        self.client.force_login(make_superuser())
        self.home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Home", slug="home-test")
        )
