import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment, CommentStatus
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def queries_for(url):
    client = Client()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_article_page_costs_the_same_with_0_and_500_comments():
    empty = ArticleFactory()
    busy = ArticleFactory(parent=empty.get_parent())
    roots = [CommentFactory(article=busy) for _ in range(100)]
    replies = []
    for root in roots:
        replies.append(CommentFactory(parent=root))
    for reply in replies[:100]:
        CommentFactory(parent=reply)
    Comment.objects.bulk_create(
        [
            Comment(
                article=busy,
                author_name="Masse",
                body="x",
                body_html="<p>x</p>",
                status=CommentStatus.PUBLISHED,
            )
            for _ in range(200)
        ]
    )
    assert Comment.objects.filter(article=busy).count() == 500
    queries_for(empty.url)  # warm shared caches (settings, navigation)
    queries_for(busy.url)
    from django.core.cache import cache

    cache.clear()
    empty_count, _ = queries_for(empty.url)
    cache.clear()
    busy_count, response = queries_for(busy.url)
    assert empty_count == busy_count, (empty_count, busy_count)
    print(f"article page queries: {empty_count} with 0 comments, {busy_count} with 500")
    assert "Voir plus de commentaires" in response.content.decode()
