"""Topics in the article editor: the names found in the article are confirmed or rejected on
the spot, and a topic is added by hand, without leaving the editor nor losing what is typed."""

import pytest
from playwright.sync_api import expect

from manchette.core.site_structure import EDITORS
from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics.models import ArticleTopic, SuggestionStatus, Topic, TopicSuggestion
from tests.e2e.staff import make_staff, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_confirms_rejects_and_adds_topics_from_the_article_editor(page, live_server):
    article = ArticleFactory(
        title="Le port relance ses travaux",
        body=[paragraph("Benoît Payan a visité le Grand Port Maritime à Marseille lundi.")],
    )
    for name, kind in [("Benoît Payan", "person"), ("Grand Port Maritime", "organisation")]:
        TopicSuggestion.objects.create(name=name, kind=kind).articles.add(article)
    make_staff("editeur", EDITORS, "Léa", "Martin")

    sign_in(page, live_server, "editeur")
    edit_url = f"{live_server.url}/admin/pages/{article.pk}/edit/"
    page.goto(edit_url)
    page.get_by_role("textbox", name="Titre*").fill("Le port relance ses grands travaux")
    panel = page.locator("[data-article-topics]")
    status = panel.get_by_role("status")
    # The tests' task backend relinks the articles inside the request (spaCy included): wait.
    slow = {"timeout": 60_000}

    panel.get_by_role("button", name="Confirmer Benoît Payan").click()
    expect(status).to_contain_text("« Benoît Payan » est un sujet", **slow)
    panel.get_by_role("button", name="Rejeter Grand Port Maritime").click()
    expect(status).to_contain_text("« Grand Port Maritime » ne sera plus jamais suggéré", **slow)
    expect(panel.get_by_role("button", name="Confirmer Grand Port Maritime")).to_have_count(0)

    panel.get_by_role("textbox", name="Nom du sujet").fill("Marseille")
    panel.get_by_role("combobox", name="Type").select_option(label="Lieu")
    panel.get_by_role("button", name="Ajouter le sujet").click()
    expect(status).to_contain_text("Sujet « Marseille » créé", **slow)

    # Still in the editor, with the unsaved title.
    assert page.url == edit_url
    expect(page.get_by_role("textbox", name="Titre*")).to_have_value(
        "Le port relance ses grands travaux"
    )
    assert Topic.objects.filter(name="Benoît Payan", kind="person").exists()
    assert TopicSuggestion.objects.get(name="Grand Port Maritime").status == (
        SuggestionStatus.REJECTED
    )
    marseille = Topic.objects.get(name="Marseille", kind="place")
    assert ArticleTopic.objects.filter(article=article, topic=marseille).exists()

    # Opened again, the editor lists the article's topics.
    page.goto(edit_url)
    expect(panel).to_contain_text("Marseille")
