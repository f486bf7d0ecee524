"""Snippets that belong to one network (a `site` field): the supervisors register and the
standard e-mails. Each user lists, opens and changes only their own networks' rows; another
network's row answers 404 on every URL that names it (edit, delete, history, inspect), GET or
POST. A row made by someone without the site field on the form goes to their own network."""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import networks
from cms.exports import SafeSpreadsheetExportMixin
from cms.networks import within_networks


class NetworkIndexView(SafeSpreadsheetExportMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        return within_networks(super().get_base_queryset(), self.request.user)

    @cached_property
    def own_networks(self) -> list:
        return list(networks.networks_for(self.request.user))

    @cached_property
    def columns(self):
        # A network column says something only to whoever sees more than one network.
        if len(self.own_networks) > 1:
            return super().columns
        return [column for column in super().columns if column.name != "network_label"]

    def get_page_subtitle(self):
        if len(self.own_networks) == 1:
            return networks.network_name(self.own_networks[0])
        return super().get_page_subtitle()


class NetworkCreateView(snippet_views.CreateView):
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "site" not in form.fields:
            # Before validation, so the model's checks (one per network) see the network.
            form.instance.site = networks.home_network(self.request.user)
        return form


class NetworkSnippetViewSet(SnippetViewSet):
    index_view_class = NetworkIndexView
    add_view_class = NetworkCreateView
    # What a 404 says for another network's row (the same as for one that does not exist).
    missing = "Niet gevonden in jouw netwerk."

    def register_chooser_viewset(self):
        # No chooser: nothing links to these rows, and Wagtail's snippet chooser would list
        # every network's rows to any admin user.
        pass

    def rows_of(self, user):
        return within_networks(self.model.objects.all(), user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        only_own = networks.own_network_only(self.rows_of, self.missing)
        for pattern in patterns:
            pattern.callback = only_own(pattern.callback)
        return patterns
