"""What a reader does to a comment once it is there: vote, report, and for its author edit
or delete it; a subscriber's one-click unsubscribe; the reader's own list of comments.

Every write is rate limited and goes through a service (`votes`, `editing`, `notifications`).
"""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from manchette.accounts import proof
from manchette.accounts.readers import (
    NetworkFull,
    ReaderRefused,
    acting_reader,
    forget_reader,
    remember_reader,
)
from manchette.comments import editing, notifications, votes
from manchette.comments.common import CommentError
from manchette.comments.forms import EditForm, ReportForm, VoteForm
from manchette.comments.http import csrf_ok, json_error, no_store, private_page, wants_json
from manchette.comments.models import Comment, CommentStatus
from manchette.comments.views import _visible_comment
from manchette.core.ratelimit import limited_response, ratelimit

NETWORK_FULL_MESSAGE = gettext_lazy(
    "Plusieurs lecteurs de votre réseau ont déjà voté pour ce commentaire : votre vote n’est "
    "pas compté. Connectez-vous pour qu’il le soit."
)


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
            return json_error(_("Vote invalide."))
        return private_page(request, "comments/vote_page.html", {"comment": comment}, 400)
    if not csrf_ok(request):
        if wants_json(request):
            return json_error(_("Votre session a expiré : merci de réessayer."), 403)
        return private_page(
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
    if request.method == "GET" or not csrf_ok(request):
        if request.method == "POST" and wants_json(request):
            return json_error(_("Votre session a expiré : merci de réessayer."), 403)
        return private_page(request, "comments/report_page.html", context)
    if not form.is_valid():
        if wants_json(request):
            return json_error(_("Choisissez un motif de signalement."))
        return private_page(request, "comments/report_page.html", context, 400)
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
        response = json_error(str(message), status)
    else:
        response = private_page(request, template, {**context, "error": message}, status)
    return forget_reader(response) if status == 400 else response


def _own_comment(request, pk):
    comment = _visible_comment(pk)
    if comment.status == CommentStatus.DELETED or not editing.can_manage(
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
        return private_page(
            request, "comments/edit_page.html", context, 403 if request.method == "POST" else 200
        )
    if request.method == "GET":
        return private_page(request, "comments/edit_page.html", context)
    if not csrf_ok(request):
        context["error"] = _("Vérifiez votre texte puis confirmez.")
        return private_page(request, "comments/edit_page.html", context)
    if not form.is_valid():
        return private_page(request, "comments/edit_page.html", context, 400)
    try:
        editing.edit_comment(comment, form.cleaned_data["body"])
    except CommentError as error:
        context["error"] = error.message
        return private_page(request, "comments/edit_page.html", context, 400)
    if wants_json(request):
        return no_store(JsonResponse({"html": comment.body_html, "status": comment.status}))
    return no_store(HttpResponseRedirect(comment.get_absolute_url(), status=303))


@csrf_exempt
@ratelimit("comment-delete", "20/m")
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    comment = _own_comment(request, pk)
    context = {"comment": comment}
    if request.method == "GET" or not csrf_ok(request):
        return private_page(request, "comments/delete_page.html", context)
    editing.delete_comment(comment)
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
    load=notifications.subscription_for,
    act=lambda request, subscription: subscription and notifications.unsubscribe(subscription),
    context=_subscription_context,
    invalid_template="comments/unsubscribe_invalid.html",
    one_click=True,
    rate=("comment-unsubscribe", "30/m"),
).as_view()


@require_http_methods(["GET"])
def my_comments(request):
    """The reader's own comments with their state, and why one was not published."""
    proven = {} if request.user.is_authenticated else proof.proven_addresses(request)
    comments = Comment.objects.written_by(request.user, proven, proof.browser_key(request))
    comments = comments.exclude(status=CommentStatus.DELETED).select_related("article")[:100]
    return no_store(render(request, "comments/my_comments.html", {"comments": comments}))
