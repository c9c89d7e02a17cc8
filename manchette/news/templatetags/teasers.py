"""`{% teaser article heading="h3" … %}`: an article's teaser, written in Python.

A teaser through the template engine (components/teaser.html, an include per article) cost a
quarter of a millisecond: most of a listing's render once its queries were cheap. Here the
same markup is filled with values escaped as the engine escapes them (`conditional_escape`),
so the HTML is byte for byte what the template made; the picture comes from Wagtail's
`{% image %}` code (`get_rendition_or_not_found` and `img_tag`).
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Site

from manchette.core.templatetags.manchette import html_text, local_dates

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
    authors = teaser_authors(article)
    byline = (" · " + ", ".join(html_text(author.title) for author in authors)) if authors else ""
    iso, date = local_dates(article.first_published_at)
    return SafeString(
        TEASER.format(
            lead=" teaser--lead" if is_lead else "",
            image=image,
            section=section,
            kicker=kicker,
            heading=html_text(heading or "h3"),
            url=html_text(article_url(article)),
            title=html_text(article.title),
            standfirst=standfirst,
            iso=html_text(iso),
            date=html_text(date),
            authors=byline,
        )
    )


def teaser_authors(article):
    """`article.authors`, read straight from a listing's prefetched byline when there is one
    (`listing()`, `attach_teaser_rows`)."""
    kept = getattr(article, "_prefetched_objects_cache", None)
    links = kept.get("author_links") if kept else None
    if links is None or getattr(article, "_cluster_related_objects", None):
        return article.authors
    return [link.author for link in links if link.author_id]


# Addresses of articles written by Wagtail (`page.url`), kept in the process under all that
# Wagtail reads to write them: the page's `url_path`, the site root paths, the URLconf and the
# script prefix (its `reverse()` of the serving view). Bounded, emptied when full.
MAX_KEPT_URLS = 4096
_KEPT_URLS = {}


def article_url(article):
    """`article.url`, kept: Wagtail's `get_url_parts` reverses its serving view each time."""
    paths = getattr(article, SITE_ROOT_PATHS, None)
    if paths is None or not article.url_path:
        return article.url
    key = (article.url_path, tuple(paths), get_urlconf(), get_script_prefix())
    url = _KEPT_URLS.get(key)
    if url is None:
        url = article.url
        if len(_KEPT_URLS) >= MAX_KEPT_URLS:
            _KEPT_URLS.clear()
        _KEPT_URLS[key] = url
    return url


@receiver(setting_changed)
def forget_kept_urls(setting, **kwargs):
    # Tests that swap the URLconf or Wagtail's address settings.
    if setting in ("ROOT_URLCONF", "WAGTAIL_APPEND_SLASH", "WAGTAIL_I18N_ENABLED"):
        _KEPT_URLS.clear()


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
