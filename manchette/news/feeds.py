from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from manchette.core.caching.fragments import fragment_key, fragment_lookup, fragment_store
from manchette.core.caching.lifetime import mark_cacheable
from manchette.core.caching.restrictions import any_view_restriction
from manchette.core.prepared import PreparedQuery
from manchette.news.models import ArticleAuthor, ArticlePage, SectionPage

FEED_SIZE = 30


def feed_articles():
    """The listing's articles, with what an item shows: its rubrique and byline (a feed shows
    no picture: none is fetched)."""
    byline = Prefetch("author_links", queryset=ArticleAuthor.objects.byline())
    return ArticlePage.objects.listing().prefetch_related(None).prefetch_related(byline)


# Prepared once per process (core/prepared.py), for each state of the site's view
# restrictions (the listing's condition depends on it).
SITE_ITEMS = PreparedQuery(lambda: feed_articles()[:FEED_SIZE], state=any_view_restriction)
SECTION_ITEMS = PreparedQuery(
    lambda section_id: feed_articles().filter(section_id=section_id)[:FEED_SIZE],
    state=any_view_restriction,
    section_id=int,
)


class LatestArticlesFeed(Feed):
    """The site's latest articles, or one section's when a slug is given."""

    feed_type = Rss201rev2Feed
    language = "fr"
    # The feed's own address (its rel="self" link): the site-wide route, then a section's.
    url_names = ("feed", "section-feed")

    def __call__(self, request, *args, **kwargs):
        """The feed as last written, kept under its path's "content" version: a page-cache
        miss (its entry expired, nginx refreshing it) reads no query. Publishing,
        unpublishing or editing an article purges the feeds that list it (news/signals.py,
        topics/signals.py), a view restriction or a renamed rubrique every page."""
        key = fragment_key(request, "feed", "content", request.path)
        found = fragment_lookup(key)
        if found is None:
            response = super().__call__(request, *args, **kwargs)
            found = (response["Content-Type"], response.get("Last-Modified"), response.content)
            fragment_store(key, found)
        content_type, last_modified, content = found
        response = HttpResponse(content, content_type=content_type)
        if last_modified is not None:
            response.headers["Last-Modified"] = last_modified
        return mark_cacheable(response)

    def get_object(self, request, slug=None):
        if slug is None:
            return None
        return get_object_or_404(SectionPage.objects.visible(), slug=slug)

    def title(self, section):
        from manchette.core.models import SiteSettings

        name = SiteSettings.current().site_name
        return f"{name} — {section.title}" if section else name

    # Absolute from SITE_URL: Django would otherwise name the host the request came with
    # (behind nginx, without its port or scheme).
    def link(self, section):
        return settings.SITE_URL + (section.url if section else "/")

    def feed_url(self, section):
        if section is None:
            return settings.SITE_URL + reverse(self.url_names[0])
        return settings.SITE_URL + reverse(self.url_names[1], args=[section.slug])

    def description(self, section):
        return (section.intro if section else "") or self.title(section)

    def items(self, section):
        if section is None:
            return SITE_ITEMS.all()
        return SECTION_ITEMS.all(section_id=section.pk)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return settings.SITE_URL + item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.title for author in item.authors) or None

    def item_categories(self, item):
        return [item.section.title] if item.section else []

    def item_guid(self, item):
        # Not `SITE_URL/?p=<id>`: WordPress's feeds gave their posts that form, with its own
        # numbering, so after an import a reader would take a new article for an old post.
        # An imported article keeps the guid WordPress gave it; ours are their page's UUID,
        # which no other site's feed can have, and which a change of domain leaves alone.
        return item.feed_guid or f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    url_names = ("feed-atom", "section-feed-atom")
    subtitle = LatestArticlesFeed.description
