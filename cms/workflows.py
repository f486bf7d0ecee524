"""What happens when a workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default publishes the approved revision as the approving user and so demands that
user's own publish right. Here the approval itself is the authority: the reviewers were chosen
by the workflow's tasks (e.g. the working group admits book covers), and they deliberately hold
no publish right, so that approving is the only way such a page goes live.
"""

from __future__ import annotations


def publish_approved(workflow_state, user=None) -> None:
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
