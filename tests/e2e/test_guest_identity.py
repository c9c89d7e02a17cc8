"""A guest proves their address by the e-mailed link's button, in Chromium; a browser that
only typed the same address gets none of what that proof gives (issue 13)."""

import re

import pytest
from playwright.sync_api import expect

from manchette.comments.models import Comment, CommentStatus
from manchette.news.factories import ArticleFactory
from tests.e2e.test_comments_journeys import confirm, emailed_link, post_comment


@pytest.fixture
def article(settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    return ArticleFactory(title="Un article à commenter")


@pytest.mark.django_db(transaction=True)
def test_guest_posts_confirms_and_edits_while_an_impostor_gets_nothing(
    page, browser, live_server, smtp_sink, article
):
    # The impostor types Jeanne's address first, from another browser.
    impostor = browser.new_context().new_page()
    impostor.goto(live_server.url + article.url)
    post_comment(impostor, "Je me fais passer pour Jeanne.", "Jeanne", "jeanne@example.org")
    expect(impostor.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")

    # Jeanne posts, receives the e-mail, opens it: a page and a button, nothing done yet.
    page.goto(live_server.url + article.url)
    post_comment(page, "Mon avis, vraiment le mien.", "Jeanne Lectrice", "jeanne@example.org")
    expect(page.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")
    link = emailed_link(smtp_sink, 1, "/commentaires/confirmer/")
    mine = Comment.objects.get(body="Mon avis, vraiment le mien.")
    assert mine.status == CommentStatus.PENDING
    confirm(page, link, live_server)
    expect(page.get_by_text("Merci ! Votre commentaire est publié.")).to_be_visible()
    impostors = Comment.objects.get(body="Je me fais passer pour Jeanne.")
    assert impostors.status == CommentStatus.PENDING and impostors.awaiting_confirmation

    # Back on the article, her browser knows her: it offers to edit her comment.
    page.goto(live_server.url + article.url)
    page.locator("#formulaire").get_by_label("Votre commentaire").click()
    expect(page.locator("#formulaire").get_by_label("Nom")).to_have_value("Jeanne Lectrice")
    own = page.locator(f"#comment-{mine.pk}")
    own.get_by_role("link", name="Modifier").click()
    page.get_by_label("Votre commentaire").fill("Mon avis, corrigé par moi.")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(f"#comment-{mine.pk}")).to_contain_text("Mon avis, corrigé par moi.")
    mine.refresh_from_db()
    assert mine.body == "Mon avis, corrigé par moi."

    # The impostor's browser: no name or address offered, no edit link, no access at all.
    impostor.goto(live_server.url + article.url)
    impostor.locator("#formulaire").get_by_label("Votre commentaire").click()
    expect(impostor.locator("#formulaire").get_by_label("E-mail (jamais affiché)")).to_have_value(
        ""
    )
    expect(
        impostor.locator(f"#comment-{mine.pk}").get_by_role("link", name="Modifier")
    ).to_be_hidden()
    impostor.goto(live_server.url + "/commentaires/mes-commentaires/")
    expect(impostor.locator("main")).not_to_contain_text("Mon avis")
    response = impostor.goto(live_server.url + f"/commentaires/{mine.pk}/modifier/")
    assert response.status == 404
    response = impostor.goto(live_server.url + f"/commentaires/{mine.pk}/supprimer/")
    assert response.status == 404
    assert not [c for c in impostor.context.cookies() if re.search("jeanne", c["value"], re.I)]
