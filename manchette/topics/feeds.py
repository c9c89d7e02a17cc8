from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed

from manchette.core.cache import mark_cacheable
from manchette.topics.models import Topic

FEED_SIZE = 30


class TopicFeed(Feed):
    """The latest articles mentioning a topic (RSS)."""

    feed_type = Rss201rev2Feed
    language = "fr"

    def __call__(self, request, *args, **kwargs):
        return mark_cacheable(super().__call__(request, *args, **kwargs))

    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.confirmed(), slug=slug)

    def title(self, topic):
        from manchette.core.models import SiteSettings

        return f"{SiteSettings.load().site_name} — {topic.name}"

    def link(self, topic):
        return topic.get_absolute_url()

    def description(self, topic):
        return topic.description or topic.name

    def items(self, topic):
        from manchette.news.models import ArticlePage

        return ArticlePage.objects.listing().filter(topic_mentions__topic=topic)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return ", ".join(author.title for author in item.authors.all()) or None

    def item_guid(self, item):
        return f"{settings.SITE_URL}/?p={item.pk}"

    item_guid_is_permalink = False
