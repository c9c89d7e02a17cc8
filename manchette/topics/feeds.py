from django.shortcuts import get_object_or_404

from manchette.news.feeds import FEED_SIZE, LatestArticlesFeed, feed_articles
from manchette.topics.models import Topic


class TopicFeed(LatestArticlesFeed):
    """The latest articles mentioning a topic (RSS); items as in the site's feed."""

    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.confirmed(), slug=slug)

    def title(self, topic):
        from manchette.core.models import SiteSettings

        return f"{SiteSettings.current().site_name} — {topic.name}"

    def link(self, topic):
        return topic.get_absolute_url()

    def description(self, topic):
        return topic.description or topic.name

    def items(self, topic):
        return feed_articles().filter(topic_mentions__topic=topic)[:FEED_SIZE]
