"""Content written into a default install by `manage.py shell -c` (tests/integration/sqlite_site):
run inside the site's own settings and database, not the test's."""

import json


def publish_article(title):
    from manchette.core.factories import home_page
    from manchette.news.factories import ArticleFactory

    home_page()
    article = ArticleFactory(title=title)
    print(json.dumps({"id": article.pk, "url": article.url}))


def publish_comment(article_id, body):
    from manchette.comments.factories import CommentFactory
    from manchette.news.models import ArticlePage

    CommentFactory(article=ArticlePage.objects.get(pk=article_id), body=body)
