"""A moderator's round in Chromium: the menu says what waits, a report is closed without
removing the comment, a rejection and a ban are confirmed with a reason, and the ban is lifted
from the list in the « Commentaires » menu."""

import re

import pytest
from playwright.sync_api import expect

from manchette.accounts.readers import Reader
from manchette.comments import votes
from manchette.comments.factories import CommentFactory
from manchette.comments.models import Ban, Comment, CommentStatus, HoldReason, ModerationLog
from manchette.news.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("moderatrice", "modo@example.org", "mot-de-passe")
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("moderatrice")
    page.locator("input[name=password]").fill("mot-de-passe")
    page.locator("form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))


def test_moderator_sees_the_counts_dismisses_rejects_bans_and_lifts(
    page, live_server, django_user_model, screenshot
):
    article = ArticleFactory(title="Un article discuté")
    held = CommentFactory(
        article=article, pending=True, held_reason=HoldReason.LINKS, body="Deux liens ici."
    )
    CommentFactory(article=article, pending=True, held_reason=HoldReason.SUSPECT_WORD)
    reported = CommentFactory(article=article, body="Un avis vif mais correct.")
    votes.report(reported, Reader(token="lecteur1", network="n1"), "abuse")
    rude = CommentFactory(
        article=article, body="Un avis insultant.", guest_email="rude@example.org"
    )
    sign_in(page, live_server, django_user_model)

    # The counters, from any admin page.
    page.get_by_role("button", name="Commentaires (3)").click()
    waiting = page.get_by_role("link", name="En attente (2)")
    expect(waiting).to_be_visible()
    expect(page.get_by_role("link", name="Signalés (1)")).to_be_visible()
    # The submenu slides in: the picture waits for the slide to end.
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
    screenshot(page, "moderation-counters")

    # A GET to the action endpoint (with the moderator's session) changes nothing.
    get = page.request.get(live_server.url + f"/admin/commentaires/action/?action=reject:{held.pk}")
    assert get.status == 405
    assert Comment.objects.get(pk=held.pk).status == CommentStatus.PENDING

    # « Classer sans suite »: the comment stays, the report closes.
    page.goto(live_server.url + "/admin/commentaires/?etat=signales")
    page.locator(f"#row-{reported.pk}").get_by_role("button", name="Classer sans suite").click()
    expect(page.get_by_text("Signalements classés sans suite")).to_be_visible()
    reported.refresh_from_db()
    assert reported.status == CommentStatus.PUBLISHED and reported.report_count == 0
    expect(page.get_by_role("link", name=re.compile(r"^Signalés \(0\)"))).to_have_count(1)

    # Rejecting asks first, with the reason to give.
    page.goto(live_server.url + "/admin/commentaires/")
    page.locator(f"#row-{held.pk}").get_by_role("button", name="Rejeter…").click()
    expect(page.get_by_role("heading", name="Rejeter ces commentaires ?")).to_be_visible()
    assert Comment.objects.get(pk=held.pk).status == CommentStatus.PENDING
    page.get_by_label("Motif (communiqué à l’auteur)").fill("Publicité ou spam")
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_text("1 commentaire(s) rejeté(s).")).to_be_visible()
    held.refresh_from_db()
    assert held.status == CommentStatus.REJECTED and held.moderation_reason == "Publicité ou spam"

    # Banning from the comment's own page, confirmed with a reason.
    page.goto(live_server.url + f"/admin/commentaires/{rude.pk}/")
    page.get_by_role("button", name="Exclure…").click()
    page.get_by_role("button", name="Confirmer").click()  # no reason: the page stays
    expect(page.get_by_role("heading", name=re.compile("Exclure leurs auteurs"))).to_be_visible()
    assert not Ban.objects.exists()
    page.get_by_label("Motif (communiqué à l’auteur)").fill("Insultes")
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_text("Auteur(s) exclu(s).")).to_be_visible()
    ban = Ban.objects.get()
    assert ban.email == "rude@example.org" and ban.reason == "Insultes"

    # The ban list, in the « Commentaires » menu; lifting the ban.
    page.get_by_role("button", name=re.compile(r"^Commentaires")).click()
    page.get_by_role("link", name="Exclusions").click()
    row = page.locator(f"#ban-{ban.pk}")
    expect(row).to_contain_text("rude@example.org")
    row.get_by_role("button", name="Lever l’exclusion").click()
    expect(page.get_by_text("Exclusion de rude@example.org levée.")).to_be_visible()
    expect(page.get_by_text("Aucune exclusion en vigueur.")).to_be_visible()
    assert not Ban.objects.active().exists()
    assert ModerationLog.objects.filter(action="unban").exists()
