"""`{% teaser article heading="h3" … %}`: an article's teaser, written in Python.

A teaser through the template engine (components/teaser.html, an include per article) cost a
quarter of a millisecond: most of a listing's render once its queries were cheap. Here the
same markup is filled with values escaped as the engine escapes them (`conditional_escape`),
so the HTML is byte for byte what the template made; the picture comes from Wagtail's
`{% image %}` code (`get_rendition_or_not_found` and `img_tag`).
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from wagtail.images.shortcuts import get_rendition_or_not_found

from manchette.core.templatetags.manchette import date_fr, iso

register = template.Library()

TEASER = """
<article class="teaser{lead}">
  {image}
  <div class="teaser__body">
    {section}
    {kicker}
    <{heading} class="teaser__title"><a href="{url}">{title}</a></{heading}>
    {standfirst}
    <p class="teaser__meta"><time datetime="{iso}">{date}</time>{authors}</p>
  </div>
</article>
"""
IMAGE = '\n  <div class="teaser__image">{img}</div>\n  '
PICTURE_ATTRS = {"alt": "", "loading": "lazy"}


def _text(value):
    """A value as the template engine prints it in HTML."""
    if value is None or isinstance(value, int | float):
        return str(value)
    return conditional_escape(value)


def render_teaser(article, heading="h3", is_lead=False, show_section=False, show_standfirst=False):
    image = ""
    if article.lead_image:
        spec = "fill-960x540" if is_lead else "fill-480x270"
        rendition = get_rendition_or_not_found(article.lead_image, spec)
        image = IMAGE.format(img=rendition.img_tag(PICTURE_ATTRS))
    section = ""
    if show_section and article.section:
        section = f'<p class="teaser__section">{_text(article.section.title)}</p>'
    kicker = ""
    if article.kicker:
        kicker = f'<p class="teaser__kicker">{_text(article.kicker)}</p>'
    standfirst = ""
    if is_lead or show_standfirst:
        standfirst = f'<p class="teaser__standfirst">{_text(article.standfirst)}</p>'
    authors = article.authors
    byline = (" · " + ", ".join(_text(author.title) for author in authors)) if authors else ""
    return SafeString(
        TEASER.format(
            lead=" teaser--lead" if is_lead else "",
            image=image,
            section=section,
            kicker=kicker,
            heading=_text(heading or "h3"),
            url=_text(article.url),
            title=_text(article.title),
            standfirst=standfirst,
            iso=_text(iso(article.first_published_at)),
            date=_text(date_fr(article.first_published_at)),
            authors=byline,
        )
    )


@register.simple_tag
def teaser(article, heading="h3", is_lead=False, show_section=False, show_standfirst=False):
    return render_teaser(article, heading, is_lead, show_section, show_standfirst)
