"""Reader-facing topic pages (cached for anonymous readers) and the follow-by-email flow."""

import pickle

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from manchette.accounts import proof
from manchette.core.caching.fragments import fragment_key, fragment_lookup, fragment_store
from manchette.core.caching.pages import share_or_keep_private
from manchette.core.pagination import PAGE_PARAM, cursor_of, listing_page, old_page_redirect
from manchette.core.ratelimit import hit, ratelimit
from manchette.topics.digests import french_list
from manchette.topics.follow_links import follow_for, follows_for
from manchette.topics.follows import confirm_follow, request_follow, unfollow_all
from manchette.topics.forms import FollowForm
from manchette.topics.models import Topic, TopicKind

ARTICLES_PER_PAGE = 12


_cacheable = share_or_keep_private


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


def cached_topic(request, slug):
    """The confirmed topic at this address, with its picture, kept (pickled) under the path's
    "content" version like a Wagtail page (core/views.py): any change to the topic purges
    its paths (topics/signals.py, topics/editing.py). Http404 when there is none."""
    key = fragment_key(request, "topic", "content", request.path, [slug])
    found = fragment_lookup(key)
    if found is not None:
        return pickle.loads(found)  # noqa: S301 (our own cache, written just below)
    topic = Topic.objects.confirmed().select_related("image").filter(slug=slug).first()
    if topic is None:
        raise Http404
    fragment_store(key, pickle.dumps(topic, protocol=pickle.HIGHEST_PROTOCOL))
    return topic


def _topic_articles(topic):
    from manchette.news.models import ArticlePage

    articles = (
        ArticlePage.objects.listing()
        .filter(topic_mentions__topic=topic)
        .prefetch_related(Prefetch("lead_image__renditions"))
    )
    return articles, ArticlePage.objects.filter(topic_mentions__topic=topic)


def topic_detail(request, slug):
    topic = cached_topic(request, slug)
    if PAGE_PARAM in request.GET:
        moved = old_page_redirect(request, _topic_articles(topic)[0], ARTICLES_PER_PAGE)
        if moved:
            return moved
    cursor = cursor_of(request)

    def page():
        articles, members = _topic_articles(topic)
        return listing_page(articles, cursor, ARTICLES_PER_PAGE, members)

    # Lazy: read only when the listing's fragment is rendered (see the template).
    context = {"topic": topic, "articles": SimpleLazyObject(page)}
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
                request_follow(topic, email)
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


# The emailed link shows a button; the follow starts on its POST (mail scanners open links).
follow_confirm = proof.ProofFlow(
    purpose="topic-confirm",
    template="topics/follow_confirm.html",
    load=follow_for,
    act=lambda request, follow: confirm_follow(follow),
    context=lambda follow: {"follow": follow, "topic": follow.topic},
    invalid_template="topics/link_invalid.html",
    rate=("topic-follow-confirm", "30/h"),
).as_view()


def _unfollow_context(follows):
    names = french_list(f.topic.name for f in follows)
    return {
        "follows": follows,
        "names": names,
        "topic": follows[0].topic if len(follows) == 1 else None,
    }


# One follow, or every follow a digest was sent for, stops at one click (POST, RFC 8058).
unfollow = proof.ProofFlow(
    purpose="topic-unsubscribe",
    template="topics/unfollow.html",
    load=follows_for,
    act=lambda request, follows: unfollow_all(follows),
    context=_unfollow_context,
    invalid_template="topics/link_invalid.html",
    one_click=True,
    rate=("topic-unfollow", "10/m"),
).as_view()
