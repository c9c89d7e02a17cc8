import re
from datetime import timedelta

import pytest
from django.utils import timezone

from manchette.comments import notifications
from manchette.comments.factories import CommentFactory, SubscriptionFactory
from manchette.comments.models import PendingNotification, Subscription, SubscriptionKind
from manchette.comments.tests.helpers import confirm_by_post, post_data, post_json
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def later():
    return timezone.now() + timedelta(hours=1)


def link(message, path):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https?://[^/\s]+({path}[^\s]+/)", text).group(1)


def test_guest_subscription_waits_for_confirmation_then_works_over_smtp(client, smtp_sink):
    article = ArticleFactory()
    post_json(client, post_data(article, notify=["follow"]))
    sub = Subscription.objects.get()
    assert not sub.confirmed
    CommentFactory(article=article, body="Avant confirmation")
    notifications.queue_notifications(CommentFactory(article=article))
    assert not PendingNotification.objects.exists()
    confirm = smtp_sink.messages[0]["message"]
    assert confirm["Subject"] == "Confirmez votre commentaire"
    assert confirm_by_post(client, link(confirm, "/commentaires/confirmer/")).status_code == 200
    sub.refresh_from_db()
    assert sub.confirmed

    other = CommentFactory(article=article, body="Une réaction nouvelle")
    notifications.queue_notifications(other)
    assert notifications.send_due_notifications(now=later()) == 1
    digest = smtp_sink.messages[-1]["message"]
    assert smtp_sink.messages[-1]["to"] == ["jeanne@example.org"]
    assert "Une réaction nouvelle" in digest.get_body(("plain",)).get_content()
    unsubscribe = digest["List-Unsubscribe"].strip("<>")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = link(digest, "/commentaires/desabonnement/")
    assert unsubscribe.endswith(path)
    response = client.get(path)  # a scanner following the link changes nothing
    assert response.status_code == 200 and "Me désabonner" in response.content.decode()
    assert Subscription.objects.exists()
    response = client.post(path)
    assert response.status_code == 200 and "désabonné" in response.content.decode()
    assert not Subscription.objects.exists()


def test_burst_of_comments_becomes_one_email(smtp_sink):
    sub = SubscriptionFactory()
    for i in range(50):
        notifications.queue_notifications(CommentFactory(article=sub.article, body=f"Rafale {i}"))
    assert notifications.send_due_notifications(now=timezone.now()) == 0  # still within the delay
    assert notifications.send_due_notifications(now=later()) == 1
    assert len(smtp_sink.messages) == 1
    assert "50 nouveaux commentaires" in smtp_sink.messages[0]["message"]["Subject"]
    assert notifications.send_due_notifications(now=later()) == 0


def test_reply_notification_goes_to_the_replied_author_only(smtp_sink):
    article = ArticleFactory()
    mine = CommentFactory(article=article, guest_email="auteur@example.org")
    SubscriptionFactory(article=article, email="auteur@example.org", kind=SubscriptionKind.REPLIES)
    SubscriptionFactory(article=article, email="autre@example.org", kind=SubscriptionKind.REPLIES)
    notifications.queue_notifications(CommentFactory(parent=mine, body="Je vous réponds"))
    notifications.queue_notifications(CommentFactory(article=article, body="Sans rapport"))
    notifications.send_due_notifications(now=later())
    assert [m["to"] for m in smtp_sink.messages] == [["auteur@example.org"]]
    message = smtp_sink.messages[0]["message"]
    assert "Une réponse à votre commentaire" in message["Subject"]
    assert "Sans rapport" not in message.get_body(("plain",)).get_content()


def test_comment_alerts_speak_to_the_reader_as_vous_and_spell_e_mail_one_way(smtp_sink):
    article = ArticleFactory(title="La rentrée")
    SubscriptionFactory(article=article, email="suiveur@example.org")
    notifications.queue_notifications(CommentFactory(article=article, body="Un avis"))
    notifications.send_due_notifications(now=later())
    message = smtp_sink.messages[0]["message"]
    for part in ("plain", "html"):
        text = message.get_body((part,)).get_content()
        assert "Bonjour," in text
        assert "sous l’article « La rentrée » que vous suivez" in text
        assert "Vous recevez cet e-mail à votre demande" in text
        assert "des nouveaux commentaires sous cet article" in text
        assert not re.search(r"\b(?<!-)(notifié|email|mail|courriel|tu|ton|ta|tes)\b", text, re.I)


def test_authors_are_not_notified_of_their_own_comment(smtp_sink):
    sub = SubscriptionFactory()
    notifications.queue_notifications(CommentFactory(article=sub.article, guest_email=sub.email))
    assert notifications.send_due_notifications(now=later()) == 0


def test_one_click_unsubscribe_by_post_rfc8058(client):
    sub = SubscriptionFactory()
    token = notifications.unsubscribe_token(sub)
    response = client.post(
        f"/commentaires/desabonnement/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert client.get("/commentaires/desabonnement/faux/").status_code == 400
    # Unsubscribing twice is fine.
    assert client.post(f"/commentaires/desabonnement/{token}/").status_code == 200


def test_confirmation_emails_are_rate_limited_per_address(client):
    from django.core import mail
    from django.test import Client

    article = ArticleFactory()
    for i in range(6):
        post_json(Client(REMOTE_ADDR=f"10.0.0.{i}"), post_data(article, body=f"Essai {i}"))
    assert len(mail.outbox) == 3
