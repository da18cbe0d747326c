"""No admin screen answers 5xx, whoever is logged in, on the demo content.

The crawl (tests/admin_crawl.py) finds what to visit: each group's admin menu and the
screens linked from it, every listing searched and filtered, every chooser searched in both
locales, the add, edit and preview views of every page type and snippet.
"""

import pytest

from editorial import groups as editorial
from tests import admin_crawl
from tests.helpers import make_superuser, make_user

ROLES = [
    editorial.EDITORS,
    editorial.MODERATORS,
    editorial.NEWSLETTER,
    editorial.QUESTIONS,
    "superuser",
]


@pytest.fixture
def user_of(demo):
    def make(role):
        if role == "superuser":
            return make_superuser("crawl-admin")
        return make_user(f"crawl-{role.lower()}", role)

    return make


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_screen_fails(client, user_of, role):
    user = user_of(role)
    client.force_login(user)
    crawler = admin_crawl.Crawler(client)
    crawler.screen("/admin/")
    menu = admin_crawl.menu_urls(user)
    assert menu, "every group reaches something in the admin"
    for url in menu:
        crawler.listing(url)
    for url in admin_crawl.chooser_urls():
        crawler.chooser(url)
    for urls in admin_crawl.page_type_urls() + admin_crawl.snippet_urls():
        crawler.editing(*urls)
    assert crawler.visited > 100
    assert crawler.errors == [], "\n".join(crawler.errors)
