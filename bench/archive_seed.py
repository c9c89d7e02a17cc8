"""Seeds a newsroom's archive fast, with bulk inserts (bench/archive.py runs it).

    MANCHETTE_BENCH=1 DJANGO_SETTINGS_MODULE=bench.settings python bench/archive_seed.py N OUT

On top of `manage.py seed_demo`: N articles in the demo's rubriques, the newest RECENT at a
newsroom's pace (one every RECENT_MINUTES, whatever N: the front page, page 1 of a rubrique and
the Google News sitemap show the same days at every size, so sizes compare), the rest spread
over the twenty years before,
each with the demo's own French paragraphs shuffled, one or two authors and three topics of
BENCH_ARCHIVE_TOPICS (2,000); BENCH_ARCHIVE_COMMENTS comments per article (5). Not the
page-by-page path (a save and a revision per article: hours for 200,000): Wagtail's tree
paths are worked out here (treebeard's materialised path: the parent's path and a 4-character
base-36 step), pages and rows go in by thousands. Then one more article is published the
editors' way, a few times, and timed. Writes the pages to measure and the figures to OUT.
With --again (a database seeded by an earlier run), only the publishing and the pages.
"""

import functools
import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BATCH = 2000
YEARS = 20
RECENT, RECENT_MINUTES = 240, 30
PER_PAGE = 12
DEEP_PAGE = 500


def demo_paragraphs():
    """The demo articles' paragraphs: real French prose, in the house style."""
    paragraphs = []
    for path in sorted((ROOT / "manchette" / "demo" / "content" / "articles").glob("*.md")):
        text = path.read_text().split("---", 2)[-1]
        for block in text.split("\n\n"):
            block = " ".join(block.split())
            if block and not block.startswith(("#", "!", ">")):
                paragraphs.append(block)
    return paragraphs


def demo_titles():
    titles = []
    for path in sorted((ROOT / "manchette" / "demo" / "content" / "articles").glob("*.md")):
        match = re.search(r"^title: (.+)$", path.read_text(), re.MULTILINE)
        if match:
            titles.append(match.group(1))
    return titles


def batches(total, size=BATCH):
    for start in range(0, total, size):
        yield start, min(total, start + size)


class Archive:
    def __init__(self, wanted):
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone
        from wagtail.models import Locale

        from manchette.news.models import ArticlePage, AuthorPage, SectionPage

        self.wanted = wanted
        self.rng = random.Random(20261205)
        self.paragraphs, self.titles = demo_paragraphs(), demo_titles()
        self.sections = list(SectionPage.objects.live().order_by("menu_order", "pk"))
        self.authors = list(AuthorPage.objects.live().order_by("pk").values_list("pk", flat=True))
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.locale_id = Locale.get_default().pk
        self.now = timezone.now()
        self.span_hours = YEARS * 365 * 24 / max(wanted - RECENT, 1)
        from manchette.core.frenchtext import normalise

        self.words = functools.lru_cache(maxsize=None)(lambda text: tuple(normalise(text)))

    def published(self, n):
        """Article n's publication (0 the newest): RECENT_MINUTES apart for the newest RECENT,
        then the archive's span."""
        recent = min(n, RECENT)
        older = max(n - RECENT, 0)
        return self.now - timedelta(
            minutes=60 + recent * RECENT_MINUTES, hours=older * self.span_hours
        )

    def article_text(self, n):
        rng = self.rng
        title = f"{rng.choice(self.titles)} ({n})"
        chosen = rng.sample(self.paragraphs, k=min(6, len(self.paragraphs)))
        return title, chosen[0], chosen[1:]

    def pages(self, section, start, stop, first_step):
        from wagtail.models import Page

        pages, texts = [], []
        for offset, n in enumerate(range(start, stop)):
            title, standfirst, body = self.article_text(n)
            published = self.published(n)
            slug = f"archive-{n}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(section.path, section.depth + 1, first_step + offset),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    content_type=self.article_type,
                    locale_id=self.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                )
            )
            texts.append((standfirst, body))
        return pages, texts

    def article_rows(self, section, pages, texts):
        """The rubrique's rows of news_articlepage, written directly: building an ArticlePage
        and its StreamField for each one would take longer than the whole insert."""
        from django.db import connection
        from psycopg.types.json import Jsonb

        from manchette.news.models import ArticlePage

        fields = list(ArticlePage._meta.local_concrete_fields)
        rows = []
        for page, (standfirst, body) in zip(pages, texts, strict=True):
            values = {
                "page_ptr_id": page.pk,
                "kicker": "Archives",
                "standfirst": standfirst,
                "body": Jsonb(
                    [
                        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                        for text in body
                    ]
                ),
                "section_id": section.pk,
                "source": "avec AFP" if page.pk % 3 == 0 else "",
                "dateline": "Paris",
                "search_document": self.search_document(page.title, standfirst, body),
            }
            rows.append(
                [values[f.attname] if f.attname in values else f.get_default() for f in fields]
            )
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = connection.ops.quote_name(ArticlePage._meta.db_table)
        with connection.cursor() as cursor:
            # Names from the model's own metadata, values as parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, rows)

    def search_document(self, title, standfirst, body):
        """`frenchtext.search_document(title, standfirst, body)`, each paragraph normalised
        once: the archive reuses the demo's paragraphs."""
        from manchette.core.frenchtext import FIELD_SEPARATOR, normalise

        words = self.words
        fields = [normalise(title), words(standfirst)]
        fields.append([word for paragraph in body for word in words(paragraph)])
        return FIELD_SEPARATOR.join(" " + " ".join(f) + " " for f in fields)

    def seed_articles(self):
        from django.db import transaction
        from django.db.models import F
        from wagtail.models import Page

        from manchette.news.models import ArticleAuthor

        per_section = -(-self.wanted // len(self.sections))
        done = 0
        for index, section in enumerate(self.sections):
            last = section.get_last_child()
            first_step = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
            count = min(per_section, self.wanted - done)
            for start, stop in batches(count):
                with transaction.atomic():
                    numbers = range(done + start, done + stop)
                    pages, texts = self.pages(
                        section, numbers.start, numbers.stop, first_step + start
                    )
                    pages = Page.objects.bulk_create(pages)
                    self.article_rows(section, pages, texts)
                    ArticleAuthor.objects.bulk_create(
                        [
                            ArticleAuthor(article_id=page.pk, author_id=author, sort_order=order)
                            for page in pages
                            for order, author in enumerate(
                                self.rng.sample(self.authors, k=1 + page.pk % 2)
                            )
                        ]
                    )
                say(f"articles: {done + stop}/{self.wanted} (rubrique {index + 1})")
            Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + count)
            done += count

    def seed_topics(self, total):
        from django.db import transaction
        from django.utils.text import slugify

        from manchette.news.models import ArticlePage
        from manchette.topics.models import ArticleTopic, Topic, TopicKind
        from manchette.topics.names import normalise_name

        kinds = [TopicKind.PERSON, TopicKind.PLACE, TopicKind.ORGANISATION]
        have = Topic.objects.count()
        topics = []
        for n in range(have, total):
            name = f"{self.rng.choice(self.titles).split(':')[0][:60]} {n}"
            topics.append(
                Topic(
                    name=name,
                    slug=f"{slugify(name)[:160]}-{n}",
                    normalised_name=normalise_name(name),
                    kind=kinds[n % 3],
                    confirmed=True,
                )
            )
        with transaction.atomic():
            Topic.objects.bulk_create(topics, batch_size=BATCH)
        topic_ids = list(Topic.objects.values_list("pk", flat=True))
        ids = list(ArticlePage.objects.filter(kicker="Archives").values_list("pk", flat=True))
        for start, stop in batches(len(ids), 5000):
            with transaction.atomic():
                ArticleTopic.objects.bulk_create(
                    [
                        ArticleTopic(article_id=pk, topic_id=topic, count=1, linked=True)
                        for pk in ids[start:stop]
                        for topic in self.rng.sample(topic_ids, k=3)
                    ],
                    ignore_conflicts=True,
                )
            say(f"topic mentions: {stop}/{len(ids)} articles")
        return ids

    def seed_comments(self, article_ids, per_article):
        from django.db import transaction

        from manchette.comments.models import Comment

        bodies = [p[:400] for p in self.paragraphs[:200]]
        total = len(article_ids) * per_article
        made = 0
        for start, stop in batches(len(article_ids), 4000):
            rows = []
            for pk in article_ids[start:stop]:
                for k in range(per_article):
                    body = self.rng.choice(bodies)
                    when = self.now - timedelta(minutes=made + k)
                    rows.append(
                        Comment(
                            article_id=pk,
                            author_name=f"Lecteur {pk % 997}-{k}",
                            body=body,
                            body_html=f"<p>{body}</p>",
                            status="published",
                            created_at=when,
                            published_at=when,
                        )
                    )
            with transaction.atomic():
                Comment.objects.bulk_create(rows, batch_size=BATCH)
            made += len(rows)
            say(f"comments: {made}/{total}")


def say(message):
    print(f"  {message}", file=sys.stderr, flush=True)


def time_publishing(section, times=5):
    """Milliseconds to publish one new article the editors' way: a draft, then its revision
    published (signals, purges of every path that lists it, tasks enqueued)."""
    from manchette.news.models import ArticlePage

    durations = []
    body = json.dumps([{"type": "paragraph", "value": "<p>Un fait nouveau.</p>"}])
    run = uuid.uuid4().hex[:6]  # a kept archive is measured again: new slugs each time
    for n in range(times):
        article = ArticlePage(
            title=f"Article publié sur l’archive {n}",
            slug=f"publie-sur-archive-{run}-{n}",
            standfirst="Un chapô d’une phrase.",
            body=body,
            live=False,
        )
        section.add_child(instance=article)
        started = time.perf_counter()
        article.save_revision().publish()
        durations.append(time.perf_counter() - started)
    return round(statistics.median(durations) * 1000, 1)


def pages_to_measure(archive):
    """The pages measured. The deep rubrique page by its address as the pages link to it
    (`?avant=` the last article of the page before); the topic most articles mention."""
    from django.db.models import Count

    from manchette.news.models import ArticleAuthor, ArticlePage, AuthorPage
    from manchette.topics.models import Topic

    section = archive.sections[0]
    listing = ArticlePage.objects.listing().filter(section=section)
    in_section = listing.count()
    last_page = max(1, -(-in_section // PER_PAGE))
    deep = min(DEEP_PAGE, last_page)
    before = listing.values_list("pk", flat=True)[(deep - 1) * PER_PAGE - 1] if deep > 1 else None
    author = ArticleAuthor.objects.order_by("author_id").first()
    topic = Topic.objects.annotate(n=Count("mentions")).order_by("-n", "pk").first()
    return {
        "home": "/",
        "section": section.url,
        f"section_page_{deep}": f"{section.url}?avant={before}" if before else section.url,
        "topic": topic.get_absolute_url(),
        "author": AuthorPage.objects.get(pk=author.author_id).url,
        "sitemap_index": "/sitemap.xml",
        "news_sitemap": "/sitemap-news.xml",
    }


def main(wanted, out, again=False):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from manchette.core.caching.purge import purge_site
    from manchette.news.models import ArticlePage

    started = time.monotonic()
    figures = {}
    if again:
        archive = Archive(wanted)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    else:
        call_command("seed_demo", verbosity=0)
        archive = Archive(wanted)
        archive.seed_articles()
        seeded = time.monotonic()
        ids = archive.seed_topics(int(os.environ.get("BENCH_ARCHIVE_TOPICS", "2000")))
        archive.seed_comments(ids, int(os.environ.get("BENCH_ARCHIVE_COMMENTS", "5")))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        finished = time.monotonic()
        figures = {
            "seed_articles_s": round(seeded - started, 1),
            "seed_total_s": round(finished - started, 1),
        }
    publish_ms = time_publishing(archive.sections[0])
    purge_site()
    from manchette.comments.models import Comment
    from manchette.topics.models import Topic

    result = {
        "articles": ArticlePage.objects.count(),
        "topics": Topic.objects.count(),
        "comments": Comment.objects.count(),
        **figures,
        "publish_ms": publish_ms,
        "pages": pages_to_measure(archive),
    }
    Path(out).write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], again="--again" in sys.argv[3:])
