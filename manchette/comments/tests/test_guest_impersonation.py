"""Typing someone's address proves nothing: only the POST of the emailed confirmation page
does, and only for the browser that made it (issue 13)."""

import re

import pytest
from django.core import mail
from django.test import Client

from manchette.comments.models import Comment, CommentStatus, Subscription
from manchette.comments.tests.helpers import confirm_by_post, post_data, post_json
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

VICTIM = "victime@example.org"


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/commentaires/confirmer/[^\s]+/)", message.body).group(1)


def victim_confirmed(article):
    """The victim posts once and confirms from their browser, as a real reader would."""
    victim = Client()
    post_json(victim, post_data(article, email=VICTIM, name="Victime", body="Mon vrai avis."))
    confirm_by_post(victim, confirm_link(mail.outbox[-1]))
    own = Comment.objects.get(body="Mon vrai avis.")
    assert own.status == CommentStatus.PUBLISHED
    return victim, own


def test_typing_the_victims_address_gives_no_identity(client):
    article = ArticleFactory()
    victim, own = victim_confirmed(article)
    attacker = Client()
    response = post_json(attacker, post_data(article, email=VICTIM, name="Victime", body="Faux"))
    # Not published as the victim, who confirmed long ago: the attacker's browser proved nothing.
    assert response.json()["outcome"] == "confirmation"
    assert Comment.objects.get(body="Faux").status == CommentStatus.PENDING
    # No access to the victim's comments, their editing or deleting.
    assert "Mon vrai avis" not in attacker.get("/commentaires/mes-commentaires/").content.decode()
    assert attacker.get(f"/commentaires/{own.pk}/modifier/").status_code == 404
    assert attacker.post(f"/commentaires/{own.pk}/supprimer/").status_code == 404
    own.refresh_from_db()
    assert own.status == CommentStatus.PUBLISHED and own.body == "Mon vrai avis."
    state = attacker.get(f"/commentaires/etat/?article={article.pk}").json()
    assert state["email"] == "" and state["own"] == []
    # The victim's own browser keeps all of it.
    assert "Mon vrai avis" in victim.get("/commentaires/mes-commentaires/").content.decode()
    assert victim.get(f"/commentaires/{own.pk}/modifier/").status_code == 200


def test_typing_the_victims_address_creates_no_confirmed_subscription(client):
    article = ArticleFactory()
    victim_confirmed(article)
    attacker = Client()
    post_json(attacker, post_data(article, email=VICTIM, body="Un premier faux"))
    post_json(attacker, post_data(article, email=VICTIM, body="Abonnez-la", notify=["replies"]))
    assert not Subscription.objects.filter(email=VICTIM, confirmed=True).exists()


def test_confirming_one_comment_does_not_publish_another_persons_comment(client):
    article = ArticleFactory()
    attacker = Client()
    post_json(attacker, post_data(article, email=VICTIM, body="Écrit par un autre."))
    victim = Client()
    post_json(victim, post_data(article, email=VICTIM, body="Écrit par la victime."))
    victim_link = confirm_link(mail.outbox[-1])
    confirm_by_post(victim, victim_link)
    assert Comment.objects.get(body="Écrit par la victime.").status == CommentStatus.PUBLISHED
    other = Comment.objects.get(body="Écrit par un autre.")
    assert other.status == CommentStatus.PENDING and other.awaiting_confirmation


def test_confirming_publishes_the_other_comments_of_the_same_browser(client):
    article = ArticleFactory()
    post_json(client, post_data(article, body="Premier avis."))
    post_json(client, post_data(article, body="Second avis, même navigateur."))
    confirm_by_post(client, confirm_link(mail.outbox[0]))
    assert set(Comment.objects.values_list("status", flat=True)) == {CommentStatus.PUBLISHED}


def test_the_browser_that_confirms_is_remembered_not_the_one_that_typed(client):
    article = ArticleFactory()
    typed = Client()
    post_json(typed, post_data(article, body="Depuis l’ordinateur."))
    phone = Client()
    confirm_by_post(phone, confirm_link(mail.outbox[0]))
    comment = Comment.objects.get()
    assert phone.get(f"/commentaires/{comment.pk}/modifier/").status_code == 200
    assert typed.get(f"/commentaires/{comment.pk}/modifier/").status_code == 404


def test_a_replayed_confirmation_link_proves_no_other_browser(client):
    article = ArticleFactory()
    post_json(client, post_data(article, body="Mon avis."))
    link = confirm_link(mail.outbox[0])
    confirm_by_post(client, link)
    comment = Comment.objects.get()
    forwarded = Client()  # the e-mail was forwarded, or the link leaked
    assert "déjà servi" in confirm_by_post(forwarded, link).content.decode()
    assert forwarded.get(f"/commentaires/{comment.pk}/modifier/").status_code == 404
    assert "Mon avis" not in forwarded.get("/commentaires/mes-commentaires/").content.decode()
    assert client.get(f"/commentaires/{comment.pk}/modifier/").status_code == 200


def test_confirming_ones_comment_confirms_no_subscription_another_browser_asked_for(client):
    article = ArticleFactory()
    attacker = Client()
    post_json(attacker, post_data(article, email=VICTIM, body="Abonnez-la", notify=["follow"]))
    victim_confirmed(article)
    assert not Subscription.objects.filter(email=VICTIM, confirmed=True).exists()


def test_confirming_confirms_the_subscriptions_this_browser_asked_for(client):
    article = ArticleFactory()
    attacker = Client()
    post_json(attacker, post_data(article, email=VICTIM, body="Abonnez-la", notify=["follow"]))
    victim = Client()
    post_json(victim, post_data(article, email=VICTIM, body="Mon avis.", notify=["follow"]))
    confirm_by_post(victim, confirm_link(mail.outbox[-1]))
    assert Subscription.objects.get(email=VICTIM, kind="follow").confirmed
