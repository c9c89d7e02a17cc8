"""A reader's page loads nothing from another host, and reading sets no cookie."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.content import newsroom, reader_pages, served_media  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_reader_page_requests_another_host(
    page,
    live_server,
    third_party_requests,
    served_media,  # noqa: F811
):
    room = newsroom()
    own_requests = []
    page.on("request", lambda request: own_requests.append(request.url))
    for name, path, status in reader_pages(room):
        response = page.goto(live_server.url + path)
        assert response.status == status, name
        page.wait_for_load_state("networkidle")
    # The pages did load their own style sheet and pictures (the listener sees requests)...
    assert any(url.endswith(".css") for url in own_requests)
    assert any("/media/" in url for url in own_requests)
    # ...and nothing from anywhere else.
    assert third_party_requests == []


def test_reading_home_a_section_an_article_and_a_search_sets_no_cookie(page, live_server):
    room = newsroom()
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Rubriques").get_by_role("link", name="Politique").click()
    page.wait_for_url(live_server.url + room.section.url)
    page.get_by_role("main").get_by_role("link", name=room.article.title).click()
    page.wait_for_url(live_server.url + room.article.url)
    page.wait_for_load_state("networkidle")  # and whatever the page's scripts fetch
    page.get_by_label("Rechercher un article").fill("élection")
    page.get_by_label("Rechercher un article").press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q="))
    expect(page.get_by_role("main").get_by_role("link", name=room.article.title)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
