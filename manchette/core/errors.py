"""The site's error answers: in French, and never an error themselves.

- A body Django cannot read (a form in another charset than UTF-8, a multipart body without a
  boundary, too large, too many fields) is a 400, answered before anything reads it.
  Django's own error views check the CSRF token (`requires_csrf_token`), which reads the body
  again: the error raised inside the error page reached gunicorn, a bare 500.
- Every 4xx says what happened in French, including those Django leaves empty (405).
- A database that is unreachable or read-only is an outage, not a bug: a 503 with
  Retry-After, which tells the admin what is going on (docs/deployment.md). Readers keep
  getting the pages in the page cache, served before any of this (core/caching/pages.py).

The error views render their templates without a request, so no context processor (and no
query) runs: only the 404 page has the site's chrome, and should the database fail while it is
drawn, the 500 view below answers the outage instead.
"""

import sys

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

# How long a client is asked to wait during a database outage.
RETRY_AFTER_SECONDS = 60
FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
UNREADABLE_BODY = (BadRequest, SuspiciousOperation, MultiPartParserError, UnreadablePostError)
READ_ONLY, UNREACHABLE = "read-only", "unreachable"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "") or bool(
        request.headers.get("HX-Request")
    )


def _answer(request, status, title, message, template="error.html", **context):
    if _wants_json(request):
        response = JsonResponse({"error": str(message)}, status=status)
    else:
        context.update(title=title, message=message)
        response = HttpResponse(render_to_string(template, context), status=status)
    add_never_cache_headers(response)
    return response


# --------------------------------------------------------------------------- the error views


def bad_request(request, exception=None):
    return _answer(
        request,
        400,
        _("Requête illisible"),
        _(
            "Le site n’a pas pu lire ce qui a été envoyé (un formulaire doit être envoyé en "
            "UTF-8). Rechargez la page et réessayez."
        ),
    )


def permission_denied(request, exception=None):
    return _answer(request, 403, _("Accès refusé"), _("Vous n’avez pas accès à cette page."))


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token, or from another site."""
    return _answer(
        request,
        403,
        _("Formulaire expiré"),
        _(
            "Ce formulaire a expiré ou n’a pas été envoyé depuis le site. Rechargez la page, "
            "puis envoyez-le à nouveau."
        ),
    )


def page_not_found(request, exception=None):
    if _wants_json(request):
        return _answer(request, 404, "", _("Cette page n’existe pas."))
    # The site's chrome (a few queries): a database outage here is answered by server_error.
    return render(request, "404.html", status=404)


def server_error(request):
    outage = database_outage(sys.exc_info()[1])
    if outage is not None:
        return outage_response(request, outage)
    return HttpResponse(render_to_string("500.html"), status=500)


# --------------------------------------------------------------------------- database outages


def database_outage(error):
    """READ_ONLY or UNREACHABLE when `error` says the database is down or refuses writes;
    None for any other error (a bug stays a 500)."""
    if not isinstance(error, DatabaseError):
        return None
    text = str(error).lower()
    cause = getattr(error, "__cause__", None)
    if "readonly" in text or "read-only" in text or getattr(cause, "sqlstate", "") == "25006":
        return READ_ONLY
    if isinstance(error, OperationalError | InterfaceError):
        return UNREACHABLE
    return None


def outage_response(request, outage):
    """The 503 of a database outage: readers are asked to come back, the admin is told why."""
    in_admin = request.path.startswith("/admin/")
    if in_admin and outage == READ_ONLY:
        title = _("Base de données en lecture seule")
        message = _(
            "La base de données n’accepte plus d’écriture : rien ne peut être enregistré pour "
            "l’instant (ni connexion, ni modification). Les lecteurs voient toujours le site. "
            "Vérifiez l’espace disque et les droits sur la base, puis réessayez."
        )
    elif in_admin:
        title = _("Base de données injoignable")
        message = _(
            "La base de données ne répond pas : l’administration est indisponible. Les "
            "lecteurs voient les pages déjà en cache ; le reste du site répond « indisponible » "
            "jusqu’au retour de la base."
        )
    else:
        title = _("Site momentanément indisponible")
        message = _(
            "Nous ne pouvons pas traiter cette demande pour le moment. Réessayez dans quelques "
            "minutes : rien de ce qui était déjà enregistré n’est perdu."
        )
    response = _answer(request, 503, title, message)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


# --------------------------------------------------------------------------- the middleware


class ReadableRequestsMiddleware:
    """Reads a form's body before anything else does, and answers 400 when it cannot be
    read; gives a French page to every 4xx that comes back without a body (a 405)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            try:
                request.POST  # noqa: B018 (parsed now, or refused now)
            except UNREADABLE_BODY as error:
                return bad_request(request, error)
        response = self.get_response(request)
        if 400 <= response.status_code < 500 and not _has_body(response):
            return self._with_message(request, response)
        return response

    @staticmethod
    def _with_message(request, response):
        if response.status_code == 405:
            title = _("Méthode non autorisée")
            message = _("Cette adresse ne répond pas à ce type de requête.")
        else:
            title = _("Requête refusée")
            message = _("Cette requête n’a pas pu être traitée.")
        answer = _answer(request, response.status_code, title, message)
        for header, value in response.items():
            if header.lower() not in {"content-type", "content-length"}:
                answer[header] = value
        answer.cookies = response.cookies
        return answer


def _has_body(response):
    return getattr(response, "streaming", False) or bool(response.content)
