"""Create the admin user for local use, once, and print how to log in.

The user name and password come from ADMIN_USERNAME / ADMIN_PASSWORD; without a password a
random one is generated on creation and kept in .admin-password (git-ignored) so later runs
can print it again. Setting ADMIN_PASSWORD later resets the password.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = "Create (or keep) the admin user and print its credentials."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(
                username=username, email=f"{username}@kennisplatform.example", password=password
            )
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            PASSWORD_FILE.write_text(password + "\n")
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()
        shown = password or "(unchanged; set ADMIN_PASSWORD to reset it)"
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: {username}  password: {shown}"
        )
