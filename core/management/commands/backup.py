from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.operations.backup import BackupError, create_backup, default_backup_folder
from core.operations.encryption import EncryptionError


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file (images, documents) into a new "
        "timestamped folder under BACKUP_DIR (or --to), encrypted when BACKUP_ENCRYPTION_KEY "
        "is set; then delete all but the BACKUP_KEEP (or --keep) newest backups there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default=None, help="folder to create the backup in")
        parser.add_argument(
            "--keep", type=int, default=None, help="how many backups to keep there (0: all)"
        )

    def handle(self, *args, to=None, keep=None, **options):
        keep = settings.BACKUP_KEEP if keep is None else keep
        try:
            folder, manifest = create_backup(to or default_backup_folder(), keep=keep)
        except (BackupError, EncryptionError) as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            encrypted = "encrypted, " if manifest["encrypted"] else ""
            self.stdout.write(
                f"Backup in {folder} ({encrypted}{keep or 'all'} kept): {manifest['engine']} "
                f"database ({sum(manifest['rows'].values())} rows), {manifest['files']} files."
            )
