import pytest
from django.test import Client

from manchette.comments import common, confirmation, posting
from manchette.comments.factories import CommentFactory
from manchette.comments.models import (
    Comment,
    CommentSettings,
    CommentStatus,
    HoldReason,
    Premoderation,
)
from manchette.comments.tests.helpers import post_data, post_json, prove_browser
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    settings_obj = CommentSettings.load()
    settings_obj.banned_words = "saperlipopette\n"
    settings_obj.suspect_words = "casino"
    settings_obj.max_links = 1
    settings_obj.burst_count = 3
    settings_obj.save()
    return settings_obj


def trusted_post(article, body, email="fidele@example.org", client_hash="h1", **kw):
    key = prove_browser(email=email)
    return posting.post_comment(
        article=article,
        body=body,
        name="Fidèle",
        email=email,
        client_hash=client_hash,
        browser_key=key,
        **kw,
    )


def test_banned_word_rejects_and_tells_why(rules):
    result = trusted_post(ArticleFactory(), "Quel SAPERLIPOPETTE d’article")
    assert result.outcome == "rejected"
    assert result.comment.status == CommentStatus.REJECTED
    assert "interdit" in result.message


def test_suspect_word_holds(rules):
    result = trusted_post(ArticleFactory(), "Allez au casino")
    assert result.outcome == "held"
    assert result.comment.held_reason == HoldReason.SUSPECT_WORD
    assert result.comment.held_detail == "casino"


def test_too_many_links_hold(rules):
    result = trusted_post(ArticleFactory(), "https://a.example et www.b.example")
    assert result.comment.held_reason == HoldReason.LINKS


def test_two_links_hold_when_the_newsroom_says_two(rules):
    CommentFactory(guest_email="fidele@example.org", status=CommentStatus.PUBLISHED)
    rules.max_links = 2
    rules.save()
    one = trusted_post(ArticleFactory(), "Ma source : https://a.example")
    assert one.outcome == "published"
    two = trusted_post(ArticleFactory(), "https://a.example et www.b.example", client_hash="h2")
    assert two.outcome == "held"
    assert two.comment.held_reason == HoldReason.LINKS


def test_first_time_guest_with_a_link_and_a_sum_of_money_is_held_after_confirmation(rules):
    rules.max_links = 2
    rules.save()
    result = posting.post_comment(
        article=ArticleFactory(),
        body="Gagnez 5 000 € par mois depuis chez vous : www.argent-facile.example",
        name="Opportunité",
        email="promo@example.org",
    )
    assert result.outcome == "confirmation"
    assert result.comment.held_reason == HoldReason.FIRST_GUEST_PROMOTION
    confirmation.confirm_guest(result.comment)
    result.comment.refresh_from_db()
    assert result.comment.status == CommentStatus.PENDING


def test_first_time_guest_naming_a_sum_alone_is_held(rules):
    key = prove_browser(email="nouvelle@example.org")
    result = posting.post_comment(
        article=ArticleFactory(),
        body="Je vends ma voiture 300€, écrivez-moi.",
        name="Nouvelle",
        email="nouvelle@example.org",
        browser_key=key,
    )
    assert result.outcome == "held"
    assert result.comment.held_reason == HoldReason.FIRST_GUEST_PROMOTION


def test_a_guest_already_published_may_cite_a_source_and_a_sum(rules):
    CommentFactory(guest_email="fidele@example.org", status=CommentStatus.PUBLISHED)
    rules.max_links = 2
    rules.save()
    result = trusted_post(
        ArticleFactory(), "Le budget est de 3 millions d’euros, voir https://a.example"
    )
    assert result.outcome == "published"


def test_repeated_text_holds(rules):
    article = ArticleFactory()
    assert trusted_post(article, "Toujours la même chose").outcome == "published"
    assert (
        trusted_post(article, "Toujours la même chose").comment.held_reason == HoldReason.REPEATED
    )


def test_burst_from_one_address_holds(rules):
    article = ArticleFactory()
    for i in range(3):
        trusted_post(article, f"Message {i}", email=f"p{i}@example.org", client_hash="burst")
    result = trusted_post(article, "Encore un", email="p9@example.org", client_hash="burst")
    assert result.comment.held_reason == HoldReason.BURST


def test_burst_counts_an_ipv6_network_as_one_address(rules):
    # A reader picks addresses in their /64 at will: a new one for each comment is still them.
    article = ArticleFactory()
    for i in range(4):
        response = post_json(
            Client(REMOTE_ADDR=f"2001:db8:5:6::{i + 1:x}"),
            post_data(article, body=f"Message {i}", email=f"p{i}@example.org"),
        )
        assert response.status_code == 201
    assert Comment.objects.latest("pk").held_reason == HoldReason.BURST


def test_mostly_rejected_history_holds(rules):
    article = ArticleFactory()
    for _ in range(3):
        CommentFactory(
            article=article, guest_email="troll@example.org", status=CommentStatus.REJECTED
        )
    result = trusted_post(article, "Je reviens", email="troll@example.org")
    assert result.comment.held_reason == HoldReason.HISTORY


def test_premoderation_all_holds_everyone(rules):
    rules.premoderation = Premoderation.ALL
    rules.save()
    assert trusted_post(ArticleFactory(), "Bonjour").comment.held_reason == HoldReason.PREMODERATION


def test_no_premoderation_publishes_a_new_guest_at_once(rules):
    rules.premoderation = Premoderation.NONE
    rules.save()
    result = posting.post_comment(
        article=ArticleFactory(), body="Bonjour", name="Nouveau", email="new@example.org"
    )
    assert result.outcome == "published"


def test_held_comment_stays_in_queue_after_confirmation(rules, client):
    article = ArticleFactory()
    result = posting.post_comment(
        article=article, body="Un casino ici", name="N", email="n@example.org"
    )
    assert result.outcome == "confirmation"
    confirmation.confirm_guest(result.comment)
    result.comment.refresh_from_db()
    assert result.comment.status == CommentStatus.PENDING
    assert not result.comment.awaiting_confirmation
    from manchette.comments.models import Comment

    assert list(Comment.objects.queue()) == [result.comment]


def test_length_limit(rules):
    rules.max_length = 10
    rules.save()
    with pytest.raises(common.CommentError):
        trusted_post(ArticleFactory(), "x" * 11)


def test_banned_author_cannot_post_and_suspension_ends(rules):
    from datetime import timedelta

    from django.utils import timezone

    from manchette.comments.models import Ban

    article = ArticleFactory()
    ban = Ban.objects.create(
        email="Fidele@example.org", reason="Insultes", until=timezone.now() + timedelta(days=1)
    )
    with pytest.raises(common.CommentError, match="Insultes"):
        trusted_post(article, "Je suis suspendu")
    ban.until = timezone.now() - timedelta(minutes=1)
    ban.save()
    assert trusted_post(article, "De retour").outcome == "published"


def test_banned_account_cannot_post(rules, django_user_model):
    from manchette.comments.models import Ban

    user = django_user_model.objects.create_user(
        "lecteur", "lecteur@example.org", display_name="Lec"
    )
    Ban.objects.create(user=user, reason="Spam")
    with pytest.raises(common.CommentError, match="Spam"):
        posting.post_comment(article=ArticleFactory(), body="Hello", user=user)
