"""The moderation queue in the Wagtail admin (menu « Commentaires»)."""

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from manchette.comments import moderation
from manchette.comments.common import is_moderator
from manchette.comments.models import (
    ArticleCommentSettings,
    Comment,
    CommentReport,
    CommentStatus,
    HoldReason,
    ModerationLog,
)
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
}
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
    counts = {
        "attente": Comment.objects.queue().count(),
        "signales": Comment.objects.reported().count(),
    }
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
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("comments_admin:queue")
    return HttpResponseRedirect(target)


@require_POST
def act(request):
    """Bulk or single actions: approve, reject, spam, feature, pin, ban."""
    _require_moderator(request)
    action = request.POST.get("action", "")
    if ":" in action:  # a per-row button: "approve:42"
        action, _sep, single = action.partition(":")
        ids = [single]
    else:
        ids = request.POST.getlist("ids")
    ids = [int(i) for i in ids if str(i).isdigit() and len(str(i)) < 19][:500]
    reason = request.POST.get("reason", "").strip()[:300]
    comments = list(Comment.objects.filter(pk__in=ids).select_related("article", "user"))
    if not comments:
        messages.warning(request, _("Sélectionnez au moins un commentaire."))
        return _back(request)
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
