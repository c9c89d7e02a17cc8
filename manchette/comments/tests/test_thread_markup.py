"""The thread's markup (comments/rendering.py): each comment's classes, badges, links and
labels, escaped as the template engine escapes, replies nested in their parent."""

import pytest

from manchette.comments.factories import CommentFactory
from manchette.comments.models import CommentStatus
from manchette.comments.rendering import render_nodes
from manchette.comments.threads import article_thread
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_comment_s_markup():
    article = ArticleFactory()
    comment = CommentFactory(
        article=article,
        author_name='O\'Brien & "Cie" <b>',
        featured=True,
        pinned=True,
        is_newsroom=True,
        upvotes=3,
        downvotes=1,
    )
    comment.edited_at = comment.created_at
    comment.save()
    html = render_nodes(article_thread(article.pk)["threads"], article.pk)
    pk = comment.pk
    assert html.startswith(
        f'<li class="comment comment--featured comment--pinned comment--newsroom" '
        f'id="comment-{pk}" data-id="{pk}" data-depth="0">\n'
    )
    assert html.endswith("</li>\n")
    author = "O&#x27;Brien &amp; &quot;Cie&quot; &lt;b&gt;"
    assert f'<span class="comment__author" id="comment-{pk}-author">{author}</span>' in html
    assert f'data-reply="{pk}" data-author="{author}">Répondre</a>' in html
    assert f'?article={article.pk}&amp;reponse={pk}"' in html
    for badge in ("Rédaction", "Sélection de la rédaction", "Épinglé"):
        assert f">{badge}</span>" in html
    assert '<span class="comment__edited">(modifié)</span>' in html
    assert '<span class="comment__up">3</span><span class="visually-hidden"> — Vote positif' in html
    assert f'<div class="comment__body">{comment.body_html}</div>' in html
    assert "<b>" not in html.replace(comment.body_html, "")


def test_a_removed_comment_keeps_its_replies():
    article = ArticleFactory()
    removed = CommentFactory(article=article, status=CommentStatus.DELETED, body="")
    reply = CommentFactory(parent=removed, body="Réponse")
    html = render_nodes(article_thread(article.pk)["threads"], article.pk)
    assert (
        f'<li class="comment" id="comment-{removed.pk}" data-id="{removed.pk}" data-depth="0">'
        '\n  \n  <p class="comment__removed">Commentaire supprimé</p>\n  \n  '
        f'<ol class="comment__replies"><li class="comment" id="comment-{reply.pk}"'
    ) in html
    assert "comment__card" in html.split(f'id="comment-{reply.pk}"')[1]
    assert html.count("</li>\n") == 2


def test_labels_and_link_patterns_are_escaped_once_not_per_comment(monkeypatch):
    from manchette.comments import rendering

    article = ArticleFactory()
    for n in range(10):
        CommentFactory(article=article, author_name=f"Lecteur {n}")
    threads = article_thread(article.pk)["threads"]
    render_nodes(threads, article.pk)  # labels and patterns of this language and prefix
    calls = []
    real = rendering.html_text

    def counted(value):
        calls.append(value)
        return real(value)

    monkeypatch.setattr(rendering, "html_text", counted)
    rendering._KEPT_CARDS.clear()  # the cards written again (see test_kept_cards.py)
    render_nodes(threads, article.pk)
    # What varies: id, author, avatar, date (twice), votes (twice), article, depth.
    assert len(calls) == 9 * 10
