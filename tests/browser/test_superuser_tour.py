"""A superuser's short round in a real browser, in Dutch: gives an editor a second group,
looks at a group's permissions, opens every screen under Settings and Reports from the
menu. Every window is watched for JavaScript errors, CSP violations and 5xx answers."""

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from editorial import groups as editorial
from tests.browser.conftest import log_in, open_menu
from tests.browser.screenshots import screenshot
from tests.helpers import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submenu(page, group):
    """The items of the sidebar's ``group``, as the menu lists them."""
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name=group, exact=True).click()
    items = sidebar.locator(".sidebar-sub-menu-panel").get_by_role("link").all_inner_texts()
    screenshot(page, f"beheer-menu-{group.lower()}")
    page.reload()  # the menu closed again
    return [item.strip() for item in items]


def test_superuser_manages_users_and_groups_and_opens_settings_and_reports(site, new_page):
    get_user_model().objects.create_superuser("beheerder", "beheerder@example.org", PASSWORD)
    admin = new_page()
    log_in(admin, "beheerder")

    open_menu(admin, "Instellingen", "Gebruikers")
    with admin.expect_navigation():
        admin.get_by_role("link", name="Redacteur", exact=True).click()
    admin.get_by_label("Achternaam").fill("de Vries")  # required by Wagtail's user form
    admin.get_by_role("tab", name="Rollen").click()
    admin.get_by_role("checkbox", name=editorial.NEWSLETTER, exact=True).check()
    screenshot(admin, "beheer-gebruiker-rollen")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Opslaan", exact=True).click()
    expect(admin.locator(".messages")).to_contain_text("is gewijzigd")
    editor = site["editor"]
    assert set(editor.groups.values_list("name", flat=True)) == {
        editorial.EDITORS,
        editorial.NEWSLETTER,
    }

    open_menu(admin, "Instellingen", "Groepen")
    with admin.expect_navigation():
        admin.get_by_role("link", name=editorial.EDITORS, exact=True).click()
    expect(admin.locator("main")).to_contain_text("Machtigingen per type object")
    screenshot(admin, "beheer-groep")

    for group in ("Instellingen", "Rapporten"):
        items = submenu(admin, group)
        assert items, group
        for item in items:
            open_menu(admin, group, item)
            expect(admin.locator(".w-breadcrumbs, header h1").first).to_be_attached()
    assert "Statistieken" in submenu(admin, "Rapporten")
