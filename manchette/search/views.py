from django.shortcuts import render
from django.utils.cache import patch_cache_control

from manchette.core.pagination import get_page
from manchette.news.models import ArticlePage
from manchette.search.services import search_articles

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    page = None
    if query:
        ids = search_articles(query)
        page = get_page(request, ids, RESULTS_PER_PAGE)
        by_pk = ArticlePage.objects.listing().in_bulk(list(page.object_list))
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    response = render(request, "search/search.html", {"query": query, "results": page})
    patch_cache_control(response, public=True, max_age=60)
    return response
