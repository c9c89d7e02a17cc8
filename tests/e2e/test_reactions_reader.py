"""A reader reacts under an article in Chromium, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.reactions.factories import ReactionFactory, default_kinds
from tests.e2e.conftest import run_axe

pytestmark = pytest.mark.django_db(transaction=True)
RUNS_AXE = True  # its pages ignore the Content-Security-Policy (see run_axe)


@pytest.fixture
def article():
    kinds = {kind.slug: kind for kind in default_kinds()}
    section = SectionFactory(title="Sciences", slug="sciences")
    article = ArticleFactory(
        parent=section,
        title="Une comète visible à l’œil nu cet hiver",
        slug="comete-visible",
        standfirst="Les astronomes amateurs pourront l’observer sans instrument en janvier.",
    )
    # Three other readers found it instructive.
    ReactionFactory.create_batch(3, article=article, kind=kinds["instructif"])
    return article


def button(page, label):
    return page.locator("#reactions").get_by_role("button", name=re.compile(f"^{label}"))


def test_reader_reacts_sees_counts_changes_and_keeps_the_choice_after_reload(
    page, live_server, article, screenshot, third_party_requests
):
    page.goto(live_server.url + article.url)
    box = page.locator("#reactions")
    expect(box.get_by_role("heading", name="Que pensez-vous de cet article ?")).to_be_visible()
    expect(button(page, "Surprenant")).to_have_attribute("aria-pressed", "false")
    # Counts stay hidden until the reader has reacted, and reading sets no cookie.
    expect(box.locator("[data-result]").first).to_be_hidden()
    assert page.context.cookies() == []

    button(page, "Surprenant").click()
    expect(button(page, "Surprenant")).to_have_attribute("aria-pressed", "true")
    status = box.get_by_role("status")
    expect(status).to_have_text("Votre réaction est enregistrée. 4 réactions au total.")
    expect(button(page, "Surprenant").locator("[data-result]")).to_have_text(
        re.compile(r"25\s%\s\(1\)")
    )
    expect(button(page, "Instructif").locator("[data-result]")).to_have_text(
        re.compile(r"75\s%\s\(3\)")
    )
    assert "manchette_lecteur" in {c["name"] for c in page.context.cookies()}

    button(page, "Instructif").click()
    expect(status).to_have_text("Votre réaction est modifiée. 4 réactions au total.")
    expect(button(page, "Instructif")).to_have_attribute("aria-pressed", "true")
    expect(button(page, "Surprenant")).to_have_attribute("aria-pressed", "false")
    expect(button(page, "Instructif").locator("[data-result]")).to_have_text(
        re.compile(r"100\s%\s\(4\)")
    )

    page.reload()
    expect(button(page, "Instructif")).to_have_attribute("aria-pressed", "true")
    expect(button(page, "Instructif").locator("[data-result]")).to_have_text(
        re.compile(r"100\s%\s\(4\)")
    )
    box.evaluate("el => el.scrollIntoView({block: 'center'})")
    screenshot(page, "reactions")
    problems = [v for v in run_axe(page) if any("reactions" in str(n) for n in v["nodes"])]
    assert problems == []

    # The same kind again withdraws it, and the counts go back into hiding.
    button(page, "Instructif").click()
    expect(status).to_have_text("Votre réaction est retirée.")
    expect(button(page, "Instructif")).to_have_attribute("aria-pressed", "false")
    expect(box.locator("[data-result]").first).to_be_hidden()
    assert third_party_requests == []


def test_reader_without_javascript_reacts_through_the_confirmation_page(
    browser, live_server, article
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + article.url)
    button(page, "Inquiétant").click()
    # The cached page carried no CSRF token: one more click on an uncached page.
    expect(page.get_by_role("alert")).to_have_text(
        "Confirmez votre réaction en cliquant à nouveau sur votre choix."
    )
    button(page, "Inquiétant").click()
    expect(page).to_have_url(live_server.url + article.url + "#reactions")
    page.get_by_role("link", name="Voir les résultats").click()
    expect(button(page, "Inquiétant")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#reactions")).to_contain_text("4 réactions au total.")
    context.close()
