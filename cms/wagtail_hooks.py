from django.contrib import messages
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import cms.admin_network_objects  # noqa: F401 (registers its hooks)
import cms.admin_network_pages  # noqa: F401 (registers its hooks)
from cms import admin_networks
from cms.two_factor import views as two_factor
from cms.web_conventions import LOCAL_HOSTNAMES


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return [
        path("2fa/instellen/", two_factor.setup, name="cms_two_factor_setup"),
        path("2fa/code/", two_factor.verify, name="cms_two_factor_verify"),
    ]


@hooks.register("before_edit_page")
def warn_about_a_local_site_address(request, page):
    # QR codes and printed links carry the Site's address: print material made while it is
    # still this machine's address leads readers nowhere. Page types with print material say
    # so with `prints_site_address`.
    if not getattr(page.specific_class, "prints_site_address", False):
        return None
    site = page.get_site()
    if site is not None and site.hostname in LOCAL_HOSTNAMES:
        messages.warning(
            request,
            f"Let op: het adres van deze site is nog {site.root_url}. QR-codes en links op de "
            "flyers, dia's en handreikingen wijzen daarheen. Laat een beheerder onder "
            "Instellingen › Sites het echte adres invullen voordat je iets laat drukken.",
        )
    return None


@hooks.register("register_admin_urls")
def network_admin_urls():
    return [path("netwerken/", admin_networks.networks_view, name="cms_networks")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def networks_menu_item():
    return SuperuserMenuItem(
        "Netwerken", reverse("cms_networks"), icon_name="site", name="netwerken", order=610
    )


@hooks.register("register_group_permission_panel")
def network_group_panel():
    return admin_networks.NetworkGroupPanel


@hooks.register("construct_reports_menu")
def site_history_for_superusers_only(request, menu_items):
    # The site history spans every network (cms.admin_networks.AllNetworksHistoryView).
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
