"""The network cap holds under concurrency: the database refuses a fourth slot (PostgreSQL)."""

import pytest

from manchette.accounts.readers import PER_NETWORK, NetworkFull, Reader
from manchette.comments import votes
from manchette.comments.factories import CommentFactory
from manchette.comments.models import CommentVote
from manchette.news.factories import ArticleFactory
from manchette.reactions import services as reactions
from manchette.reactions.factories import default_kinds
from manchette.reactions.models import Reaction
from manchette.reactions.tests.test_concurrent_votes_postgres import (
    THREADS,
    assert_counters_match_rows,
    run_together,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def attempt(action):
    try:
        action()
        return "counted"
    except NetworkFull:
        return "full"


def readers_of_one_network():
    return [Reader(token=f"n{i:031d}", network="one-network") for i in range(THREADS)]


def test_readers_of_one_network_voting_at_once_count_as_the_cap():
    comment = CommentFactory()
    outcomes = run_together(
        [(lambda r=r: attempt(lambda: votes.vote(comment, r, 1))) for r in readers_of_one_network()]
    )
    assert outcomes.count("counted") == PER_NETWORK
    assert outcomes.count("full") == THREADS - PER_NETWORK
    comment.refresh_from_db()
    assert comment.score == CommentVote.objects.filter(comment=comment).count() == PER_NETWORK
    slots = CommentVote.objects.filter(comment=comment).values_list("slot", flat=True)
    assert sorted(slots) == list(range(1, PER_NETWORK + 1))


def test_readers_of_one_network_reacting_at_once_count_as_the_cap():
    kind = default_kinds()[0]
    article = ArticleFactory()
    outcomes = run_together(
        [
            (lambda r=r: attempt(lambda: reactions.react(article, kind, r)))
            for r in readers_of_one_network()
        ]
    )
    assert outcomes.count("counted") == PER_NETWORK
    assert Reaction.objects.filter(article=article).count() == PER_NETWORK
    assert assert_counters_match_rows(article) == {kind.pk: PER_NETWORK}
