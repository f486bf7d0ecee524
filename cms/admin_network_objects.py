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
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404, JsonResponse, QueryDict
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.views import tags as tags_views
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


def own_network_bulk_action(request, app_label: str, model_name: str, action: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    visible = visible_to(model, request.user) if request.user.is_authenticated else None
    if visible is not None:
        asked = request.GET.getlist("id")
        if "all" in asked:
            parent = request.GET.get("childOf", "")
            if issubclass(model, Page):
                # "All in this listing": a folder of the user's own tree, named; without one
                # Wagtail takes (and searches) every page of every network.
                if not parent.isdigit() or not visible.filter(pk=int(parent)).exists():
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


def own_network_tags(request, app_name: str | None = None, model_name: str | None = None):
    """Wagtail's tag suggestions, from the tags on what the user's networks hold: the topics
    of another network's drafts and images stay out of the list."""
    response = tags_views.autocomplete(request, app_name, model_name)  # 404 for a bad model
    term = request.GET.get("term", "")
    if request.user.is_superuser or not term:
        return response
    tag_model = (
        ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        if app_name and model_name
        else Tag
    )
    names = (
        tag_model.objects.filter(tags_in_use(tag_model, request.user), name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[: tags_views.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def tags_in_use(tag_model, user) -> Q:
    """On `tag_model`: the tags on objects this user's networks hold (and on objects that are
    not kept per network), as one subquery per kind of tagged object."""
    from taggit.models import ItemBase

    condition = Q(pk__in=[])
    for through in apps.get_models():
        if not issubclass(through, ItemBase) or through.tag_model() is not tag_model:
            continue
        items = through.objects.all()
        field = next(
            (f for f in through._meta.concrete_fields if f.name in ("content_object", "object_id")),
            None,
        )
        if field is not None and field.name == "content_object":
            visible = visible_to(field.related_model, user)
            if visible is not None:
                items = items.filter(content_object__in=visible.values("pk"))
        elif field is not None:  # generic: per content type
            kinds = Q(pk__in=[])
            for content_type in ContentType.objects.filter(
                pk__in=items.values("content_type").distinct()
            ):
                model = content_type.model_class()
                visible = visible_to(model, user) if model is not None else None
                if visible is None:
                    kinds |= Q(content_type=content_type)
                else:
                    kinds |= Q(content_type=content_type, object_id__in=visible.values("pk"))
            items = items.filter(kinds)
        condition |= Q(pk__in=items.values("tag_id"))
    return condition
