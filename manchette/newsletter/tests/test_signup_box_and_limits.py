import pytest
from django.core import mail
from django.test import Client

from manchette.news.factories import ArticleFactory
from manchette.newsletter.factories import SubscriberFactory
from manchette.newsletter.models import ConsentRecord

pytestmark = pytest.mark.django_db


def test_article_page_box_has_no_csrf_token_and_sets_no_cookie(morning_list):
    article = ArticleFactory()
    response = Client().get(article.url)
    body = response.content.decode()
    assert 'action="/newsletter/inscription/"' in body
    assert body.count("data-newsletter-form") == 2  # under the article and in the footer
    assert "csrfmiddlewaretoken" not in body
    assert "La lettre du matin" in body  # the consent sentence names the list
    assert not response.cookies
    assert "css/newsletter.css" in body and "js/newsletter.js" in body


def test_article_page_query_count_does_not_depend_on_subscribers(
    morning_list, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = ArticleFactory()
    Client().get(article.url)  # warm the per-site caches

    def cost():
        from manchette.core.caching.purge import purge_paths

        purge_paths([article.url])
        cache.delete("newsletter:box")
        with CaptureQueriesContext(connection) as queries:
            Client().get(article.url)
        return len(queries)

    before = cost()
    for _ in range(30):
        SubscriberFactory(lists=[morning_list])
    assert cost() == before


def test_box_post_from_the_cached_page_lands_on_a_confirmation_form(morning_list):
    article = ArticleFactory()
    client = Client(enforce_csrf_checks=True)
    client.get(article.url)
    response = client.post(
        "/newsletter/inscription/", {"email": "lecteur@exemple.fr", "source": "article"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Confirmer mon inscription" in body and 'value="lecteur@exemple.fr"' in body
    assert f'value="{morning_list.pk}"' in body and "checked" in body
    assert mail.outbox == []


def test_subscribe_is_rate_limited_per_email(client, morning_list):
    data = {"email": "cible@exemple.fr", "choose_lists": "1", "lists": [morning_list.pk]}
    for i in range(3):
        response = client.post("/newsletter/inscription/", data, REMOTE_ADDR=f"10.0.0.{i}")
        assert response.status_code == 200
    response = client.post("/newsletter/inscription/", data, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert len(mail.outbox) == 3


def test_subscribe_is_rate_limited_per_address(client, morning_list):
    statuses = [
        client.post(
            "/newsletter/inscription/",
            {"email": f"n{i}@exemple.fr", "choose_lists": "1", "lists": [morning_list.pk]},
        ).status_code
        for i in range(11)
    ]
    assert statuses == [200] * 10 + [429]
    assert ConsentRecord.objects.count() == 10


def test_subscribe_limit_per_client_counts_an_ipv6_network_as_one(morning_list):
    # A reader picks addresses in their /64 at will: each a new one must not reset the count.
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{i + 1:x}")
        .post(
            "/newsletter/inscription/",
            {"email": f"n{i}@exemple.fr", "choose_lists": "1", "lists": [morning_list.pk]},
        )
        .status_code
        for i in range(11)
    ]
    assert statuses == [200] * 10 + [429]
    assert ConsentRecord.objects.count() == 10


def test_unsubscribe_endpoint_is_rate_limited(client):
    codes = {client.post("/newsletter/desinscription/x:y/").status_code for _ in range(125)}
    assert 429 in codes
