"""Posting a comment: the reader's per-page state, the form, its POST and the emailed
confirmation. Reading threads is in `thread_views`, what a reader does to a comment (vote,
report, edit, delete, unsubscribe, their list) in `action_views`.

Forms in the cached article page carry no CSRF token: the ES module fetches one from
`reader_state` before posting, and without JavaScript the POST lands on an uncached page that
shows the same form again, text kept, with a fresh token (`http.csrf_ok`).
"""

from django.db import connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from manchette.accounts import proof
from manchette.comments import confirmation
from manchette.comments.common import CommentError, comment_settings
from manchette.comments.forms import CommentForm, form_timestamp, stamp_age
from manchette.comments.http import csrf_ok, json_error, no_store, small_int, wants_json
from manchette.comments.models import Comment, CommentStatus, SubscriptionKind
from manchette.comments.posting import post_comment
from manchette.comments.threads import node_for
from manchette.core.clients import client_ip, hashed_network_of
from manchette.core.ratelimit import ratelimit
from manchette.core.visibility import is_restricted
from manchette.news.models import ArticlePage

HELD_MESSAGE = gettext_lazy(
    "Merci ! Votre commentaire sera publié après relecture par la rédaction."
)


def remembered_guest(request):
    """(name, email) of the newest address this browser proved (by the POST of a
    confirmation page: see `accounts.proof`), or ("", ""). Typing an address proves nothing."""
    for email, name in proof.proven_addresses(request).items():
        return name, email
    return "", ""


def _article_id(value):
    try:
        article_id = int(value)
    except (TypeError, ValueError):
        raise Http404
    if not 0 < article_id < 2**62:
        raise Http404
    return article_id


def _live_article(article_id):
    """The article `article_id` if the public may see it, or a 404."""
    return get_object_or_404(ArticlePage.objects.visible(), pk=_article_id(article_id))


# All that posting reads of the article: its answers show the title and link to it.
POSTED_ARTICLE_FIELDS = ("id", "title", "url_path", "page_ptr_id")
POSTED_ARTICLE_SQL = (
    "SELECT p.id, p.title, p.url_path, a.page_ptr_id FROM {page} p"
    " JOIN {article} a ON a.page_ptr_id = p.id WHERE p.id = %s AND p.live = %s"
)


def _posted_article(article_id):
    """The live article a comment is posted to, with only the columns posting reads (the
    others deferred, as `.only()` leaves them), or a 404. Each post looks it up: one plain
    statement, as the same lookup built through Wagtail's page queryset cost four times the
    query itself (0.85 ms against 0.22 ms on PostgreSQL)."""
    sql = POSTED_ARTICLE_SQL.format(
        page=connection.ops.quote_name(Page._meta.db_table),
        article=connection.ops.quote_name(ArticlePage._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_article_id(article_id), True])
        row = cursor.fetchone()
    # A private article's comments are closed: checked only when the site has one.
    if row is None or is_restricted(row[0]):
        raise Http404
    return ArticlePage.from_db(connection.alias, POSTED_ARTICLE_FIELDS, row)


def _visible_comment(pk):
    comment = get_object_or_404(Comment.objects.select_related("article", "thread"), pk=pk)
    if not comment.article.live or is_restricted(comment.article_id):
        raise Http404
    return comment


# ----------------------------------------------------------------------------- reader state


@require_http_methods(["GET"])
def reader_state(request):
    """Per-reader bits the cached article page cannot hold: token, remembered identity."""
    proven = {} if request.user.is_authenticated else proof.proven_addresses(request)
    name, email = next(iter(((n, e) for e, n in proven.items())), ("", ""))
    user = request.user
    data = {
        "csrf": get_token(request),
        "ts": form_timestamp(),
        "signed_in": user.is_authenticated,
        "name": (user.display_name or str(user)) if user.is_authenticated else name,
        "email": user.email if user.is_authenticated else email,
        "own": [],
    }
    article = request.GET.get("article", "")
    if small_int(article):
        own = (
            Comment.objects.written_by(user, proven)
            .filter(article_id=int(article))
            .exclude(status=CommentStatus.DELETED)
        )
        data["own"] = [
            {"id": c.pk, "editable": c.can_be_edited()}
            for c in own.only("pk", "created_at", "status")[:200]
        ]
    return no_store(JsonResponse(data))


@require_http_methods(["GET"])
def form_stamp(request):
    """The signed time the comment form is shown at. The page script asks for it as soon as
    the form comes into view, so a reader is timed from when they saw the form, not from
    their first keystroke or paste. No cookie: a reader who only looks gets none."""
    return no_store(JsonResponse({"ts": form_timestamp()}))


# ----------------------------------------------------------------------------- posting


def _form_page(request, form, article, *, status=200, error=None, reply_to=None):
    # A form shown again keeps the stamp of when the reader first saw it (a new one would
    # time a reader who fixes a field and sends again from zero); a form without one gets one.
    posted = request.POST.get("ts", "") if request.method == "POST" else ""
    stamp = posted if stamp_age(posted) is not None else form_timestamp()
    return no_store(
        render(
            request,
            "comments/form_page.html",
            {
                "form": form,
                "article": article,
                "error": error,
                "reply_to": reply_to,
                "ts": stamp,
                "signed_in": request.user.is_authenticated,
                "signed_name": (request.user.display_name or request.user.email)
                if request.user.is_authenticated
                else "",
                "cs": {
                    "notify_kinds": SubscriptionKind.choices,
                    "max_length": comment_settings().max_length,
                },
            },
            status=status,
        )
    )


def _post_email(request):
    if request.user.is_authenticated:
        return request.user.email
    return request.POST.get("email", "")[:254]


@csrf_exempt
@ratelimit("comment-post", "10/m", key=_post_email)
@require_http_methods(["GET", "POST"])
def post(request):
    """The comment form (GET, without JavaScript), and every post of it (POST): the form
    refuses robots and malformed input, `posting.post_comment` applies the newsroom's rules."""
    if request.method == "GET":
        return _blank_form_page(request)
    form = CommentForm(request.POST)
    article = _posted_article(request.POST.get("article"))
    as_json = wants_json(request)
    if form.filled_by_robot:
        return _pretend_held(request, article, as_json)
    refusal = _send_again(request, form, as_json)
    if refusal is not None:
        message, status = refusal
        if as_json and status == 400 and form.has_error("ts", "fast"):
            # The page script sends the same form again once the time is up, by itself.
            return json_error(message, status, retry_after=form.seconds_to_wait())
        if as_json:
            return json_error(message, status)
        return _form_page(request, CommentForm(initial=_kept(request)), article, error=message)
    if not form.is_valid():
        message = _("Le formulaire contient des erreurs.")
        if as_json:
            return json_error(
                message, 400, {k: [str(e) for e in v] for k, v in form.errors.items()}
            )
        return _form_page(request, form, article, status=400, error=message)
    # A guest's browser gets a random key (a cookie naming nothing) when it first posts: its
    # comments awaiting confirmation are published together once the address is proven.
    guest_key = "" if request.user.is_authenticated else proof.browser_key(request, create=True)
    try:
        result = _post_valid_form(request, form, article, guest_key)
    except CommentError as error:
        if as_json:
            errors = {error.field: [error.message]} if error.field else {}
            return json_error(error.message, 400, errors)
        return _form_page(request, form, article, status=400, error=error.message)
    response = _posted_response(request, article, result, as_json)
    if guest_key:
        proof.keep_browser(request, response)
    return no_store(response)


def _blank_form_page(request):
    """The form on its own page, answering a comment (`?reponse=`) or not, with the name and
    address this browser proved already filled in."""
    article = _live_article(request.GET.get("article"))
    parent = request.GET.get("reponse", "")
    reply_to = None
    if small_int(parent):
        reply_to = Comment.objects.published().filter(pk=int(parent), article=article).first()
    name, email = remembered_guest(request)
    form = CommentForm(
        initial={
            "article": article.pk,
            "parent": reply_to.pk if reply_to else None,
            "name": name,
            "email": email,
        }
    )
    return _form_page(request, form, article, reply_to=reply_to)


def _pretend_held(request, article, as_json):
    """A robot filled the honeypot: answer as if held, store nothing."""
    if as_json:
        return no_store(JsonResponse({"outcome": "held", "message": str(HELD_MESSAGE)}))
    return no_store(
        render(request, "comments/posted.html", {"article": article, "message": HELD_MESSAGE})
    )


def _send_again(request, form, as_json):
    """(message, JSON status) when the reader must send the form again before it is read: an
    expired session (CSRF) or a refused time stamp (`CommentForm.stamp_refusal`); or None."""
    if not csrf_ok(request):
        if as_json:
            return _("Votre session a expiré : merci de renvoyer le formulaire."), 403
        return _("Vérifiez votre commentaire puis confirmez l’envoi."), 403
    refusal = form.stamp_refusal()
    return None if refusal is None else (str(refusal), 400)


def _post_valid_form(request, form, article, guest_key):
    data = form.cleaned_data
    return post_comment(
        article=article,
        body=data["body"],
        name=data["name"],
        email=data["email"],
        user=request.user,
        parent_id=data["parent"],
        notify=data["notify"],
        client_hash=hashed_network_of(client_ip(request)),
        browser_key=guest_key,
    )


def _posted_response(request, article, result, as_json):
    """What the reader sees of their comment: its HTML for the page (JSON, when published),
    the comment itself (a redirect), or a page saying what became of it."""
    comment = result.comment
    if as_json:
        html = ""
        if result.outcome == "published":
            # The fragment reads nothing from the request: no context processors (site
            # settings, flash, menu) for a piece of HTML that shows none of them.
            html = render_to_string(
                "comments/comment.html",
                {"node": node_for(comment), "article_id": article.pk, "max_length": 0},
            )
        return JsonResponse(
            {
                "outcome": result.outcome,
                "message": result.message,
                "id": comment.pk,
                "parent": comment.parent_id,
                "html": html,
            },
            status=201 if result.outcome != "rejected" else 200,
        )
    if result.outcome == "published":
        return HttpResponseRedirect(comment.get_absolute_url(), status=303)
    return render(
        request,
        "comments/posted.html",
        {"article": article, "message": result.message, "outcome": result.outcome},
    )


def _kept(request):
    """What the reader typed, to show again (never lost)."""
    keep = {}
    for key in ("article", "parent", "body", "name", "email"):
        value = request.POST.get(key, "")
        if value:
            keep[key] = value[:20000]
    keep["notify"] = request.POST.getlist("notify")[:4]
    return keep


# ----------------------------------------------------------------------------- confirmation


def _confirm_guest(request, comment):
    """The POST of the confirmation page: the address is proven, and so is this browser, the
    first time only (a replayed or forwarded link proves no other browser)."""
    first_use = confirmation.confirm_guest(comment)
    response = CONFIRM_FLOW.page(
        request,
        comment,
        "",
        done=True,
        published=comment.status == CommentStatus.PUBLISHED,
        remembered=first_use,
    )
    if first_use:
        key = proof.browser_key(request, create=True)
        proof.remember_browser(key, comment.guest_email, comment.author_name)
        proof.keep_browser(request, response)
    return response


CONFIRM_FLOW = proof.ProofFlow(
    purpose="comment-confirm",
    template="comments/confirmed.html",
    load=confirmation.comment_for_confirmation,
    act=_confirm_guest,
    context=lambda comment: {"comment": comment, "article": comment.article},
    invalid_template="comments/confirm_invalid.html",
    rate=("comment-confirm", "30/h"),
)
confirm = CONFIRM_FLOW.as_view()
