from django.core.management.base import BaseCommand, CommandError

from core.operations.backup import BackupError, restore_backup
from core.operations.encryption import EncryptionError


class Command(BaseCommand):
    help = (
        "Restore a backup folder made by `backup` into the configured database (replacing "
        "its contents) and storage, then check every table has the rows the backup had. "
        "An encrypted backup needs the BACKUP_ENCRYPTION_KEY it was made with."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder made by `manage.py backup`")
        parser.add_argument(
            "--noinput", action="store_true", help="do not ask before replacing the database"
        )

    def handle(self, *args, folder, noinput=False, **options):
        if not noinput:
            answer = input("This replaces the database and the stored files. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            files, counts = restore_backup(folder)
        except (BackupError, EncryptionError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"Restored {folder}: {len(counts)} tables checked against the backup, "
                f"{files} files."
            )
