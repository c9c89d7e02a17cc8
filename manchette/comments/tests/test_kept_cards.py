"""Each comment's card kept in the process under every value it shows: written once, never
stale (a vote, an edit, a moderation, another time zone or language shows at once)."""

import pytest
from django.utils import timezone, translation

from manchette.comments import rendering
from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment, CommentStatus
from manchette.comments.rendering import render_nodes
from manchette.comments.threads import article_thread
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cards():
    rendering._KEPT_CARDS.clear()
    yield
    rendering._KEPT_CARDS.clear()


def thread_html(article):
    return render_nodes(article_thread(article.pk)["threads"], article.pk)


def written_from_scratch(article):
    rendering._KEPT_CARDS.clear()
    return thread_html(article)


@pytest.fixture
def written(monkeypatch):
    calls = []
    real = rendering._write_card

    def counted(node, *args):
        calls.append(node.comment.pk)
        return real(node, *args)

    monkeypatch.setattr(rendering, "_write_card", counted)
    return calls


def test_each_card_is_written_once_and_the_thread_stays_the_same(written):
    article = ArticleFactory()
    root = CommentFactory(article=article)
    CommentFactory(parent=root)
    first = thread_html(article)
    assert thread_html(article) == first
    assert len(written) == 2


@pytest.mark.parametrize(
    "change",
    [
        {"upvotes": 7},
        {"downvotes": 2},
        {"body_html": "<p>Corrigé après coup.</p>"},
        {"author_name": "Nouveau pseudonyme"},
        {"featured": True},
        {"pinned": True},
        {"is_newsroom": True},
        {"edited_at": "created_at"},
        {"status": CommentStatus.DELETED},
    ],
    ids=lambda change: next(iter(change)),
)
def test_whatever_a_card_shows_changes_it_at_once(change):
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    before = thread_html(article)
    [(field, value)] = change.items()
    if value == "created_at":
        value = comment.created_at
    Comment.objects.filter(pk=comment.pk).update(**{field: value})
    after = thread_html(article)
    assert after != before
    assert after == written_from_scratch(article)


def test_another_time_zone_or_language_gets_its_own_card():
    article = ArticleFactory()
    CommentFactory(article=article)
    paris = thread_html(article)
    with timezone.override("America/Montreal"):
        montreal = thread_html(article)
        assert montreal == written_from_scratch(article)
    assert montreal != paris
    with translation.override("en"):
        assert thread_html(article) == written_from_scratch(article)
    assert thread_html(article) == paris
