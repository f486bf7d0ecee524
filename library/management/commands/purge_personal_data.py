from django.core.management.base import BaseCommand

from cms.dates import dutch_date
from cms.networks import network_name
from library.process.retention import purge_personal_data


class Command(BaseCommand):
    help = (
        "Verwijdert naam, e-mailadres, telefoonnummer en motivatie uit afgesloten aanvragen "
        "(en hun formulierinzendingen) die langer dan de bewaartermijn dicht zijn. De cijfers "
        "voor de rapporten blijven."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Niets wijzigen; alleen laten zien welke aanvragen het zou betreffen.",
        )

    def handle(self, *args, **options):
        results = purge_personal_data(dry_run=options["dry_run"])
        for result in results:
            verb = "Zou anonimiseren" if result.dry_run else "Geanonimiseerd"
            self.stdout.write(
                f"{network_name(result.site)}: bewaartermijn {result.months} maanden, "
                f"afgesloten vóór {dutch_date(result.cutoff)}."
            )
            for loan in result.requests:
                self.stdout.write(
                    f"  aanvraag {loan.pk}: {loan.get_status_display()} sinds "
                    f"{dutch_date(loan.status_changed_at)}"
                )
            self.stdout.write(f"{verb}: {len(result.requests)} aanvragen.")
        if options["dry_run"]:
            self.stdout.write("Proefdraai: er is niets gewijzigd.")
