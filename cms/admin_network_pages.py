"""Another network's pages stay out of sight in the admin.

Wagtail's page permissions already keep an editor out of another network's tree (explorer,
page search, edit, history, the admin API). Two screens list pages without asking for a
permission: the page chooser (also behind the rich-text editor's internal link) and the page
types report (each type's last edited page). They would show a user of one network the titles
and addresses of another network's pages, drafts included; here they are cut down to the
user's own networks (`networks.pages_within_networks`); a superuser still sees every network.
The dashboard's "awaiting your review" list asks the review task, which keeps to the own
network (library.models.admission.AdmissionTask); its other panels list the user's own edits
and locks.
"""

from __future__ import annotations

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest
from django.urls import path
from wagtail import hooks
from wagtail.admin import auth as admin_auth
from wagtail.admin.views import chooser
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.models import Page

from cms import networks
from cms.exports import SafeSpreadsheetExportMixin


def own_page_ids(user, page_ids) -> set[int]:
    """Of these page ids, those of pages in the user's networks."""
    pages = Page.objects.filter(pk__in=[pk for pk in page_ids if pk is not None])
    return set(networks.pages_within_networks(pages, user).values_list("pk", flat=True))


def is_on_the_way_to_own_network(page: Page, user) -> bool:
    """A page the user may browse: one of their networks' pages, or one above a network's
    home (the tree's root), through which they reach their own."""
    if networks.pages_within_networks(Page.objects.filter(pk=page.pk), user).exists():
        return True
    roots = Page.objects.filter(sites_rooted_here__in=networks.networks_for(user))
    return any(root.is_descendant_of(page) for root in roots)


# --- the page chooser ------------------------------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def own_networks_pages_in_the_chooser(pages: QuerySet, request: HttpRequest) -> QuerySet:
    user = request.user
    if user.is_superuser:
        return pages
    # The chooser shows the page it browses above its children: another network's page
    # (a draft cover's title) is not found, as if it did not exist.
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None:
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is not None and not is_on_the_way_to_own_network(parent, user):
            raise Http404
    return networks.pages_within_networks(pages, user)


class OwnChosenMultipleView(chooser.ChosenMultipleView):
    """The chooser's "chosen" answer gives each asked page's title and address: another
    network's ids are left out."""

    def get(self, request):
        if not request.user.is_superuser:
            asked = [pk for pk in request.GET.getlist("id") if str(pk).isdigit()]
            own = own_page_ids(request.user, [int(pk) for pk in asked])
            request.GET = request.GET.copy()
            request.GET.setlist("id", [pk for pk in asked if int(pk) in own])
        return super().get(request)


# --- the page types report -------------------------------------------------------------------


class OwnPageTypesUsageFilterSet(PageTypesUsageReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if "site" in self.filters and user is not None and not user.is_superuser:
            own = networks.networks_for(user).select_related("root_page")
            self.filters["site"].extra["choices"] = [
                (site.root_page.path, str(site)) for site in own
            ]


class OwnPageTypesUsageReportView(SafeSpreadsheetExportMixin, PageTypesUsageReportView):
    """Each page type's count and last edited page, over the user's networks' pages."""

    filterset_class = OwnPageTypesUsageFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        own = networks.pages_within_networks(Page.objects.all(), user)
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        if language_code:
            own = own.filter(locale__language_code=language_code)
        if site_root_path:
            own = own.filter(path__startswith=site_root_path)
        latest = own.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            own_count=Count("pages", filter=Q(pages__in=own.values("pk"))),
            own_last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-own_count", "app_label", "model")

    def decorate_paginated_queryset(self, page_types):
        if not self.request.user.is_superuser:
            for item in page_types:
                item.count = item.own_count
                item.last_edited_page_id = item.own_last_edited_page_id
        return super().decorate_paginated_queryset(page_types)


def urls() -> list:
    """Wagtail's views that take no hook, narrowed; they must come before Wagtail's admin
    URLs (cms.admin_networks.network_wide_admin_urls)."""
    return [
        path(
            "admin/choose-page/chosen-multiple/",
            admin_auth.require_admin_access(OwnChosenMultipleView.as_view()),
            name="network_own_choose_page_chosen_multiple",
        ),
        path(
            "admin/reports/page-types-usage/",
            admin_auth.require_admin_access(OwnPageTypesUsageReportView.as_view()),
            name="network_own_page_types_usage",
        ),
        path(
            "admin/reports/page-types-usage/results/",
            admin_auth.require_admin_access(OwnPageTypesUsageReportView.as_view(results_only=True)),
            name="network_own_page_types_usage_results",
        ),
    ]
