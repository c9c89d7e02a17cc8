"""A reader mistypes a city, takes the suggestion, narrows the results to a rubrique and
sorts them by date, from the keyboard, without JavaScript needed."""

import re

import pytest
from playwright.sync_api import expect

from manchette.news.factories import ArticleFactory, SectionFactory, paragraph


@pytest.mark.django_db(transaction=True)
def test_reader_takes_the_suggestion_then_filters_and_sorts(page, live_server):
    france = SectionFactory(title="France", slug="france")
    sport = SectionFactory(title="Sport", slug="sport")
    ArticleFactory(
        parent=france,
        title="Marseille sous la canicule",
        body=[paragraph("Les Marseillais cherchent la fraîcheur au bord de l’eau.")],
        hours_ago=30,
    )
    ArticleFactory(parent=france, title="Le port de Marseille s’agrandit", hours_ago=2)
    ArticleFactory(parent=sport, title="L’OM de Marseille gagne le derby", hours_ago=5)

    page.goto(live_server.url + "/recherche/?q=Marseile")
    main = page.get_by_role("main")
    expect(page.get_by_role("status")).to_contain_text("Aucun article ne correspond")
    expect(main.get_by_role("heading", name="À lire en ce moment")).to_be_visible()
    suggestion = main.get_by_role("link", name="marseille", exact=True)
    suggestion.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=marseille"))
    expect(page.get_by_role("status")).to_contain_text("3 résultats")
    expect(main.locator("mark").first).to_have_text("Marseille")

    main.get_by_text("Affiner la recherche").click()
    main.get_by_label("Rubrique").select_option(label="France")
    main.get_by_label("date, plus récents d’abord").check()
    main.get_by_role("button", name="Appliquer").press("Enter")
    page.wait_for_url(re.compile(r"rubrique=france"))
    titles = main.locator(".teaser__title").all_inner_texts()
    assert titles == ["Le port de Marseille s’agrandit", "Marseille sous la canicule"]
