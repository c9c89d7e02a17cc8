"""Followers get one digest per address of the new articles on their topics, over real SMTP."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics import digests, linking
from manchette.topics.factories import TopicFactory
from manchette.topics.models import NotificationState, TopicFollow, TopicNotification

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publishes a new article (a draft first) as an editor does: linking runs after commit."""

    def make(text, **kwargs):
        article = ArticleFactory(draft=True, body=[paragraph(text)], **kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        article.refresh_from_db()
        return article

    return make


def follower(email, *topics, confirmed=True):
    since = timezone.now() - timedelta(days=10)
    return [
        TopicFollow.objects.create(
            topic=topic,
            email=email,
            confirmed=confirmed,
            confirmed_at=since if confirmed else None,
        )
        for topic in topics
    ]


def after_the_delay(minutes=31):
    """Runs the digests as the clock would once the coalescing delay has passed."""
    return digests.send_follow_digests(now=timezone.now() + timedelta(minutes=minutes))


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def local(url):
    return url.replace(SITE, "")


@pytest.fixture
def lyon(db):
    return TopicFactory(name="Lyon")


@pytest.fixture
def marseille(db):
    return TopicFactory(name="Marseille")


def test_a_follower_gets_one_digest_for_new_articles_on_two_topics_then_unsubscribes(
    client, smtp_sink, publish, lyon, marseille
):
    follower("lea@example.org", lyon, marseille)
    on_lyon = publish("Le maire de Lyon inaugure un pont.", title="Un pont neuf sur le Rhône")
    on_marseille = publish("Marseille accueille les régates.", title="Des voiles au Vieux-Port")

    # Publishing and reading send nothing; the digest waits the coalescing delay.
    assert client.get(on_lyon.url).status_code == 200
    assert digests.send_follow_digests() == 0
    assert smtp_sink.messages == []

    assert after_the_delay() == 1
    assert len(smtp_sink.messages) == 1
    envelope = smtp_sink.messages[0]
    assert envelope["to"] == ["lea@example.org"]
    message = envelope["message"]
    assert message["Subject"] == "2 nouveaux articles sur Lyon et Marseille"
    text, html = text_of(message), html_of(message)
    for article in (on_lyon, on_marseille):
        assert article.title in text and article.title in html
        assert f"{SITE}{article.url}" in text
        assert f'href="{SITE}{article.url}"' in html
    assert "Bonjour" in text and "À propos de : Lyon" in text
    assert text.index(on_marseille.title) < text.index(on_lyon.title)  # newest first
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith(f"{SITE}/sujets/suivre/arreter/")
    assert unsubscribe in text and unsubscribe in html

    # The links work for real: the article, then the one-click unsubscribe (no CSRF token).
    assert client.get(local(re.search(rf"{SITE}\S+", text).group(0))).status_code == 200
    confirm_page = client.get(local(unsubscribe))
    assert "Lyon et Marseille" in confirm_page.content.decode()
    one_click = Client(enforce_csrf_checks=True)
    response = one_click.post(local(unsubscribe), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "ne recevrez plus" in response.content.decode()
    assert not TopicFollow.objects.exists()

    publish("Lyon et Marseille signent un accord.")
    assert after_the_delay() == 0
    assert len(smtp_sink.messages) == 1


def test_the_per_topic_link_stops_only_that_topic(client, smtp_sink, publish, lyon, marseille):
    follower("lea@example.org", lyon, marseille)
    publish("Le maire de Lyon inaugure un pont.")
    after_the_delay()
    text = text_of(smtp_sink.messages[0]["message"])
    stop_lyon = re.search(r"Ne plus suivre « Lyon » : (\S+)", text).group(1)
    assert "Marseille »" not in text  # only the topics this digest is about
    assert Client(enforce_csrf_checks=True).post(local(stop_lyon)).status_code == 200
    assert list(TopicFollow.objects.values_list("topic__name", flat=True)) == ["Marseille"]

    publish("Lyon puis Marseille : la course continue.")
    assert after_the_delay() == 1
    subject = str(smtp_sink.messages[1]["message"]["Subject"]).strip()
    assert subject.startswith("Nouvel article sur Marseille : ")


def test_unconfirmed_followers_and_followers_of_other_topics_get_nothing(
    smtp_sink, publish, lyon, marseille
):
    follower("pending@example.org", lyon, confirmed=False)
    follower("other@example.org", marseille)
    follower("lea@example.org", lyon)
    publish("Le maire de Lyon inaugure un pont.")
    assert after_the_delay() == 1
    assert [m["to"] for m in smtp_sink.messages] == [["lea@example.org"]]
    assert list(TopicNotification.objects.values_list("follow__email", flat=True)) == [
        "lea@example.org"
    ]


def test_relinking_an_old_article_sends_nothing(smtp_sink, lyon):
    follower("lea@example.org", lyon)
    old = ArticleFactory(hours_ago=24 * 5, body=[paragraph("Le maire de Lyon a parlé.")])
    linking.link_article(old)  # as the linking task does
    linking.link_all_articles()  # as `manage.py link_topics` does
    linking.relink_topic(lyon.pk)  # as confirming a topic or an alias does
    assert old.topic_mentions.filter(topic=lyon).exists()
    assert after_the_delay() == 0
    assert smtp_sink.messages == []
    assert not TopicNotification.objects.exists()


def test_a_follow_confirmed_after_an_article_was_published_is_not_told_about_it(smtp_sink, lyon):
    recent = ArticleFactory(hours_ago=2, body=[paragraph("Le maire de Lyon a parlé.")])
    TopicFollow.objects.create(
        topic=lyon, email="lea@example.org", confirmed=True, confirmed_at=timezone.now()
    )
    linking.link_article(recent)
    assert after_the_delay() == 0
    assert smtp_sink.messages == []


def test_running_the_job_twice_sends_nothing_twice(smtp_sink, publish, lyon, settings):
    settings.TOPICS_DIGEST_MINUTES = 0
    follower("lea@example.org", lyon)
    publish("Le maire de Lyon inaugure un pont.")
    call_command("send_topic_digests")
    call_command("send_topic_digests")
    assert after_the_delay(minutes=120) == 0
    assert len(smtp_sink.messages) == 1
    row = TopicNotification.objects.get()
    assert row.state == NotificationState.SENT and row.sent_at is not None
    # Queueing again (relinking, the linking task) never makes the pair pending again.
    assert digests.queue_follow_notifications() == 0


def test_a_worker_stopped_mid_send_resumes_without_duplicating_or_losing(
    smtp_sink, publish, lyon, monkeypatch
):
    for email in ("a@example.org", "b@example.org", "c@example.org"):
        follower(email, lyon)
    publish("Le maire de Lyon inaugure un pont.")

    from django.core.mail.backends.smtp import EmailBackend

    real = EmailBackend.send_messages

    def dies_on_b(self, messages):
        if messages[0].to == ["b@example.org"]:
            raise ConnectionResetError("the worker died here")
        return real(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", dies_on_b)
    assert after_the_delay() == 2
    assert TopicNotification.objects.pending().get().follow.email == "b@example.org"

    monkeypatch.setattr(EmailBackend, "send_messages", real)
    assert after_the_delay() == 1
    assert after_the_delay() == 0
    assert sorted(m["to"][0] for m in smtp_sink.messages) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]


def test_a_publish_burst_is_one_email_per_follower_over_one_connection(
    smtp_sink, publish, lyon, marseille, settings, monkeypatch
):
    from django.core.mail.backends import smtp

    opened = []
    real_open = smtp.EmailBackend.open

    def counting_open(self):
        new = real_open(self)
        if new:
            opened.append(self)
        return new

    monkeypatch.setattr(smtp.EmailBackend, "open", counting_open)
    follower("lea@example.org", lyon, marseille)
    follower("marc@example.org", lyon)
    follower("ines@example.org", marseille)
    titles = [
        publish(f"Conseil municipal de Lyon, séance {n}.", title=f"Séance {n} à Lyon").title
        for n in range(10)
    ]
    assert digests.send_follow_digests() == 0  # still within the delay

    settings.TOPICS_DIGEST_MINUTES = 0
    from manchette.core.management.commands.worker import CLOCK_COMMANDS, run_clock_tick

    assert "send_topic_digests" in CLOCK_COMMANDS
    run_clock_tick()  # the worker's clock

    by_address = {m["to"][0]: m["message"] for m in smtp_sink.messages}
    assert sorted(by_address) == ["lea@example.org", "marc@example.org"]
    assert len(smtp_sink.messages) == 2
    assert by_address["marc@example.org"]["Subject"] == "10 nouveaux articles sur Lyon"
    text = text_of(by_address["lea@example.org"])
    assert all(title in text for title in titles)
    assert len(opened) == 1


def test_an_article_unpublished_before_the_digest_is_dropped(
    smtp_sink, publish, lyon, django_capture_on_commit_callbacks
):
    follower("lea@example.org", lyon)
    kept = publish("Le maire de Lyon inaugure un pont.", title="Le pont est inauguré")
    withdrawn = publish("Lyon : une erreur de date.", title="Un article retiré")
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    assert after_the_delay() == 1
    text = text_of(smtp_sink.messages[0]["message"])
    assert kept.title in text
    assert withdrawn.title not in text


def test_an_article_that_no_longer_mentions_the_topic_is_dropped(smtp_sink, publish, lyon):
    follower("lea@example.org", lyon)
    article = publish("Le maire de Lyon inaugure un pont.")
    article.body = [paragraph("Un autre sujet, finalement.")]
    article.save()
    linking.link_article(article)
    assert after_the_delay() == 0
    assert not TopicNotification.objects.exists()
