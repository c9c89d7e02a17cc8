"""Writes the demo content into the database; safe to run again.

Each step adds only what is missing, found by address (slug) or name, so nothing the newsroom
edited since is changed.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from manchette.core.models import SiteSettings
from manchette.core.pages import add_live_page
from manchette.demo.content import load_articles, load_json
from manchette.demo.pictures import create_picture
from manchette.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    Flash,
    FlashPriority,
    FlashStatus,
    SectionPage,
)
from manchette.topics.linking import link_all_articles
from manchette.topics.models import Topic, TopicAlias
from manchette.topics.names import normalise_name

SITE_SETTINGS = {
    "tagline": "L’actualité, sans détour",
    "mastodon": "https://mastodon.social/@manchette_demo",
    "bluesky": "https://bsky.app/profile/manchette-demo.example",
    "facebook": "https://www.facebook.com/manchette.demo",
    "comment_policy": "<p>Les commentaires sont modérés. Restez courtois et sur le sujet.</p>",
}
AUTHOR_INDEX = {"title": "La rédaction", "slug": "auteurs"}
FLASH_DAYS = {FlashPriority.ALERTE: 2}  # an alert lasts two days, the others a month
ILLUSTRATION_CREDIT = "Manchette (illustration générée)"


def seed_site_settings():
    settings = SiteSettings.load()
    if settings.tagline == "":
        for name, value in SITE_SETTINGS.items():
            setattr(settings, name, value)
        settings.save()


def seed_sections(home):
    sections = {}
    for order, data in enumerate(load_json("sections.json")):
        section = SectionPage.objects.filter(slug=data["slug"]).first()
        if section is None:
            section = add_live_page(home, SectionPage(menu_order=order, **data))
        sections[data["slug"]] = section
    return sections


def seed_authors(home):
    index = AuthorIndexPage.objects.first() or add_live_page(home, AuthorIndexPage(**AUTHOR_INDEX))
    authors = {}
    for data in load_json("authors.json"):
        author = AuthorPage.objects.filter(slug=data["slug"]).first()
        if author is None:
            photo = create_picture(f"Portrait de {data['name']}")
            author = add_live_page(
                index,
                AuthorPage(
                    title=data["name"],
                    slug=data["slug"],
                    role=data["role"],
                    bio=data["bio"],
                    photo=photo,
                ),
            )
        authors[data["slug"]] = author
    return authors


def body_blocks(blocks):
    """The article body as StreamField data: paragraphs are rich text, so escaped."""
    stream = []
    for kind, text, *rest in blocks:
        if kind == "paragraph":
            stream.append(("paragraph", f"<p>{escape(text)}</p>"))
        elif kind == "heading":
            stream.append(("heading", text))
        elif kind == "quote":
            stream.append(("quote", {"quote": text, "attribution": rest[0]}))
    return stream


def new_article(data, authors):
    published = timezone.now() - timedelta(hours=data.hours_ago)
    article = ArticlePage(
        title=data.title,
        slug=data.slug,
        kicker=data.kicker,
        standfirst=data.standfirst,
        source=data.source,
        dateline=data.dateline,
        featured=data.featured,
        body=body_blocks(data.body),
        first_published_at=published,
        last_published_at=published,
        lead_image_alt=f"Illustration : {data.kicker.lower()}",
    )
    if data.illustration:
        article.lead_image = create_picture(data.title[:250])
        article.lead_image_caption = data.standfirst[:120]
        article.lead_image_credit = ILLUSTRATION_CREDIT
    article.author_links = [ArticleAuthor(author=authors[slug]) for slug in data.authors]
    return article


def seed_articles(sections, authors):
    """Returns (the demo's articles by slug, how many were created)."""
    articles, created = {}, 0
    for data in load_articles():
        # Found by address, so an article the newsroom retitled is kept as it is.
        article = ArticlePage.objects.filter(slug=data.slug).first()
        if article is None:
            article = add_live_page(sections[data.section], new_article(data, authors))
            created += 1
        articles[data.slug] = article
    return articles, created


def seed_flashes(articles):
    """Live flashes, only on a site that never had any (an editor's deletions stand)."""
    if Flash.objects.exists():
        return
    now = timezone.now()
    for data in load_json("flashes.json"):
        Flash.objects.create(
            text=data["text"],
            priority=data["priority"],
            status=FlashStatus.PUBLISHED,
            link_page=articles[data["article"]] if data["article"] else None,
            starts_at=now - timedelta(minutes=10),
            ends_at=now + timedelta(days=FLASH_DAYS.get(data["priority"], 30)),
        )


def seed_topics(topics=None, link=True):
    """Creates the demo topics and their aliases, then links every live article.

    Returns (topics created, articles linked).
    """
    created = 0
    with transaction.atomic():
        for data in load_json("topics.json") if topics is None else topics:
            topic = Topic.objects.filter(normalised_name=normalise_name(data["name"])).first()
            if topic is None:
                topic = Topic.objects.create(
                    name=data["name"], kind=data["kind"], description=data.get("description", "")
                )
                created += 1
            for alias in data.get("aliases", []):
                key = normalise_name(alias)
                if (
                    key != topic.normalised_name
                    and not TopicAlias.objects.filter(normalised=key).exists()
                ):
                    TopicAlias.objects.create(topic=topic, name=alias)
    linked = link_all_articles(ArticlePage.objects.live().order_by("pk")) if link else 0
    return created, linked
