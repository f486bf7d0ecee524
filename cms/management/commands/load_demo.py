from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from wagtail.models import Page


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (idempotent: een tweede keer verandert niets)."

    def handle(self, *args, **options):
        before = Page.objects.count()
        # Each of the project's apps may ship a `demo` module with a load() function; they run
        # in INSTALLED_APPS order, so the site's own pages exist before the apps add theirs.
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if app_config.name.split(".")[0] not in {"cms", "curriculum", "library"}:
                continue
            if find_spec(module_name) is None:
                continue
            import_module(module_name).load()
        after = Page.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo-inhoud geladen: {after} pagina's ({after - before:+d}).")
        )
