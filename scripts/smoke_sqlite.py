"""Smoke test of the embedded default: migrate, load the demo content twice, render home,
back up and restore (SQLite's side of `manage.py backup` / `restore`).

Run by scripts/test.sh with DATABASE_URL pointing at a fresh SQLite file.
"""

import os
import sys
import tempfile

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.dev")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Page  # noqa: E402

assert connection.vendor == "sqlite", connection.vendor
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo_content", verbosity=0)
pages_after_first = Page.objects.count()
call_command("load_demo_content", verbosity=0)
assert Page.objects.count() == pages_after_first, "demo content duplicated on a second run"

client = Client()
for path in ("/nl/", "/en/"):
    response = client.get(path, follow=True)
    assert response.status_code == 200, (path, response.status_code)
    assert b"<h1" in response.content, path
with tempfile.TemporaryDirectory() as backups:
    call_command("backup", "--to", backups, verbosity=0)
    Page.objects.filter(depth__gt=2).delete()
    (folder,) = os.listdir(backups)
    call_command("restore", os.path.join(backups, folder), "--noinput", verbosity=0)
assert Page.objects.count() == pages_after_first, "the restored database lacks pages"
print(
    f"SQLite smoke test passed: {pages_after_first} pages, /nl/ and /en/ render, backup restored."
)
