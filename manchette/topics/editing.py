"""What an editor's change sets off: deciding suggestions, turning links off, a topic edited.

Each change is saved at once; the relinking it calls for is enqueued after commit.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from manchette.core.caching.purge import purge_paths
from manchette.core.outbox import enqueue_with_data
from manchette.topics.linking import slug_paths
from manchette.topics.models import (
    ArticleLinking,
    SuggestionStatus,
    Topic,
    TopicAlias,
    TopicSuggestion,
)
from manchette.topics.tasks import link_article_task, relink_topic_task


def topic_changed(topic_id, *, slugs=(), old_names=(), article_ids=()):
    """After a topic is created, edited or deleted: purge its pages, relink what it touches.

    The purge happens at commit; the relinking (which purges each article) in a task.
    """
    # The search's "no result" page names topics like the query (`manchette_search_topics`).
    paths = [*slug_paths(slugs), reverse("search:search")]
    names, ids = list(old_names), list(article_ids)

    def after_commit():
        purge_paths(paths)
        relink_topic_task.enqueue(topic_id, names, ids)

    transaction.on_commit(after_commit)


def schedule_article_linking(article):
    article_id = article.pk
    enqueue_with_data(link_article_task, article_id)


# --- editor decisions -----------------------------------------------------------------------


@transaction.atomic
def confirm_suggestion(suggestion, *, user=None, name=None, kind=None, topic=None):
    """Confirms a suggestion: as a new topic, or as another name of an existing `topic`.

    Then relinks, in a task, every article that mentions the name.
    """
    suggestion = TopicSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if topic is None:
        topic = Topic(name=(name or suggestion.name).strip(), kind=kind or suggestion.kind)
        topic.full_clean(exclude=["slug", "normalised_name"])
        topic.save()
    else:
        alias = TopicAlias(topic=topic, name=(name or suggestion.name).strip())
        alias.full_clean(exclude=["topic", "normalised"])
        alias.save()
    article_ids = list(suggestion.articles.values_list("pk", flat=True))
    suggestion.status = SuggestionStatus.CONFIRMED
    suggestion.topic = topic
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user
    suggestion.save()
    topic_changed(
        topic.pk, slugs=[topic.slug], old_names=[suggestion.name], article_ids=article_ids
    )
    return topic


@transaction.atomic
def add_topic_by_hand(name, kind, *, article=None):
    """Makes `name` a confirmed topic, or finds the topic already known by that name; then
    relinks the articles that cite it (and `article`). Returns (topic, created)."""
    from manchette.topics.names import normalise_name

    key = normalise_name(name)
    existing = Topic.objects.filter(normalised_name=key).first()
    if existing is None:
        alias = TopicAlias.objects.filter(normalised=key).select_related("topic").first()
        existing = alias.topic if alias else None
    if existing is not None:
        topic, created = existing, False
    else:
        topic = Topic(name=name.strip(), kind=kind)
        topic.full_clean(exclude=["slug", "normalised_name"])
        topic.save()
        created = True
    TopicSuggestion.objects.pending().filter(normalised=key).update(
        status=SuggestionStatus.CONFIRMED, topic=topic, decided_at=timezone.now()
    )
    topic_changed(
        topic.pk, slugs=[topic.slug], old_names=[name], article_ids=[article.pk] if article else []
    )
    return topic, created


@transaction.atomic
def reject_suggestion(suggestion, *, user=None):
    """Rejects a name for good: it is never suggested again."""
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user
    suggestion.save(update_fields=["status", "decided_at", "decided_by"])
    suggestion.articles.clear()
    return suggestion


@transaction.atomic
def set_linking_enabled(article, enabled):
    """Turns automatic links on or off for one article, then relinks it."""
    linking, _ = ArticleLinking.objects.get_or_create(article=article)
    linking.enabled = enabled
    linking.save(update_fields=["enabled"])
    schedule_article_linking(article)
    return linking


@transaction.atomic
def remove_link(article, topic_id):
    """Removes one topic's link from one article (and stops listing it there)."""
    linking, _ = ArticleLinking.objects.select_for_update().get_or_create(article=article)
    if topic_id not in linking.removed_topic_ids:
        linking.removed_topic_ids = [*linking.removed_topic_ids, topic_id]
        linking.save(update_fields=["removed_topic_ids"])
    schedule_article_linking(article)
    return linking


@transaction.atomic
def restore_link(article, topic_id):
    linking, _ = ArticleLinking.objects.select_for_update().get_or_create(article=article)
    linking.removed_topic_ids = [t for t in linking.removed_topic_ids if t != topic_id]
    linking.save(update_fields=["removed_topic_ids"])
    schedule_article_linking(article)
    return linking
