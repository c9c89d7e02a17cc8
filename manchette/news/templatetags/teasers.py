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
from wagtail.models import Site

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


# Where Wagtail keeps the site's root paths on a page once read (`Page._get_site_root_paths`).
SITE_ROOT_PATHS = "_wagtail_cached_site_root_paths"


def share_site_root_paths(render_context, article):
    """Writing `article.url`, Wagtail reads the site's root paths from the cache once per page
    instance (a file read and an unpickling with the file cache): 33 reads on the home page.
    They are read once per template render and given to each teaser's article (and its
    rubrique) as Wagtail keeps them, so the addresses are written by the same code."""
    paths = render_context.get(SITE_ROOT_PATHS)
    if paths is None:
        paths = render_context[SITE_ROOT_PATHS] = Site.get_site_root_paths()
    for page in (article, article.section if article.section_id else None):
        if page is not None and not hasattr(page, SITE_ROOT_PATHS):
            setattr(page, SITE_ROOT_PATHS, paths)


@register.simple_tag(takes_context=True)
def teaser(
    context, article, heading="h3", is_lead=False, show_section=False, show_standfirst=False
):
    share_site_root_paths(context.render_context, article)
    return render_teaser(article, heading, is_lead, show_section, show_standfirst)
