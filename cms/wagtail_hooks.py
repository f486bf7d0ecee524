from django.urls import path
from wagtail import hooks

from cms.two_factor import views as two_factor


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return [
        path("2fa/instellen/", two_factor.setup, name="cms_two_factor_setup"),
        path("2fa/code/", two_factor.verify, name="cms_two_factor_verify"),
    ]
