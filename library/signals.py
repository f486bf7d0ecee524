"""Search index upkeep for book covers, print material, and the admission workflow.

Wagtail indexes a page in its post_save signal, before modelcluster has saved the page's tags,
so a newly tagged cover would not be found by its topics. Index it again once published.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from library.catalogue.admission import assign_admission_workflow
from library.models import ExpertIndexPage, ExpertPage


@receiver(post_save, sender=ExpertIndexPage)
def admission_for_new_catalogue(sender, instance, created, raw=False, **kwargs) -> None:
    """New book covers under a new catalogue go through the working group's approval."""
    if created and not raw:
        assign_admission_workflow(instance)


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


@receiver(workflow_approved)
def admit_candidate(sender, instance, user=None, **kwargs) -> None:
    """A candidate's cover approved (and so published): welcome them and tell the lead, once
    the approval is committed (an e-mail cannot be taken back)."""
    candidate_decided(instance, user, admitted=True)


@receiver(workflow_rejected)
def reject_candidate(sender, instance, user=None, **kwargs) -> None:
    candidate_decided(instance, user, admitted=False)


def candidate_decided(workflow_state, user, *, admitted: bool) -> None:
    from library.recruitment import pipeline

    page = workflow_state.content_object  # the base Page: compare its specific class
    if getattr(page, "specific_class", None) is not ExpertPage:
        return
    candidate = pipeline.candidate_in_admission(page)
    if candidate is None:  # a cover made in the admin, or an expert's changed cover
        if admitted:
            expert = page.specific
            transaction.on_commit(lambda: pipeline.cover_approved(expert, user))
        return
    decide = pipeline.admit if admitted else pipeline.reject
    transaction.on_commit(lambda: decide(candidate, user))
