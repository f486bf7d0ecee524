from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "demo-expertbibliotheek"  # noqa: S105 - a local demo account, dev only


class Command(BaseCommand):
    help = "Maakt (alleen in ontwikkeling) een demo-beheerder aan en toont de inlog."

    def handle(self, *args, **options):
        if not (settings.DEBUG or getattr(settings, "ONE_MACHINE", False)):
            raise CommandError(
                "De demo-beheerder bestaat alleen op één machine (make run), niet in productie."
            )
        User = get_user_model()
        user = User.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            User.objects.create_superuser(
                DEMO_USERNAME,
                "admin@expertbibliotheek.example",
                DEMO_PASSWORD,
                first_name="Demo",
                last_name="Beheerder",
            )
            state = "aangemaakt"
        elif user.check_password(DEMO_PASSWORD):
            state = "bestaat al"
        else:
            self.stdout.write(
                f"Demo-beheerder '{DEMO_USERNAME}' bestaat al met een ander wachtwoord; "
                "ongewijzigd gelaten."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-beheerder {state}: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/  "
                f"gebruikersnaam: {DEMO_USERNAME}  wachtwoord: {DEMO_PASSWORD}"
            )
        )
        if settings.OTP_REQUIRED:
            self.stdout.write(
                "Bij de eerste keer inloggen stel je tweestapsverificatie in met een "
                "authenticator-app. Alleen even rondkijken zonder app: OTP_REQUIRED=false make run"
            )
