"""What happens when a workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default publishes the approved revision as the approving user and so demands that
user's own publish right. Here the approval itself is the authority: the reviewers were chosen
by the workflow's tasks (e.g. the working group admits book covers), and they deliberately hold
no publish right, so that approving is the only way such a page goes live.
"""

from __future__ import annotations


def publish_approved(workflow_state, user=None) -> None:
    """Only page types that say so (`published_by_approval = True`) are published on the
    approval's authority; any other page needs the approver's own publish right, as in
    Wagtail's default."""
    obj = workflow_state.content_object
    by_approval = getattr(type(obj), "published_by_approval", False) or getattr(
        getattr(obj, "specific_class", None), "published_by_approval", False
    )
    obj.get_latest_revision().publish(user=user, skip_permission_checks=by_approval)
