from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Expertbibliotheek"
    # For the page cache (cms.page_cache): visitors see this app's pages and snippets, never
    # these models, so saving them keeps the cached pages.
    public_content = True
    not_on_public_pages = (
        "loanrequest",
        "loanevent",
        "loanformsubmission",
        "evaluation",
        "remindersent",
        "supervisor",
        "emailtemplate",
        "businesscasesettings",
        "loanprocesssettings",
        "candidate",
        "expertevent",
        "reflection",
    )

    def ready(self) -> None:
        from library import signals  # noqa: F401 - connects the receivers
