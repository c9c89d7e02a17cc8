"""A reader votes on a comment in Chromium: one reader cookie, and a clear word past the cap."""

import pytest
from django.test import RequestFactory
from playwright.sync_api import expect

from manchette.accounts.readers import LEGACY_VOTER_COOKIE, PER_NETWORK, READER_COOKIE
from manchette.comments.factories import CommentFactory
from manchette.comments.models import CommentVote
from manchette.core.clients import hashed_client_network
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_votes_then_a_reader_past_the_network_cap_is_told_why(page, live_server):
    article = ArticleFactory(title="Un article discuté")
    comment = CommentFactory(article=article, body="Un avis que l’on peut approuver.")
    page.goto(live_server.url + article.url)
    assert page.context.cookies() == []  # reading sets nothing
    card = page.locator(f"#comment-{comment.pk}")
    card.get_by_role("button", name="Vote positif").click()
    expect(card.locator(".comment__up")).to_have_text("1")
    expect(card.get_by_role("button", name="Vote positif")).to_have_attribute(
        "aria-pressed", "true"
    )
    names = {cookie["name"] for cookie in page.context.cookies()}
    assert READER_COOKIE in names and LEGACY_VOTER_COOKIE not in names

    # Other readers of the same network (this browser's 127.0.0.1) fill the remaining places.
    network = hashed_client_network(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1"))
    for slot in range(2, PER_NETWORK + 1):
        CommentVote.objects.create(
            comment=comment, voter=f"v:autre{slot}", value=1, network=network, slot=slot
        )
    page.context.clear_cookies()  # a new reader on the same network
    page.goto(live_server.url + article.url)
    card = page.locator(f"#comment-{comment.pk}")
    card.get_by_role("button", name="Vote positif").click()
    expect(card.get_by_role("status")).to_contain_text("Plusieurs lecteurs de votre réseau")
    assert CommentVote.objects.filter(comment=comment).count() == PER_NETWORK
