"""Linking is enqueued on publication (after commit); publishing and unpublishing purge the
pages and feeds of the topics the article is listed under, at once (the linking task purges
them again when the article's topics change); unpublishing drops the article from the follow
digests not sent yet. A topic saved or deleted purges its own pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from manchette.core.caching.purge import purge_paths
from manchette.topics.models import Topic


def _purge_article_topics(page):
    from manchette.topics.linking import topic_paths

    # Purged now and again at commit (purge_paths): a topic page or feed cached in between
    # would otherwise keep the article's old title, or list it once unpublished.
    purge_paths(topic_paths(Topic.objects.filter(mentions__article=page).only("slug")))


@receiver(page_published)
def link_on_publish(sender, instance, **kwargs):
    from manchette.news.models import ArticlePage
    from manchette.topics.editing import schedule_article_linking

    page = instance.specific
    if isinstance(page, ArticlePage):
        _purge_article_topics(page)
        schedule_article_linking(page)


@receiver(page_unpublished)
def purge_topics_on_unpublish(sender, instance, **kwargs):
    from manchette.news.models import ArticlePage
    from manchette.topics.digests import drop_article_notifications

    page = instance.specific
    if isinstance(page, ArticlePage):
        _purge_article_topics(page)
        drop_article_notifications(page.pk)  # followers are not told about it


@receiver(post_save, sender=Topic)
def purge_topic_on_change(sender, instance, created, **kwargs):
    # A new topic has no page cached yet (a 404 is never kept); an edited one (its name,
    # picture, description, whether it is confirmed) shows on its page and feed.
    if not created:
        from manchette.topics.linking import topic_paths

        purge_paths(topic_paths([instance]))


@receiver(post_delete, sender=Topic)
def purge_topic_on_delete(sender, instance, **kwargs):
    from manchette.topics.linking import topic_paths

    purge_paths(topic_paths([instance]))
