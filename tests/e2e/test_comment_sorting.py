"""With JavaScript on, sorting the thread and loading new comments keep every comment.

The page script inserted the server's fragment with `:scope >` on a DocumentFragment, which
matches nothing: "Les mieux notés", "Plus anciens" and "1 nouveau commentaire" emptied the
thread.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from manchette.comments.factories import CommentFactory
from manchette.news.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shown_bodies(page):
    return page.locator("#commentaires .comments__list > li.comment .comment__body")


def test_sorting_and_new_comments_keep_the_whole_thread(page, live_server):
    article = ArticleFactory(title="Un article très commenté")
    now = timezone.now()
    for body, hours, score in [
        ("Le plus ancien des avis.", 3, 1),
        ("L’avis le mieux noté.", 2, 9),
        ("Le plus récent des avis.", 1, 0),
    ]:
        CommentFactory(article=article, body=body, created_at=now - timedelta(hours=hours))
        article.comments.filter(body=body).update(score=score)

    page.goto(live_server.url + article.url)
    bodies = shown_bodies(page)
    expect(bodies).to_have_count(3)
    expect(bodies.first).to_contain_text("Le plus récent")

    page.get_by_role("link", name="Les mieux notés").click()
    expect(page.get_by_role("link", name="Les mieux notés")).to_have_attribute(
        "aria-current", "true"
    )
    expect(bodies).to_have_count(3)
    expect(bodies.first).to_contain_text("L’avis le mieux noté")

    page.get_by_role("link", name="Plus anciens").click()
    expect(bodies).to_have_count(3)
    expect(bodies.first).to_contain_text("Le plus ancien")

    CommentFactory(article=article, body="Un avis arrivé pendant la lecture.")
    page.evaluate("document.getElementById('commentaires').pollNow()")
    page.get_by_role("button", name="1 nouveau commentaire").click()
    expect(bodies).to_have_count(4)
    expect(bodies.last).to_contain_text("Un avis arrivé pendant la lecture")
