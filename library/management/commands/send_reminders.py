from django.core.management.base import BaseCommand

from library.process.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Stuurt het secretariaat één herinnering met de aanvragen die over een termijn zijn, "
        "en AIOS een herinnering voor hun reflectieverslag. Veilig om vaker te draaien (cron): "
        "niemand krijgt dezelfde herinnering twee keer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen laten zien wat er verstuurd zou worden."
        )

    def handle(self, *args, **options):
        run = send_reminders(dry_run=options["dry_run"])
        self.stdout.write(run.summary())
        for loan in run.overdue:
            self.stdout.write(f"  termijn: aanvraag {loan.pk} ({loan.get_status_display()})")
        for loan in run.reflections:
            self.stdout.write(f"  reflectieverslag: aanvraag {loan.pk}")
