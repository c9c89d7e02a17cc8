"""Readers' and moderators' comment journeys in Chromium."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from manchette.comments.models import Comment, CommentStatus, Subscription, SubscriptionKind
from manchette.news.factories import ArticleFactory


def emailed_link(sink, index, path):
    text = sink.messages[index]["message"].get_body(("plain",)).get_content()
    return re.search(rf"(https?://\S+?{path}\S+/)", text).group(1)


def local(url, live_server):
    return live_server.url + url[url.index("/commentaires/") :]


@pytest.fixture
def article(settings):
    settings.COMMENTS_MIN_FILL_SECONDS = 0  # the minimum fill time has its own HTTP test
    return ArticleFactory(title="Un article à commenter")


def confirm(page, link, live_server):
    """Opens the emailed confirmation link, then presses its button (a GET changes nothing)."""
    page.goto(local(link, live_server))
    page.get_by_role("button", name="Confirmer mon adresse et publier").click()


def post_comment(page, body, name, email, notify_replies=False):
    form = page.locator("#formulaire")
    form.get_by_label("Votre commentaire").fill(body)
    form.get_by_label("Nom").fill(name)
    form.get_by_label("E-mail (jamais affiché)").fill(email)
    if notify_replies:
        form.get_by_label("des réponses à mes commentaires").check()
    form.get_by_role("button", name="Publier").click()


@pytest.mark.django_db(transaction=True)
def test_guest_posts_confirms_then_a_reply_notifies_and_unsubscribes(
    page, browser, live_server, smtp_sink, article, screenshot
):
    page.goto(live_server.url + article.url)
    expect(page.get_by_text("Soyez le premier à commenter !")).to_be_visible()
    post_comment(
        page,
        "Très bon papier, merci.",
        "Jeanne Lectrice",
        "jeanne@example.org",
        notify_replies=True,
    )
    expect(page.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")

    confirm(page, emailed_link(smtp_sink, 0, "/commentaires/confirmer/"), live_server)
    expect(page.get_by_text("Merci ! Votre commentaire est publié.")).to_be_visible()
    page.get_by_role("link", name="Voir mon commentaire").click()
    first = Comment.objects.get()
    expect(page.locator(f"#comment-{first.pk}")).to_contain_text("Très bon papier, merci.")
    page.locator(f"#comment-{first.pk}").scroll_into_view_if_needed()
    screenshot(page, "comments")

    # A second reader, in another browser, replies.
    other = browser.new_context().new_page()
    other.goto(live_server.url + article.url)
    other.locator(f"#comment-{first.pk} .comment__reply").click()
    expect(other.locator(".comment-form__replying")).to_contain_text("Jeanne Lectrice")
    post_comment(other, "Je ne suis pas d’accord.", "Paul Second", "paul@example.org")
    expect(other.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")
    confirm(other, emailed_link(smtp_sink, 1, "/commentaires/confirmer/"), live_server)
    expect(other.get_by_text("Merci ! Votre commentaire est publié.")).to_be_visible()
    reply = Comment.objects.get(parent=first)
    assert reply.status == CommentStatus.PUBLISHED

    # The worker clock sends the digest once the burst window has passed.
    from manchette.comments.notifications import send_due_notifications

    assert send_due_notifications(now=timezone.now() + timedelta(hours=1)) == 1
    notification = smtp_sink.messages[2]
    assert notification["to"] == ["jeanne@example.org"]
    assert "Une réponse à votre commentaire" in notification["message"]["Subject"]
    assert notification["message"]["List-Unsubscribe"]

    page.goto(local(emailed_link(smtp_sink, 2, "/commentaires/desabonnement/"), live_server))
    assert Subscription.objects.filter(kind=SubscriptionKind.REPLIES).exists()  # GET: a button
    page.get_by_role("button", name="Me désabonner").click()
    expect(page.get_by_role("heading", name="Vous êtes désabonné")).to_be_visible()
    assert not Subscription.objects.filter(kind=SubscriptionKind.REPLIES).exists()


@pytest.mark.django_db(transaction=True)
def test_remembered_guest_posts_directly_and_sees_it_without_reload(
    page, live_server, smtp_sink, article
):
    page.goto(live_server.url + article.url)
    post_comment(page, "Premier passage.", "Ana", "ana@example.org")
    expect(page.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")
    confirm(page, emailed_link(smtp_sink, 0, "/commentaires/confirmer/"), live_server)
    page.goto(live_server.url + article.url)
    form = page.locator("#formulaire")
    form.get_by_label("Votre commentaire").click()
    expect(form.get_by_label("Nom")).to_have_value("Ana")
    form.get_by_label("Votre commentaire").fill("Deuxième passage, publié tout de suite.")
    form.get_by_role("button", name="Publier").click()
    expect(page.locator(".comments__list")).to_contain_text(
        "Deuxième passage, publié tout de suite."
    )
    assert len(smtp_sink.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_moderator_approves_a_held_comment_from_the_queue(
    page, live_server, django_user_model, article, screenshot
):
    from manchette.comments.factories import CommentFactory

    django_user_model.objects.create_superuser(
        "moderatrice", "modo@example.org", "mot-de-passe-solide"
    )
    held = CommentFactory(
        article=article,
        pending=True,
        held_reason="suspect_word",
        held_detail="casino",
        body="Un avis tenu en attente.",
    )
    CommentFactory(article=article, pending=True, held_reason="links", held_detail="4 liens")
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("moderatrice")
    page.locator("input[name=password]").fill("mot-de-passe-solide")
    page.locator("form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))
    page.goto(live_server.url + "/admin/commentaires/")
    row = page.locator(f"#row-{held.pk}")
    expect(row).to_contain_text("Mot suspect")
    expect(row).to_contain_text("casino")
    screenshot(page, "moderation-queue")
    row.get_by_role("button", name="Approuver").click()
    expect(page.get_by_text("1 commentaire(s) approuvé(s).")).to_be_visible()
    held.refresh_from_db()
    assert held.status == CommentStatus.PUBLISHED

    reader = page.context.browser.new_context().new_page()
    reader.goto(live_server.url + article.url)
    expect(reader.locator(f"#comment-{held.pk}")).to_contain_text("Un avis tenu en attente.")
