"""Indexes for a newsroom's archive (200,000 articles and more).

Every listing (home, rubrique, author, topic, feeds, the Google News sitemap) reads articles
newest first, by Wagtail's `first_published_at` then the id: the index on those two columns
of Wagtail's page table lets each page seek to its place instead of sorting the archive.
`url_path` finds an article by its address in one query (`manchette_find_live_page`). Both
are on Wagtail's table, so written as SQL that SQLite and PostgreSQL read alike.
"""

from django.db import migrations, models

PAGE_INDEXES = {
    "news_page_published": "first_published_at, id",
    "news_page_url_path": "url_path",
}


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_ordered_authors_with_accounts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(
            migrations.RunSQL(
                f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({columns})",
                f"DROP INDEX IF EXISTS {name}",
                elidable=False,
            )
            for name, columns in PAGE_INDEXES.items()
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(
                condition=models.Q(("featured", True)),
                fields=["page_ptr"],
                name="news_article_featured",
            ),
        ),
    ]
