"""The project's URLs: Wagtail's admin and documents, each app's own URLs, then the pages."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.admin_networks import network_wide_admin_urls

urlpatterns = [
    # Screens of Wagtail's that span every network are narrowed first (superusers only).
    *network_wide_admin_urls(),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("", include("cms.urls")),
    path("", include("library.urls")),
]

if settings.DEBUG or getattr(settings, "ONE_MACHINE", False):
    from django.views.static import serve

    # One machine (config/settings/dev.py) serves uploaded media itself, debug or not; static
    # files come from WhiteNoise. Django's `static()` helper would do nothing without DEBUG.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Wagtail's own pattern allows no dots; routable pages also serve files such as
    # /workshops/<slug>/docentenhandreiking.pdf and presentatie.pptx.
    re_path(
        r"^((?:[\w\-]+/)*[\w\-]+\.(?:pdf|png|pptx|txt|eml))$",
        wagtail_views.serve,
        name="wagtail_serve_file",
    ),
    path("", include(wagtail_urls)),
]
