"""`{% search_result article %}`: one result of a search page, written in Python (see
`manchette.search.results`), with values escaped as the template engine escapes them."""

from django import template
from django.utils.safestring import SafeString

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
