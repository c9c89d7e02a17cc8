from django.shortcuts import render
from django.utils.cache import patch_cache_control

from manchette.core.caching.versions import request_memo
from manchette.core.pagination import get_page
from manchette.news.context_processors import nav_sections
from manchette.news.models import ArticlePage
from manchette.search.forms import SearchForm
from manchette.search.highlight import Marker, decorate
from manchette.search.services import (
    MAX_CANDIDATES,
    SORT_RELEVANCE,
    Filters,
    query_terms,
    search_articles,
)
from manchette.search.suggestions import corrected_terms, topic_suggestions

RESULTS_PER_PAGE = 10
LATEST_ARTICLES = 5


def search(request):
    form = SearchForm(request.GET, nav_sections())
    form.is_valid()
    query = form.value("q", "")
    context = {"form": form, "query": query, "results": None}
    if query:
        context.update(results_context(request, form, query))
    response = render(request, "search/search.html", context)
    patch_cache_control(response, public=True, max_age=60)
    return response


def results_context(request, form, query):
    section = form.value("rubrique")
    filters = Filters(
        section_slug=section,
        since=form.value("du"),
        until=form.value("au"),
    )
    sort = form.value("tri", SORT_RELEVANCE)
    ids = search_articles(query, filters, sort, memo=request_memo(request))
    page = get_page(request, ids, RESULTS_PER_PAGE)
    # The excerpt is taken from the body, which listings leave out.
    shown = ArticlePage.objects.listing().defer(None).defer("search_document")
    by_pk = shown.in_bulk(list(page.object_list))
    terms = query_terms(query)
    marker = Marker(terms)
    page.object_list = [decorate(by_pk[pk], marker) for pk in page.object_list if pk in by_pk]
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "results": page,
        "capped": len(ids) >= MAX_CANDIDATES,
        "params": params.urlencode(),
        "filtered": bool(section or filters.since or filters.until),
    }
    if not ids:
        context.update(nothing_found(terms, params))
    return context


def nothing_found(terms, params):
    """What a page with no result offers: a corrected query, topics, the latest articles."""
    corrected = corrected_terms(terms) if terms else None
    suggestion = None
    if corrected:
        suggested = params.copy()
        suggested["q"] = " ".join(corrected)
        suggestion = {"query": suggested["q"], "params": suggested.urlencode()}
    return {
        "suggestion": suggestion,
        "topics": topic_suggestions(corrected or terms),
        "latest": list(ArticlePage.objects.listing()[:LATEST_ARTICLES]),
    }
