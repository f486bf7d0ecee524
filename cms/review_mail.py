"""Who hears that a page waits for their review. Wagtail's group approval notifier mails
every member of the task's groups; the task's groups hold one role group per network
(cms.networks.create_network_roles adds each new network's), so a cover submitted in one
network would reach every network's working group: its title and author, before it is public.
This notifier keeps the same e-mail and leaves out the groups of other networks."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from cms import networks

# Wagtail's own dispatch_uid (wagtail.admin.signal_handlers): whichever app is ready first,
# only one of the two notifiers stays connected, and it is this one.
DISPATCH_UID = "group_approval_task_submitted_email_notification"


class NetworkReviewNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state: TaskState, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        obj = task_state.workflow_state.content_object
        site = networks.network_of_page(obj) if hasattr(obj, "get_site") else None
        if site is None:
            return recipients
        groups = task_state.task.specific.groups.filter(
            Q(network_link__site=site) | Q(network_link__isnull=True)
        )
        own = get_user_model().objects.filter(Q(groups__in=groups) | Q(is_superuser=True))
        return recipients.filter(pk__in=own.values("pk"))


# Held here: a signal keeps only a weak reference to its receiver.
notifier = NetworkReviewNotifier()


def install() -> None:
    task_submitted.disconnect(sender=TaskState, dispatch_uid=DISPATCH_UID)
    task_submitted.connect(notifier, sender=TaskState, dispatch_uid=DISPATCH_UID)
