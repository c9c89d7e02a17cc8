import pytest

from manchette.accounts.readers import Reader
from manchette.comments import common, moderation, votes
from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment, CommentStatus, HoldReason, ModerationLog
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_approving_publishes_and_purges_the_article_page(client, moderator):
    article = ArticleFactory()
    held = CommentFactory(
        article=article, pending=True, body="Enfin publié", held_reason=HoldReason.SUSPECT_WORD
    )
    client.get(article.url)
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    moderation.approve_comment(held, moderator)
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Enfin publié" in response.content.decode()
    log = ModerationLog.objects.get(comment=held)
    assert log.actor == moderator and log.action == "approve"


def test_moderators_group_gets_the_queue(client, moderator):
    CommentFactory(pending=True, held_reason=HoldReason.LINKS, held_detail="3 liens", body="Liens")
    client.force_login(moderator)
    response = client.get("/admin/commentaires/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trop de liens" in html and "3 liens" in html
    assert "Commentaires" in client.get("/admin/").content.decode()


def test_reader_without_permission_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("x", "x@example.org", "pw", is_staff=False)
    client.force_login(user)
    assert client.get("/admin/commentaires/").status_code in (302, 403)


def test_bulk_approve_reject_spam_from_the_queue(client, moderator):
    article = ArticleFactory()
    a, b, c = (CommentFactory(article=article, pending=True, held_reason="links") for _ in range(3))
    client.force_login(moderator)
    client.post("/admin/commentaires/action/", {"action": "approve", "ids": [a.pk, b.pk]})
    client.post("/admin/commentaires/action/", {"action": f"spam:{c.pk}", "reason": "pub"})
    assert Comment.objects.get(pk=a.pk).status == CommentStatus.PUBLISHED
    assert Comment.objects.get(pk=b.pk).status == CommentStatus.PUBLISHED
    c.refresh_from_db()
    assert c.status == CommentStatus.SPAM and c.moderation_reason == "pub"
    assert ModerationLog.objects.filter(actor=moderator).count() == 3


def test_queue_tabs_and_filters(client, moderator):
    article = ArticleFactory(title="Article filtré")
    CommentFactory(article=article, pending=True, held_reason="links", author_name="Cible")
    CommentFactory(pending=True, held_reason="links", author_name="Autre")
    CommentFactory(status=CommentStatus.SPAM, author_name="Spammeur")
    CommentFactory(report_count=2, author_name="Signalé")
    client.force_login(moderator)
    html = client.get(f"/admin/commentaires/?article={article.pk}").content.decode()
    assert "Cible" in html and "Autre" not in html
    assert "Spammeur" in client.get("/admin/commentaires/?etat=spam").content.decode()
    assert "Signalé" in client.get("/admin/commentaires/?etat=signales").content.decode()
    html = client.get(
        "/admin/commentaires/?etat=tous&auteur=cible&motif=links&du=2000-01-01&au=2999-01-01"
    ).content.decode()
    assert "Cible" in html and "Autre" not in html
    assert client.get("/admin/commentaires/?du=n'importe&p=zz&article=abc").status_code == 200


def test_feature_pin_ban_and_close_from_the_queue(client, moderator):
    article = ArticleFactory()
    comment = CommentFactory(article=article, guest_email="fautif@example.org")
    client.force_login(moderator)
    client.post("/admin/commentaires/action/", {"action": f"feature:{comment.pk}"})
    client.post("/admin/commentaires/action/", {"action": f"pin:{comment.pk}"})
    comment.refresh_from_db()
    assert comment.featured and comment.pinned
    client.post(
        "/admin/commentaires/action/",
        {"action": f"suspend:{comment.pk}", "reason": "Hors charte", "confirme": "1"},
    )
    from manchette.comments.models import Ban

    ban = Ban.objects.get()
    assert ban.email == "fautif@example.org" and ban.until and ban.created_by == moderator
    client.post(f"/admin/commentaires/article/{article.pk}/", {"closed": "1"})
    assert common.comments_closed(article)


def test_reports_send_a_comment_back_to_the_queue(client):
    from manchette.comments.models import CommentSettings

    rules = CommentSettings.load()
    rules.report_threshold = 2
    rules.save()
    comment = CommentFactory()
    first, second = Reader(token="lecteur1", network="a"), Reader(token="lecteur2", network="b")
    assert votes.report(comment, first, "abuse")
    assert not votes.report(comment, first, "abuse")  # once per reader
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    votes.report(comment, second, "spam", "pub déguisée")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and comment.held_reason == HoldReason.REPORTS


def test_queue_says_which_reports_come_from_signed_in_readers(client, moderator):
    comment = CommentFactory(author_name="Signalé")
    votes.report(comment, Reader(user_id=moderator.pk), "hate")
    votes.report(comment, Reader(token="anonyme1", network="n"), "spam")
    client.force_login(moderator)
    html = client.get("/admin/commentaires/?etat=signales").content.decode()
    assert "Propos haineux ou discriminatoires (lecteur connecté)" in html
    assert "Publicité ou spam (lecteur connecté)" not in html


def test_report_over_http_without_js(client):
    comment = CommentFactory()
    page = client.get(f"/commentaires/{comment.pk}/signaler/")
    assert page.status_code == 200 and "Insulte" in page.content.decode()
    response = client.post(f"/commentaires/{comment.pk}/signaler/", {"reason": "hate"})
    assert response.status_code == 200 and "Merci" in response.content.decode()
    assert comment.reports.get().reason == "hate"
    response = client.post(f"/commentaires/{comment.pk}/signaler/", {"reason": "pas-un-motif"})
    assert response.status_code == 400


def test_author_sees_why_their_comment_was_rejected(client):
    from manchette.comments.tests.helpers import post_data, post_json, prove_browser

    article = ArticleFactory()
    prove_browser(client)
    post_json(client, post_data(article))
    comment = Comment.objects.get()
    moderation.reject_comment(comment, None, "Propos injurieux")
    html = client.get("/commentaires/mes-commentaires/").content.decode()
    assert "Propos injurieux" in html and "Rejeté" in html
    assert "Propos injurieux" in client.get(f"/commentaires/{comment.pk}/").content.decode()
    from django.test import Client

    assert Client().get(f"/commentaires/{comment.pk}/").status_code == 404
