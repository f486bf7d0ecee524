from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem

from library.admin_views import withdraw_expert
from library.models import Availability, ExpertPage


@hooks.register("register_admin_urls")
def library_admin_urls():
    return [
        path(
            "expertbibliotheek/<int:page_id>/terugtreden/",
            withdraw_expert,
            name="library_withdraw_expert",
        )
    ]


@hooks.register("register_page_header_buttons")
def withdraw_button(page, user, view_name=None, next_url=None):
    page = page.specific
    if (
        isinstance(page, ExpertPage)
        and page.availability != Availability.WITHDRAWN
        and page.permissions_for_user(user).can_unpublish()
    ):
        yield MenuItem(
            "Expert laten terugtreden",
            reverse("library_withdraw_expert", args=[page.pk]),
            icon_name="user",
            priority=62,
        )
