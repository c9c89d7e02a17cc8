import html
import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


@register.filter
def date_fr(value, with_time=True):
    """'lundi 12 octobre 2020 à 14 h 05', in the site's time zone, whatever the locale."""
    if not value:
        return ""
    value = timezone.localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{DAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"
    if with_time and with_time != "court":
        text += f" à {value.hour} h {value.minute:02d}"
    return text


@register.simple_tag
def now_fr():
    """Now, as `date_fr` writes it (a draft's preview shows the day it is read)."""
    return date_fr(timezone.now())


def html_text(value):
    """A value as the template engine prints it in HTML (`{{ value }}`), for markup written
    in Python (comment threads, teasers)."""
    kind = type(value)
    if kind is str:
        # What conditional_escape() writes for a plain string (django.utils.html.escape is
        # html.escape), without its checks and SafeString: most values written are these.
        return html.escape(value)
    if value is None or kind is int or isinstance(value, int | float):
        return str(value)
    return conditional_escape(value)


def local_dates(value):
    """(`iso(value)`, `date_fr(value)`) from one conversion to the site's time zone."""
    if not value:
        return "", ""
    value = timezone.localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{DAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"
    text += f" à {value.hour} h {value.minute:02d}"
    return value.replace(microsecond=0).isoformat(), text


@register.filter
def iso(value):
    """An ISO 8601 date and time to the second, in the site's time zone: what HTML's
    `<time datetime>` accepts (at most three decimals of a second, which `date:'c'` exceeds)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    if not path:
        return settings.SITE_URL + "/"
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


@register.simple_tag
def live_url(page):
    """The page's address at SITE_URL if it is live now, else "". Read again from the database:
    the page a review e-mail was given may predate the publication that approval made."""
    from wagtail.models import Page

    live = Page.objects.live().filter(pk=page.pk).first()
    if live is None:
        return ""
    path = urlsplit(live.get_url()).path
    return settings.SITE_URL + path


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, image_url=""):
    """schema.org NewsArticle for search engines."""
    site_settings = context.get("site_settings")
    url = settings.SITE_URL + article.url
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": iso(article.first_published_at) or None,
        "dateModified": iso(article.last_published_at or article.first_published_at) or None,
        "author": [
            {"@type": "Person", "name": a.title, "url": settings.SITE_URL + a.url}
            for a in context.get("authors", [])
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": site_settings.site_name if site_settings else settings.WAGTAIL_SITE_NAME,
            "url": settings.SITE_URL + "/",
        },
        "articleSection": article.section.title if article.section_id else None,
        "inLanguage": "fr",
    }
    if image_url:
        data["image"] = [str(image_url)]  # may be a lazy value
    data = {k: v for k, v in data.items() if v not in (None, "", [])}
    return mark_safe(
        '<script type="application/ld+json">'
        + json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        + "</script>"
    )


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    return {"page_obj": page_obj, "query": context.get("query", "")}


@register.simple_tag(takes_context=True)
def nav_current(context):
    """The menu entry of this page ("/" or a section's URL), or "" when no entry is."""
    request = context.get("request")
    path = getattr(request, "path", "")
    urls = {"/", *(section["url"] for section in context.get("nav_sections") or [])}
    return path if path in urls else ""


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, scope, path, parts):
        self.nodelist = nodelist
        self.name, self.scope, self.path, self.parts = name, scope, path, parts

    def render(self, context):
        from manchette.core.caching.fragments import cached_fragment, fragment_key, site_fragment

        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # Previews show a draft: never cached, never served from the cache.
            return self.nodelist.render(context)
        scope = self.scope.resolve(context)
        key = fragment_key(
            request,
            self.name.resolve(context),
            scope,
            self.path.resolve(context),
            [part.resolve(context) for part in self.parts],
        )
        kept = site_fragment if scope == "site" else cached_fragment
        return kept(key, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    """{% fragment "name" "scope" path [variant…] %}…{% endfragment %}: rendered once, then
    served from the cache until the path's scope is purged (see core/caching/). What is
    inside must be the same for every reader: no CSRF token, no reader state."""
    bits = token.split_contents()
    if len(bits) < 4:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name, a scope, a path and optional variant values."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, scope, path, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, scope, path, parts)
