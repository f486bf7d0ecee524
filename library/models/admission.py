"""Who may put a book cover online, and who sees an expert's private data.

A cover goes live only by the working group's approval in the "Toelating expert" workflow:
nobody but a superuser holds a direct publish right on covers (page permissions in Wagtail
are per subtree, not per page type, so the rule lives in the covers' permission tester).
"""

from __future__ import annotations

from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.models import AbstractGroupApprovalTask
from wagtail.models.pages import PagePermissionTester

# The panel "Alleen voor werkgroep en secretariaat" (private e-mail, phone, admission record).
PRIVATE_EXPERT_DATA = "library.change_expert_private_data"


class CoverPermissionTester(PagePermissionTester):
    def can_publish(self) -> bool:
        return self.user.is_superuser and super().can_publish()

    def can_delete(self, ignore_bulk=False) -> bool:
        # A cover leaves the library by withdrawal (library.catalogue.withdrawal.withdraw), which
        # keeps its private data, admission record and loan history. Wagtail lets anyone with
        # "change" delete a draft and with "change" and "publish" a live page, which destroys
        # them.
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_copy(self) -> bool:
        # A copy is a draft outside the admission workflow that carries the expert's private
        # address and phone; a new cover starts from the blank cover or an empty page.
        return self.user.is_superuser and super().can_copy()


class CataloguePermissionTester(PagePermissionTester):
    """A new cover created under the catalogue may not be published on creation either.
    (Other new pages under the catalogue are rare; they go through the same workflow.)

    Taking the catalogue offline, moving or deleting it also takes the loan form beneath it
    away (its address then free for a redirect elsewhere) and deletes every cover: only a
    superuser does that."""

    def can_publish_subpage(self) -> bool:
        return self.user.is_superuser and super().can_publish_subpage()

    def can_unpublish(self) -> bool:
        return self.user.is_superuser and super().can_unpublish()

    def can_move(self) -> bool:
        return self.user.is_superuser and super().can_move()

    def can_delete(self, ignore_bulk=False) -> bool:
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_set_view_restrictions(self) -> bool:
        return self.user.is_superuser and super().can_set_view_restrictions()


class AdmissionTask(AbstractGroupApprovalTask):
    """The working group's check of a cover against the criteria for the expert's kind.

    Approving publishes (cms.workflows.publish_approved); with a required criterion unticked
    the approval is refused and the reviewer is sent back to the editor with the reason.
    """

    @staticmethod
    def works_for_network_of(obj, user) -> bool:
        """The task's groups hold one role group per network: a member reviews the covers of
        their own network only."""
        from cms import networks

        if user.is_superuser:
            return True
        site = networks.network_of_page(obj)
        return site is not None and networks.networks_for(user).filter(pk=site.pk).exists()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Wagtail's "awaiting your review" lists, and anything else asking: own network only.
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        from wagtail.models import Page

        from cms import networks

        own = networks.pages_within_networks(Page.objects.all(), user)
        keys = own.annotate(key=Cast("pk", CharField())).values("key")
        return states.filter(workflow_state__object_id__in=keys)

    def user_can_access_editor(self, obj, user):
        return self.works_for_network_of(obj, user) and super().user_can_access_editor(obj, user)

    def locked_for_user(self, obj, user):
        return not self.works_for_network_of(obj, user) or super().locked_for_user(obj, user)

    def get_actions(self, obj, user):
        if not self.works_for_network_of(obj, user):
            return []
        # The workflow is set on the catalogue, so every page beneath it passes this task;
        # the working group admits covers only. Anything else (the loan form, an instruction
        # page) goes live by someone with the publish right, not by this approval.
        if not getattr(obj.specific_class, "published_by_approval", False) and not (
            user.is_superuser
        ):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # What approval publishes: the latest revision (the task's own revision is the
            # one submitted, before the working group ticked the criteria).
            cover = task_state.workflow_state.content_object.get_latest_revision_as_object()
            if hasattr(cover, "missing_criteria") and cover.missing_criteria():
                return reverse("library_admission_incomplete", args=[cover.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Leden van de gekozen groepen toetsen de boekenkaft aan de criteria; goedkeuren "
            "publiceert hem, en kan pas als de verplichte criteria zijn aangevinkt."
        )

    class Meta:
        verbose_name = "Toetsing door de werkgroep"
        verbose_name_plural = "Toetsingen door de werkgroep"
