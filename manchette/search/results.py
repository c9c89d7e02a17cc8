"""The results a search page shows: their rows in two prepared queries, their markup in Python.

A page of results cost 28 ms of CPU at 200,000 articles, most of it outside the search: the
ORM building and compiling the same listing query (with the lead pictures and renditions the
page never shows) for ten other ids, Wagtail reading the site's root paths from the cache
once per result URL, and the template engine resolving each result's values one by one.
Here the rows come from queries compiled once per process (`core/prepared.py`), the URLs
from the root paths read once per request, and each result's markup is written as the
template wrote it (`{% search_result %}`, as news/templatetags/teasers.py does for teasers).
"""

from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.prepared import PreparedQuery
from manchette.news.models import ArticleAuthor, ArticlePage

RESULTS_PER_PAGE = 10
# One value per result of a page; the ids a page lacks are 0, which no row has.
_IDS = {f"id{n}": int for n in range(RESULTS_PER_PAGE)}

RESULT_ROWS = PreparedQuery(
    lambda **ids: (
        ArticlePage.objects.visible()
        .select_related("section")
        .defer("search_document")
        .filter(pk__in=list(ids.values()))
    ),
    state=any_view_restriction,
    **_IDS,
)
RESULT_BYLINES = PreparedQuery(
    lambda **ids: ArticleAuthor.objects.byline().filter(article_id__in=list(ids.values())),
    **_IDS,
)


def _values(ids):
    ids = list(ids)[:RESULTS_PER_PAGE]
    return dict(zip(_IDS, ids + [0] * (RESULTS_PER_PAGE - len(ids)), strict=True))


def result_rows(ids):
    """The articles of `ids` (at most a page's) the public may see, in the order of `ids`,
    each with its byline, in two queries whatever their number."""
    if not ids:
        return []
    values = _values(ids)
    by_pk = {article.pk: article for article in RESULT_ROWS.all(**values)}
    links = {pk: [] for pk in by_pk}
    for link in RESULT_BYLINES.all(**values):
        if link.article_id in links:
            links[link.article_id].append(link)
    for pk, article in by_pk.items():
        # Where a prefetch keeps it: `ArticlePage.authors` reads it from there.
        byline = ArticleAuthor.objects.all()
        byline._result_cache, byline._prefetch_done = links[pk], True
        article._prefetched_objects_cache = {"author_links": byline}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def page_url(page, request):
    """`page.url`, with the site's root paths read once for the whole request (Wagtail keeps
    them on it) instead of once per page."""
    parts = page.get_url_parts(request=request)
    if parts is None or (parts[1] is None and parts[2] is None):
        return None
    _site_id, root_url, page_path = parts
    if len({values[0] for values in page._get_site_root_paths(request)}) == 1:
        return page_path
    return root_url + page_path
