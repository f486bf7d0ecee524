"""The workshop series and its eight workshops as pages."""

from __future__ import annotations

import json

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.preview import FramedPreviewMixin, frameable_by_admin
from curriculum.blocks import (
    AuthorBlock,
    ParticipantTaskBlock,
    PreparationItemBlock,
    SessionBlock,
    VersionBlock,
)
from curriculum.models.snippets import Essence

DEFAULT_LICENCE = "CC BY-NC-SA 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.nl"
# Wagtail hands a routable page its remaining path with a slash appended; the public URL has
# none (config/urls.py routes file-like URLs to Wagtail).
GUIDE_ROUTE = r"^docentenhandreiking\.pdf/?$"
DECK_PDF_ROUTE = r"^presentatie\.pdf/?$"
DECK_PPTX_ROUTE = r"^presentatie\.pptx/?$"
RUN_SHEET_PDF_ROUTE = r"^draaiboek\.pdf/?$"
HANDOUT_ROUTE = r"^hand-out\.pdf/?$"
INVITATION_ROUTE = r"^uitnodiging\.(?P<extension>txt|eml)/?$"
PDF_PREVIEW_MODE = "pdf"
# The series' own routes: a workshop with one of these slugs could never be reached.
RESERVED_WORKSHOP_SLUGS = {"werkvormen"}


def general_text(label: str) -> RichTextField:
    return RichTextField(label, blank=True, features=RICH_TEXT_FEATURES)


class WorkshopIndexPage(FramedPreviewMixin, RoutablePageMixin, Page):
    """The series, with the general information every trainer guide shares (chapter 1)."""

    search_result_kind = "Workshops"
    prints_site_address = True  # QR codes and links in its PDFs (cms/wagtail_hooks.py)

    series_title = models.CharField(
        "Titel van de reeks", max_length=200, default="In gesprek over het leven en het einde"
    )
    subtitle = models.CharField("Ondertitel", max_length=250, blank=True)
    introduction = general_text("Inleiding")
    guidance = general_text("Begeleiding")
    target_group = general_text("Doelgroep en groepsgrootte")
    max_participants = models.PositiveSmallIntegerField("Maximaal aantal deelnemers", default=25)
    subgroup_min = models.PositiveSmallIntegerField("Subgroep: minimaal", default=3)
    subgroup_max = models.PositiveSmallIntegerField("Subgroep: maximaal", default=4)
    setup = general_text("Opzet van de workshops")
    programme_structure = general_text("Programma per workshop")
    preparation = general_text("Voorbereiding")
    authors = StreamField([("author", AuthorBlock())], verbose_name="Auteurs", blank=True)
    licence_name = models.CharField("Licentie", max_length=100, default=DEFAULT_LICENCE)
    licence_url = models.URLField("Link naar de licentie", default=DEFAULT_LICENCE_URL)
    versions = StreamField(
        [("version", VersionBlock())], verbose_name="Versiegeschiedenis", blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("series_title"),
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("introduction"),
                FieldPanel("guidance"),
                FieldPanel("target_group"),
                FieldRowPanel(
                    [
                        FieldPanel("max_participants"),
                        FieldPanel("subgroup_min"),
                        FieldPanel("subgroup_max"),
                    ]
                ),
                FieldPanel("setup"),
                FieldPanel("programme_structure"),
                FieldPanel("preparation"),
            ],
            heading="Algemene informatie (hoofdstuk 1 van elke docentenhandreiking)",
        ),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("licence_name"), FieldPanel("licence_url")], heading="Licentie"),
        FieldPanel("versions"),
        HelpPanel(
            heading="Workshops van deze reeks",
            content="<p>De workshops zijn subpagina’s van deze reeks, één per essentie. Elke "
            "essentie heeft al een workshop? Dan biedt ‘Subpagina toevoegen’ geen workshop meer "
            "aan: maak geen nieuwe workshop maar pas een bestaande aan.</p>",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("series_title"),
        index.SearchField("introduction"),
        # The site search (cms.search) also finds a page by the start of a word.
        index.AutocompleteField("series_title"),
        index.AutocompleteField("introduction"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["curriculum.WorkshopPage"]
    max_count = 1
    template = "curriculum/workshop_index_page.html"

    class Meta:
        verbose_name = "Workshopoverzicht"
        verbose_name_plural = "Workshopoverzichten"

    def workshops(self):
        """The published workshops in essence order."""
        return (
            WorkshopPage.objects.child_of(self)
            .live()
            .public()
            .select_related("essence")
            .order_by("essence__number")
        )

    def general_sections(self) -> list[dict]:
        """Chapter 1 of every trainer guide, in the guide's order (also on the web page)."""
        group_size = (
            f"Groepsgrootte: maximaal {self.max_participants} deelnemers, die in subgroepen van "
            f"{self.subgroup_min} tot {self.subgroup_max} personen werken."
        )
        return [
            {"id": "inleiding", "title": "Inleiding", "text": self.introduction},
            {"id": "begeleiding", "title": "Begeleiding", "text": self.guidance},
            {
                "id": "doelgroep",
                "title": "Doelgroep en groepsgrootte",
                "text": self.target_group,
                "extra": group_size,
            },
            {"id": "opzet", "title": "Opzet van de workshops", "text": self.setup},
            {
                "id": "programma",
                "title": "Programma per workshop",
                "text": self.programme_structure,
            },
            {"id": "voorbereiding", "title": "Voorbereiding", "text": self.preparation},
        ]

    @property
    def latest_version(self):
        return self.versions[-1].value if self.versions else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = self.workshops()
        context["essences"] = Essence.objects.all()
        return context

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        from curriculum import guides

        return self.render(
            request, context_overrides={"all_guides_size": guides.all_guides_size_label(self)}
        )

    @re_path(GUIDE_ROUTE, name="all_guides")
    def all_guides(self, request: HttpRequest) -> HttpResponse:
        from curriculum import guides

        return guides.all_guides_response(self)

    @path("werkvormen/", name="work_methods")
    def work_methods(self, request: HttpRequest) -> HttpResponse:
        from curriculum import work_methods

        return work_methods.work_methods_view(request, self)


def running_total(stream_name: str, target_field: str) -> str:
    """Placeholder that static/js/admin-running-totals.js fills while the editor types."""
    return format_html(
        '<p class="running-total" data-running-total="{}" data-target-field="{}" '
        'aria-live="polite"></p>',
        stream_name,
        target_field,
    )


class WorkshopPageForm(WagtailAdminPageForm):
    """Checks that the programme and the preparation add up, with messages in Dutch."""

    def clean(self):
        cleaned = super().clean()
        duration = cleaned.get("duration_minutes")
        programme = cleaned.get("programme")
        if duration and programme is not None:
            total = sum(block.value["minutes"] or 0 for block in programme)
            if total != duration:
                self.add_error(
                    "programme",
                    f"De onderdelen van het programma duren samen {total} minuten; de workshop "
                    f"duurt {duration} minuten. Pas de tijden aan tot ze precies optellen "
                    f"({'+' if duration > total else '−'}{abs(duration - total)} minuten).",
                )
        stated = cleaned.get("preparation_minutes")
        items = cleaned.get("preparation_items")
        if stated is not None and items is not None:
            total = sum(block.value["minutes"] or 0 for block in items)
            if total != stated:
                self.add_error(
                    "preparation_items",
                    f"De voorbereiding duurt volgens de onderdelen {total} minuten, maar als "
                    f"totale voorbereidingstijd staat {stated} minuten. Maak die gelijk.",
                )
        if cleaned.get("slug") in RESERVED_WORKSHOP_SLUGS:
            self.add_error(
                "slug",
                f"Het adres ‘{cleaned['slug']}’ hoort bij een pagina van het workshopoverzicht "
                "zelf. Kies een ander adres.",
            )
        essence = cleaned.get("essence")
        if essence is not None:
            other = WorkshopPage.objects.filter(essence=essence, alias_of__isnull=True).exclude(
                pk=self.instance.pk
            )
            if other.exists():
                self.add_error(
                    "essence",
                    f"Er is al een workshop voor de essentie {essence}: ‘{other.first().title}’. "
                    "Elke essentie heeft één workshop.",
                )
        return cleaned


class ContentStatus(models.TextChoices):
    """Where a workshop's content comes from, shown on its page and its guide's cover."""

    FROM_GUIDE = "from_guide", "Uit de docentenhandreiking"
    EXAMPLE = "example", "Voorbeeldinhoud, nog niet vastgesteld"
    ADOPTED = "adopted", "Vastgesteld door de redactie"


class WorkshopPage(FramedPreviewMixin, RoutablePageMixin, Page):
    """One two-hour workshop on one essence; renders as a web page and as a trainer guide."""

    search_result_kind = "Workshop"
    prints_site_address = True  # QR codes and links in its PDFs (cms/wagtail_hooks.py)

    # One workshop per essence, but every network's alias of it (curriculum/national.py) is a
    # page row with the same essence: the rule lives in the form and in `can_create_at`.
    essence = models.ForeignKey(
        "curriculum.Essence",
        verbose_name="Essentie",
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    part_number = models.PositiveSmallIntegerField(
        "Deel", validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    introduction = RichTextField("Inleiding", features=RICH_TEXT_FEATURES)
    duration_minutes = models.PositiveSmallIntegerField(
        "Duur van de workshop (minuten)", default=120
    )
    preparation_minutes = models.PositiveSmallIntegerField("Totale voorbereidingstijd (minuten)")
    preparation_items = StreamField(
        [("item", PreparationItemBlock())], verbose_name="Voorbereiding (tijdsduur per onderdeel)"
    )
    participant_preparation = StreamField(
        [("task", ParticipantTaskBlock())],
        verbose_name="Vooraf doorgeven aan de deelnemers",
        blank=True,
    )
    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label="Leerdoel", max_length=300))],
        verbose_name="Leerdoelen",
        help_text="De deelnemer …",
    )
    programme = StreamField([("session", SessionBlock())], verbose_name="Programma")
    content_status = models.CharField(
        "Herkomst en status",
        max_length=20,
        choices=ContentStatus.choices,
        default=ContentStatus.EXAMPLE,
        help_text="Staat op de webpagina en op de omslag van de docentenhandreiking.",
    )
    source_note = models.TextField(
        "Toelichting op de herkomst",
        blank=True,
        max_length=600,
        help_text="Bijv. welke versie van de docentenhandreiking, en wat deze site zelf toevoegde.",
    )
    authors = StreamField(
        [("author", AuthorBlock())],
        verbose_name="Auteurs van deze workshop",
        blank=True,
        help_text="Leeg: de handreiking noemt geen auteurs (de reeks heeft eigen auteurs).",
    )
    versions = StreamField(
        [("version", VersionBlock())], verbose_name="Versiegeschiedenis", blank=True
    )

    base_form_class = WorkshopPageForm
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("essence"), FieldPanel("part_number")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("preparation_minutes"),
                FieldPanel("preparation_items"),
                HelpPanel(content=running_total("preparation_items", "preparation_minutes")),
                FieldPanel("participant_preparation"),
            ],
            heading="Voorbereiding",
        ),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldPanel("programme"),
                HelpPanel(content=running_total("programme", "duration_minutes")),
            ],
            heading="Programma",
        ),
        MultiFieldPanel(
            [
                FieldPanel("content_status"),
                FieldPanel("source_note"),
                FieldPanel("authors"),
                FieldPanel("versions"),
            ],
            heading="Herkomst, auteurs en versie",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("learning_goals"),
        index.SearchField("programme"),
        index.RelatedFields(
            "essence", [index.SearchField("name"), index.AutocompleteField("name")]
        ),
        # The site search (cms.search) also finds a workshop by the start of a word.
        index.AutocompleteField("introduction"),
        index.AutocompleteField("learning_goals"),
        index.AutocompleteField("programme"),
    ]

    parent_page_types = ["curriculum.WorkshopIndexPage"]
    subpage_types: list[str] = []
    page_description = (
        "Eén workshop per essentie. Heeft elke essentie al een workshop, dan biedt het beheer "
        "geen nieuwe workshop aan: maak geen nieuwe workshop maar pas een bestaande aan."
    )
    template = "curriculum/workshop_page.html"
    preview_modes = [("", "Webpagina"), (PDF_PREVIEW_MODE, "Docentenhandreiking (PDF)")]

    class Meta:
        verbose_name = "Workshop"
        verbose_name_plural = "Workshops"

    @classmethod
    def can_create_at(cls, parent) -> bool:
        # Each essence has one workshop (the essence is a one-to-one field): once all of them
        # have theirs, a new workshop could only be refused on saving.
        # Aliases on other networks' sites are copies of the national workshops, not workshops.
        taken = WorkshopPage.objects.filter(alias_of__isnull=True).values("essence")
        return super().can_create_at(parent) and Essence.objects.exclude(pk__in=taken).exists()

    # --- derived values used by the web page, the guide and the structured data ---

    @property
    def programme_total(self) -> int:
        return sum(block.value["minutes"] for block in self.programme)

    @property
    def preparation_total(self) -> int:
        return sum(block.value["minutes"] for block in self.preparation_items)

    @property
    def latest_version(self):
        return self.versions[-1].value if self.versions else None

    @property
    def is_example_content(self) -> bool:
        return self.content_status == ContentStatus.EXAMPLE

    def used_work_methods(self) -> list:
        """The work methods the programme uses, each once, in the order they first appear."""
        seen: dict[int, object] = {}
        for session in self.programme:
            for method in session.value["work_methods"]:
                if method is not None and method.pk not in seen:
                    seen[method.pk] = method
        return list(seen.values())

    @property
    def series(self) -> WorkshopIndexPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def iso_duration(self) -> str:
        hours, minutes = divmod(self.duration_minutes, 60)
        return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")

    def structured_data(self, request: HttpRequest | None = None) -> SafeString:
        """schema.org Course as JSON-LD, escaped for a <script> element."""
        series = self.series
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "description": f"Workshop over de essentie {self.essence.name} van het "
            "Kwaliteitskader palliatieve zorg Nederland.",
            "inLanguage": "nl",
            "timeRequired": self.iso_duration(),
            "teaches": [block.value for block in self.learning_goals],
            "about": self.essence.name,
            "hasCourseInstance": {
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "courseWorkload": self.iso_duration(),
            },
        }
        if series:
            data["isPartOf"] = {"@type": "Course", "name": series.series_title}
            data["license"] = series.licence_url
        if request is not None:
            data["url"] = self.get_full_url(request)
        text = json.dumps(data, ensure_ascii=False)
        # The same escaping as Django's json_script: no way out of the <script> element.
        text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
        return SafeString(text)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context

    # --- routes and preview ---

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        from curriculum import guides

        return self.render(request, context_overrides={"guide_size": guides.guide_size_label(self)})

    @re_path(GUIDE_ROUTE, name="guide")
    def guide(self, request: HttpRequest) -> HttpResponse:
        from curriculum import guides

        return guides.guide_response(self)

    @re_path(DECK_PDF_ROUTE, name="deck_pdf")
    def deck_pdf(self, request: HttpRequest) -> HttpResponse:
        from curriculum import decks
        from curriculum.national import original_of

        return decks.deck_pdf_response(original_of(self))

    @re_path(DECK_PPTX_ROUTE, name="deck_pptx")
    def deck_pptx(self, request: HttpRequest) -> HttpResponse:
        from curriculum import decks
        from curriculum.national import original_of

        return decks.deck_pptx_response(original_of(self))

    @path("draaiboek/", name="run_sheet")
    def run_sheet(self, request: HttpRequest) -> HttpResponse:
        from curriculum import run_sheets

        return run_sheets.run_sheet_view(request, self)

    @re_path(RUN_SHEET_PDF_ROUTE, name="run_sheet_pdf")
    def run_sheet_pdf(self, request: HttpRequest) -> HttpResponse:
        from curriculum import run_sheets

        return run_sheets.run_sheet_pdf_view(request, self)

    @re_path(HANDOUT_ROUTE, name="handout")
    def handout(self, request: HttpRequest) -> HttpResponse:
        from curriculum import handouts
        from curriculum.national import original_of

        return handouts.handout_response(original_of(self))

    @re_path(INVITATION_ROUTE, name="invitation")
    def invitation(self, request: HttpRequest, extension: str) -> HttpResponse:
        from curriculum import invitations

        return invitations.invitation_response(request, self, extension)

    @frameable_by_admin
    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        # RoutablePageMixin.serve_preview always resolves "/", so dispatch on the mode here.
        if mode_name == PDF_PREVIEW_MODE:
            from curriculum import guides

            return guides.preview_response(self)
        return super().serve_preview(request, mode_name)
