"""The site's own page types: the home page and a general content page."""

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock, FeaturedLinksBlock
from cms.preview import FramedPreviewMixin


class HomePage(FramedPreviewMixin, Page):
    hero_text = models.TextField(
        "Openingszin",
        max_length=400,
        help_text="Eén of twee zinnen bovenaan de homepage, onder de titel.",
    )
    introduction = RichTextField("Inleiding", blank=True, features=RICH_TEXT_FEATURES)
    featured_links = StreamField(
        FeaturedLinksBlock(),
        verbose_name="Uitgelichte links",
        blank=True,
        help_text="Bijvoorbeeld naar de expertbibliotheek en de workshops.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_text"),
        FieldPanel("introduction"),
        FieldPanel("featured_links"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        # The site search (cms.search) also finds a page by the start of a word.
        index.AutocompleteField("hero_text"),
        index.AutocompleteField("introduction"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "cms/home_page.html"

    # The hero's two paths lead to the site's two collections, found by their page type so an
    # editor who renames or moves them does not break the home page.
    HERO_PATHS = {
        "catalogue": ("library", "ExpertIndexPage"),
        "workshops": ("curriculum", "WorkshopIndexPage"),
    }

    def hero_paths(self) -> dict[str, Page]:
        """The first live catalogue and workshop series under this home page, by path key."""
        paths = {}
        for key, (app_label, model_name) in self.HERO_PATHS.items():
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:  # the app is not installed on this site
                continue
            found = model.objects.live().descendant_of(self).order_by("path").first()
            if found is not None:
                paths[key] = found
        return paths

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hero_paths"] = self.hero_paths()
        return context

    class Meta:
        verbose_name = "Homepage"
        verbose_name_plural = "Homepages"


class StandardPage(FramedPreviewMixin, Page):
    introduction = models.TextField("Inleiding", blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name="Inhoud", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.AutocompleteField("introduction"),
        index.AutocompleteField("body"),
    ]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = "Standaardpagina"
        verbose_name_plural = "Standaardpagina's"
