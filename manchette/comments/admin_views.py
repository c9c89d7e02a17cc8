"""The moderation queue in the Wagtail admin (menu « Commentaires »): the queue, a comment's
page, the actions (every one a POST; rejecting and banning ask for a confirmation and a
reason first) and the list of bans."""

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from manchette.comments import moderation
from manchette.comments.common import is_moderator
from manchette.comments.counters import moderation_counts
from manchette.comments.models import (
    ArticleCommentSettings,
    Ban,
    Comment,
    CommentReport,
    CommentStatus,
    HoldReason,
    ModerationLog,
    ReportReason,
)
from manchette.core.redirects import safe_next
from manchette.news.models import ArticlePage

TABS = [
    ("attente", gettext_lazy("En attente")),
    ("signales", gettext_lazy("Signalés")),
    ("spam", gettext_lazy("Spam")),
    ("rejetes", gettext_lazy("Rejetés")),
    ("confirmation", gettext_lazy("Attendent l’e-mail")),
    ("tous", gettext_lazy("Tous")),
]
ACTIONS = {
    "approve": (moderation.approve_comment, gettext_lazy("%(n)d commentaire(s) approuvé(s).")),
    "reject": (moderation.reject_comment, gettext_lazy("%(n)d commentaire(s) rejeté(s).")),
    "spam": (moderation.mark_spam, gettext_lazy("%(n)d commentaire(s) marqué(s) indésirable(s).")),
    "dismiss": (
        moderation.dismiss_reports,
        gettext_lazy("Signalements classés sans suite : %(n)d commentaire(s) conservé(s)."),
    ),
}
# What a moderator confirms, with a reason, before it happens: the question asked.
CONFIRMED = {
    "reject": gettext_lazy("Rejeter ces commentaires ?"),
    "suspend": gettext_lazy("Suspendre leurs auteurs pour 7 jours et rejeter ces commentaires ?"),
    "ban": gettext_lazy("Exclure leurs auteurs et rejeter ces commentaires ?"),
}
# Reasons offered in the confirmation (a moderator may write another).
REASONS = [
    *[label for value, label in ReportReason.choices if value != ReportReason.OTHER],
    gettext_lazy("Non-respect de la charte"),
]
PER_PAGE = 50


def _require_moderator(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def _tab_queryset(tab):
    comments = Comment.objects.all()
    return {
        "attente": comments.queue(),
        "signales": comments.reported(),
        "spam": comments.filter(status=CommentStatus.SPAM),
        "rejetes": comments.filter(status=CommentStatus.REJECTED),
        "confirmation": comments.filter(status=CommentStatus.PENDING, awaiting_confirmation=True),
    }.get(tab, comments)


def _date(value, end=False):
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None
    return timezone.make_aware(datetime.combine(day, time.max if end else time.min))


def queue(request):
    _require_moderator(request)
    tab = request.GET.get("etat", "attente")
    if tab not in dict(TABS):
        tab = "attente"
    comments = _tab_queryset(tab)
    filters = {
        "article": request.GET.get("article", ""),
        "auteur": request.GET.get("auteur", "").strip()[:200],
        "motif": request.GET.get("motif", ""),
        "du": request.GET.get("du", ""),
        "au": request.GET.get("au", ""),
    }
    article = None
    if filters["article"].isdigit() and len(filters["article"]) < 19:
        article = ArticlePage.objects.filter(pk=int(filters["article"])).first()
        comments = comments.filter(article_id=int(filters["article"]))
    if filters["auteur"]:
        term = filters["auteur"]
        comments = comments.filter(
            Q(author_name__icontains=term)
            | Q(guest_email__icontains=term)
            | Q(user__email__icontains=term)
        )
    if filters["motif"] in HoldReason.values and filters["motif"]:
        comments = comments.filter(held_reason=filters["motif"])
    if start := _date(filters["du"]):
        comments = comments.filter(created_at__gte=start)
    if end := _date(filters["au"], end=True):
        comments = comments.filter(created_at__lte=end)
    comments = (
        comments.select_related("article", "user", "reply_to")
        .prefetch_related(
            Prefetch("reports", queryset=CommentReport.objects.order_by("-created_at"))
        )
        .order_by("-created_at")
    )
    page = Paginator(comments, PER_PAGE).get_page(request.GET.get("p"))
    waiting = moderation_counts()
    counts = {"attente": waiting["pending"], "signales": waiting["reported"]}
    closed = (
        ArticleCommentSettings.objects.filter(article=article, closed=True).exists()
        if article
        else False
    )
    return render(
        request,
        "comments/admin/queue.html",
        {
            "tabs": TABS,
            "tab": tab,
            "page_obj": page,
            "filters": filters,
            "article": article,
            "article_closed": closed,
            "reasons": [c for c in HoldReason.choices if c[0]],
            "counts": counts,
            "query": request.GET.urlencode(),
        },
    )


def _back(request):
    target = safe_next(request, request.POST.get("next"), reverse("comments_admin:queue"))
    return HttpResponseRedirect(target)


def _chosen(request):
    """(action, comment ids) of the button pressed: a per-row button says "approve:42"."""
    action = request.POST.get("action", "")
    if ":" in action:
        action, _sep, single = action.partition(":")
        ids = [single]
    else:
        ids = request.POST.getlist("ids")
    return action, [int(i) for i in ids if str(i).isdigit() and len(str(i)) < 19][:500]


def _confirmation(request, action, comments, reason, error=None):
    """The page that asks before a rejection or a ban, with the reason to give. It is the
    answer to a POST that changed nothing; its own form posts the same action, confirmed."""
    return render(
        request,
        "comments/admin/confirm.html",
        {
            "action": action,
            "question": CONFIRMED[action],
            "comments": comments,
            "reason": reason,
            "reasons": REASONS,
            "error": error,
            "next": request.POST.get("next", ""),
        },
        status=400 if error else 200,
    )


@require_POST
def act(request):
    """Bulk or single actions: approve, reject, spam, dismiss reports, feature, pin, ban."""
    _require_moderator(request)
    action, ids = _chosen(request)
    reason = request.POST.get("reason", "").strip()[:300]
    comments = list(Comment.objects.filter(pk__in=ids).select_related("article", "user"))
    if not comments:
        messages.warning(request, _("Sélectionnez au moins un commentaire."))
        return _back(request)
    if action in CONFIRMED and request.POST.get("confirme") != "1":
        return _confirmation(request, action, comments, reason)
    if action in CONFIRMED and not reason:
        return _confirmation(
            request, action, comments, reason, error=_("Indiquez le motif, communiqué à l’auteur.")
        )
    if action in ACTIONS:
        service, message = ACTIONS[action]
        for comment in comments:
            service(comment, request.user, reason)
        messages.success(request, message % {"n": len(comments)})
    elif action in ("feature", "unfeature"):
        for comment in comments:
            moderation.set_featured(comment, action == "feature", request.user)
        messages.success(request, _("Sélection de la rédaction mise à jour."))
    elif action in ("pin", "unpin"):
        for comment in comments:
            moderation.set_pinned(comment, action == "pin", request.user)
        messages.success(request, _("Épinglage mis à jour."))
    elif action in ("ban", "suspend"):
        days = 7 if action == "suspend" else None
        for comment in comments:
            moderation.ban_author(comment, request.user, reason, days=days)
            moderation.reject_comment(comment, request.user, reason)
        messages.success(request, _("Auteur(s) exclu(s)."))
    else:
        messages.error(request, _("Action inconnue."))
    return _back(request)


@require_POST
def toggle_article(request, article_id):
    _require_moderator(request)
    article = get_object_or_404(ArticlePage, pk=article_id)
    closed = request.POST.get("closed") == "1"
    moderation.set_comments_closed(article, closed, request.user, request.POST.get("reason", ""))
    messages.success(
        request,
        _("Commentaires fermés sur « %(t)s ».") % {"t": article.title}
        if closed
        else _("Commentaires rouverts sur « %(t)s ».") % {"t": article.title},
    )
    return _back(request)


def detail(request, pk):
    _require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("article", "user"), pk=pk)
    return render(
        request,
        "comments/admin/detail.html",
        {
            "comment": comment,
            "log": ModerationLog.objects.filter(comment=comment).select_related("actor"),
            "reports": comment.reports.all(),
            "history": Comment.objects.by_email(comment.email)
            .exclude(pk=comment.pk)
            .select_related("article")[:20],
        },
    )


def bans(request):
    """The bans and suspensions in force, and the last ones that ended, each in force with a
    button to lift it."""
    _require_moderator(request)
    now = timezone.now()
    everything = Ban.objects.select_related("user", "created_by")
    return render(
        request,
        "comments/admin/bans.html",
        {
            "active": everything.active(now)[:500],
            "ended": everything.filter(until__lte=now).order_by("-until")[:50],
        },
    )


@require_POST
def lift_ban(request, pk):
    _require_moderator(request)
    ban = get_object_or_404(Ban.objects.active(), pk=pk)
    moderation.lift_ban(ban, request.user, request.POST.get("reason", "").strip()[:300])
    messages.success(request, _("Exclusion de %(who)s levée.") % {"who": ban})
    return HttpResponseRedirect(reverse("comments_admin:bans"))
