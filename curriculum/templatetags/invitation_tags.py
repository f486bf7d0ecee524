"""The participants' invitation on the workshop page (text from curriculum.invitations)."""

from django import template

from curriculum import invitations

register = template.Library()


@register.simple_tag(takes_context=True)
def invitation_text(context, workshop) -> str:
    """{% invitation_text page as text %}: the same text as the .txt download."""
    return invitations.invitation_text(workshop, context.get("request"))
