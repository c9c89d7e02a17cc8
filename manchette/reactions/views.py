"""Reader endpoints: the reaction state (JSON) and the reaction itself (JSON or a plain form).

Both are uncached and rate limited. The article page that shows the buttons is a cached page
without any CSRF token, so the form post checks CSRF itself: a missing or stale token gets an
uncached confirmation page with the same choices and a fresh token (one more click), never a
403; the JavaScript fetches a fresh token from the state endpoint before posting.
"""

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from manchette.accounts.readers import (
    ForgedToken,
    NetworkFull,
    Reader,
    ReaderRefused,
    acting_reader,
    forget_reader,
    reader_from_request,
    remember_reader,
    signed_token_of,
)
from manchette.core.clients import client_network
from manchette.core.ratelimit import hit_many, limited_response
from manchette.news.models import ArticlePage
from manchette.reactions import services

NETWORK_FULL_MESSAGE = gettext_lazy(
    "Plusieurs lecteurs de votre réseau ont déjà réagi à cet article : votre réaction n’est "
    "pas comptée. Connectez-vous pour qu’elle le soit."
)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _limited(request, scope, rate):
    """A 429 response when the client address or the reader's token went past `rate` (both
    checked in one round trip to the cache)."""
    checks = [(scope, client_network(request), rate)]
    token = signed_token_of(request)
    if token:
        checks.append((f"{scope}:token", token, rate))
    return None if all(hit_many(checks)) else limited_response(request)


def _error(request, message, status, article=None, reset_token=False):
    if _wants_json(request):
        response = JsonResponse({"error": message}, status=status)
    else:
        response = render(
            request,
            "reactions/message.html",
            {"message": message, "article": article},
            status=status,
        )
    if reset_token:
        forget_reader(response)
    return response


def _article_not_found(request):
    return _error(request, _("Cet article est introuvable ou n’est plus en ligne."), 404)


@never_cache
@require_http_methods(["GET"])
def state(request, article_id):
    """Counts, percentages and the reader's own choice, as JSON (`?csrf=1` adds a token)."""
    limited = _limited(request, "reactions-state", settings.REACTIONS_STATE_RATE)
    if limited:
        return limited
    if not services.is_live_article(article_id):
        return JsonResponse(
            {"error": _("Cet article est introuvable ou n’est plus en ligne.")}, status=404
        )
    try:
        reader = reader_from_request(request)
    except ForgedToken:
        reader = None
    data = _for_json(services.reaction_state(article_id, reader or Reader()))
    if request.GET.get("csrf"):
        # Only asked for right before a reaction: a reader who only reads gets no cookie.
        data["csrf_token"] = get_token(request)
    response = JsonResponse(data)
    if reader is None:
        forget_reader(response)
    return response


def _for_json(state):
    """The state without the icons' markup, which the page already has."""
    for kind in state["kinds"]:
        kind.pop("icon_html", None)
    return state


def _csrf_failed(request):
    """True when the POST lacks a valid CSRF token (checked here: the view is csrf_exempt)."""
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is not None


def _react_page(request, article, message="", chosen="", status=200, reader=None):
    if reader is None:
        try:
            reader = reader_from_request(request)
        except ForgedToken:
            reader = Reader()
    data = services.reaction_state(article.pk, reader)
    return render(
        request,
        "reactions/react_page.html",
        {
            "article": article,
            "state": data,
            "message": message,
            "chosen": chosen,
            # A confirmation goes back to the article; the results page stays on itself.
            "stay_on_page": not chosen,
        },
        status=status,
    )


@csrf_exempt  # checked in the view: a stale token gets a confirmation page, not a 403
@never_cache
@require_http_methods(["GET", "POST"])
def react(request, article_id):
    """Records, changes or withdraws the reader's reaction (toggle), then shows the result.

    GET: the uncached reaction page (choices, and counts once the reader has reacted).
    POST from JavaScript (Accept: application/json): the new state as JSON.
    POST from the plain form: a redirect to the article's reactions, or, without a valid CSRF
    token, the same choices on an uncached page with a fresh token.
    """
    if request.method == "POST":
        limited = _limited(request, "reactions-react", settings.REACTIONS_REACT_RATE)
        if limited:
            return limited
    if request.method == "POST" and _wants_json(request):
        # The script only needs the new state: the article's row is not read, only whether
        # the public may see it (kept in the cache, as the state endpoint does).
        article = ArticlePage(pk=article_id) if services.is_live_article(article_id) else None
    else:
        article = ArticlePage.objects.visible().filter(pk=article_id).first()
    if article is None:
        return _article_not_found(request)
    if request.method == "GET":
        return _react_page(request, article)

    slug = request.POST.get("kind", "")
    kind = services.offered_kind(slug)
    if _csrf_failed(request):
        if _wants_json(request):
            return _error(
                request, _("Votre session a expiré. Rechargez la page puis réessayez."), 403
            )
        return _react_page(
            request,
            article,
            message=_("Confirmez votre réaction en cliquant à nouveau sur votre choix."),
            chosen=kind.slug if kind else "",
        )
    if kind is None:
        message = _("Cette réaction n’existe pas ou n’est plus proposée. Choisissez-en une autre.")
        if _wants_json(request):
            return _error(request, message, 400)
        return _react_page(request, article, message=message, status=400)

    try:
        reader = acting_reader(request)
        outcome = services.react(article, kind, reader)
    except ReaderRefused as refused:
        if refused.status == 429:
            return limited_response(request)
        return _error(request, str(refused.message), 400, article=article, reset_token=True)
    except NetworkFull:
        return _error(request, str(NETWORK_FULL_MESSAGE), 409, article=article)
    if _wants_json(request):
        mine = None if outcome == services.Outcome.WITHDRAWN else kind.slug
        data = _for_json(services.reaction_state(article.pk, reader, mine=mine))
        data.update(outcome=outcome.value, message=str(outcome.label))
        response = JsonResponse(data)
    elif request.POST.get("retour") == "page":
        response = HttpResponseRedirect(
            reverse("reactions:react", args=[article.pk]) + "#reactions"
        )
    else:
        response = HttpResponseRedirect((article.url or "/") + "#reactions")
    return remember_reader(response, reader, request)
