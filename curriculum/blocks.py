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

    class Meta:
        icon = "list-ol"
        label = "Programmaonderdeel"
        form_classname = "programme-session"


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
