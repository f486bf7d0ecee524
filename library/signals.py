"""Search index upkeep for book covers.

Wagtail indexes a page in its post_save signal, before modelcluster has saved the page's tags,
so a newly tagged cover would not be found by its topics. Index it again once published.
"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from library.models import ExpertPage


@receiver(page_published, sender=ExpertPage)
def reindex_published_cover(sender, instance, **kwargs) -> None:
    index.insert_or_update_object(instance)
