"""Background work of the topics app: linking (spaCy runs here, never on a page view), emails."""

from django.conf import settings
from django_tasks import task

from manchette.core.mail import send_templated_email
from manchette.topics.digests import queue_follow_notifications
from manchette.topics.follow_links import follow_confirm_url, unfollow_url
from manchette.topics.linking import link_article, relink_topic
from manchette.topics.models import TopicFollow


@task()
def link_article_task(article_id):
    from manchette.news.models import ArticlePage

    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        link_article(article)
        # Followers are told in the next digest (if the article is new: see digests).
        queue_follow_notifications(article_ids=[article.pk])


@task()
def relink_topic_task(topic_id, names=(), article_ids=()):
    return relink_topic(topic_id, extra_names=names, article_ids=article_ids)


@task()
def send_follow_confirmation_task(follow_id):
    follow = TopicFollow.objects.select_related("topic").filter(pk=follow_id).first()
    if follow is None:
        return
    unsubscribe_url = unfollow_url([follow])
    send_templated_email(
        follow.email,
        "topic_follow_confirm",
        {
            "topic": follow.topic,
            "topic_url": settings.SITE_URL + follow.topic.get_absolute_url(),
            "confirm_url": follow_confirm_url(follow),
            "unsubscribe_url": unsubscribe_url,
        },
        unsubscribe_url=unsubscribe_url,
    )
