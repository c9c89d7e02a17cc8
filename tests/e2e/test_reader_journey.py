"""A reader goes home → section → article → search, with the mouse and with the keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.content import newsroom, served_media  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_goes_from_home_to_a_section_an_article_and_search(
    page,
    live_server,
    screenshot,
    served_media,  # noqa: F811
):
    room = newsroom()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(live_server.url + "/")
    expect(page.get_by_role("region", name="Flash info")).to_contain_text(room.flash.text)
    expect(page.get_by_role("link", name=room.article.title).first).to_be_visible()
    screenshot(page, "home")

    page.get_by_role("navigation", name="Rubriques").get_by_role("link", name="Politique").click()
    page.wait_for_url(live_server.url + room.section.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Politique")
    expect(
        page.get_by_role("navigation", name="Rubriques").get_by_role("link", name="Politique")
    ).to_have_attribute("aria-current", "page")
    screenshot(page, "section")

    page.get_by_role("main").get_by_role("link", name=room.article.title).click()
    page.wait_for_url(live_server.url + room.article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(room.article.title)
    expect(page.locator(".article__authors")).to_contain_text("Par Camille Durand (avec AFP)")
    expect(page.locator(".article__lead-image img")).to_be_visible()
    expect(page.get_by_role("complementary", name="À lire aussi")).to_be_hidden()  # alone
    screenshot(page, "article", full_page=True)

    search = page.get_by_role("search").first
    search.get_by_label("Rechercher un article").fill("élection")
    search.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"/recherche/\?q="))
    expect(page.get_by_role("status")).to_contain_text("1 résultat pour « élection »")
    results = page.get_by_role("main").get_by_role("link", name=room.article.title)
    expect(results).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=room.other_article.title)).to_have_count(0)
    screenshot(page, "search")

    results.click()
    page.wait_for_url(live_server.url + room.article.url)


def test_keyboard_only_reader_skips_to_the_content_and_sees_where_the_focus_is(page, live_server):
    room = newsroom()
    page.goto(live_server.url + room.section.url)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Aller au contenu")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()  # hidden off-screen until it has the focus
    assert skip_link.evaluate("el => getComputedStyle(el).outlineStyle") != "none"

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    first_link = page.get_by_role("main").get_by_role("link", name=room.article.title)
    expect(first_link).to_be_focused()
    ring = first_link.evaluate(
        "el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]"
    )
    assert ring[0] != "none" and ring[1] >= 2

    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + room.article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(room.article.title)

    # The search works from the keyboard too.
    page.get_by_label("Rechercher un article").focus()
    page.keyboard.type("festival")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=festival"))
    other = page.get_by_role("main").get_by_role("link", name=room.other_article.title)
    expect(other).to_be_visible()
