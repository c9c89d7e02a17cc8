"""`{% search_result article %}`: one result of a search page, written in Python (see
`manchette.search.results`), with values escaped as the template engine escapes them."""

import re

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
#
# Valid dates are not part of the key: the markup is kept with stand-in dates, each shown
# once as an input's value, and the asked-for dates are put in their place (a reader trying
# date after date, or a search never asked, renders no widget).
FILTER_FIELDS = ("rubrique", "du", "au", "tri")
DATE_FIELDS = {"du": "1900-01-01", "au": "1900-01-02"}
STAND_IN_RE = re.compile('value="(' + "|".join(DATE_FIELDS.values()) + ')"')
MAX_KEPT_FILTERS = 512
_KEPT_FILTERS = {}


def filters_key(form, filtered, slotted=()):
    values = tuple(
        ("slot",) if name in slotted else tuple(form.data.getlist(name)) for name in FILTER_FIELDS
    )
    choices = tuple((str(value), str(label)) for value, label in form.fields["rubrique"].choices)
    return (values, choices, get_language(), bool(filtered))


def slotted_dates(form):
    """The date fields given once, as the widget writes them back: {name: date}; none when a
    date has an error (one date's error may follow from the other's value)."""
    if any(name in form.errors for name in DATE_FIELDS):
        return {}
    found = {}
    for name in DATE_FIELDS:
        given, day = form.data.getlist(name), form.cleaned_data.get(name)
        if len(given) == 1 and day is not None and given[0] == day.isoformat():
            found[name] = given[0]
    return found


def render_filters(form, filtered):
    markup = render_to_string("search/filters.html", {"form": form, "filtered": filtered})
    return mark_safe(markup.removesuffix("\n"))  # noqa: S308 -- the template escaped it


def with_stand_ins(form, names):
    """`form` asked again with stand-in dates for `names` (no error follows from them: the
    dates they replace were valid, and the first stand-in precedes the second)."""
    data = form.data.copy()
    for name in names:
        data[name] = DATE_FIELDS[name]
    sections = [{"slug": slug, "title": title} for slug, title in form.fields["rubrique"].choices]
    twin = type(form)(data, sections[1:])
    twin.is_valid()
    return twin


@register.simple_tag
def search_filters(form, filtered):
    dates = slotted_dates(form)
    key = filters_key(form, filtered, dates)
    markup = _KEPT_FILTERS.get(key)
    if markup is None:
        if dates:
            markup = render_filters(with_stand_ins(form, dates), filtered)
            if any(markup.count(f'value="{DATE_FIELDS[name]}"') != 1 for name in dates):
                return render_filters(form, filtered)  # a stand-in shown twice: not kept
        else:
            markup = render_filters(form, filtered)
        if len(_KEPT_FILTERS) >= MAX_KEPT_FILTERS:
            _KEPT_FILTERS.clear()
        _KEPT_FILTERS[key] = markup
    if dates:
        days = {DATE_FIELDS[name]: day for name, day in dates.items()}
        markup = STAND_IN_RE.sub(lambda found: f'value="{days.get(found[1], found[1])}"', markup)
    return mark_safe(markup)  # noqa: S308 -- kept escaped, and a date is [0-9-]
