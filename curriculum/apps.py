from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = "Workshops"

    def ready(self) -> None:
        from curriculum import signals  # noqa: F401 - connects the receivers
