"""StreamField blocks of the workshop pages."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

PROGRAMME_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class PreparationItemBlock(blocks.StructBlock):
    activity = blocks.CharBlock(label="Activiteit", max_length=250)
    minutes = blocks.IntegerBlock(label="Minuten", min_value=1, max_value=600)
    link = blocks.URLBlock(label="Link", required=False)

    class Meta:
        icon = "time"
        label = "Voorbereiding"
        form_classname = "preparation-item"


class ParticipantTaskBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Wat de deelnemer vooraf doet", max_length=300)
    link = blocks.URLBlock(label="Link", required=False)

    class Meta:
        icon = "tick"
        label = "Opdracht vooraf"


class SessionBlock(blocks.StructBlock):
    minutes = blocks.IntegerBlock(label="Minuten", min_value=1, max_value=600)
    part = blocks.CharBlock(label="Onderdeel", max_length=120)
    description = blocks.RichTextBlock(
        label="Beschrijving",
        features=PROGRAMME_TEXT_FEATURES,
        help_text="Genummerde vragen als genummerde lijst: de nummering blijft behouden.",
    )
    tips = blocks.RichTextBlock(
        label="Tips voor werkvormen en hulpmiddelen",
        features=PROGRAMME_TEXT_FEATURES,
        required=False,
    )
    work_methods = blocks.ListBlock(
        SnippetChooserBlock("curriculum.WorkMethod"),
        label="Werkvormen",
        default=[],
        min_num=0,
    )
    materials = blocks.ListBlock(
        blocks.CharBlock(label="Benodigdheid", max_length=120),
        label="Benodigdheden",
        default=[],
        min_num=0,
        help_text="Wat de trainer voor dit onderdeel klaarlegt (de werkvormen voegen die van "
        "henzelf toe), bijv. ‘geprinte casus per groepje’.",
    )
    for_participants = blocks.BooleanBlock(
        label="Opdracht voor deelnemers",
        required=False,
        help_text="Aanvinken als de deelnemers deze beschrijving (casus en vragen) op papier en "
        "op een dia krijgen. Tips blijven altijd voor de trainer.",
    )

    class Meta:
        icon = "list-ol"
        label = "Programmaonderdeel"
        form_classname = "programme-session"


CARD_COLOURS = [
    ("wit", "Wit"),
    ("rood", "Rood"),
    ("zwart", "Zwart"),
    ("geel", "Geel"),
    ("groen", "Groen"),
    ("blauw", "Blauw"),
    ("oranje", "Oranje"),
]


class PrintableCardBlock(blocks.StructBlock):
    """A card participants hold during a work method (a thinking hat, a traffic-light colour)."""

    title = blocks.CharBlock(label="Titel", max_length=60)
    text = blocks.TextBlock(label="Tekst", max_length=300)
    colour = blocks.ChoiceBlock(choices=CARD_COLOURS, label="Kleur", default="wit")

    class Meta:
        icon = "doc-empty"
        label = "Kaart"


class AuthorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Naam", max_length=120)
    organisation = blocks.CharBlock(label="Organisatie", max_length=200, required=False)

    class Meta:
        icon = "user"
        label = "Auteur"


class VersionBlock(blocks.StructBlock):
    version = blocks.CharBlock(label="Versie", max_length=20)
    date = blocks.DateBlock(label="Datum")
    changes = blocks.CharBlock(label="Wijzigingen", max_length=300, required=False)

    class Meta:
        icon = "history"
        label = "Versie"
