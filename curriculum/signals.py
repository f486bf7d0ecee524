"""Keep the trainer material's cache warm: re-render after a workshop or the series is published."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from curriculum.models import WorkshopIndexPage, WorkshopPage


@receiver(page_published)
def queue_guide_rendering(sender, instance, **kwargs) -> None:
    from curriculum.trainer_material import regenerate_trainer_material

    # An alias is republished with its original, whose material is the one cached for both.
    if getattr(instance, "alias_of_id", None) is not None:
        return

    if isinstance(instance, WorkshopPage):
        series = instance.get_parent()
        if series is not None:
            series_id, workshop_id = series.pk, instance.pk
            transaction.on_commit(
                lambda: regenerate_trainer_material.enqueue(series_id, workshop_id)
            )
    elif isinstance(instance, WorkshopIndexPage):
        series_id = instance.pk
        transaction.on_commit(lambda: regenerate_trainer_material.enqueue(series_id))
