"""Purge exactly the cached pages a change shows on."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published, page_unpublished, post_page_move

from manchette.core.caching.purge import purge_paths, purge_site
from manchette.news.models import ArticlePage, Flash
from manchette.news.sitemaps import sitemap_paths

FEED_AND_SITEMAP_PATHS = ["/flux/", "/flux/atom/", "/sitemap-news.xml"]


def article_paths(article):
    """Every path that lists or shows this article (the search's too: its answers are kept
    until the next change, `search.services.search_articles`)."""
    paths = [article.url, "/", *FEED_AND_SITEMAP_PATHS, *sitemap_paths(), reverse("search:search")]
    if article.section_id:
        section = article.section
        paths += [section.url, f"/flux/{section.slug}/", f"/flux/{section.slug}/atom/"]
    paths += [author.url for author in article.authors]
    related = (
        ArticlePage.objects.live()
        .filter(section_id=article.section_id)
        .exclude(pk=article.pk)
        .order_by("-first_published_at")[:4]
    )
    paths += [other.url for other in related]  # their "À lire aussi" lists it
    return [p for p in paths if p]


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publication_change(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, ArticlePage):
        purge_paths(article_paths(page))
    else:
        # Sections, authors and the home page appear in menus and bylines on every page.
        purge_site()


# "À lire aussi" shows the rubrique's three latest articles but the page's own.
RELATED_COUNT = 3


def was_shown_as_related(article):
    """Whether `article`, now unpublished, was among its rubrique's latest: then every other
    article of the rubrique listed it in "À lire aussi"."""
    if not article.section_id or article.first_published_at is None:
        return False
    newer = (
        ArticlePage.objects.visible()
        .filter(section_id=article.section_id)
        .filter(
            Q(first_published_at__gt=article.first_published_at)
            | Q(first_published_at=article.first_published_at, pk__gt=article.pk)
        )
    )
    return newer.count() < RELATED_COUNT


@receiver(page_unpublished)
def purge_related_on_unpublish(sender, instance, **kwargs):
    # Each article page is kept whole under its own path: purging the rubrique's every
    # article by path would be one purge per article of the archive. An unpublication is
    # rare; a title that must disappear from every page takes the site's purge, as does a
    # page the flash banner of every page links to.
    page = instance.specific
    if isinstance(page, ArticlePage) and (
        was_shown_as_related(page) or Flash.objects.filter(link_page=page).exists()
    ):
        purge_site()


@receiver(post_page_move)
def purge_on_move(sender, instance, **kwargs):
    purge_site()


@receiver(post_save, sender=Flash)
@receiver(post_delete, sender=Flash)
def purge_on_flash_change(sender, instance, **kwargs):
    purge_site()
