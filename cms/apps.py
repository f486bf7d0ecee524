from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Website"
    # For the page cache (cms.page_cache): every model of this app shows on public pages.
    public_content = True

    def ready(self):
        from cms import admin_refusals, networks, review_mail
        from cms.page_cache import connect_invalidation

        connect_invalidation()
        networks.connect_site_cache()
        admin_refusals.install()
        review_mail.install()
