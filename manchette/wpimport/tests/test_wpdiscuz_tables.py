"""wpDiscuz's extracted tables: each reader's vote and the comment subscriptions."""

import pytest
from django.core import mail

from manchette.comments.models import CommentVote, Subscription, SubscriptionKind
from manchette.news.models import ArticlePage

from .conftest import run_import

pytestmark = pytest.mark.django_db

VOTES = """id\tuser_id\tcomment_id\tvote_type\tis_guest\tpost_id\tdate
1\t3f2a9c\t1001\t1\t1\t101\t1709370000
2\t7\t1001\t-1\t0\t101\t1709370100
3\t9\t4242\t1\t0\t101\t1709370100
4\t9\t1001\tbeaucoup\t0\t101\t1709370100
"""
SUBSCRIPTIONS = (
    (
        "id\temail\tsubscribtion_id\tpost_id\tsubscribtion_type\tactivation_key\tconfirm"
        "\tsubscription_date\timported_from\n"
    )
    + """1\tAbonnee@Example.net\t101\t101\tpost\tabc\t1\t2024-03-02 10:00:00\t
2\tattente@example.net\t1001\t101\tcomment\tdef\t0\t2024-03-02 10:00:00\t
3\tailleurs@example.net\t999\t999\tpost\tghi\t1\t2024-03-02 10:00:00\t
"""
)


@pytest.fixture
def tables(tmp_path):
    folder = tmp_path / "wpdiscuz"
    folder.mkdir()
    (folder / "wc_users_voted.tsv").write_text(VOTES, encoding="utf-8")
    (folder / "wc_comments_subscription.tsv").write_text(SUBSCRIPTIONS, encoding="utf-8")
    return folder


def test_votes_and_subscriptions_come_over_once_and_quietly(export, tables):
    mail.outbox.clear()
    code, out = run_import(export, extra=["--wpdiscuz", str(tables)])
    assert code == 1  # the unreadable vote line is a failure, reported
    assert "vote 4" in out
    votes = sorted(CommentVote.objects.values_list("voter", "value"))
    assert votes == [("wp:3f2a9c", 1), ("wp:7", -1)]
    article = ArticlePage.objects.get(slug="article-gutenberg")
    subscriptions = {
        (s.email, s.kind, s.confirmed) for s in Subscription.objects.filter(article=article)
    }
    assert subscriptions == {
        ("abonnee@example.net", SubscriptionKind.FOLLOW_UPS, True),
        ("attente@example.net", SubscriptionKind.REPLIES, False),
    }
    run_import(export, extra=["--wpdiscuz", str(tables)])
    assert CommentVote.objects.count() == 2 and Subscription.objects.count() == 2
    assert mail.outbox == []
