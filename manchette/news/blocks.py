from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        help_text=_("Décrit l’image pour qui ne la voit pas ; le titre de l’image sinon."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False)
    credit = blocks.CharBlock(label=_("crédit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class LinkedEmbedBlock(EmbedBlock):
    """An embed shown as a link: a reader's page loads nothing from a third party."""

    class Meta:
        icon = "media"
        label = _("Contenu externe (vidéo, publication)")
        template = "blocks/embed.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraphe"),
        template="blocks/paragraph.html",
    )
    heading = blocks.CharBlock(
        label=_("Intertitre"), icon="title", form_classname="title", template="blocks/heading.html"
    )
    quote = QuoteBlock()
    image = ImageBlock()
    embed = LinkedEmbedBlock()
