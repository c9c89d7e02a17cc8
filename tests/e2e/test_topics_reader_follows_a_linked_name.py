"""A reader clicks a name linked in an article and lands on its topic page."""

import pytest
from playwright.sync_api import expect

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics import linking
from manchette.topics.factories import TopicFactory


@pytest.mark.django_db(transaction=True)
def test_reader_clicks_a_linked_name_and_lands_on_the_topic_page(page, live_server, screenshot):
    TopicFactory(
        name="Organisation des Nations unies",
        kind="organisation",
        description="Organisation internationale fondée en 1945.",
        aliases=["ONU", "Nations unies"],
    )
    article = ArticleFactory(
        title="Trêve humanitaire : l’appel pressant des diplomates",
        body=[
            paragraph("Réunis à Genève, les diplomates ont écouté l’appel de l’ONU à une trêve."),
            ("heading", "Les Nations unies attendent"),
            paragraph("Les Nations unies espèrent un accord avant la fin de la semaine."),
        ],
    )
    linking.link_article(article, with_suggestions=False)
    older = ArticleFactory(
        title="Le budget des Nations unies en débat", hours_ago=30, body=[paragraph("Texte.")]
    )
    older.body = [paragraph("Le budget des Nations unies sera voté en décembre.")]
    older.save()
    linking.link_article(older, with_suggestions=False)

    page.goto(live_server.url + article.url)
    link = page.get_by_role("link", name="ONU", exact=True)
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(live_server.url + "/sujets/organisation-des-nations-unies/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisation des Nations unies")
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    expect(page.get_by_role("link", name=older.title)).to_be_visible()
    screenshot(page, "topic-page")
