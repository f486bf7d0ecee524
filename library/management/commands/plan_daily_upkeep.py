"""Start the daily upkeep's chain (library/tasks.py), or say when it runs next: run once after
`migrate` (make setup does); harmless to run again."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from library.tasks import plan_daily_upkeep


class Command(BaseCommand):
    help = "Plant het dagelijks onderhoud (herinneringen, bewaartermijn) als taak in de wachtrij."

    def handle(self, *args, **options):
        at = plan_daily_upkeep()
        if at is None:
            self.stdout.write(
                "Deze taakbackend kan geen taak voor later plannen: laat cron "
                "send_reminders en purge_personal_data dagelijks draaien."
            )
            return
        moment = date_format(timezone.localtime(at), "j F Y \\o\\m H:i")
        self.stdout.write(f"Dagelijks onderhoud staat klaar voor {moment}.")
