from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from cms.demo.checks import DemoContentError

DEMO_APPS = {"cms", "curriculum", "library"}


def demo_modules() -> list:
    """Each of the project's apps may ship a `demo` package with a load() function, and a
    check() of its data; in INSTALLED_APPS order, so the site's own pages exist before the
    apps add theirs."""
    modules = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if app_config.name.split(".")[0] in DEMO_APPS and find_spec(module_name) is not None:
            modules.append(import_module(module_name))
    return modules


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (idempotent: een tweede keer verandert niets)."

    def handle(self, *args, **options):
        modules = demo_modules()
        # Every app's demo data is checked before any app writes: broken data loads nothing.
        for module in modules:
            check = getattr(module, "check", None)
            try:
                if check is not None:
                    check()
            except DemoContentError as error:
                raise CommandError(
                    f"De demo-inhoud van {module.__name__} klopt niet: {error}. "
                    "Er is niets geladen."
                ) from error
        before = Page.objects.count()
        for module in modules:
            module.load()
        after = Page.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo-inhoud geladen: {after} pagina's ({after - before:+d}).")
        )
