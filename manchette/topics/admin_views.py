"""Admin views (under /admin/sujets/): suggestions to confirm or reject, an article's topics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from manchette.core.redirects import safe_next
from manchette.topics import editing
from manchette.topics.forms import ConfirmSuggestionForm
from manchette.topics.models import (
    ArticleLinking,
    ArticleTopic,
    SuggestionStatus,
    Topic,
    TopicSuggestion,
)

SUGGESTIONS_PER_PAGE = 50


def _require_topic_editor(user):
    if not (user.has_perm("topics.add_topic") and user.has_perm("topics.change_topic")):
        raise PermissionDenied


def _next_url(request, default):
    return safe_next(request, request.POST.get("next") or request.GET.get("next"), default)


def suggestions(request):
    _require_topic_editor(request.user)
    status = request.GET.get("status", SuggestionStatus.PENDING)
    if status not in SuggestionStatus.values:
        status = SuggestionStatus.PENDING
    queryset = (
        TopicSuggestion.objects.filter(status=status)
        .annotate(article_count=Count("articles"))
        .select_related("topic")
        .order_by("-article_count", "name")
    )
    page_obj = Paginator(queryset, SUGGESTIONS_PER_PAGE).get_page(request.GET.get("p"))
    articles = {}
    through = TopicSuggestion.articles.through.objects.filter(
        topicsuggestion_id__in=[s.pk for s in page_obj]
    ).select_related("articlepage")
    for row in through:
        articles.setdefault(row.topicsuggestion_id, []).append(row.articlepage)
    for suggestion in page_obj:
        suggestion.article_list = articles.get(suggestion.pk, [])[:5]
    return TemplateResponse(
        request,
        "topics/admin/suggestions.html",
        {
            "header_title": _("Suggestions de sujets"),
            "page_title": _("Suggestions de sujets"),
            "header_icon": "help",
            "suggestions": page_obj,
            "status": status,
            "statuses": SuggestionStatus.choices,
        },
    )


def confirm(request, pk):
    _require_topic_editor(request.user)
    suggestion = get_object_or_404(TopicSuggestion, pk=pk)
    back = _next_url(request, reverse("topics_admin:suggestions"))
    if suggestion.status != SuggestionStatus.PENDING:
        messages.warning(request, _("Cette suggestion a déjà été traitée."))
        return redirect(back)
    if request.method == "POST":
        form = ConfirmSuggestionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["mode"] == ConfirmSuggestionForm.MODE_ALIAS:
                    topic = editing.confirm_suggestion(
                        suggestion, user=request.user, name=data["name"], topic=data["topic"]
                    )
                    messages.success(
                        request,
                        _("« %(name)s » est désormais un autre nom de « %(topic)s ».")
                        % {"name": data["name"], "topic": topic.name},
                    )
                else:
                    topic = editing.confirm_suggestion(
                        suggestion, user=request.user, name=data["name"], kind=data["kind"]
                    )
                    messages.success(
                        request,
                        _("Sujet « %(topic)s » créé. Les articles qui le citent vont être liés.")
                        % {"topic": topic.name},
                    )
                return redirect(back)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("name", message)
    else:
        form = ConfirmSuggestionForm(initial={"name": suggestion.name, "kind": suggestion.kind})
    return TemplateResponse(
        request,
        "topics/admin/confirm.html",
        {
            "header_title": _("Confirmer une suggestion"),
            "page_title": _("Confirmer « %(name)s »") % {"name": suggestion.name},
            "header_icon": "tag",
            "suggestion": suggestion,
            "form": form,
            "next": back,
        },
    )


@require_POST
def reject(request, pk):
    _require_topic_editor(request.user)
    suggestion = get_object_or_404(TopicSuggestion, pk=pk)
    if suggestion.status == SuggestionStatus.PENDING:
        editing.reject_suggestion(suggestion, user=request.user)
        messages.success(
            request,
            _("« %(name)s » ne sera plus jamais suggéré.") % {"name": suggestion.name},
        )
    return redirect(_next_url(request, reverse("topics_admin:suggestions")))


def article_topics(request, page_id):
    """One article's topics: linking switch, links to remove or restore, its suggestions."""
    from manchette.news.models import ArticlePage

    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    here = reverse("topics_admin:article", args=[article.pk])
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            topic_id = int(request.POST.get("topic", "0"))
        except ValueError:
            topic_id = 0
        if action == "disable":
            editing.set_linking_enabled(article, False)
            messages.success(request, _("Les liens automatiques sont désactivés pour cet article."))
        elif action == "enable":
            editing.set_linking_enabled(article, True)
            messages.success(request, _("Les liens automatiques sont réactivés pour cet article."))
        elif action == "remove" and topic_id:
            editing.remove_link(article, topic_id)
            messages.success(request, _("Le lien a été retiré de cet article."))
        elif action == "restore" and topic_id:
            editing.restore_link(article, topic_id)
            messages.success(request, _("Le lien a été rétabli dans cet article."))
        else:
            messages.error(request, _("Action inconnue."))
        return redirect(here)
    linking = ArticleLinking.objects.filter(article=article).first()
    mentions = ArticleTopic.objects.filter(article=article).select_related("topic")
    removed_ids = linking.removed_topic_ids if linking else []
    return TemplateResponse(
        request,
        "topics/admin/article.html",
        {
            "header_title": _("Sujets de l’article"),
            "page_title": _("Sujets de l’article"),
            "page_subtitle": article.title,
            "header_icon": "tag",
            "article": article,
            "linking": linking,
            "enabled": linking.enabled if linking else True,
            "mentions": mentions.order_by("-linked", "topic__name"),
            "removed": Topic.objects.filter(pk__in=removed_ids).order_by("name"),
            "suggestions": article.topic_suggestions.filter(
                status=SuggestionStatus.PENDING
            ).order_by("name"),
            "here": here,
        },
    )
