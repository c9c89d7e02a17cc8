"""Reactions count per network bucket too: dropping the cookie does not multiply a reader."""

import pytest
from django.test import Client
from django.urls import reverse

from manchette.accounts.readers import PER_NETWORK, READER_COOKIE
from manchette.reactions.models import ArticleReactionCount, Reaction

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def react(article, client=None, ip="203.0.113.77", kind="instructif", **extra):
    return (client or Client()).post(
        reverse("reactions:react", args=[article.pk]), {"kind": kind}, REMOTE_ADDR=ip, **extra
    )


def counted(article):
    return sum(ArticleReactionCount.objects.filter(article=article).values_list("count", flat=True))


def test_cookieless_reactions_from_one_address_count_as_the_cap_at_most(article):
    statuses = [react(article, **JSON).status_code for _ in range(10)]
    assert statuses[:PER_NETWORK] == [200] * PER_NETWORK
    assert set(statuses[PER_NETWORK:]) <= {409, 429}
    assert Reaction.objects.count() == counted(article) == PER_NETWORK
    refused = react(article, **JSON)
    assert refused.status_code in (409, 429) and refused.json()["error"]


def test_past_the_cap_the_reader_is_told_why_with_or_without_javascript(article):
    for _ in range(PER_NETWORK):
        react(article, **JSON)
    refused = react(article, **JSON)
    assert refused.status_code == 409
    assert "Plusieurs lecteurs de votre réseau" in refused.json()["error"]
    page = react(article)
    assert page.status_code == 409 and "Connectez-vous" in page.content.decode()


def test_a_counted_reader_still_changes_and_withdraws_their_reaction(article):
    readers = [Client() for _ in range(PER_NETWORK)]
    for reader in readers:
        react(article, reader, **JSON)
    assert react(article, readers[0], kind="agacant", **JSON).json()["outcome"] == "changed"
    assert react(article, readers[0], kind="agacant", **JSON).json()["outcome"] == "withdrawn"
    assert react(article, **JSON).status_code == 200  # the freed place goes to someone else
    assert counted(article) == PER_NETWORK


def test_signed_in_readers_behind_one_address_all_count(article, django_user_model):
    for i in range(PER_NETWORK + 2):
        reader = Client()
        reader.force_login(django_user_model.objects.create_user(f"membre{i}"))
        response = react(article, reader, **JSON)
        assert response.status_code == 200 and READER_COOKIE not in response.cookies
    assert counted(article) == PER_NETWORK + 2


def test_behind_a_trusted_proxy_each_forwarded_address_counts(article, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for i in range(5):
        response = react(article, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{i + 1}", **JSON)
        assert response.status_code == 200
    assert counted(article) == 5


def test_ipv6_addresses_in_one_64_are_one_network(article):
    for i in range(6):
        react(article, ip=f"2001:db8:aa:bb::{i + 1:x}", **JSON)
    assert counted(article) == PER_NETWORK
    assert react(article, ip="2001:db8:aa:bc::1", **JSON).status_code == 200
    assert counted(article) == PER_NETWORK + 1


def test_one_cookie_for_reactions_and_comment_votes(article):
    from manchette.comments.factories import CommentFactory
    from manchette.comments.models import CommentVote

    reader = Client()
    react(article, reader, **JSON)
    token = reader.cookies[READER_COOKIE].value
    comment = CommentFactory(article=article)
    voted = reader.post(f"/commentaires/{comment.pk}/vote/", {"value": "up"}, **JSON)
    assert voted.status_code == 200 and READER_COOKIE not in voted.cookies  # already has one
    assert reader.cookies[READER_COOKIE].value == token
    assert CommentVote.objects.get().voter == f"v:{Reaction.objects.get().reader_token}"
