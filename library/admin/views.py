"""Admin views of the library that Wagtail has no generic view for."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from library.catalogue import criteria
from library.catalogue.withdrawal import withdraw
from library.models import ExpertPage


def withdraw_expert(request, page_id: int):
    expert = get_object_or_404(ExpertPage, pk=page_id)
    if not expert.permissions_for_user(request.user).can_unpublish():
        raise PermissionDenied
    if request.method == "POST":
        withdraw(expert, request.user)
        messages.success(
            request,
            f"{expert.expert_name} is uit de bibliotheek gehaald. De boekenkaft ‘{expert.title}’ "
            "staat niet meer op de website; de gegevens en de geschiedenis blijven bewaard.",
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[expert.pk]))
    return TemplateResponse(request, "library/admin/withdraw_confirm.html", {"expert": expert})


def admission_incomplete(request, page_id: int):
    """Where a refused approval (a required criterion unticked) lands: the reason, in the
    cover's editor, so the working group can tick the criteria and approve again."""
    expert = get_object_or_404(ExpertPage, pk=page_id)
    if not expert.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    missing = expert.get_latest_revision_as_object().missing_criteria()
    if missing:
        messages.error(request, criteria.missing_message(missing))
    return redirect(reverse("wagtailadmin_pages:edit", args=[expert.pk]))
