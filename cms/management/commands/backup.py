from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Maakt een back-up van de database (pg_dump, of SQLite's online back-up) en van de "
        "media in een nieuwe map. Terugzetten: manage.py restore <map>."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            nargs="?",
            help="nieuwe map voor de back-up (standaard backups/<datum-tijd>)",
        )

    def handle(self, *args, **options):
        target = Path(options["target"] or f"backups/{timezone.now():%Y%m%d-%H%M%S}")
        try:
            made = backup(target)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Back-up gemaakt in {made}")
