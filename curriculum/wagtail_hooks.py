from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.pdf import WARM_PDF_CACHE_HOOK
from curriculum import decks, guides, handouts
from curriculum.models import Essence, WorkMethod, WorkshopPage


class YesNo:
    """A yes or no that reads "Ja" or "Nee" (Wagtail's tick and cross say "True" or "False"
    to a screen reader)."""

    def __init__(self, value: bool):
        self.value = value

    def __bool__(self) -> bool:
        return self.value

    def __str__(self) -> str:
        return "Ja" if self.value else "Nee"


class YesNoColumn(BooleanColumn):
    """Wagtail's tick or cross, with a Dutch text for screen readers."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return None if value is None else YesNo(value)


class EssenceViewSet(SnippetViewSet):
    model = Essence
    icon = "pick"
    # Field names take their heading from the field's verbose name (and stay sortable); the
    # first is the title column with the edit link and the buttons.
    list_display = [
        "number",
        "name",
        "chapter_title",
        "book_chapter",
        YesNoColumn("reading_question", label="Leesvraag"),
        YesNoColumn("podcast_url", label="Podcast"),
    ]
    ordering = ["number"]


class WorkMethodViewSet(SnippetViewSet):
    model = WorkMethod
    icon = "group"
    # Headings from the verbose names: Naam, Groepsgrootte, Bron.
    list_display = ["name", "group_size", "source"]
    search_fields = ["name", "description"]
    # Searched with the database's icontains, as the loan desk (library/admin/desk.py):
    # Wagtail's index on SQLite cannot search a named field.
    search_backend_name = None


class CurriculumViewSetGroup(SnippetViewSetGroup):
    menu_label = "Workshops"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (EssenceViewSet, WorkMethodViewSet)


register_snippet(CurriculumViewSetGroup)


@hooks.register("insert_editor_js")
def running_totals_js():
    # Shows editors the running totals of programme and preparation minutes as they type.
    return format_html('<script src="{}" defer></script>', static("js/admin-running-totals.js"))


@hooks.register("insert_global_admin_css")
def admin_css():
    # The running totals in the editor and the working group's reports.
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register(WARM_PDF_CACHE_HOOK)
def trainer_guides_to_warm():
    return guides.guides_to_warm()


@hooks.register(WARM_PDF_CACHE_HOOK)
def slide_decks_to_warm():
    return decks.decks_to_warm()


@hooks.register(WARM_PDF_CACHE_HOOK)
def handouts_to_warm():
    return handouts.handouts_to_warm()


TRAINER_MATERIAL = (
    ("Docentenhandreiking (PDF)", "docentenhandreiking.pdf"),
    ("Presentatie (PowerPoint)", "presentatie.pptx"),
    ("Presentatie (PDF)", "presentatie.pdf"),
    ("Hand-out deelnemers (PDF)", "hand-out.pdf"),
    ("Draaiboek", "draaiboek/"),
)


@hooks.register("register_page_header_buttons")
def trainer_material_buttons(page, user, view_name=None, next_url=None):
    # What a trainer takes into class, one click from the editor. Only the published version
    # is served, so only a live workshop gets the links.
    page = page.specific
    if isinstance(page, WorkshopPage) and page.live:
        for order, (label, route) in enumerate(TRAINER_MATERIAL):
            # Same priority would sort them by label; keep the order a trainer needs them.
            yield MenuItem(label, page.url + route, icon_name="download", priority=80 + order)


@hooks.register("before_convert_alias_page")
def keep_the_national_curriculum_national(request, page):
    # An alias is read-only; converting it would give a network its own, diverging copy of the
    # national text (curriculum/national.py). Only a superuser may decide that.
    from curriculum.models import WorkshopIndexPage

    if isinstance(page.specific, WorkshopPage | WorkshopIndexPage) and not (
        request.user.is_superuser
    ):
        messages.error(
            request,
            "De workshops zijn landelijk: elk netwerk toont dezelfde tekst. Je kunt deze pagina "
            "daarom niet losmaken van het origineel. Een voorstel voor een wijziging? Mail de "
            "redactie van de landelijke workshops.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
