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
    # The same whatever the number of comments; one fewer without any: the thread's rows are
    # not read when its counts found no comment.
    assert empty_count == busy_count - 1, (empty_count, busy_count)
    print(f"article page queries: {empty_count} with 0 comments, {busy_count} with 500")
    assert "Voir plus de commentaires" in response.content.decode()


def test_a_thread_without_comments_is_one_query(django_assert_num_queries):
    from manchette.comments.threads import article_thread

    article = ArticleFactory()
    CommentFactory(article=article, status=CommentStatus.PENDING)  # not shown
    with django_assert_num_queries(1):
        thread = article_thread(article.pk)
    assert (thread["count"], thread["threads"], thread["pages"]) == (0, [], 1)
    shown = CommentFactory(article=article)
    with django_assert_num_queries(2):
        thread = article_thread(article.pk)
    assert [node.comment for node in thread["threads"]] == [shown]
