from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Zet een back-up van manage.py backup terug: de database (pg_restore, of de SQLite-kopie) "
        "en de media. Overschrijft wat er nu staat."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="map met de back-up")
        parser.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

    def handle(self, *args, **options):
        source = Path(options["source"])
        if not (source / "backup.json").exists():
            raise CommandError(f"{source} is geen back-up (backup.json ontbreekt).")
        if not options["yes"]:
            answer = input("De huidige database en media worden overschreven. Doorgaan? [ja/nee] ")
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                raise CommandError("Afgebroken; er is niets veranderd.")
        try:
            restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Teruggezet uit {source}")
