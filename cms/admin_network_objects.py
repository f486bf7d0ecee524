"""Wagtail's bulk actions, admin API and snippet counts, kept within the user's networks.

They name objects by id and list them by title, or count them: a bulk action's confirmation
page prints the title of every object asked about (also those the user may not touch: "no
permission to delete <title>"), `id=all` takes every row of a model, the admin API lists every
image and document with its file address, whatever the collection, and the snippets overview
counts every network's rows. For a user of one network the objects of another network do not
exist here: a 404 before Wagtail's view runs, as on the other admin URLs
(cms.networks.own_network_only)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import QuerySet
from django.http import Http404, QueryDict
from wagtail import hooks
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import ModelIndexView

from cms import networks

MISSING = "Niet gevonden in jouw netwerk."


def visible_to(model, user) -> QuerySet | None:
    """The objects of `model` this user's networks hold, or None for a model that is not kept
    per network (reference data, users): those keep Wagtail's own permission checks."""
    if user.is_superuser:
        return None
    if issubclass(model, Page):
        return networks.pages_within_networks(Page.objects.all(), user)
    if model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        return policy.instances_user_has_any_permission_for(user, ["change", "choose"])
    site_field = next(
        (
            field
            for field in model._meta.concrete_fields
            if field.name == "site" and field.related_model is Site
        ),
        None,
    )
    if site_field is not None:
        return networks.within_networks(model._default_manager.all(), user)
    return None


def own_admin_network_objects_action(request, app_label: str, model_name: str, action: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    visible = visible_to(model, request.user) if request.user.is_authenticated else None
    if visible is not None:
        asked = request.GET.getlist("id")
        if "all" in asked:
            parent = request.GET.get("childOf")
            if issubclass(model, Page):
                # "All in this listing": a folder of the user's own tree only.
                if parent and not visible.filter(pk=parent).exists():
                    raise Http404(MISSING)
            else:
                # Every row of the model would be every network's: the own ones instead.
                query = request.GET.copy()
                query.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
                request.GET = QueryDict(query.urlencode())
        else:
            ids = {pk for pk in asked if pk.isdigit()}
            if len(ids) != len(asked) or visible.filter(pk__in=ids).count() != len(ids):
                raise Http404(MISSING)
    return wagtail_bulk_action(request, app_label, model_name, action)


class OwnNetworkFiles:
    def get_queryset(self):
        queryset = super().get_queryset()
        visible = visible_to(queryset.model, self.request.user)
        return queryset if visible is None else queryset.filter(pk__in=visible.values("pk"))


class OwnImagesAdminAPIViewSet(OwnNetworkFiles, ImagesAdminAPIViewSet):
    pass


class OwnDocumentsAdminAPIViewSet(OwnNetworkFiles, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own, which it replaces
def own_network_files_in_admin_api(router):
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)


class OwnSnippetTypesView(ModelIndexView):
    """Snippets: each type with the number of rows the user's networks hold."""

    def _get_snippet_types(self):
        types = super()._get_snippet_types()
        for snippet_type in types:
            visible = visible_to(snippet_type["model"], self.request.user)
            if visible is not None:
                snippet_type["count"] = visible.count()
        return types
