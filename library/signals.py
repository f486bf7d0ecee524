"""Search index upkeep for book covers.

Wagtail indexes a page in its post_save signal, before modelcluster has saved the page's tags,
so a newly tagged cover would not be found by its topics. Index it again once published.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from library.models import ExpertIndexPage, ExpertPage


@receiver(page_published, sender=ExpertPage)
def reindex_published_cover(sender, instance, **kwargs) -> None:
    index.insert_or_update_object(instance)


@receiver(page_published)
def queue_print_material(sender, instance, **kwargs) -> None:
    """Re-render the cover, flyer, slide and booklet that a publish changed."""
    from library.catalogue.print_material import regenerate_print_material

    if isinstance(instance, ExpertPage):
        catalogue_id, expert_id = instance.get_parent().pk, instance.pk
        transaction.on_commit(lambda: regenerate_print_material.enqueue(catalogue_id, expert_id))
    elif isinstance(instance, ExpertIndexPage):
        catalogue_id = instance.pk
        transaction.on_commit(lambda: regenerate_print_material.enqueue(catalogue_id))
