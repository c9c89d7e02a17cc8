"""Topic pages: articles newest first, paginated, RSS, cached for anonymous readers."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics import linking
from manchette.topics.factories import TopicFactory

pytestmark = pytest.mark.django_db


def articles_about(topic, count, **kwargs):
    made = []
    for n in range(count):
        article = ArticleFactory(
            body=[paragraph(f"Reportage numéro {n} à {topic.name}.")], hours_ago=n + 1, **kwargs
        )
        linking.link_article(article, with_suggestions=False)
        made.append(article)
    return made


def test_topic_page_lists_articles_newest_first_and_paginates(client):
    topic = TopicFactory(name="Lyon", description="Troisième ville de France.")
    articles = articles_about(topic, 13)
    response = client.get("/sujets/lyon/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Troisième ville de France." in html
    assert html.index(articles[0].title) < html.index(articles[1].title)
    assert articles[12].title not in html
    assert f'rel="next" href="?avant={articles[11].pk}"' in html
    second = client.get(f"/sujets/lyon/?avant={articles[11].pk}").content.decode()
    assert articles[12].title in second and articles[11].title not in second
    moved = client.get("/sujets/lyon/?page=2")
    assert moved["Location"] == f"/sujets/lyon/?avant={articles[11].pk}"
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/sujets/lyon/flux/"' in html


def test_topic_feed_lists_the_articles(client):
    topic = TopicFactory(name="Lyon")
    articles = articles_about(topic, 2)
    response = client.get("/sujets/lyon/flux/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert articles[0].title in body and articles[1].title in body


def test_topic_pages_are_cached_for_anonymous_readers(client):
    topic = TopicFactory(name="Lyon")
    articles_about(topic, 1)
    first = client.get("/sujets/lyon/")
    assert "s-maxage" in first["Cache-Control"]
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/sujets/lyon/")["X-Page-Cache"] == "hit"
    assert not first.cookies
    assert client.get("/sujets/")["X-Page-Cache"] == "miss"


def test_topics_index_groups_topics_by_kind(client):
    TopicFactory(name="Lyon", kind="place")
    TopicFactory(name="Inflation", kind="theme")
    html = client.get("/sujets/").content.decode()
    assert "Lieu" in html and "Thème" in html
    assert 'href="/sujets/lyon/"' in html


def test_unconfirmed_topic_has_no_page(client):
    TopicFactory(name="Lyon", confirmed=False)
    assert client.get("/sujets/lyon/").status_code == 404
    assert client.get("/sujets/lyon/flux/").status_code == 404


def test_topic_page_query_count_does_not_grow_with_articles(client):
    def queries(path):
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    few = TopicFactory(name="Lyon")
    many = TopicFactory(name="Marseille")
    articles_about(few, 1, with_image=True)
    articles_about(many, 12, with_image=True)
    queries("/sujets/lyon/")  # warm-up: site root, chrome, image renditions made once
    queries("/sujets/marseille/")
    assert queries("/sujets/marseille/") == queries("/sujets/lyon/")
    assert queries("/sujets/marseille/") <= 16
