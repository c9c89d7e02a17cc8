"""The topics of an article, in its editor: the names found in it, to confirm or reject on
the spot, and a topic added by hand. The buttons post to the JSON views below (the editor is
itself a form), through static/js/article_topics.js."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from manchette.topics import editing
from manchette.topics.models import (
    ArticleLinking,
    ArticleTopic,
    SuggestionStatus,
    TopicKind,
    TopicSuggestion,
)


def may_edit_topics(user):
    return user.has_perm("topics.add_topic") and user.has_perm("topics.change_topic")


def render_panel(article, request):
    """The panel's HTML for the article editor (`manchette_article_editor_panel` hook)."""
    context = {
        "article": article,
        "can_decide": may_edit_topics(request.user),
        "kinds": TopicKind.choices,
    }
    if article.pk:
        context["analysed"] = ArticleLinking.objects.filter(
            article_id=article.pk, linked_at__isnull=False
        ).exists()
        context["mentions"] = (
            ArticleTopic.objects.filter(article_id=article.pk)
            .select_related("topic")
            .order_by("-linked", "topic__name")
        )
        context["suggestions"] = (
            TopicSuggestion.objects.pending().filter(articles=article.pk).order_by("name")
        )
    return render_to_string("topics/admin/editor_panel.html", context, request=request)


def _article_and_user(request, page_id):
    from manchette.news.models import ArticlePage

    article = get_object_or_404(ArticlePage, pk=page_id)
    if (
        not may_edit_topics(request.user)
        or not article.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    return article


@require_POST
def decide(request, page_id, pk):
    """Confirms (as a new topic) or rejects one name found in the article."""
    article = _article_and_user(request, page_id)
    suggestion = get_object_or_404(TopicSuggestion, pk=pk, articles=article)
    if suggestion.status != SuggestionStatus.PENDING:
        return JsonResponse({"message": _("Ce nom a déjà été traité.")})
    if request.POST.get("decision") == "confirm":
        try:
            topic = editing.confirm_suggestion(suggestion, user=request.user)
        except ValidationError as error:
            return JsonResponse({"message": " ".join(error.messages)}, status=400)
        message = _("« %(name)s » est un sujet : il sera lié dans les articles qui le citent.")
        return JsonResponse({"message": message % {"name": topic.name}, "state": "confirmed"})
    if request.POST.get("decision") == "reject":
        editing.reject_suggestion(suggestion, user=request.user)
        message = _("« %(name)s » ne sera plus jamais suggéré.") % {"name": suggestion.name}
        return JsonResponse({"message": message, "state": "rejected"})
    return JsonResponse({"message": _("Action inconnue.")}, status=400)


@require_POST
def add_topic(request, page_id):
    """A topic typed by hand: created (or found under that name), then linked in the
    articles that cite it, this one included."""
    article = _article_and_user(request, page_id)
    name = " ".join(request.POST.get("name", "").split())[:200]
    kind = request.POST.get("kind", "")
    if not name or kind not in TopicKind.values:
        return JsonResponse({"message": _("Indiquez le nom du sujet et son type.")}, status=400)
    try:
        topic, created = editing.add_topic_by_hand(name, kind, article=article)
    except ValidationError as error:
        return JsonResponse({"message": " ".join(error.messages)}, status=400)
    if created:
        message = _("Sujet « %(name)s » créé : il sera lié dans les articles qui le citent.")
    else:
        message = _("« %(name)s » est déjà un sujet : cet article sera lié s’il le cite.")
    return JsonResponse({"message": message % {"name": topic.name}, "state": "added"})
