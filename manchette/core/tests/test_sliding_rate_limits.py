"""Rate limits slide: no burst of twice the limit across the turn of a minute or an hour.

Time is the limiter's clock, set by the test (`now=`, or `ratelimit.clock` for requests made
through the views): nothing sleeps.
"""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from manchette.comments.models import Comment
from manchette.comments.tests.helpers import post_data
from manchette.core import ratelimit
from manchette.core.ratelimit import hit
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MINUTE = 1_800_000_000 // 60 * 60  # a time on the turn of a minute (and of a fixed window)


@pytest.fixture(params=["local", "file", pytest.param("redis", marks=pytest.mark.redis)])
def backend(request, settings, tmp_path):
    if request.param == "file":
        settings.CACHES = {
            "default": {
                "BACKEND": "manchette.core.filecache.FileCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    caches["default"].clear()
    return request.param


def allowed(times, identity="client", rate="10/m"):
    return [hit("sliding", identity, rate, now=t) for t in times]


def test_a_burst_across_the_turn_of_a_minute_gets_no_more_than_the_limit(backend):
    before = [MINUTE - 1 + i / 10 for i in range(10)]  # the last second of one minute
    after = [MINUTE + i / 100 for i in range(10)]  # the first of the next
    assert allowed(before) == [True] * 10
    assert allowed(after) == [False] * 10
    # Still refused until a full minute after the first of the ten.
    assert allowed([MINUTE + 58.9]) == [False]
    assert allowed([MINUTE + 59.0]) == [True]
    assert allowed([MINUTE + 59.05]) == [False]  # the second of the ten is not a minute old


def test_any_minute_holds_at_most_the_limit(backend):
    # One attempt every 0.7 s for three minutes: every span of 60 s lets through at most 10.
    times = [MINUTE - 30 + 0.7 * i for i in range(260)]
    let_through = [t for t, ok in zip(times, allowed(times), strict=True) if ok]
    assert let_through
    for start in let_through:
        assert sum(1 for t in let_through if start <= t < start + 60) <= 10
    # Refused attempts do not count: the client is let through again as time passes.
    assert len(let_through) >= 30


def test_identities_and_scopes_are_counted_apart(backend):
    assert allowed([MINUTE] * 3, rate="3/m") == [True] * 3
    assert allowed([MINUTE], rate="3/m") == [False]
    assert allowed([MINUTE], identity="other", rate="3/m") == [True]
    assert hit("another-scope", "client", "3/m", now=MINUTE)


def test_comments_posted_across_the_turn_of_a_minute_are_limited(monkeypatch):
    article = ArticleFactory()
    client = Client()
    now = [MINUTE - 2.0]
    monkeypatch.setattr(ratelimit, "clock", lambda: now[0])
    statuses = []
    for n in range(20):  # 20 posts in 3.4 s, across the turn of the minute
        data = post_data(article, body=f"Avis numéro {n} sur cet article.")
        response = client.post(reverse("comments:post"), data, HTTP_ACCEPT="application/json")
        statuses.append(response.status_code)
        now[0] += 0.17
    assert statuses.count(201) == 10 and statuses.count(429) == 10
    assert Comment.objects.filter(article=article).count() == 10


def test_several_limits_checked_together_count_each_on_its_own(backend):
    checks = [("together", "address", "2/m"), ("together:key", "email", "3/m")]
    assert ratelimit.hit_many(checks, now=MINUTE) == [True, True]
    assert ratelimit.hit_many(checks, now=MINUTE + 1) == [True, True]
    # The address is past its limit; the e-mail still counts this attempt (its third).
    assert ratelimit.hit_many(checks, now=MINUTE + 2) == [False, True]
    assert ratelimit.hit_many(checks, now=MINUTE + 3) == [False, False]
    # The same counts as limits checked one by one.
    assert not hit("together", "address", "2/m", now=MINUTE + 4)
    assert not hit("together:key", "email", "3/m", now=MINUTE + 4)
    assert hit("together", "address", "2/m", now=MINUTE + 60.5)


@pytest.mark.redis
def test_a_comment_post_checks_its_limits_in_one_round_trip_to_redis(monkeypatch):
    from django_redis import get_redis_connection

    server = get_redis_connection("default")
    scripts = []
    original = type(server).evalsha

    def counted(self, *args, **kwargs):
        scripts.append(args[1])  # the number of keys
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(server), "evalsha", counted)
    article = ArticleFactory()
    data = post_data(article, email="limitee@example.org")
    response = Client().post(reverse("comments:post"), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    # Per address and per e-mail together; then the new browser's (new readers per network),
    # and the confirmation e-mail's, each counted only when it is needed.
    assert scripts == [2, 1, 1]
