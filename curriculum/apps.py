from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = "Workshops"
    # For the page cache (cms.page_cache): every model of this app shows on public pages.
    public_content = True

    def ready(self) -> None:
        from curriculum import signals  # noqa: F401 - connects the receivers
