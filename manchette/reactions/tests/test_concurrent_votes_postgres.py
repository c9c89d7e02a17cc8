"""Concurrent votes keep exact counts (PostgreSQL: real row locks, real concurrency)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from manchette.accounts.readers import Reader
from manchette.news.factories import ArticleFactory
from manchette.reactions import services
from manchette.reactions.factories import default_kinds
from manchette.reactions.models import ArticleReactionCount, Reaction

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
THREADS = 8


def run_together(jobs):
    """Runs the jobs on THREADS threads, all starting at the same moment."""
    barrier = threading.Barrier(min(THREADS, len(jobs)))

    def run(job):
        try:
            if len(jobs) <= THREADS:
                barrier.wait()
            return job()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, jobs))


def assert_counters_match_rows(article):
    counters = dict(
        ArticleReactionCount.objects.filter(article=article).values_list("kind_id", "count")
    )
    for kind_id, count in counters.items():
        assert Reaction.objects.filter(article=article, kind_id=kind_id).count() == count
    assert sum(counters.values()) == Reaction.objects.filter(article=article).count()
    return counters


def test_many_readers_voting_at_once_are_all_counted():
    kinds = default_kinds()
    article = ArticleFactory()
    jobs = [
        (lambda i=i: services.react(article, kinds[i % 2], Reader(token=f"{i:032d}")))
        for i in range(200)
    ]
    run_together(jobs)
    counters = assert_counters_match_rows(article)
    assert counters == {kinds[0].pk: 100, kinds[1].pk: 100}


def test_first_votes_racing_to_create_the_counter_row_are_all_counted():
    kinds = default_kinds()
    article = ArticleFactory()
    jobs = [
        (lambda i=i: services.react(article, kinds[2], Reader(token=f"r{i:031d}")))
        for i in range(THREADS)
    ]
    run_together(jobs)
    assert assert_counters_match_rows(article) == {kinds[2].pk: THREADS}


def test_opposite_changes_at_once_neither_deadlock_nor_drift():
    kinds = default_kinds()
    article = ArticleFactory()
    readers = [Reader(token=f"c{i:031d}") for i in range(THREADS)]
    for i, reader in enumerate(readers):
        services.react(article, kinds[i % 2], reader)
    # Half go from kind 0 to kind 1 while the other half go from kind 1 to kind 0.
    run_together(
        [
            (lambda i=i, r=r: services.react(article, kinds[(i + 1) % 2], r))
            for i, r in enumerate(readers)
        ]
    )
    counters = assert_counters_match_rows(article)
    assert counters == {kinds[0].pk: THREADS // 2, kinds[1].pk: THREADS // 2}


def test_one_reader_double_clicking_keeps_one_reaction_at_most():
    kinds = default_kinds()
    article = ArticleFactory()
    reader = Reader(token="d" * 32)
    outcomes = run_together([lambda: services.react(article, kinds[0], reader)] * 2)
    assert sorted(outcomes) == ["recorded", "withdrawn"]
    assert Reaction.objects.filter(article=article).count() <= 1
    assert_counters_match_rows(article)
