from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.pdf import WARM_PDF_CACHE_HOOK
from curriculum import guides
from curriculum.models import Essence, WorkMethod


class EssenceViewSet(SnippetViewSet):
    model = Essence
    icon = "pick"
    list_display = ["number", "name", "chapter_title", "kwaliteitskader_section"]
    ordering = ["number"]


class WorkMethodViewSet(SnippetViewSet):
    model = WorkMethod
    icon = "group"
    list_display = ["name", "source"]
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
