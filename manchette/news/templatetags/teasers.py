"""`{% teaser article heading="h3" … %}`: an article's teaser, written in Python.

A teaser through the template engine (components/teaser.html, an include per article) cost a
quarter of a millisecond: most of a listing's render once its queries were cheap. Here the
same markup is filled with values escaped as the engine escapes them (`conditional_escape`),
so the HTML is byte for byte what the template made; the picture comes from Wagtail's
`{% image %}` code (`get_rendition_or_not_found` and `img_tag`).
"""

from django import template
from django.utils.safestring import SafeString
from wagtail.images.shortcuts import get_rendition_or_not_found

from manchette.core.templatetags.manchette import date_fr, html_text, iso

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


def render_teaser(article, heading="h3", is_lead=False, show_section=False, show_standfirst=False):
    image = ""
    if article.lead_image:
        spec = "fill-960x540" if is_lead else "fill-480x270"
        rendition = get_rendition_or_not_found(article.lead_image, spec)
        image = IMAGE.format(img=rendition.img_tag(PICTURE_ATTRS))
    section = ""
    if show_section and article.section:
        section = f'<p class="teaser__section">{html_text(article.section.title)}</p>'
    kicker = ""
    if article.kicker:
        kicker = f'<p class="teaser__kicker">{html_text(article.kicker)}</p>'
    standfirst = ""
    if is_lead or show_standfirst:
        standfirst = f'<p class="teaser__standfirst">{html_text(article.standfirst)}</p>'
    authors = article.authors
    byline = (" · " + ", ".join(html_text(author.title) for author in authors)) if authors else ""
    return SafeString(
        TEASER.format(
            lead=" teaser--lead" if is_lead else "",
            image=image,
            section=section,
            kicker=kicker,
            heading=html_text(heading or "h3"),
            url=html_text(article.url),
            title=html_text(article.title),
            standfirst=standfirst,
            iso=html_text(iso(article.first_published_at)),
            date=html_text(date_fr(article.first_published_at)),
            authors=byline,
        )
    )


@register.simple_tag
def teaser(article, heading="h3", is_lead=False, show_section=False, show_standfirst=False):
    return render_teaser(article, heading, is_lead, show_section, show_standfirst)
