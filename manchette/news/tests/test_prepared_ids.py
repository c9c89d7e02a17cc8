"""Queries on a list of ids prepared once per list size (`PreparedIds`): the front page's
articles and what every list of teasers shows."""

import pytest
from wagtail.models import PageViewRestriction

from manchette.news import models
from manchette.news.factories import ArticleFactory, AuthorFactory
from manchette.news.models import FRONT_ARTICLES, TEASER_BYLINES, ArticlePage, PreparedIds

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 4, 5, 9])
def test_a_prepared_list_of_ids_finds_what_the_built_query_finds(section, count):
    articles = [ArticleFactory(parent=section, hours_ago=n) for n in range(count)]
    ids = [article.pk for article in articles]
    newest_first = list(ArticlePage.objects.listing().filter(pk__in=ids))
    assert FRONT_ARTICLES.all(ids) == newest_first
    # Twice the same id, and ids no row has, change nothing.
    assert FRONT_ARTICLES.all([*ids, ids[0], 999_999]) == newest_first
    assert FRONT_ARTICLES.all([]) == []


def test_one_compiled_query_per_power_of_two(section):
    prepared = PreparedIds(lambda ids: ArticlePage.objects.filter(pk__in=ids))
    articles = [ArticleFactory(parent=section) for _ in range(6)]
    for count in (1, 3, 4, 5, 6):
        found = prepared.all([article.pk for article in articles[:count]])
        assert {a.pk for a in found} == {a.pk for a in articles[:count]}
    assert sorted(prepared.by_size) == [4, 8]


def test_a_list_longer_than_the_prepared_sizes_is_built_afresh(section, monkeypatch):
    monkeypatch.setattr(models, "PREPARED_IDS_MAX", 2)
    prepared = PreparedIds(lambda ids: ArticlePage.objects.filter(pk__in=ids))
    articles = [ArticleFactory(parent=section) for _ in range(3)]
    assert {a.pk for a in prepared.all([a.pk for a in articles])} == {a.pk for a in articles}
    assert prepared.by_size == {}


def test_bylines_of_many_articles_in_one_query(section, django_assert_num_queries):
    authors = [AuthorFactory() for _ in range(2)]
    articles = [ArticleFactory(parent=section, authors=authors) for _ in range(5)]
    with django_assert_num_queries(1):
        links = TEASER_BYLINES.all([article.pk for article in articles])
    assert len(links) == 10
    assert {link.author_id for link in links} == {author.pk for author in authors}


def test_the_front_page_articles_leave_out_drafts_and_private_articles(section):
    public = ArticleFactory(parent=section)
    draft = ArticleFactory(parent=section, draft=True)
    private = ArticleFactory(parent=section)
    ids = [public.pk, draft.pk, private.pk]
    assert FRONT_ARTICLES.all(ids) == [private, public]
    # A restriction added once the query was prepared (for a site without one) counts at once.
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert FRONT_ARTICLES.all(ids) == [public]
