from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment, CommentStatus, CommentVote
from manchette.comments.tests.helpers import post_data, post_json, prove_browser
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def vote(client, comment, value):
    return client.post(
        f"/commentaires/{comment.pk}/vote/", {"value": value}, HTTP_ACCEPT="application/json"
    )


def test_one_vote_per_reader_toggles_and_switches(client):
    comment = CommentFactory()
    assert vote(client, comment, "up").json() == {"score": 1, "up": 1, "down": 0, "mine": 1}
    assert vote(client, comment, "down").json() == {"score": -1, "up": 0, "down": 1, "mine": -1}
    assert vote(client, comment, "down").json()["score"] == 0
    assert CommentVote.objects.count() == 0
    vote(client, comment, "up")
    vote(Client(), comment, "up")
    comment.refresh_from_db()
    assert comment.score == 2 and CommentVote.objects.count() == 2


def test_vote_without_js_and_without_token_asks_to_confirm(client):
    comment = CommentFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"/commentaires/{comment.pk}/vote/", {"value": "up"})
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert not CommentVote.objects.exists()


def test_vote_on_a_hidden_comment_is_404(client):
    assert vote(client, CommentFactory(pending=True), "up").status_code == 404


def guest_with_comment(article):
    client = Client()
    prove_browser(client)  # the browser confirmed this address before (see proof.py)
    post_json(client, post_data(article))
    comment = Comment.objects.latest("pk")
    from manchette.comments import moderation

    moderation.approve_comment(comment)
    return client, comment


def test_author_edits_within_15_minutes():
    article = ArticleFactory()
    client, comment = guest_with_comment(article)
    response = client.post(f"/commentaires/{comment.pk}/modifier/", {"body": "Texte corrigé"})
    assert response.status_code == 303
    comment.refresh_from_db()
    assert comment.body == "Texte corrigé" and comment.edited_at
    assert "(modifié)" in Client().get(article.url).content.decode()
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = client.post(f"/commentaires/{comment.pk}/modifier/", {"body": "Trop tard"})
    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).body == "Texte corrigé"


def test_someone_else_cannot_edit_or_delete():
    article = ArticleFactory()
    _client, comment = guest_with_comment(article)
    other = Client()
    assert (
        other.post(f"/commentaires/{comment.pk}/modifier/", {"body": "Piraté"}).status_code == 404
    )
    assert other.post(f"/commentaires/{comment.pk}/supprimer/").status_code == 404


def test_delete_own_comment_keeps_replies_in_place():
    article = ArticleFactory()
    client, comment = guest_with_comment(article)
    CommentFactory(parent=comment, body="Une réponse qui reste")
    assert client.post(f"/commentaires/{comment.pk}/supprimer/").status_code == 303
    comment.refresh_from_db()
    assert comment.status == CommentStatus.DELETED and comment.body == ""
    html = Client().get(article.url).content.decode()
    assert "Commentaire supprimé" in html and "Une réponse qui reste" in html


def test_reader_state_gives_token_and_remembered_guest_only_when_asked(client):
    article = ArticleFactory()
    assert not client.get(article.url).cookies
    post_json(client, post_data(article))
    # Typing an address is not proving it: nothing is remembered before the confirmation.
    data = client.get(f"/commentaires/etat/?article={article.pk}").json()
    assert data["email"] == "" and data["own"] == []
    prove_browser(client)
    data = client.get(f"/commentaires/etat/?article={article.pk}").json()
    assert data["csrf"] and data["ts"]
    assert data["name"] == "Jeanne Lectrice" and data["email"] == "jeanne@example.org"
    assert data["own"][0]["editable"] is True
    assert "no-store" in client.get("/commentaires/etat/")["Cache-Control"]
    assert Client().get("/commentaires/etat/").json()["email"] == ""


def test_stored_xss_renders_inert(client):
    article = ArticleFactory()
    CommentFactory(
        article=article,
        author_name="<img src=x onerror=alert(1)>",
        body='<script>alert(1)</script> javascript:alert(1) https://ok.example/"onmouseover=alert(1)',
        body_html=__import__("manchette.comments.text", fromlist=["render"]).render(
            '<script>alert(1)</script> javascript:alert(1) https://ok.example/"onmouseover=alert(1)'
        ),
    )
    html = client.get(article.url).content.decode()
    section = html[html.index('id="commentaires"') :]
    assert "<script>alert" not in section
    assert "<img src=x" not in section
    assert 'href="javascript' not in section
    assert 'onmouseover=alert(1)"' not in section
    assert 'rel="nofollow ugc noopener noreferrer"' in section


def test_posting_is_rate_limited(client):
    article = ArticleFactory()
    codes = [
        post_json(client, post_data(article, body=f"Message {i}")).status_code for i in range(12)
    ]
    assert codes[-1] == 429
    assert "Trop de tentatives" in post_json(client, post_data(article)).json()["error"]


def test_x_forwarded_for_is_ignored_without_trusted_proxy(client):
    article = ArticleFactory()
    for i in range(10):
        post_json(client, {**post_data(article, body=f"M{i}", email=f"m{i}@example.org")})
    response = client.post(
        "/commentaires/poster/",
        post_data(article, email="z@example.org"),
        HTTP_ACCEPT="application/json",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert response.status_code == 429
