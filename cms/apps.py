from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Website"

    def ready(self):
        from cms import admin_refusals
        from cms.page_cache import connect_invalidation

        connect_invalidation()
        admin_refusals.install()
