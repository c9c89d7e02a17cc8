"""Which articles "À lire aussi" shows, kept in each process under the versions its fragment
is cached under (page and fragment caches off): found once, never stale, never private."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from manchette.news import models
from manchette.news.factories import ArticleFactory
from manchette.news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def whole_renders(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    models.RELATED_IDS.clear()


def sorting_queries(queries):
    # The rubrique's articles sorted by date to find the three newest (news.models.RELATED).
    return [q for q in queries if 'NOT ("news_articlepage"."page_ptr_id" =' in q["sql"]]


def related(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html, html[html.find("À lire aussi") :]


@pytest.fixture
def others(section):
    return [ArticleFactory(parent=section, title=f"Autre article {n}", hours_ago=n) for n in (1, 2)]


def test_the_rubrique_is_sorted_once_and_the_page_stays_the_same(client, article, others):
    related(client, article)  # warms the site's own caches
    models.RELATED_IDS.clear()
    with CaptureQueriesContext(connection) as first:
        html, shown = related(client, article)
    with CaptureQueriesContext(connection) as second:
        again, _ = related(client, article)
    assert again == html
    assert shown.find("Autre article 1") < shown.find("Autre article 2")
    assert len(sorting_queries(first.captured_queries)) == 1
    assert sorting_queries(second.captured_queries) == []
    assert len(second.captured_queries) == len(first.captured_queries)


def test_a_new_article_of_the_rubrique_shows_at_once(client, article, others, section):
    related(client, article)
    new = ArticleFactory(parent=section, title="Un article tout juste publié", draft=True)
    new.save_revision().publish()  # purges the rubrique (news.signals)
    assert "Un article tout juste publié" in related(client, article)[1]


def test_an_unpublished_article_leaves_at_once(client, article, others):
    related(client, article)
    others[0].unpublish()
    assert "Autre article 1" not in related(client, article)[1]


def test_what_is_no_longer_public_never_shows_even_unpurged(client, article, others):
    related(client, article)
    # Taken offline without Wagtail's signals (no purge): the kept ids still name it.
    ArticlePage.objects.filter(pk=others[0].pk).update(live=False)
    shown = related(client, article)[1]
    assert "Autre article 1" not in shown
    assert "Autre article 2" in shown


def test_a_private_article_leaves_at_once(client, article, others):
    related(client, article)
    PageViewRestriction.objects.create(page=others[1], restriction_type="password", password="x")
    shown = related(client, article)[1]
    assert "Autre article 2" not in shown
    assert "Autre article 1" in shown


def test_a_change_made_without_a_purge_shows_within_the_lifetime(client, article, others, section):
    related(client, article)
    ArticleFactory(parent=section, title="Ajouté à la main", hours_ago=0)  # no signal
    assert "Ajouté à la main" not in related(client, article)[1]
    later = timezone.now() + timedelta(seconds=models.RELATED_IDS_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert "Ajouté à la main" in related(client, article)[1]
