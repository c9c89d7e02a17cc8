"""Listings read what their teasers show, not each article's body (whose JSON was decoded for
every teaser) nor the editor's columns."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics import linking
from manchette.topics.factories import TopicFactory

pytestmark = pytest.mark.django_db

LEFT_OUT = ['"body"', '"search_document"', '"locked_by_id"', '"latest_revision_created_at"']


def article_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in queries if 'FROM "news_articlepage"' in q["sql"]]


def test_listings_leave_out_what_no_teaser_shows(client, article, section, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    TopicFactory(name="Marseille")
    other = ArticleFactory(
        parent=section,
        title="Les ferries reprennent",
        body=[paragraph("Le port de Marseille revit.")],
        hours_ago=2,
    )
    linking.link_article(other, with_suggestions=False, purge=False)
    for url in ["/", section.url, "/sujets/marseille/", "/flux/", other.url]:
        queries = article_queries(client, url)
        listed = [
            sql
            for sql in queries
            if "ORDER BY" in sql and '"url_path" =' not in sql  # not the article's own page
        ]
        assert listed, url
        for sql in listed:
            for column in LEFT_OUT:
                assert f'"news_articlepage".{column}' not in sql, (url, column)
                assert f'"wagtailcore_page".{column}' not in sql, (url, column)


def test_search_results_still_read_the_body_for_their_excerpt(client, article):
    html = client.get("/recherche/?q=dockers").content.decode()
    assert "<mark>dockers</mark> ont voté la reprise" in html
