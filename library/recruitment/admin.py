"""The recruitment pipeline in the admin, for the working group: candidates, their status, the
invitation (shown filled in before it goes out) and their history with failed e-mails to send
again. Steps go through library.recruitment.pipeline.

A Wagtail ModelViewSet like the loan desk (library.admin.desk): the list with filters, the
add and edit forms and a dossier (the inspect view) come from Wagtail; inviting and retrying
are two extra URLs on the viewset.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from cms import networks
from cms.exports import SafeSpreadsheetExportMixin
from cms.networks import within_networks
from library.admin.forms import EmailForm
from library.admin.mail_steps import report_step, retry_and_report
from library.models import Candidate, ExpertEvent
from library.process.mail import MissingEmailTemplate
from library.recruitment import pipeline
from library.recruitment.forms import CandidateForm

PERMISSION = "library.change_candidate"


class CandidateFilterSet(WagtailFilterSet):
    class Meta:
        model = Candidate
        fields = ["status", "found_via", "kind"]


def dossier_url(candidate: Candidate) -> str:
    return reverse("library_candidate:inspect", args=[candidate.pk])


class CandidateIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        # The list, its filters and export: the candidates of the user's networks only.
        return within_networks(super().get_base_queryset(), self.request.user)

    def get_edit_url(self, instance):
        # A name in the list opens the dossier: status, invitation and history in one place.
        return self.get_inspect_url(instance) or super().get_edit_url(instance)


class CandidateCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return dossier_url(self.object)


class CandidateEditView(EditView):
    def get_success_url(self):
        return dossier_url(self.object)


class CandidateInspectView(InspectView):
    template_name = "library/recruitment/admin/dossier.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = self.object
        context.update(
            candidate=candidate,
            events=candidate.events.select_related("user"),
            can_invite=candidate.status in pipeline.INVITABLE,
            cover=candidate.expert,
        )
        return context


class CandidateViewSet(ModelViewSet):
    model = Candidate
    icon = "user"
    menu_label = "Werving"
    menu_order = 160
    add_to_admin_menu = True
    url_prefix = "werving"
    index_view_class = CandidateIndexView
    add_view_class = CandidateCreateView
    edit_view_class = CandidateEditView
    inspect_view_enabled = True
    inspect_view_class = CandidateInspectView
    list_display = ["name", "kind", "topics", "found_via", "status", "status_changed_at"]
    list_filter = None
    filterset_class = CandidateFilterSet
    search_fields = ["name", "email", "topics"]
    # As the desk: icontains in the database, not the search index (see library.admin.desk).
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return CandidateForm

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("<int:pk>/uitnodigen/", invite_view, name="invite"),
            path("<int:pk>/opnieuw/<int:event_id>/", retry_view, name="retry"),
        ]
        for pattern in patterns:
            pattern.callback = working_group_only(own_network_only(pattern.callback))
        return patterns


def working_group_only(view):
    """A plain 403 for everyone without the working group's right on candidates, whatever the
    method (a crafted POST included), before any view runs."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.has_perm(PERMISSION):
            return TemplateResponse(request, "library/recruitment/admin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


own_network_only = networks.own_network_only(
    lambda user: candidates_of(user), "Geen kandidaat van jouw netwerk."
)


def candidates_of(user) -> QuerySet[Candidate]:
    return within_networks(Candidate.objects.all(), user)


def invite_view(request, pk: int):
    """GET: the invitation as it will go out, editable; POST: send it and mark invited."""
    candidate = get_object_or_404(Candidate, pk=pk)
    if candidate.status not in pipeline.INVITABLE:
        messages.error(request, "Deze kandidaat heeft de boekenkaft al ingestuurd.")
        return redirect(dossier_url(candidate))
    try:
        composed = pipeline.invitation(candidate)
    except MissingEmailTemplate as error:
        messages.error(request, str(error))
        return redirect(dossier_url(candidate))
    form = EmailForm(
        request.POST or None, initial={"subject": composed.subject, "body": composed.body}
    )
    if request.method == "POST" and form.is_valid():
        event = pipeline.invite(candidate, request.user, **form.cleaned_data)
        report_step(
            request,
            event,
            done=f"De uitnodiging aan {candidate} is verstuurd.",
            recorded=f"{candidate} staat op ‘uitgenodigd’",
        )
        return redirect(dossier_url(candidate))
    return TemplateResponse(
        request,
        "library/recruitment/admin/invite.html",
        {"candidate": candidate, "composed": composed, "form": form},
    )


def retry_view(request, pk: int, event_id: int):
    candidate = get_object_or_404(Candidate, pk=pk)
    event = get_object_or_404(ExpertEvent, pk=event_id, candidate=candidate)
    retry_and_report(
        request,
        lambda: pipeline.retry(candidate, event, request.user),
        (pipeline.RecruitmentError, MissingEmailTemplate),
    )
    return redirect(dossier_url(candidate))


recruitment = CandidateViewSet("library_candidate")


@hooks.register("register_admin_viewset")
def register_recruitment():
    return recruitment
