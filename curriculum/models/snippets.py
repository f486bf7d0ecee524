"""Snippets shared by the workshops (and, through essences, by the expert library)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from curriculum.blocks import PrintableCardBlock


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
    quotation = models.TextField(
        "Citaat",
        blank=True,
        max_length=600,
        help_text="Een citaat dat de essentie opent op de eerste dia. Alleen echte citaten, "
        "met bron; leeg laten mag.",
    )
    quotation_source = models.CharField("Bron van het citaat", max_length=200, blank=True)
    book_chapter = models.CharField(
        "Hoofdstuk in het boek",
        max_length=250,
        blank=True,
        help_text="Zoals deelnemers het vinden, bijv. ‘Hoofdstuk 5, Onderlinge afstemming en "
        "voortgang’.",
    )
    podcast_url = models.URLField("Podcastaflevering", blank=True)
    animation_url = models.URLField("Animatie", blank=True)
    kwaliteitskader_url = models.URLField("Pagina in het Kwaliteitskader", blank=True)
    reading_question = models.TextField(
        "Leesvraag",
        blank=True,
        max_length=600,
        help_text="De vraag die deelnemers meenemen bij het lezen of luisteren.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("chapter_title"),
        FieldPanel("kwaliteitskader_section"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("quotation"), FieldPanel("quotation_source")]),
        MultiFieldPanel(
            [
                FieldPanel("book_chapter"),
                FieldPanel("podcast_url"),
                FieldPanel("animation_url"),
                FieldPanel("kwaliteitskader_url"),
                FieldPanel("reading_question"),
            ],
            heading="Materiaal bij de essentie",
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("chapter_title")]

    class Meta:
        ordering = ["number"]
        verbose_name = "Essentie"
        verbose_name_plural = "Essenties"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class WorkMethodForm(WagtailAdminModelForm):
    """Fills an empty slug from the name and says so in Dutch when another method has it."""

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug") or slugify(cleaned.get("name") or "")[:120]
        if slug:
            taken = WorkMethod.objects.filter(slug=slug).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "slug", f"Het adres ‘{slug}’ hoort al bij ‘{taken.first()}’. Kies een ander."
                )
            cleaned["slug"] = slug
        return cleaned


class WorkMethod(index.Indexed, models.Model):
    """A teaching method a trainer can use in a workshop."""

    name = models.CharField("Naam", max_length=120, unique=True)
    slug = models.SlugField(
        "Adres (slug)",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Het laatste deel van het webadres van de werkvorm; leeg: gemaakt uit de naam.",
        error_messages={"unique": "Er is al een werkvorm met dit adres."},
    )
    description = models.TextField("Beschrijving", max_length=800)
    how_to_use = RichTextField("Zo gebruik je het", blank=True, features=RICH_TEXT_FEATURES)
    group_size = models.CharField(
        "Groepsgrootte",
        max_length=120,
        blank=True,
        help_text="Bijv. ‘tweetallen’ of ‘3 à 4 personen’.",
    )
    materials = models.TextField(
        "Benodigdheden",
        blank=True,
        max_length=800,
        help_text="Eén per regel, bijv. ‘flap-over en stiften’. Komt op de materiaallijst van "
        "het draaiboek.",
    )
    cards = StreamField(
        [("card", PrintableCardBlock())],
        verbose_name="Kaarten om te printen",
        blank=True,
        help_text="Kaarten die deelnemers in handen krijgen; ze komen in de hand-out.",
    )
    source = models.CharField("Bron", max_length=300, blank=True)
    link = models.URLField("Link", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("how_to_use"),
        FieldRowPanel([FieldPanel("group_size"), FieldPanel("materials")]),
        FieldPanel("cards"),
        FieldPanel("source"),
        FieldPanel("link"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    base_form_class = WorkMethodForm

    class Meta:
        ordering = ["name"]
        verbose_name = "Werkvorm"
        verbose_name_plural = "Werkvormen"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    @property
    def material_list(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def anchor(self) -> str:
        """The id of the method's section on the work-methods page and in a guide's appendix."""
        return f"werkvorm-{self.slug}"
