"""Readers' endpoints. None of them is cached; the article page (cached) only links here.

Forms in the cached article page carry no CSRF token: the ES module fetches one from
`reader_state` before posting, and without JavaScript the POST lands on an uncached page that
shows the same form again, text kept, with a fresh token (`_csrf_ok` below).
"""

import time

from django.conf import settings
from django.core import signing
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from manchette.accounts import proof
from manchette.accounts.readers import (
    NetworkFull,
    ReaderRefused,
    acting_reader,
    forget_reader,
    remember_reader,
)
from manchette.comments import services, votes
from manchette.comments.avatars import avatar_svg
from manchette.comments.forms import CommentForm, EditForm, ReportForm, VoteForm
from manchette.comments.models import Comment, CommentStatus
from manchette.comments.threads import article_thread, clean_sort, root_page_of
from manchette.core.clients import hashed_client_ip
from manchette.core.ratelimit import limited_response, ratelimit
from manchette.core.visibility import is_restricted
from manchette.news.models import ArticlePage

HELD_MESSAGE = gettext_lazy(
    "Merci ! Votre commentaire sera publié après relecture par la rédaction."
)
FORM_SALT = "comments.form"
NETWORK_FULL_MESSAGE = gettext_lazy(
    "Plusieurs lecteurs de votre réseau ont déjà voté pour ce commentaire : votre vote n’est "
    "pas compté. Connectez-vous pour qu’il le soit."
)
YEAR = 365 * 86400


def min_fill_seconds():
    return settings.COMMENTS_MIN_FILL_SECONDS


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _csrf_ok(request):
    """The CSRF check the middleware would do, run by hand so a failure re-shows the form."""
    if getattr(request, "csrf_processing_done", False):
        return True
    result = CsrfViewMiddleware(lambda r: None).process_view(request, _checked_view, (), {})
    return result is None


def _checked_view(request):  # a stand-in callback for the CSRF check (not exempt)
    return None


def form_timestamp():
    return signing.dumps(time.time(), salt=FORM_SALT)


def timestamp_state(value):
    """'ok', 'missing' (no or bad stamp: show the form again) or 'fast' (filled too quickly)."""
    try:
        issued = float(signing.loads(value or "", salt=FORM_SALT, max_age=2 * 86400))
    except (signing.BadSignature, TypeError, ValueError):
        return "missing"
    return "fast" if time.time() - issued < min_fill_seconds() else "ok"


def remembered_guest(request):
    """(name, email) of the newest address this browser proved (by the POST of a
    confirmation page: see `accounts.proof`), or ("", ""). Typing an address proves nothing."""
    for email, name in proof.proven_addresses(request).items():
        return name, email
    return "", ""


def _set_cookie(response, name, value):
    response.set_cookie(
        name,
        value,
        max_age=YEAR,
        httponly=True,
        samesite="Lax",
        secure=settings.SITE_URL.startswith("https://"),
    )


def _small_int(value):
    """An id from the query string: ASCII digits only (int() refuses « ¹ », isdigit() does not)."""
    return value.isascii() and value.isdigit() and len(value) < 19


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


def _visible_comment(pk, request=None):
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
    if _small_int(article):
        own = Comment.objects.filter(article_id=int(article)).exclude(status=CommentStatus.DELETED)
        if user.is_authenticated:
            own = own.filter(user=user)
        elif proven:
            own = own.filter(user__isnull=True, guest_email__in=list(proven))
        else:
            own = own.none()
        data["own"] = [
            {"id": c.pk, "editable": c.can_be_edited()}
            for c in own.only("pk", "created_at", "status")[:200]
        ]
    return no_store(JsonResponse(data))


# ----------------------------------------------------------------------------- posting


def _form_page(request, form, article, *, status=200, error=None, reply_to=None):
    return no_store(
        render(
            request,
            "comments/form_page.html",
            {
                "form": form,
                "article": article,
                "error": error,
                "reply_to": reply_to,
                "ts": form_timestamp(),
                "signed_in": request.user.is_authenticated,
                "signed_name": (request.user.display_name or request.user.email)
                if request.user.is_authenticated
                else "",
                "cs": _form_settings(),
            },
            status=status,
        )
    )


def _form_settings():
    from manchette.comments.models import SubscriptionKind

    return {
        "notify_kinds": SubscriptionKind.choices,
        "max_length": services.comment_settings().max_length,
    }


def _json_error(message, status=400, errors=None):
    data = {"error": message, "errors": errors or {}}
    return no_store(JsonResponse(data, status=status))


def _post_email(request):
    if request.user.is_authenticated:
        return request.user.email
    return request.POST.get("email", "")[:254]


@csrf_exempt
@ratelimit("comment-post", "10/m", key=_post_email)
@require_http_methods(["GET", "POST"])
def post(request):
    if request.method == "GET":
        article = _live_article(request.GET.get("article"))
        parent = request.GET.get("reponse", "")
        reply_to = None
        if _small_int(parent):
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

    form = CommentForm(request.POST)
    article = _posted_article(request.POST.get("article"))
    as_json = wants_json(request)
    if request.POST.get("site_web"):
        # A robot filled the honeypot: answer as if held, store nothing.
        if as_json:
            return no_store(
                JsonResponse(
                    {
                        "outcome": "held",
                        "message": str(HELD_MESSAGE),
                    }
                )
            )
        return no_store(
            render(
                request,
                "comments/posted.html",
                {
                    "article": article,
                    "message": HELD_MESSAGE,
                },
            )
        )
    if not _csrf_ok(request):
        if as_json:
            return _json_error(_("Votre session a expiré : merci de renvoyer le formulaire."), 403)
        return _form_page(
            request,
            CommentForm(initial=_kept(request)),
            article,
            error=_("Vérifiez votre commentaire puis confirmez l’envoi."),
        )
    stamp = timestamp_state(request.POST.get("ts"))
    if stamp != "ok":
        message = (
            _("Vous avez été très rapide : relisez-vous puis confirmez l’envoi.")
            if stamp == "fast"
            else _("Vérifiez votre commentaire puis confirmez l’envoi.")
        )
        if as_json:
            return _json_error(message, 400)
        return _form_page(request, CommentForm(initial=_kept(request)), article, error=message)
    if not form.is_valid():
        message = _("Le formulaire contient des erreurs.")
        if as_json:
            return _json_error(
                message, 400, {k: [str(e) for e in v] for k, v in form.errors.items()}
            )
        return _form_page(request, form, article, status=400, error=message)
    data = form.cleaned_data
    # A guest's browser gets a random key (a cookie naming nothing) when it first posts: its
    # comments awaiting confirmation are published together once the address is proven.
    guest_key = "" if request.user.is_authenticated else proof.browser_key(request, create=True)
    try:
        result = services.post_comment(
            article=article,
            body=data["body"],
            name=data["name"],
            email=data["email"],
            user=request.user,
            parent_id=data["parent"],
            notify=data["notify"],
            client_hash=hashed_client_ip(request),
            browser_key=guest_key,
        )
    except services.CommentError as error:
        if as_json:
            errors = {error.field: [error.message]} if error.field else {}
            return _json_error(error.message, 400, errors)
        return _form_page(request, form, article, status=400, error=error.message)

    comment = result.comment
    if as_json:
        html = ""
        if result.outcome == "published":
            from manchette.comments.threads import node_for

            # The fragment reads nothing from the request: no context processors (site
            # settings, flash, menu) for a piece of HTML that shows none of them.
            html = render_to_string(
                "comments/comment.html",
                {"node": node_for(comment), "article_id": article.pk, "max_length": 0},
            )
        response = JsonResponse(
            {
                "outcome": result.outcome,
                "message": result.message,
                "id": comment.pk,
                "parent": comment.parent_id,
                "html": html,
            },
            status=201 if result.outcome != "rejected" else 200,
        )
    elif result.outcome == "published":
        response = HttpResponseRedirect(comment.get_absolute_url(), status=303)
    else:
        response = render(
            request,
            "comments/posted.html",
            {"article": article, "message": result.message, "outcome": result.outcome},
        )
    if guest_key:
        proof.keep_browser(request, response)
    return no_store(response)


def _kept(request):
    """What the reader typed, to show again (never lost)."""
    keep = {}
    for key in ("article", "parent", "body", "name", "email"):
        value = request.POST.get(key, "")
        if value:
            keep[key] = value[:20000]
    keep["notify"] = request.POST.getlist("notify")[:4]
    return keep


def _confirm_guest(request, comment):
    """The POST of the confirmation page: the address is proven, and so is this browser, the
    first time only (a replayed or forwarded link proves no other browser)."""
    first_use = services.confirm_guest(comment)
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
    load=services.comment_for_confirmation,
    act=_confirm_guest,
    context=lambda comment: {"comment": comment, "article": comment.article},
    invalid_template="comments/confirm_invalid.html",
    rate=("comment-confirm", "30/h"),
)
confirm = CONFIRM_FLOW.as_view()


# ----------------------------------------------------------------------------- reading


@require_http_methods(["GET"])
def permalink(request, pk):
    """A comment's address: the article page that shows it, or its status for its author."""
    comment = _visible_comment(pk)
    if comment.status == CommentStatus.PUBLISHED:
        page = root_page_of(comment, services.comment_settings().page_size)
        query = f"?page={page}" if page > 1 else ""
        return HttpResponseRedirect(f"{comment.article.url}{query}#{comment.anchor}")
    if services.can_manage(comment, user=request.user, proven=proof.proven_addresses(request)):
        return no_store(render(request, "comments/own_comment.html", {"comment": comment}))
    raise Http404


@ratelimit("comment-list", "120/m", methods=("GET",))
@require_http_methods(["GET"])
def article_comments(request, article_id):
    """One page of an article's threads in any order: a page without JS, a fragment with it."""
    article = _live_article(article_id)
    rules = services.comment_settings()
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
    since = int(since) if _small_int(since) else 0
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


# ----------------------------------------------------------------------------- reader actions


def _confirm_page(request, template, context, status=200):
    return no_store(render(request, template, context, status=status))


@csrf_exempt
@ratelimit("comment-vote", "30/m")
@require_http_methods(["POST"])
def vote(request, pk):
    comment = _visible_comment(pk)
    if comment.status != CommentStatus.PUBLISHED:
        raise Http404
    form = VoteForm(request.POST)
    if not form.is_valid():
        if wants_json(request):
            return _json_error(_("Vote invalide."))
        return _confirm_page(request, "comments/vote_page.html", {"comment": comment}, 400)
    if not _csrf_ok(request):
        if wants_json(request):
            return _json_error(_("Votre session a expiré : merci de réessayer."), 403)
        return _confirm_page(
            request,
            "comments/vote_page.html",
            {"comment": comment, "value": form.cleaned_data["value"]},
        )
    try:
        reader = acting_reader(request)
        mine = votes.vote(comment, reader, 1 if form.cleaned_data["value"] == "up" else -1)
    except (ReaderRefused, NetworkFull) as refused:
        return _refused(request, refused, "comments/vote_page.html", {"comment": comment})
    if wants_json(request):
        response = JsonResponse(
            {"score": comment.score, "up": comment.upvotes, "down": comment.downvotes, "mine": mine}
        )
    else:
        response = HttpResponseRedirect(comment.get_absolute_url(), status=303)
    return no_store(remember_reader(response, reader, request))


@csrf_exempt
@ratelimit("comment-report", "10/h")
@require_http_methods(["GET", "POST"])
def report(request, pk):
    comment = _visible_comment(pk)
    if comment.status != CommentStatus.PUBLISHED:
        raise Http404
    form = ReportForm(request.POST or None)
    context = {"comment": comment, "form": form}
    if request.method == "GET" or not _csrf_ok(request):
        if request.method == "POST" and wants_json(request):
            return _json_error(_("Votre session a expiré : merci de réessayer."), 403)
        return _confirm_page(request, "comments/report_page.html", context)
    if not form.is_valid():
        if wants_json(request):
            return _json_error(_("Choisissez un motif de signalement."))
        return _confirm_page(request, "comments/report_page.html", context, 400)
    try:
        reader = acting_reader(request)
    except ReaderRefused as refused:
        return _refused(request, refused, "comments/report_page.html", context)
    votes.report(comment, reader, form.cleaned_data["reason"], form.cleaned_data["detail"])
    message = _("Merci, la rédaction examinera ce commentaire.")
    if wants_json(request):
        response = JsonResponse({"message": message})
    else:
        response = render(
            request, "comments/reported.html", {"comment": comment, "message": message}
        )
    return no_store(remember_reader(response, reader, request))


def _refused(request, refused, template, context):
    """A vote or report that cannot count: a forged reader cookie (cleared), too many new
    identities from one network (429), or a network whose few votes are all cast (409)."""
    if isinstance(refused, ReaderRefused) and refused.status == 429:
        return limited_response(request)
    if isinstance(refused, NetworkFull):
        message, status = NETWORK_FULL_MESSAGE, 409
    else:
        message, status = refused.message, refused.status
    if wants_json(request):
        response = _json_error(str(message), status)
    else:
        response = _confirm_page(request, template, {**context, "error": message}, status)
    return forget_reader(response) if status == 400 else response


def _own_comment(request, pk):
    comment = _visible_comment(pk)
    if comment.status == CommentStatus.DELETED or not services.can_manage(
        comment, user=request.user, proven=proof.proven_addresses(request)
    ):
        raise Http404
    return comment


@csrf_exempt
@ratelimit("comment-edit", "20/m")
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    comment = _own_comment(request, pk)
    form = EditForm(request.POST or None, initial={"body": comment.body})
    context = {"comment": comment, "form": form}
    if not comment.can_be_edited():
        context["error"] = _("Le délai de modification de 15 minutes est dépassé.")
        return _confirm_page(
            request, "comments/edit_page.html", context, 403 if request.method == "POST" else 200
        )
    if request.method == "GET":
        return _confirm_page(request, "comments/edit_page.html", context)
    if not _csrf_ok(request):
        context["error"] = _("Vérifiez votre texte puis confirmez.")
        return _confirm_page(request, "comments/edit_page.html", context)
    if not form.is_valid():
        return _confirm_page(request, "comments/edit_page.html", context, 400)
    try:
        services.edit_comment(comment, form.cleaned_data["body"])
    except services.CommentError as error:
        context["error"] = error.message
        return _confirm_page(request, "comments/edit_page.html", context, 400)
    if wants_json(request):
        return no_store(JsonResponse({"html": comment.body_html, "status": comment.status}))
    return no_store(HttpResponseRedirect(comment.get_absolute_url(), status=303))


@csrf_exempt
@ratelimit("comment-delete", "20/m")
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    comment = _own_comment(request, pk)
    context = {"comment": comment}
    if request.method == "GET" or not _csrf_ok(request):
        return _confirm_page(request, "comments/delete_page.html", context)
    services.delete_comment(comment)
    if wants_json(request):
        return no_store(JsonResponse({"deleted": True}))
    return no_store(HttpResponseRedirect(comment.article.url + "#commentaires", status=303))


# ----------------------------------------------------------------------------- subscriptions


def _subscription_context(subscription):
    if subscription is None:
        return {"article": None, "kind": ""}
    return {"article": subscription.article, "kind": subscription.get_kind_display()}


# One click (RFC 8058 POST from the mail client, or the button the GET shows) unsubscribes.
unsubscribe = proof.ProofFlow(
    purpose="comment-unsubscribe",
    template="comments/unsubscribed.html",
    load=services.subscription_for,
    act=lambda request, subscription: subscription and services.unsubscribe(subscription),
    context=_subscription_context,
    invalid_template="comments/unsubscribe_invalid.html",
    one_click=True,
    rate=("comment-unsubscribe", "30/m"),
).as_view()


@require_http_methods(["GET"])
def my_comments(request):
    """The reader's own comments with their state, and why one was not published."""
    proven = {} if request.user.is_authenticated else proof.proven_addresses(request)
    if request.user.is_authenticated:
        comments = Comment.objects.filter(user=request.user)
    elif proven:
        comments = Comment.objects.filter(user__isnull=True, guest_email__in=list(proven))
    else:
        comments = Comment.objects.none()
    comments = comments.exclude(status=CommentStatus.DELETED).select_related("article")[:100]
    return no_store(render(request, "comments/my_comments.html", {"comments": comments}))


def comment_url(comment):
    return reverse("comments:permalink", args=[comment.pk])
