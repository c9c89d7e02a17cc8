"""Fills the bench database: the demo content, then what the figures need.

    MANCHETTE_BENCH=1 DJANGO_SETTINGS_MODULE=bench.settings python bench/seed.py OUT.json

Adds, on top of `manage.py seed_demo`: extra articles up to BENCH_ARTICLES (5000; 0 = only the
demo's), BENCH_TOPICS topics (when the topics app has its factory), and three articles with
0, 50 (10 of them replies) and 500 (100 replies) comments (when the comments app has its
factory), plus one article that receives the posted comments. Writes their URLs and ids
as JSON to OUT.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from manchette.core.caching.purge import purge_site
    from manchette.news.factories import ArticleFactory
    from manchette.news.models import ArticlePage, SectionPage

    started = time.monotonic()
    call_command("seed_demo", verbosity=0)
    notes = []
    sections = list(SectionPage.objects.live().order_by("menu_order"))
    section = sections[0]

    wanted = int(os.environ.get("BENCH_ARTICLES", "5000"))
    missing = max(0, wanted - ArticlePage.objects.count())
    for start in range(0, missing, 200):
        with transaction.atomic():
            for n in range(start, min(missing, start + 200)):
                ArticleFactory(
                    parent=sections[n % len(sections)],
                    title=f"Article d’archive numéro {n}",
                    hours_ago=24 + n,
                )
        print(f"  articles : {min(missing, start + 200)}/{missing}", file=sys.stderr)

    def article(title):
        found = ArticlePage.objects.filter(title=title).first()
        return found or ArticleFactory(parent=section, title=title, hours_ago=0.5)

    with transaction.atomic():
        bare = article("Banc d’essai : article sans commentaire")
        fifty = article("Banc d’essai : article à 50 commentaires")
        five_hundred = article("Banc d’essai : article à 500 commentaires")
        posting = article("Banc d’essai : article qui reçoit les commentaires")

    pages = {
        "article_0": {"url": bare.url, "id": bare.pk},
        "article_50": {"url": fifty.url, "id": fifty.pk},
        "article_500": {"url": five_hundred.url, "id": five_hundred.pk},
        "article_post": {"url": posting.url, "id": posting.pk},
        "home": {"url": "/"},
        "section": {"url": section.url},
        "search": {"url": "/recherche/?q=" + "gouvernement"},
        "feed": {"url": "/flux/"},
    }

    try:
        from manchette.comments.factories import CommentFactory
        from manchette.comments.models import Comment
    except ImportError as error:
        notes.append(f"comments app without factories ({error}): no comment rows")
    else:
        for target, total, replies in ((fifty, 50, 10), (five_hundred, 500, 100)):
            have = Comment.objects.filter(article=target).count()
            if have >= total:
                continue
            with transaction.atomic():
                roots = [
                    CommentFactory(
                        article=target,
                        body=f"Commentaire {i} : un avis argumenté sur ce sujet, "
                        "avec quelques phrases pour ressembler à un vrai commentaire "
                        "de lecteur, ni trop court ni trop long.",
                    )
                    for i in range(total - replies)
                ]
                for i in range(replies):
                    CommentFactory(
                        article=target,
                        parent=roots[i * 3 % len(roots)],
                        body=f"Réponse {i} : je ne suis pas tout à fait d’accord.",
                    )

    topics = int(os.environ.get("BENCH_TOPICS", "200"))
    try:
        from manchette.topics.factories import TopicFactory
        from manchette.topics.models import ArticleTopic, Topic
    except ImportError as error:
        notes.append(f"topics app without factories ({error}): no topic rows")
    else:
        have = Topic.objects.count()
        ids = list(ArticlePage.objects.live().values_list("pk", flat=True)[:400])
        with transaction.atomic():
            for n in range(have, topics):
                topic = TopicFactory(name=f"Sujet du banc {n}")
                ArticleTopic.objects.bulk_create(
                    [
                        ArticleTopic(article_id=ids[(n * 7 + k) % len(ids)], topic=topic)
                        for k in range(20)
                    ],
                    ignore_conflicts=True,
                )
        topic = Topic.objects.filter(confirmed=True).order_by("pk").first()
        if topic is not None:
            pages["topic"] = {"url": topic.get_absolute_url()}

    purge_site()
    result = {
        "pages": pages,
        "notes": notes,
        "articles": ArticlePage.objects.count(),
        "seconds": round(time.monotonic() - started, 1),
    }
    Path(out).write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
