"""A mail scanner or link previewer that GETs every link of every e-mail Manchette sends
changes nothing (issue 13): every flow's e-mails go over SMTP to the sink, then each link,
and each List-Unsubscribe address, is fetched, by a cookie-less scanner and by the very
browser that asked for the e-mail."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from manchette.accounts.models import ProvenBrowser
from manchette.comments import notifications
from manchette.comments.factories import CommentFactory, SubscriptionFactory
from manchette.comments.models import Comment, Subscription
from manchette.comments.tests.helpers import post_data, post_json
from manchette.news.factories import ArticleFactory
from manchette.newsletter import scheduling
from manchette.newsletter.factories import NewsletterIssueFactory, SubscriberFactory, default_list
from manchette.newsletter.models import ConsentRecord, Delivery, Subscriber
from manchette.newsletter.models import Subscription as ListSubscription
from manchette.topics import digests
from manchette.topics.factories import TopicFactory
from manchette.topics.models import ArticleTopic, TopicFollow

pytestmark = pytest.mark.django_db

LINK = re.compile(r"""https?://[^\s"'<>]+""")


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


def state():
    """Everything a link could change, as plain values."""
    from django.contrib.auth import get_user_model

    return {
        "comments": sorted(Comment.objects.values_list("pk", "status", "awaiting_confirmation")),
        "comment_subscriptions": sorted(Subscription.objects.values_list("pk", "confirmed")),
        "follows": sorted(TopicFollow.objects.values_list("pk", "confirmed")),
        "subscribers": sorted(Subscriber.objects.values_list("pk", "status")),
        "lists": sorted(ListSubscription.objects.values_list("pk", "status")),
        "consents": sorted(ConsentRecord.objects.values_list("pk", "confirmed_at")),
        "deliveries": sorted(Delivery.objects.values_list("pk", "unsubscribed_at")),
        "users": sorted(get_user_model().objects.values_list("pk", "email", "last_login")),
        "browsers": ProvenBrowser.objects.count(),
    }


def links_of(message):
    found = set()
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            found.update(LINK.findall(part.get_content()))
    found.update(LINK.findall(message.get("List-Unsubscribe", "")))
    site = urlsplit(settings.SITE_URL).netloc
    return {
        urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        for url in (u.replace("&amp;", "&").rstrip(".,;)") for u in found)
        if urlsplit(url).netloc == site
    }


def every_flow(reader):
    """Runs every flow that e-mails a reader; `reader` is the browser that asks."""
    article = ArticleFactory()
    # A guest's comment (confirmation e-mail, with a notification subscription).
    post_json(reader, post_data(article, notify=["follow"]))
    # A comment digest to a confirmed subscriber.
    SubscriptionFactory(article=article, email="abonne@example.org")
    notifications.queue_notifications(CommentFactory(article=article, body="Nouvelle réaction"))
    notifications.send_due_notifications(now=timezone.now() + timedelta(hours=1))
    # A topic follow (confirmation e-mail), and a digest to a confirmed follower.
    lyon = TopicFactory(name="Lyon")
    reader.post(f"/sujets/{lyon.slug}/suivre/", {"email": "lea@example.org"})
    TopicFollow.objects.create(
        topic=lyon,
        email="fidele@example.org",
        confirmed=True,
        confirmed_at=timezone.now() - timedelta(days=3),
    )
    ArticleTopic.objects.create(article=ArticleFactory(hours_ago=1), topic=lyon)
    digests.queue_follow_notifications()
    digests.send_follow_digests(now=timezone.now() + timedelta(hours=1))
    # A newsletter sign-up (confirmation), an issue, and a preferences link asked for.
    morning = default_list()
    reader.post("/newsletter/inscription/", {"email": "nouveau@example.org"})
    SubscriberFactory(email="lecteur@example.org", lists=[morning])
    scheduling.send_now(NewsletterIssueFactory(newsletter_list=morning))
    reader.post("/newsletter/preferences/", {"email": "lecteur@example.org"})
    # A sign-in link.
    reader.post("/compte/connexion/", {"email": "compte@example.org"})


def test_getting_every_link_of_every_email_changes_nothing(smtp_sink):
    reader = Client()
    every_flow(reader)
    subjects = [m["message"]["Subject"] for m in smtp_sink.messages]
    assert len(smtp_sink.messages) == 8, "\n".join(subjects)
    links = set()
    for message in smtp_sink.messages:
        links |= links_of(message["message"])
    kinds = {
        "/commentaires/confirmer/",
        "/commentaires/desabonnement/",
        "/sujets/suivre/confirmer/",
        "/sujets/suivre/arreter/",
        "/newsletter/confirmer/",
        "/newsletter/desinscription/",
        "/newsletter/preferences/",
        "/compte/connexion/",
    }
    assert {k for k in kinds if any(link.startswith(k) for link in links)} == kinds
    before = state()
    for browser in (Client(), reader):  # a scanner, then the reader's own browser
        for link in sorted(links):
            response = browser.get(link)
            assert response.status_code < 500, link
    assert state() == before
    assert "_auth_user_id" not in reader.session
