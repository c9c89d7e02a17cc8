"""Reading comments: a comment's address, an article's threads page by page (a page without
JavaScript, a fragment with it), the count of new ones, and the generated avatars."""

from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from manchette.accounts import proof
from manchette.comments.avatars import avatar_svg
from manchette.comments.common import comment_settings
from manchette.comments.editing import can_manage
from manchette.comments.http import private_page, small_int
from manchette.comments.models import Comment, CommentStatus
from manchette.comments.threads import article_thread, clean_sort, root_page_of
from manchette.comments.views import _live_article, _visible_comment
from manchette.core.ratelimit import ratelimit
from manchette.core.visibility import is_restricted

YEAR = 365 * 86400


@require_http_methods(["GET"])
def permalink(request, pk):
    """A comment's address: the article page that shows it, or its status for its author."""
    comment = _visible_comment(pk)
    if comment.status == CommentStatus.PUBLISHED:
        page = root_page_of(comment, comment_settings().page_size)
        query = f"?page={page}" if page > 1 else ""
        return HttpResponseRedirect(f"{comment.article.url}{query}#{comment.anchor}")
    proven = proof.proven_addresses(request)
    if can_manage(comment, user=request.user, proven=proven) or _typed_here(comment, request):
        return private_page(request, "comments/own_comment.html", {"comment": comment})
    raise Http404


def _typed_here(comment, request):
    """A comment awaiting its confirmation, seen from the browser that typed it (nobody else
    sees it, whatever address was typed)."""
    key = proof.browser_key(request)
    return bool(key) and comment.awaiting_confirmation and comment.browser_key == key


@ratelimit("comment-list", "120/m", methods=("GET",))
@require_http_methods(["GET"])
def article_comments(request, article_id):
    """One page of an article's threads in any order: a page without JS, a fragment with it."""
    article = _live_article(article_id)
    rules = comment_settings()
    section = article_thread(
        article.pk,
        page=request.GET.get("page"),
        order=clean_sort(request.GET.get("tri")),
        page_size=rules.page_size,
        gravatar=rules.gravatar,
    )
    template = (
        "comments/thread_fragment.html"
        if request.GET.get("fragment")
        else "comments/list_page.html"
    )
    response = render(request, template, {"article": article, "comments": section})
    patch_cache_control(response, public=True, max_age=30)
    return response


@require_http_methods(["GET"])
def new_comments(request, article_id):
    """How many comments appeared since the reader's page was rendered (polled)."""
    since = request.GET.get("depuis", "0")
    since = int(since) if small_int(since) else 0
    if is_restricted(article_id):
        raise Http404
    count = Comment.objects.published().filter(article_id=article_id, pk__gt=since).count()
    response = JsonResponse({"count": count})
    patch_cache_control(response, public=True, max_age=10)
    return response


def avatar(request, hue, letters):
    if len(letters) > 2 or hue > 359 or not letters:
        raise Http404
    response = HttpResponse(avatar_svg(hue, letters), content_type="image/svg+xml")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
