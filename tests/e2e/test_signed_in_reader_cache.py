"""A signed-in reader gets the same cached page as everyone; the page's script shows their
name, and no other reader ever sees it."""

import re

import pytest
from playwright.sync_api import expect

from manchette.news.factories import ArticleFactory

EMAIL = "dominique.lectrice@example.org"


def emailed_link(sink, live_server):
    text = sink.messages[-1]["message"].get_body(("plain",)).get_content()
    return live_server.url + re.search(r"https?://[^/\s]+(/compte/connexion/\S+)", text).group(1)


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_reader_gets_the_shared_page_with_their_name(
    page, browser, live_server, smtp_sink
):
    article = ArticleFactory(title="Un article lu par tous")
    url = live_server.url + article.url
    anonymous = browser.new_context().new_page()
    anonymous.goto(url)  # the shared copy is made

    page.goto(live_server.url + "/compte/connexion/")
    signin = page.locator("form[action='/compte/connexion/']")
    signin.get_by_label("Votre adresse e-mail").fill(EMAIL)
    signin.get_by_role("button", name="Recevoir le lien").click()
    page.goto(emailed_link(smtp_sink, live_server))
    page.get_by_role("button", name="Me connecter").click()

    with page.expect_response(lambda r: r.url == url) as served:
        page.goto(url)
    assert served.value.headers["x-page-cache"] == "hit"
    account = page.locator(".masthead__account")
    expect(account).to_have_text(EMAIL)
    expect(account).to_have_attribute("href", "/compte/")

    anonymous.reload()
    expect(anonymous.locator(".masthead__account")).to_have_text("Se connecter")
    assert EMAIL not in anonymous.content()
