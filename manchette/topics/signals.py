"""Linking is enqueued on publication (after commit); unpublishing purges the topic pages and
drops the article from the follow digests not sent yet."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from manchette.core.caching.purge import purge_paths


@receiver(page_published)
def link_on_publish(sender, instance, **kwargs):
    from manchette.news.models import ArticlePage
    from manchette.topics.editing import schedule_article_linking

    page = instance.specific
    if isinstance(page, ArticlePage):
        schedule_article_linking(page)


@receiver(page_unpublished)
def purge_topics_on_unpublish(sender, instance, **kwargs):
    from manchette.news.models import ArticlePage
    from manchette.topics.digests import drop_article_notifications
    from manchette.topics.linking import topic_paths
    from manchette.topics.models import Topic

    page = instance.specific
    if isinstance(page, ArticlePage):
        paths = topic_paths(Topic.objects.filter(mentions__article=page))
        transaction.on_commit(lambda: purge_paths(paths))
        drop_article_notifications(page.pk)  # followers are not told about it
