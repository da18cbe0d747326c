from django.core.management.base import BaseCommand, CommandError

from core.operations.backup import BackupError, create_backup, default_backup_folder


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file (images, documents) into a new "
        "timestamped folder under BACKUP_DIR (or --to)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default=None, help="folder to create the backup in")

    def handle(self, *args, to=None, **options):
        try:
            folder, manifest = create_backup(to or default_backup_folder())
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"Backup in {folder}: {manifest['engine']} database "
                f"({sum(manifest['rows'].values())} rows), {manifest['files']} files."
            )
