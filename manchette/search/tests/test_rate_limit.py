"""Searches computed afresh are limited per client address; a search asked before is free.

A made-up query, new each time, is the one request that makes the site work at will (it
cannot be kept), so one address may ask for SEARCH_RATE of them. Time is the limiter's clock,
set by the test."""

import pytest

from manchette.core import ratelimit
from manchette.news.factories import ArticleFactory
from manchette.search.tests.helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(monkeypatch, settings):
    settings.SEARCH_RATE = "3/m"
    moment = [1_900_000_000.0]
    monkeypatch.setattr(ratelimit, "clock", lambda: moment[0])
    return moment


@pytest.fixture
def article(db):
    return ArticleFactory(title="Budget : le vote des élus approche")


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """A search from `ip`; its answer kept as in production, once the request is over."""

    def ask(query, ip="203.0.113.7", **headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.get("/recherche/", {"q": query}, REMOTE_ADDR=ip, **headers)

    return ask


def test_new_searches_past_the_rate_get_a_french_429_with_the_form_kept(ask, article, now):
    for query in ("budget", "vote", "élus"):
        assert titles(ask(query)) == [article.title]

    refused = ask("approche")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "private" in refused["Cache-Control"]
    page = refused.content.decode()
    assert "patienter une minute" in page
    assert 'value="approche"' in page
    assert refused.context["results"] is None


def test_a_search_asked_before_is_never_counted(ask, article, now):
    for query in ("budget", "vote", "élus"):
        ask(query)

    # Read from the kept answer, then from the page cache: never computed, never counted.
    assert [ask("budget").status_code for _ in range(10)] == [200] * 10
    assert ask("approche").status_code == 429


def test_the_limit_slides_with_time(ask, article, now):
    for query in ("budget", "vote", "élus"):
        ask(query)
    assert ask("approche").status_code == 429

    now[0] += 61

    assert titles(ask("approche")) == [article.title]


def test_each_address_has_its_own_count(ask, article, now):
    for query in ("budget", "vote", "élus"):
        ask(query)

    assert ask("approche").status_code == 429
    assert titles(ask("approche", ip="198.51.100.4")) == [article.title]


def test_a_forged_forwarded_address_does_not_reset_the_count(ask, article, now, settings):
    settings.TRUSTED_PROXIES = []
    for n, query in enumerate(("budget", "vote", "élus")):
        ask(query, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    refused = ask("approche", HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert refused.status_code == 429


def test_behind_a_trusted_proxy_each_reader_is_counted_apart(ask, article, now, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for query in ("budget", "vote", "élus"):
        ask(query, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert ask("approche", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429

    other = ask("approche", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2")

    assert titles(other) == [article.title]


def test_an_empty_or_wordless_query_is_never_counted(ask, article, now):
    for query in ("", "a", "!!", "", "a", "!!"):
        assert ask(query).status_code == 200

    assert titles(ask("budget")) == [article.title]
