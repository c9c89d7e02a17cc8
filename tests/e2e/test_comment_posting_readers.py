"""A reader posting a comment, walked in Chromium: a pasted comment sent at once is never
refused, the outcome takes the focus and the count grows, the form speaks plain French, and a
first-time guest's sales pitch waits for a moderator."""

import re

import pytest
from playwright.sync_api import expect

from manchette.comments.models import Comment, CommentStatus, HoldReason
from manchette.news.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def emailed_link(sink, index, path):
    text = sink.messages[index]["message"].get_body(("plain",)).get_content()
    found = re.search(rf"(https?://\S+?{path}\S+/)", text).group(1)
    return found[found.index(path) :]


def confirm(page, live_server, sink, index=0):
    page.goto(live_server.url + emailed_link(sink, index, "/commentaires/confirmer/"))
    page.get_by_role("button", name="Confirmer mon adresse et publier").click()


def test_a_pasted_comment_sent_at_once_is_published_and_the_outcome_takes_the_focus(
    page, live_server, smtp_sink, settings
):
    settings.COMMENTS_MIN_FILL_SECONDS = 3
    article = ArticleFactory(title="Un article à commenter")
    page.goto(live_server.url + article.url)
    form = page.locator("#formulaire")
    form.scroll_into_view_if_needed()
    expect(form.get_by_role("heading", name="Publier un commentaire")).to_be_visible()
    expect(form.locator("legend")).to_have_text("Me prévenir par e-mail :")
    expect(form.get_by_label("des réponses à mes commentaires")).to_be_visible()

    # The stamp is taken when the form is shown; touching the form later keeps it.
    stamp = form.locator("input[name=ts]")
    expect(stamp).not_to_have_value("")
    shown_at = stamp.input_value()
    with page.expect_response(re.compile("/commentaires/etat/")):
        form.get_by_label("Votre commentaire").click()
    assert stamp.input_value() == shown_at

    # A first comment: the guest proves the address by the e-mailed link.
    form.get_by_label("Votre commentaire").fill("Premier passage.")
    form.get_by_label("Nom").fill("Ana")
    form.get_by_label("E-mail (jamais affiché)").fill("ana@example.org")
    form.get_by_role("button", name="Publier").click()
    status = form.locator(".comment-form__status")
    expect(status).to_contain_text("cliquez sur le lien")
    expect(status).to_be_focused()
    confirm(page, live_server, smtp_sink)
    expect(page.get_by_text("Merci ! Votre commentaire est publié.")).to_be_visible()

    # Back on the article, the reader pastes a comment and sends it straight away.
    page.goto(live_server.url + article.url)
    expect(page.locator(".comments__count")).to_have_text("1 commentaire")
    form.get_by_label("Votre commentaire").fill("Un avis collé d’un coup, envoyé aussitôt.")
    form.get_by_role("button", name="Publier").click()
    expect(status).to_have_text("Merci ! Votre commentaire est publié.")
    expect(status).to_be_focused()
    expect(status).to_be_in_viewport()
    expect(page.locator(".comments__count")).to_have_text("2 commentaires")
    expect(page.locator(".comments__list")).to_contain_text("Un avis collé d’un coup")
    expect(page.get_by_text("très rapide")).to_have_count(0)
    assert Comment.objects.filter(status=CommentStatus.PUBLISHED).count() == 2


def test_a_first_time_guest_selling_something_waits_for_a_moderator(
    page, live_server, smtp_sink, settings
):
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    article = ArticleFactory(title="Un article convoité")
    page.goto(live_server.url + article.url)
    form = page.locator("#formulaire")
    form.get_by_label("Votre commentaire").fill(
        "Gagnez 5 000 € par mois depuis chez vous : www.argent-facile.example"
    )
    form.get_by_label("Nom").fill("Opportunité")
    form.get_by_label("E-mail (jamais affiché)").fill("promo@example.org")
    form.get_by_role("button", name="Publier").click()
    expect(form.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")
    confirm(page, live_server, smtp_sink)
    expect(page.get_by_text("relecture")).to_be_visible()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.held_reason == HoldReason.FIRST_GUEST_PROMOTION
    page.goto(live_server.url + article.url)
    expect(page.locator(".comments__list")).not_to_contain_text("argent-facile")
