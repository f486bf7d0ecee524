"""After a publish: render everything a trainer downloads again, in the background.

The guide, the slide deck (PDF and PowerPoint) and the participant handout are all drawn from
the workshop's revision; rendering them right after a publish means the trainer who downloads
everything the next morning waits for none of it.
"""

from __future__ import annotations

import logging

from django_tasks import task

from curriculum import decks, guides, handouts
from curriculum.models import WorkshopIndexPage

logger = logging.getLogger(__name__)


@task(backend="pdf")
def regenerate_trainer_material(series_id: int, workshop_id: int | None = None) -> None:
    series = WorkshopIndexPage.objects.filter(pk=series_id).first()
    if series is None:
        return
    workshops = series.workshops()
    if workshop_id is not None:
        workshops = workshops.filter(pk=workshop_id)
    for workshop in workshops:
        guides.guide_pdf(workshop)
        decks.deck_pdf(workshop)
        decks.deck_pptx(workshop)
        handouts.handout_pdf(workshop)
    guides.all_guides_pdf(series)
    logger.info("Materiaal voor trainers bijgewerkt voor reeks %s", series_id)
