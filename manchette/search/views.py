from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from manchette.core.caching.lifetime import page_lifetime
from manchette.core.caching.pages import share_or_keep_private
from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.caching.versions import request_memo
from manchette.core.clients import client_network
from manchette.core.pagination import get_page
from manchette.core.prepared import PreparedQuery
from manchette.core.ratelimit import hit
from manchette.news.context_processors import nav_sections
from manchette.news.models import ArticlePage, attach_teaser_rows
from manchette.search.forms import SearchForm
from manchette.search.highlight import Marker, decorate
from manchette.search.results import RESULTS_PER_PAGE, result_rows
from manchette.search.services import (
    MAX_CANDIDATES,
    MAX_QUERY_LENGTH,
    RESULTS_SECONDS,
    SORT_RELEVANCE,
    Filters,
    TooManySearches,
    answer,
    query_terms,
)
from manchette.search.suggestions import corrected_terms, topic_suggestions

LATEST_ARTICLES = 5
TOO_MANY_SEARCHES = _(
    "Beaucoup de nouvelles recherches sont parties de votre connexion en peu de temps. "
    "Merci de patienter une minute avant d’en lancer une autre."
)


def search(request):
    """The search page. Its answers are kept by the page cache like any page (its path's
    parameters, `wagtail_hooks.py`), under the search path's version, which every change to
    a live article and every view restriction's change renews: a kept page never outlives
    what it shows. Only a page worth keeping is kept: the filters valid, the query as long
    as the form allows, and asked for before since the last publication (`services.answer`),
    so endless made-up queries fill nothing but their short-lived answers.

    A search computed afresh is the one page a visitor can make the site work for at will,
    so each client address may ask for SEARCH_RATE of them; answers already kept are free."""
    form = SearchForm(request.GET, nav_sections())
    worth_keeping = form.is_valid() and len(request.GET.get("q", "")) <= MAX_QUERY_LENGTH
    query = form.value("q", "")
    context = {"form": form, "query": query, "results": None}
    if query:
        try:
            found, asked_before = results_context(request, form, query)
        except TooManySearches:
            return too_many_searches(request, context)
        context.update(found)
        worth_keeping = worth_keeping and asked_before
    response = render(request, "search/search.html", context)
    if worth_keeping:
        return share_or_keep_private(request, response, min(page_lifetime(), RESULTS_SECONDS))
    patch_cache_control(response, private=True, no_cache=True)
    return response


def results_context(request, form, query):
    """The results' context, and whether the answer was already kept (`services.answer`)."""
    section = form.value("rubrique")
    filters = Filters(
        section_slug=section,
        since=form.value("du"),
        until=form.value("au"),
    )
    sort = form.value("tri", SORT_RELEVANCE)
    ids, asked_before = answer(
        query,
        filters,
        sort,
        memo=request_memo(request),
        admit=lambda: hit("search", client_network(request), settings.SEARCH_RATE),
    )
    page = get_page(request, ids, RESULTS_PER_PAGE)
    terms = query_terms(query)
    marker = Marker(terms)
    page.object_list = [decorate(article, marker) for article in result_rows(page.object_list)]
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
    return context, asked_before


def too_many_searches(request, context):
    """The search page, its form filled in, saying why there is no answer this time."""
    context["limited"] = TOO_MANY_SEARCHES
    response = render(request, "search/search.html", context, status=429)
    response["Retry-After"] = "60"
    patch_cache_control(response, private=True, no_cache=True)
    return response


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
        "latest": latest_articles(),
    }


# `ArticlePage.objects.listing()[:LATEST_ARTICLES]`, compiled once per process; its teasers'
# rows (bylines, pictures) read as the front page reads them (`attach_teaser_rows`).
LATEST = PreparedQuery(
    lambda: ArticlePage.objects.listing().prefetch_related(None)[:LATEST_ARTICLES],
    state=any_view_restriction,
)


def latest_articles():
    articles = LATEST.all()
    attach_teaser_rows(articles)
    return articles
