"""The daily retention job: what nobody confirmed, network hashes and the worker's records."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from manchette.comments.factories import CommentFactory, SubscriptionFactory
from manchette.comments.models import Comment, GuestEmail
from manchette.newsletter import subscriptions
from manchette.newsletter.factories import default_list
from manchette.newsletter.models import ConsentRecord, Subscriber
from manchette.privacy.retention import apply_retention
from manchette.privacy.tests.conftest import worker_record
from manchette.topics.factories import TopicFactory
from manchette.topics.follows import confirm_follow, request_follow
from manchette.topics.models import TopicFollow

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def sign_up(email, confirm):
    lst = default_list()
    consent = subscriptions.subscribe(
        email, [lst], source="encadré", text=subscriptions.consent_text([lst]), ip_hash="ip"
    )
    if confirm:
        subscriptions.confirm_subscription(consent, ip_hash="ip2")
    return consent


def at(days):
    return time_machine.travel(START + timedelta(days=days), tick=False)


@pytest.fixture
def held():
    """One confirmed and one unconfirmed of each kind, made on START."""
    with at(0):
        topic = TopicFactory()
        made = {
            "waiting_comment": CommentFactory(pending=True, awaiting_confirmation=True),
            "published_comment": CommentFactory(client_hash="hash-1"),
            "guest_unconfirmed": GuestEmail.objects.create(email="a@example.org"),
            "guest_confirmed": GuestEmail.objects.create(email="b@example.org", confirmed_at=START),
            "sub_unconfirmed": SubscriptionFactory(confirmed=False),
            "sub_confirmed": SubscriptionFactory(confirmed=True),
            "signup_unconfirmed": sign_up("c@example.org", confirm=False),
            "signup_confirmed": sign_up("d@example.org", confirm=True),
            "follow_unconfirmed": request_follow(topic, "e@example.org"),
            "follow_confirmed": confirm_follow(request_follow(topic, "f@example.org")),
            "signin_email": worker_record("manchette.accounts.tasks.send_signin_link", "g@x.org"),
        }
    return made


def kept(made):
    """Which of the rows still exist."""
    return {name: type(obj).objects.filter(pk=obj.pk).exists() for name, obj in made.items()}


def test_unconfirmed_requests_go_after_seven_days_and_nothing_confirmed(held):
    with at(6):
        apply_retention()
    assert all(kept(held).values())
    with at(8):
        apply_retention()
    gone = {name for name, present in kept(held).items() if not present}
    assert gone == {
        "waiting_comment",
        "guest_unconfirmed",
        "sub_unconfirmed",
        "signup_unconfirmed",
        "follow_unconfirmed",
    }
    assert not Subscriber.objects.filter(email="c@example.org").exists()
    assert Subscriber.objects.get(email="d@example.org").subscriptions.count() == 1


def test_the_worker_record_of_emails_goes_after_thirty_days(held):
    with at(29):
        apply_retention()
    assert kept(held)["signin_email"]
    with at(31):
        apply_retention()
    assert not kept(held)["signin_email"]


def test_network_hashes_are_cleared_after_twelve_months(held):
    with at(364):
        apply_retention()
    assert Comment.objects.get(pk=held["published_comment"].pk).client_hash == "hash-1"
    consent = ConsentRecord.objects.get(subscriber__email="d@example.org")
    assert (consent.ip_hash, consent.confirmed_ip_hash) == ("ip", "ip2")
    with at(366):
        apply_retention()
    assert Comment.objects.get(pk=held["published_comment"].pk).client_hash == ""
    consent.refresh_from_db()
    assert (consent.ip_hash, consent.confirmed_ip_hash) == ("", "")
    assert consent.confirmed_at is not None and consent.text  # the proof itself stays


def test_durations_come_from_the_settings(held, settings):
    settings.PRIVACY_UNCONFIRMED_DAYS = 2
    with at(3):
        apply_retention()
    assert not kept(held)["follow_unconfirmed"]


def test_the_worker_clock_runs_it_once_a_day():
    from manchette.core.management.commands.worker import CLOCK_COMMANDS, run_clock_tick

    assert "apply_retention" in CLOCK_COMMANDS
    topic = TopicFactory()
    with at(0):
        first = request_follow(topic, "h@example.org")
    with at(7):
        second = request_follow(topic, "i@example.org")
    with at(8):
        assert run_clock_tick()
    assert not TopicFollow.objects.filter(pk=first.pk).exists()
    # A follow that turns old later the same day waits for the next day's run.
    TopicFollow.objects.filter(pk=second.pk).update(created_at=START - timedelta(days=30))
    with time_machine.travel(START + timedelta(days=8, hours=1), tick=False):
        call_command("apply_retention", verbosity=0)
    assert TopicFollow.objects.filter(pk=second.pk).exists()
    with time_machine.travel(START + timedelta(days=9, minutes=1), tick=False):
        call_command("apply_retention", verbosity=0)
    assert not TopicFollow.objects.filter(pk=second.pk).exists()


@pytest.fixture
def anonymous_rows():
    """An anonymous reader's vote, report and reaction from one network bucket, made on START."""
    from manchette.accounts.readers import Reader
    from manchette.comments import votes
    from manchette.news.factories import ArticleFactory
    from manchette.reactions import services as reactions
    from manchette.reactions.factories import ReactionKindFactory

    reader = Reader(token="jeton-anonyme-1", network="reseau-1")
    with at(0):
        comment = CommentFactory()
        article = ArticleFactory()
        votes.vote(comment, reader, 1)
        votes.report(comment, reader, "spam")
        reactions.react(article, ReactionKindFactory(), reader)
    return comment


def networks_held():
    """(network, slot) of every vote and reaction, and network of every report."""
    from manchette.comments.models import CommentReport, CommentVote
    from manchette.reactions.models import Reaction

    return (
        list(CommentVote.objects.values_list("network", "slot")),
        list(CommentReport.objects.values_list("network", flat=True)),
        list(Reaction.objects.values_list("network", "slot")),
    )


def test_network_buckets_of_votes_reports_and_reactions_go_after_twelve_months(anonymous_rows):
    with at(364):
        apply_retention()
    assert networks_held() == ([("reseau-1", 1)], ["reseau-1"], [("reseau-1", 1)])
    with at(366):
        counts = apply_retention()
    assert networks_held() == ([("", None)], [""], [("", None)])
    assert (counts["vote_networks"], counts["report_networks"], counts["reaction_networks"]) == (
        1,
        1,
        1,
    )
    # The rows still count: only what tied them to a network went.
    comment = Comment.objects.get(pk=anonymous_rows.pk)
    assert (comment.score, comment.report_count) == (1, 1)


def proven_browser(email, days):
    from manchette.accounts import proof

    with at(days):
        proof.remember_browser(proof.nonce_key(f"nonce-{email}"), email, "Nom")


def proven_emails():
    from manchette.accounts.models import ProvenBrowser

    return sorted(ProvenBrowser.objects.values_list("email", flat=True))


def test_proven_browsers_are_forgotten_when_their_cookie_would_have_expired():
    proven_browser("ancien@example.org", 0)
    proven_browser("recent@example.org", 300)
    with at(364):
        apply_retention()
    assert proven_emails() == ["ancien@example.org", "recent@example.org"]
    with at(366):
        apply_retention()
    assert proven_emails() == ["recent@example.org"]


def test_how_long_a_proof_is_kept_is_a_setting(settings):
    settings.PRIVACY_PROVEN_BROWSER_DAYS = 30
    proven_browser("court@example.org", 0)
    with at(29):
        apply_retention()
    assert proven_emails() == ["court@example.org"]
    with at(31):
        apply_retention()
    assert proven_emails() == []


def test_browser_keys_are_cleared_once_no_confirmation_can_use_them():
    with at(0):
        rejected = CommentFactory(
            status="rejected", awaiting_confirmation=True, browser_key="k" * 64
        )
        held_after = CommentFactory(pending=True, browser_key="h" * 64)
    with at(6):
        apply_retention()
    keys = dict(Comment.objects.values_list("pk", "browser_key"))
    assert (keys[rejected.pk], keys[held_after.pk]) == ("k" * 64, "h" * 64)
    with at(8):
        apply_retention()
    keys = dict(Comment.objects.values_list("pk", "browser_key"))
    assert (keys[rejected.pk], keys[held_after.pk]) == ("", "")
