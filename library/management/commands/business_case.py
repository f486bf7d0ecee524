from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from cms.dates import dutch_date
from cms.money import euro as money
from cms.networks import default_network, network_name
from library.models import BusinessCaseSettings
from library.reporting import business_case


class Command(BaseCommand):
    help = (
        "Rekent de business case van de expertbibliotheek door. Zonder opties: de echte "
        "aantallen van de afgelopen 12 maanden, per netwerk (elk netwerk een blok)."
    )

    def add_arguments(self, parser):
        for name in ("experts", "covers", "supervisors", "residents", "loans"):
            parser.add_argument(f"--{name}", type=int, default=None)
        parser.add_argument(
            "--netwerk",
            metavar="HOSTNAAM",
            default=None,
            help="Alleen dit netwerk (de hostnaam van zijn site). Zonder: elk netwerk apart.",
        )

    def handle(self, *args, **options):
        given = {k: options[k] for k in ("experts", "covers", "supervisors", "residents", "loans")}
        if options["netwerk"]:
            sites = list(Site.objects.filter(hostname=options["netwerk"]))
            if not sites:
                raise CommandError(f"Geen netwerk met hostnaam {options['netwerk']!r}.")
        elif all(value is None for value in given.values()):
            sites = list(Site.objects.order_by("-is_default_site", "pk"))
        else:
            # Given numbers are one estimate: computed once, at the first network's rates.
            sites = [default_network()]
        for site in sites:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Netwerk: {network_name(site)}"))
            self.write_case(site, given)

    def write_case(self, site, given):
        if all(value is None for value in given.values()):
            start, end = business_case.last_twelve_months()
            counts = business_case.counts_for_period(start, end, [site])
            self.stdout.write(
                f"Echte aantallen van {dutch_date(start)} tot en met {dutch_date(end)}"
            )
        else:
            counts = business_case.Counts(**{k: v or 0 for k, v in given.items()})
        case = business_case.compute(counts, BusinessCaseSettings.for_site(site))
        self.stdout.write(
            f"Experts {counts.experts}, boekenkaften {counts.covers}, opleiders "
            f"{counts.supervisors}, AIOS {counts.residents}, leningen {counts.loans}\n"
        )
        for title, lines, total in (
            ("Opstartkosten (eenmalig)", case.startup, case.startup_total),
            ("Periodieke kosten (per jaar)", case.yearly, case.yearly_total),
            ("Per instromende AIOS", case.per_resident, case.per_resident_total),
        ):
            self.stdout.write(title)
            for line in lines:
                amount = money(business_case.rounded(line.amount))
                self.stdout.write(f"  {line.label:<48}{line.minutes:>6} min  {amount:>12}")
            self.stdout.write(f"  {'Totaal':<48}{total[0]:>6} min  {money(total[1]):>12}\n")
        # The one-off start-up and the yearly maintenance stay out of the period's figures.
        self.stdout.write("In de periode (zonder opstartkosten en onderhoud)")
        each, all_residents = money(case.per_resident_total[1]), money(case.residents_total)
        self.stdout.write(f"  AIOS: {counts.residents} × {each} = {all_residents}")
        fee, fees = money(case.expert_fee_per_loan), money(case.expert_fees_total)
        self.stdout.write(f"  Onkostenvergoeding experts: {counts.loans} × {fee} = {fees}")
        self.stdout.write(self.style.SUCCESS(f"  Totaal: {money(case.period_total)}"))
        if case.per_resident_with_fees is not None:
            with_fees = money(case.per_resident_with_fees)
            self.stdout.write(f"  Per AIOS, met onkostenvergoeding: {with_fees}")
