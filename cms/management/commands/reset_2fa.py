from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Wist de tweestapsverificatie (authenticator-app en herstelcodes) van een gebruiker, "
        "bijvoorbeeld na verlies van de telefoon. Bij de volgende keer inloggen stelt de "
        "gebruiker een nieuwe app in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van het account")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.") from None
        devices = list(devices_for_user(user, confirmed=None))
        if not devices:
            self.stdout.write(
                f"Gebruiker '{username}' had geen tweestapsverificatie ingesteld; niets gewist."
            )
            return
        for device in devices:
            device.delete()  # its recovery codes go with it
        self.stdout.write(
            self.style.SUCCESS(
                f"Tweestapsverificatie van '{username}' gewist: authenticator-app en "
                "herstelcodes zijn verwijderd. Bij het volgende bezoek aan het beheer (ook in een "
                "sessie die nog openstaat) stelt de gebruiker een nieuwe app in."
            )
        )
