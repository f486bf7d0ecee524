"""The admin's "Netwerken": which networks there are, who works for them, and how to add one;
and the "Netwerk" panel on a group's edit page that ties the group to a network and role."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.admin import auth as admin_auth
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import Site

from cms import networks, roles
from cms.exports import SafeSpreadsheetExportMixin
from cms.models import NetworkGroup


@dataclass
class NetworkOverview:
    site: Site
    name: str
    address: str
    home: object
    groups: list[Group]


def network_overview() -> list[NetworkOverview]:
    """Every network with its role groups and how many members each has."""
    overview = []
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "site_name"):
        groups = (
            Group.objects.filter(network_link__site=site)
            .annotate(members=Count("user"))
            .select_related("network_link")
            .order_by("name")
        )
        overview.append(
            NetworkOverview(
                site=site,
                name=networks.network_name(site),
                address=site.root_url + "/",
                home=site.root_page,
                groups=list(groups),
            )
        )
    return overview


def networks_view(request: HttpRequest) -> TemplateResponse:
    # Networks span every network's data: only a superuser oversees them.
    if not request.user.is_superuser:
        raise PermissionDenied
    return TemplateResponse(request, "cms/admin/networks.html", {"networks": network_overview()})


class NetworkGroupForm(forms.Form):
    """The group's network and role; both empty: the group works for no network."""

    site = forms.ModelChoiceField(
        label="Netwerk",
        queryset=Site.objects.order_by("site_name"),
        required=False,
        empty_label="Geen netwerk",
        help_text="Leden van deze groep zien alleen de gegevens van dit netwerk.",
    )
    role = forms.ChoiceField(
        label="Rol",
        choices=[("", "Geen rol")] + [(role, role) for role in roles.ALL_ROLES],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("site")) != bool(cleaned.get("role")):
            raise forms.ValidationError("Kies een netwerk én een rol, of geen van beide.")
        return cleaned


class NetworkGroupPanel:
    """A group permission panel (Wagtail's `register_group_permission_panel`): built with the
    POST data and the group, validated and saved with the group's own form."""

    template = "cms/admin/networks_group_panel.html"

    def __init__(self, data=None, files=None, instance=None, prefix="network"):
        self.instance = instance if instance is not None else Group()
        initial = {}
        link = (
            NetworkGroup.objects.filter(group_id=self.instance.pk).first()
            if self.instance.pk
            else None
        )
        if link is not None:
            initial = {"site": link.site_id, "role": link.role}
        self.form = NetworkGroupForm(data=data, initial=initial, prefix=prefix)

    @property
    def media(self):
        return self.form.media

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def save(self) -> None:
        site = self.form.cleaned_data.get("site")
        role = self.form.cleaned_data.get("role")
        if site and role:
            networks.tie_group(self.instance, site, role)
        else:
            NetworkGroup.objects.filter(group=self.instance).delete()

    def as_admin_panel(self) -> str:
        return render_to_string(self.template, {"form": self.form})


class AllNetworksHistoryView(SafeSpreadsheetExportMixin, LogEntriesView):
    """Wagtail's site history lists every network's changes, each labelled with the object's
    name, which for a loan request or candidate is a person's name: superusers only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return admin_auth.permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def network_wide_admin_urls() -> list:
    """Admin screens that show all networks at once, taken before Wagtail's own."""
    from cms import admin_network_objects, admin_network_pages, network_redirects

    return [
        *network_redirects.urls(),
        *admin_network_pages.urls(),
        path(
            "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
            admin_auth.require_admin_access(admin_network_objects.own_network_bulk_action),
            name="network_wide_bulk_action",
        ),
        path(
            "admin/tag-autocomplete/",
            admin_auth.require_admin_access(admin_network_objects.own_network_tags),
            name="network_wide_tag_autocomplete",
        ),
        path(
            "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
            admin_auth.require_admin_access(admin_network_objects.own_network_tags),
            name="network_wide_tag_autocomplete_for_model",
        ),
        path(
            "admin/snippets/",
            admin_auth.require_admin_access(admin_network_objects.OwnSnippetTypesView.as_view()),
            name="network_wide_snippet_types",
        ),
        path(
            "admin/reports/site-history/",
            admin_auth.require_admin_access(AllNetworksHistoryView.as_view()),
            name="network_wide_site_history",
        ),
        path(
            "admin/reports/site-history/results/",
            admin_auth.require_admin_access(AllNetworksHistoryView.as_view(results_only=True)),
            name="network_wide_site_history_results",
        ),
    ]
