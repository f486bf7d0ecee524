"""Redirects per network. A Wagtail redirect belongs to one site (or, without a site, to every
site); Wagtail's own admin lets anyone with the redirect rights make and change them for every
site, so an editor of one network could send another network's visitors anywhere. These
views narrow Wagtail's: a non-superuser sees, makes and changes redirects of their own
networks only; redirects for all sites and the bulk import (which may name any site) are for
superusers."""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from wagtail.admin import auth as admin_auth
from wagtail.contrib.redirects import views as redirect_views

from cms import networks
from cms.exports import SafeSpreadsheetExportMixin


def own_redirects(queryset, user):
    if user.is_superuser:
        return queryset
    return queryset.filter(site__in=networks.networks_for(user))


class NetworkFormMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user = self.request.user
        if not user.is_superuser and "site" in form.fields:
            form.fields["site"].queryset = networks.networks_for(user)
            form.fields["site"].required = True
            form.fields["site"].empty_label = None
        return form


class OwnObjectMixin:
    def get_object(self, *args, **kwargs):
        redirect = super().get_object(*args, **kwargs)
        user = self.request.user
        may_manage = any(
            user.has_perm(f"wagtailredirects.{action}_redirect") for action in ("change", "delete")
        )
        # Without the rights Wagtail answers 403 as for any redirect; with them another
        # network's redirect does not exist for this user.
        if may_manage and not own_redirects(type(redirect).objects.filter(pk=redirect.pk), user):
            raise Http404
        return redirect


class IndexView(SafeSpreadsheetExportMixin, redirect_views.IndexView):
    def get_base_queryset(self):
        return own_redirects(super().get_base_queryset(), self.request.user)


class CreateView(NetworkFormMixin, redirect_views.CreateView):
    pass


class EditView(OwnObjectMixin, NetworkFormMixin, redirect_views.EditView):
    pass


class DeleteView(OwnObjectMixin, redirect_views.DeleteView):
    pass


def superusers_only(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            return admin_auth.permission_denied(request)
        return view(request, *args, **kwargs)

    return wrapped


def urls() -> list:
    def admin(route: str, view, name: str):
        return path(f"admin/redirects/{route}", admin_auth.require_admin_access(view), name=name)

    return [
        admin("", IndexView.as_view(), "network_redirects_index"),
        admin("results/", IndexView.as_view(results_only=True), "network_redirects_results"),
        admin("add/", CreateView.as_view(), "network_redirects_add"),
        admin("<int:redirect_id>/", EditView.as_view(), "network_redirects_edit"),
        admin("<int:redirect_id>/delete/", DeleteView.as_view(), "network_redirects_delete"),
        admin("import/", superusers_only(redirect_views.start_import), "network_redirects_import"),
        admin(
            "import/process/",
            superusers_only(redirect_views.process_import),
            "network_redirects_import_process",
        ),
    ]
