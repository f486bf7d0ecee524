"""StreamField blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3"), ("h4", "Kop 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "cms/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alternatieve tekst",
        max_length=250,
        help_text="Beschrijf wat er op de afbeelding te zien is, voor wie haar niet kan zien.",
    )
    caption = blocks.CharBlock(label="Onderschrift", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat")
    attribution = blocks.CharBlock(label="Van wie", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "cms/blocks/quote.html"


class LinkStructValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page:
            return page.url
        return self.get("link_url") or ""


def link_page_block() -> blocks.PageChooserBlock:
    return blocks.PageChooserBlock(label="Pagina", required=False)


def link_url_block() -> blocks.CharBlock:
    return blocks.CharBlock(
        label="Of een adres",
        required=False,
        max_length=500,
        help_text="Bijvoorbeeld /expertbibliotheek/ of https://...",
    )


class LinkTargetMixin:
    """Validation for blocks that link to a page of this site or to any URL, exactly one."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("link_url")):
            message = "Kies een pagina óf vul een adres in (precies één van de twee)."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.TextBlock(label="Tekst", required=False)
    button_label = blocks.CharBlock(label="Tekst op de knop", max_length=80)
    page = link_page_block()
    link_url = link_url_block()

    class Meta:
        icon = "pick"
        label = "Oproep tot actie"
        template = "cms/blocks/call_to_action.html"
        value_class = LinkStructValue


class FeaturedLinkBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=120)
    text = blocks.TextBlock(label="Korte tekst", required=False)
    page = link_page_block()
    link_url = link_url_block()

    class Meta:
        icon = "link"
        label = "Uitgelichte link"
        template = "cms/blocks/featured_link.html"
        value_class = LinkStructValue


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Linktekst",
        required=False,
        max_length=200,
        help_text="Leeg: de titel van het document.",
    )

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "cms/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    """The content blocks every standard page can use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Tekst", features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock(label="Tabel", icon="table", template="cms/blocks/table.html")


class FeaturedLinksBlock(blocks.StreamBlock):
    featured_link = FeaturedLinkBlock()
