"""A reader's comment, reaction and vote commit without waiting for the disk on PostgreSQL
(`synchronous_commit` off for their own transaction only); everything else stays durable."""

import contextlib

import pytest
from django.db import connection, transaction

from manchette.accounts.readers import Reader
from manchette.comments import votes
from manchette.comments.factories import CommentFactory
from manchette.comments.tests.helpers import post_data, post_json
from manchette.core.transactions import reader_write
from manchette.news.factories import ArticleFactory
from manchette.reactions import services as reactions
from manchette.reactions.factories import default_kinds

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def synchronous_commit():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('synchronous_commit')")
        return cursor.fetchone()[0]


@contextlib.contextmanager
def setting_at_insert(table):
    """The server's `synchronous_commit` read right after each INSERT INTO `table`."""
    seen = []

    def observe(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith(f'INSERT INTO "{table}"'):
            seen.append(synchronous_commit())
        return result

    with connection.execute_wrapper(observe):
        yield seen


def test_only_the_readers_own_transaction_skips_the_wait():
    with reader_write():
        assert synchronous_commit() == "off"
    assert synchronous_commit() == "on"
    with transaction.atomic():
        assert synchronous_commit() == "on"


def test_inside_another_transaction_the_outer_one_decides():
    with transaction.atomic():
        with reader_write():
            assert synchronous_commit() == "on"
        assert synchronous_commit() == "on"


def test_a_newsroom_can_keep_every_reader_write_durable(settings):
    settings.ASYNC_COMMIT_READER_WRITES = False
    with reader_write():
        assert synchronous_commit() == "on"


def test_a_comment_is_stored_without_waiting_and_is_there_afterwards(client):
    article = ArticleFactory()
    with setting_at_insert("comments_comment") as seen:
        response = post_json(client, post_data(article))
    assert response.status_code == 201, response.content
    assert seen == ["off"]
    assert article.comments.count() == 1
    assert synchronous_commit() == "on"


def test_a_reaction_and_a_vote_are_stored_without_waiting():
    article = ArticleFactory()
    kind = default_kinds()[0]
    with setting_at_insert("reactions_reaction") as seen:
        reactions.react(article, kind, Reader(token="r" * 32))
    assert seen == ["off"]
    comment = CommentFactory(article=article)
    with setting_at_insert("comments_commentvote") as seen:
        assert votes.vote(comment, Reader(token="v" * 32), 1) == 1
    assert seen == ["off"]
    comment.refresh_from_db()
    assert comment.upvotes == 1
