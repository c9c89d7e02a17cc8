"""`{% search_result article %}`: one result of a search page, written in Python (see
`manchette.search.results`), with values escaped as the template engine escapes them."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from manchette.core.templatetags.manchette import date_fr, html_text, iso
from manchette.search.results import page_url

register = template.Library()

RESULT = """<li class="teaser search-result">
        <div class="teaser__body">
          {section}
          <h2 class="teaser__title"><a href="{url}">{title}</a></h2>
          {excerpt}
          <p class="teaser__meta"><time datetime="{iso}">{date}</time>{authors}</p>
        </div>
      </li>"""


def render_result(article, request):
    """`article` as `highlight.decorate` left it (`marked_title`, `excerpt`: safe markup)."""
    section = ""
    if article.section:
        section = f'<p class="teaser__section">{html_text(article.section.title)}</p>'
    excerpt = ""
    if article.excerpt:
        excerpt = f'<p class="search-result__excerpt">{html_text(article.excerpt)}</p>'
    authors = article.authors
    byline = (" · " + ", ".join(html_text(author.title) for author in authors)) if authors else ""
    return SafeString(
        RESULT.format(
            section=section,
            url=html_text(page_url(article, request)),
            title=html_text(article.marked_title),
            excerpt=excerpt,
            iso=html_text(iso(article.first_published_at)),
            date=html_text(date_fr(article.first_published_at)),
            authors=byline,
        )
    )


@register.simple_tag(takes_context=True)
def search_result(context, article):
    return render_result(article, context.get("request"))


# The filters' part of the form (search/filters.html: rubriques, dates, order, their errors),
# kept in the process under all it shows: the values asked for (the fields' raw data, from
# which their errors follow), the rubriques offered, the language and whether the filters are
# open. A renamed rubrique or another value makes another key: nothing needs invalidating.
# Rendering Django's widgets through their templates cost a sixth of a results page. Bounded,
# emptied when full (made-up values cannot grow it).
FILTER_FIELDS = ("rubrique", "du", "au", "tri")
MAX_KEPT_FILTERS = 512
_KEPT_FILTERS = {}


def filters_key(form, filtered):
    values = tuple(tuple(form.data.getlist(name)) for name in FILTER_FIELDS)
    choices = tuple((str(value), str(label)) for value, label in form.fields["rubrique"].choices)
    return (values, choices, get_language(), bool(filtered))


@register.simple_tag
def search_filters(form, filtered):
    key = filters_key(form, filtered)
    markup = _KEPT_FILTERS.get(key)
    if markup is None:
        markup = render_to_string("search/filters.html", {"form": form, "filtered": filtered})
        markup = mark_safe(markup.removesuffix("\n"))  # noqa: S308 -- the template escaped it
        if len(_KEPT_FILTERS) >= MAX_KEPT_FILTERS:
            _KEPT_FILTERS.clear()
        _KEPT_FILTERS[key] = markup
    return markup
