"""Reader-facing topic pages (cached for anonymous readers) and the follow-by-email flow."""

from types import SimpleNamespace

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from manchette.core.cache import is_anonymous_request, mark_cacheable
from manchette.core.pagination import get_page
from manchette.core.ratelimit import hit, ratelimit
from manchette.topics import services
from manchette.topics.forms import FollowForm
from manchette.topics.models import Topic, TopicKind

ARTICLES_PER_PAGE = 12


def _cacheable(request, response):
    if is_anonymous_request(request):
        return mark_cacheable(response)
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _private(response):
    patch_cache_control(response, private=True, no_cache=True, no_store=True)
    return response


def topic_index(request):
    topics = Topic.objects.confirmed().with_article_counts().order_by("name")
    groups = {kind: [] for kind, _label in TopicKind.choices}
    for topic in topics:
        groups[topic.kind].append(topic)
    context = {
        "groups": [
            {"kind": kind, "label": label, "topics": groups[kind]}
            for kind, label in TopicKind.choices
            if groups[kind]
        ],
    }
    return _cacheable(request, render(request, "topics/topic_index.html", context))


def topic_detail(request, slug):
    from manchette.news.models import ArticlePage

    topic = get_object_or_404(Topic.objects.confirmed().select_related("image"), slug=slug)
    articles = (
        ArticlePage.objects.listing()
        .filter(topic_mentions__topic=topic)
        .prefetch_related(Prefetch("lead_image__renditions"))
    )
    page_obj = get_page(request, articles, ARTICLES_PER_PAGE)
    context = {"topic": topic, "articles": page_obj, "page_obj": page_obj}
    return _cacheable(request, render(request, "topics/topic_detail.html", context))


@ratelimit("topic-follow", "5/m")
def follow(request, slug):
    """An uncached form page (it carries a CSRF token); the topic page only links to it."""
    topic = get_object_or_404(Topic.objects.confirmed(), slug=slug)
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            # Per address, quietly: the answer never tells whether a message went out.
            if not form.cleaned_data["website"] and hit("topic-follow-email", email, "3/h"):
                services.request_follow(topic, email)
            return _private(
                render(
                    request,
                    "topics/message.html",
                    {
                        "topic": topic,
                        "title": _("Vérifiez votre boîte de réception"),
                        "message": _(
                            "Si cette adresse est valide, un message vient d’y être envoyé. "
                            "Cliquez sur le lien qu’il contient pour confirmer le suivi de ce "
                            "sujet."
                        ),
                    },
                )
            )
        status = 400
    else:
        form = FollowForm()
        status = 200
    return _private(
        render(request, "topics/follow.html", {"topic": topic, "form": form}, status=status)
    )


def follow_confirm(request, token):
    found = services.read_follow_token(token, services.FOLLOW_SALT, services.FOLLOW_MAX_AGE)
    if found is None:
        return _private(
            render(
                request,
                "topics/message.html",
                {
                    "title": _("Lien invalide ou expiré"),
                    "message": _(
                        "Ce lien de confirmation n’est pas valide ou a expiré. "
                        "Vous pouvez refaire la demande depuis la page du sujet."
                    ),
                },
                status=400,
            )
        )
    services.confirm_follow(found)
    return _private(
        render(
            request,
            "topics/message.html",
            {
                "topic": found.topic,
                "title": _("C’est confirmé"),
                "message": _("Vous suivez désormais ce sujet : %(name)s.")
                % {"name": found.topic.name},
            },
        )
    )


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token
@ratelimit("topic-unfollow", "10/m")
def unfollow(request, token):
    """One follow, or every follow a digest was sent for, stops at one click (POST)."""
    follows = services.read_unfollow_token(token)
    if not follows:
        return _private(
            render(
                request,
                "topics/message.html",
                {
                    "title": _("Lien invalide"),
                    "message": _("Ce lien de désabonnement n’est pas valide."),
                },
                status=400,
            )
        )
    names = services.french_list(f.topic.name for f in follows)
    if request.method == "POST":
        services.unfollow_all(follows)
        return _private(
            render(
                request,
                "topics/message.html",
                {
                    "topic": follows[0].topic if len(follows) == 1 else None,
                    "title": _("Vous ne suivez plus ce sujet")
                    if len(follows) == 1
                    else _("Vous ne suivez plus ces sujets"),
                    "message": _("Vous ne recevrez plus de messages à propos de %(name)s.")
                    % {"name": names},
                },
            )
        )
    # The confirmation page names what stops: one topic, or the digest's topics together.
    shown = follows[0] if len(follows) == 1 else SimpleNamespace(topic=SimpleNamespace(name=names))
    return _private(render(request, "topics/unfollow.html", {"follow": shown, "token": token}))
