"""Render the site's PDFs before the first visitor asks for them.

A trainer guide takes seconds to render; after `make setup` (and after a deploy, which
changes the print templates' version) the first trainer would wait for it. The documents come
from the apps through the `WARM_PDF_CACHE_HOOK` Wagtail hook, so cms knows none of them.
Documents already in the cache are skipped; one that is being rendered elsewhere is waited for
(cms.pdf.RenderLock), never rendered twice.
"""

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from cms.pdf import WARM_PDF_CACHE_HOOK, human_size

logger = logging.getLogger(__name__)


def seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


class Command(BaseCommand):
    help = (
        "Zet de pdf's van de site (docentenhandreikingen, catalogusboekje, flyer, dia) klaar "
        "in de cache, zodat de eerste bezoeker niet op het renderen wacht."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        rendered = ready = 0
        failed = []
        self.stdout.write("Pdf's klaarzetten in de cache …")
        for documents in hooks.get_hooks(WARM_PDF_CACHE_HOOK):
            for printable in documents():
                began = time.monotonic()
                try:
                    did_render, size = printable.warm()
                except Exception as error:  # one broken document must not stop the others
                    logger.exception("Pdf klaarzetten mislukt: %s", printable.label)
                    failed.append(printable.label)
                    self.stderr.write(f"  {printable.label}: mislukt ({error})")
                    continue
                if did_render:
                    rendered += 1
                    state = f"gerenderd in {seconds(time.monotonic() - began)}"
                else:
                    ready += 1
                    state = "stond al klaar"
                self.stdout.write(f"  {printable.label}: {state} ({human_size(size)})")
        summary = (
            f"Klaar in {seconds(time.monotonic() - started)}: {rendered} gerenderd, "
            f"{ready} {'stond' if ready == 1 else 'stonden'} al klaar"
        )
        if failed:
            raise CommandError(f"{summary}, {len(failed)} mislukt: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS(f"{summary}."))
