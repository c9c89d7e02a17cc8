"""Demo content: sections, authors, 40+ original articles with generated pictures, a live flash.

Safe to run again: it only adds what is missing and changes nothing an editor made.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from manchette.core import demo_data
from manchette.core.cache import purge_site
from manchette.core.factories import ImageFactory, home_page
from manchette.core.models import SiteSettings
from manchette.core.site_structure import sync_site
from manchette.news.factories import ArticleFactory, AuthorFactory, FlashFactory, SectionFactory
from manchette.news.models import ArticlePage, AuthorPage, Flash, FlashPriority, SectionPage
from manchette.topics.services import seed_topics


def body_blocks(blocks):
    stream = []
    for block in blocks:
        kind = block[0]
        if kind == "paragraph":
            stream.append(("paragraph", f"<p>{escape(block[1])}</p>"))
        elif kind == "heading":
            stream.append(("heading", block[1]))
        elif kind == "quote":
            stream.append(("quote", {"quote": block[1], "attribution": block[2]}))
    return stream


class Command(BaseCommand):
    help = "Loads the demo content (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_page()
        sync_site()  # the demo's links, sitemap and feeds name SITE_URL
        settings = SiteSettings.load()
        if settings.tagline == "":
            settings.tagline = "L’actualité, sans détour"
            settings.mastodon = "https://mastodon.social/@manchette_demo"
            settings.bluesky = "https://bsky.app/profile/manchette-demo.example"
            settings.facebook = "https://www.facebook.com/manchette.demo"
            settings.comment_policy = (
                "<p>Les commentaires sont modérés. Restez courtois et sur le sujet.</p>"
            )
            settings.save()

        sections = {}
        for order, data in enumerate(demo_data.SECTIONS):
            section = SectionPage.objects.filter(slug=data["slug"]).first()
            if section is None:
                section = SectionFactory(
                    parent=home,
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    menu_order=order,
                )
            sections[data["slug"]] = section

        authors = {}
        for data in demo_data.AUTHORS:
            author = AuthorPage.objects.filter(slug=data["slug"]).first()
            if author is None:
                author = AuthorFactory(
                    title=data["name"],
                    slug=data["slug"],
                    role=data["role"],
                    bio=data["bio"],
                    photo=ImageFactory(title=f"Portrait de {data['name']}"),
                )
            authors[data["slug"]] = author

        created = 0
        articles = []
        for index, data in enumerate(demo_data.ARTICLES):
            # Found by address, so an article the newsroom retitled is kept as it is.
            slug = slugify(data["title"])[:80]
            article = ArticlePage.objects.filter(slug=slug).first()
            if article is None:
                article = ArticleFactory(
                    parent=sections[data["section"]],
                    title=data["title"],
                    kicker=data["kicker"],
                    standfirst=data["standfirst"],
                    source=data["source"],
                    dateline=data["dateline"],
                    featured=data["featured"],
                    body=body_blocks(data["body"]),
                    hours_ago=data["hours_ago"],
                    lead_image=ImageFactory(title=data["title"][:250]) if index % 5 != 4 else None,
                    lead_image_alt=f"Illustration : {data['kicker'].lower()}",
                    lead_image_caption=data["standfirst"][:120] if index % 5 != 4 else "",
                    lead_image_credit="Manchette (illustration générée)" if index % 5 != 4 else "",
                    authors=[authors[slug] for slug in data["authors"]],
                )
                created += 1
            articles.append(article)

        if not Flash.objects.exists():
            now = timezone.now()
            for data in demo_data.FLASHES:
                index = data.get("article_index")
                FlashFactory(
                    text=data["text"],
                    priority=data["priority"],
                    link_page=articles[index] if index is not None else None,
                    starts_at=now - timedelta(minutes=10),
                    ends_at=now + timedelta(days=30)
                    if data["priority"] != FlashPriority.ALERTE
                    else now + timedelta(days=2),
                )
        topics_created, linked = seed_topics()
        purge_site()
        self.stdout.write(f"Sujets : {topics_created} créés, {linked} articles liés.")
        self.stdout.write(
            f"Contenu de démonstration : {len(sections)} rubriques, {len(authors)} auteurs, "
            f"{len(articles)} articles ({created} créés), {Flash.objects.count()} flashs."
        )
