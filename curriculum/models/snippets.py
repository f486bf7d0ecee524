"""Snippets shared by the workshops (and, through essences, by the expert library)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES


class Essence(index.Indexed, models.Model):
    """One of the eight essences of the Kwaliteitskader palliatieve zorg Nederland."""

    number = models.PositiveSmallIntegerField(
        "Nummer",
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        error_messages={"unique": "Er is al een essentie met dit nummer."},
    )
    name = models.CharField("Naam", max_length=120)
    chapter_title = models.CharField("Hoofdstuk (boek) en aflevering (podcast)", max_length=200)
    kwaliteitskader_section = models.CharField(
        "Paragraaf in het Kwaliteitskader", max_length=120, blank=True
    )
    description = models.TextField("Korte beschrijving", blank=True, max_length=800)
    podcast_url = models.URLField("Podcastaflevering", blank=True)
    animation_url = models.URLField("Animatie", blank=True)
    kwaliteitskader_url = models.URLField("Pagina in het Kwaliteitskader", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("chapter_title"),
        FieldPanel("kwaliteitskader_section"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("podcast_url"),
                FieldPanel("animation_url"),
                FieldPanel("kwaliteitskader_url"),
            ],
            heading="Links",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("chapter_title")]

    class Meta:
        ordering = ["number"]
        verbose_name = "Essentie"
        verbose_name_plural = "Essenties"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class WorkMethod(index.Indexed, models.Model):
    """A teaching method a trainer can use in a workshop."""

    name = models.CharField("Naam", max_length=120, unique=True)
    description = models.TextField("Beschrijving", max_length=800)
    how_to_use = RichTextField("Zo gebruik je het", blank=True, features=RICH_TEXT_FEATURES)
    source = models.CharField("Bron", max_length=300, blank=True)
    link = models.URLField("Link", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("how_to_use"),
        FieldPanel("source"),
        FieldPanel("link"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Werkvorm"
        verbose_name_plural = "Werkvormen"

    def __str__(self) -> str:
        return self.name
