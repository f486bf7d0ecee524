from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from library.network_setup import create_network, network_pages


class Command(BaseCommand):
    help = (
        "Maakt een nieuw netwerk: een eigen site met home, catalogus, uitleenformulier, "
        "instellingen en de drie rollen (docs/networks.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("naam", help="Naam van het netwerk, bijv. ‘Netwerk Palliatieve Zorg …’")
        parser.add_argument("--hostname", required=True, help="Hostnaam van de site")
        parser.add_argument("--port", type=int, default=80, help="Poort (standaard 80)")
        parser.add_argument(
            "--secretariaat", default="", help="E-mailadres van het secretariaat van dit netwerk"
        )

    def handle(self, *args, **options):
        site = create_network(
            options["naam"],
            options["hostname"],
            options["port"],
            secretariat_email=options["secretariaat"],
        )
        pages = network_pages(site)
        lines = [
            f"Netwerk ‘{site.site_name}’ aangemaakt op {site.root_url}/",
            f"  Home:               {pages.home.full_url}",
            f"  Catalogus:          {pages.catalogue.full_url}",
            f"  Uitleenformulier:   {pages.loan_form.full_url}",
        ]
        if pages.workshops is not None:
            lines.append(f"  Workshops (landelijk gedeeld): {pages.workshops.full_url}")
        else:
            lines.append("  Workshops: nog niet gedeeld (er is nog geen landelijke reeks).")
        lines.append("Groepen (voeg hier de medewerkers van dit netwerk aan toe):")
        for group in Group.objects.filter(network_link__site=site).order_by("name"):
            lines.append(f"  - {group.name}")
        lines.append(
            "Volgende stappen: laat de hostnaam naar deze server wijzen (DNS), zet hem in "
            "ALLOWED_HOSTS en CSRF_TRUSTED_ORIGINS, en voeg gebruikers toe aan de groepen "
            "hierboven."
        )
        self.stdout.write(self.style.SUCCESS(lines[0]))
        self.stdout.write("\n".join(lines[1:]))
