"""The moderators' admin: counters in the menu (cached, forgotten on change), « Classer sans
suite », a confirmation and a reason before rejecting or banning, the ban list and lifting a
ban, buttons on a comment's page; every change a POST with its CSRF token."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from manchette.accounts.readers import Reader
from manchette.comments import votes
from manchette.comments.factories import CommentFactory
from manchette.comments.models import (
    Ban,
    Comment,
    CommentReport,
    CommentStatus,
    HoldReason,
    ModerationLog,
    ReportWeight,
)

pytestmark = pytest.mark.django_db

ACT = "/admin/commentaires/action/"


def menu_labels(client):
    from wagtail.admin.menu import admin_menu

    request = client.get("/admin/").wsgi_request
    items = admin_menu.render_component(request)
    comments = next(item for item in items if item.name == "commentaires")
    return comments.label, [entry.label for entry in comments.menu_items]


def test_the_menu_counts_what_waits_from_the_cache_and_forgets_on_change(client, moderator):
    CommentFactory(pending=True, held_reason=HoldReason.LINKS)
    CommentFactory(pending=True, awaiting_confirmation=True)  # the guest's link, not the desk's
    reported = CommentFactory(body="Signalé")
    votes.report(reported, Reader(token="lecteur1", network="n1"), "abuse")
    client.force_login(moderator)
    label, entries = menu_labels(client)
    assert label == "Commentaires (2)"
    assert entries[:4] == ["En attente (1)", "Signalés (1)", "Tous les commentaires", "Exclusions"]
    with CaptureQueriesContext(connection) as ctx:
        client.get("/admin/")
    assert not [q for q in ctx.captured_queries if "report_count" in q["sql"]]
    CommentFactory(pending=True, held_reason=HoldReason.SUSPECT_WORD)
    assert menu_labels(client)[1][0] == "En attente (2)"


def test_get_changes_nothing_and_a_post_needs_its_csrf_token(moderator):
    comment = CommentFactory(pending=True, held_reason=HoldReason.LINKS)
    ban = Ban.objects.create(email="exclu@example.org", reason="Insultes")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)
    assert browser.get(ACT, {"action": f"approve:{comment.pk}"}).status_code == 405
    assert browser.get(f"/admin/commentaires/exclusions/{ban.pk}/lever/").status_code == 405
    for page in ("/admin/commentaires/", f"/admin/commentaires/{comment.pk}/"):
        assert browser.get(page).status_code == 200
    assert browser.post(ACT, {"action": f"approve:{comment.pk}"}).status_code == 403
    assert browser.post(f"/admin/commentaires/exclusions/{ban.pk}/lever/").status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert Ban.objects.active().filter(pk=ban.pk).exists()
    assert not ModerationLog.objects.exists()


def test_rejecting_asks_first_then_wants_a_reason(client, moderator):
    comment = CommentFactory(body="Un avis limite")
    client.force_login(moderator)
    asked = client.post(ACT, {"action": f"reject:{comment.pk}"})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Rejeter ces commentaires ?" in html and "Un avis limite" in html
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.PUBLISHED
    no_reason = client.post(ACT, {"action": "reject", "ids": [comment.pk], "confirme": "1"})
    assert no_reason.status_code == 400
    assert "Indiquez le motif" in no_reason.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.PUBLISHED
    client.post(
        ACT, {"action": "reject", "ids": [comment.pk], "confirme": "1", "reason": "Hors sujet"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED and comment.moderation_reason == "Hors sujet"


def test_banning_asks_first_and_keeps_the_reason(client, moderator):
    comment = CommentFactory(guest_email="fautif@example.org")
    client.force_login(moderator)
    asked = client.post(ACT, {"action": f"ban:{comment.pk}"})
    assert "Exclure leurs auteurs" in asked.content.decode()
    assert not Ban.objects.exists()
    client.post(
        ACT, {"action": "ban", "ids": [comment.pk], "confirme": "1", "reason": "Insultes répétées"}
    )
    ban = Ban.objects.get()
    assert ban.email == "fautif@example.org" and ban.reason == "Insultes répétées"
    assert ban.until is None and ban.created_by == moderator


def test_dismissing_reports_keeps_the_comment_and_closes_its_reports(client, moderator):
    kept = CommentFactory(body="Gardé")
    votes.report(kept, Reader(token="lecteur1", network="n1"), "abuse")
    taken_out = CommentFactory(body="Retiré par les signalements", report_count=3)
    Comment.objects.filter(pk=taken_out.pk).update(
        status=CommentStatus.PENDING, held_reason=HoldReason.REPORTS
    )
    client.force_login(moderator)
    client.post(ACT, {"action": "dismiss", "ids": [kept.pk, taken_out.pk]})
    kept.refresh_from_db()
    taken_out.refresh_from_db()
    assert kept.status == CommentStatus.PUBLISHED and kept.report_count == 0
    assert taken_out.status == CommentStatus.PUBLISHED and taken_out.report_count == 0
    assert set(CommentReport.objects.values_list("weight", flat=True)) == {ReportWeight.SETTLED}
    assert not Comment.objects.reported().exists()
    assert ModerationLog.objects.filter(action="dismiss").count() == 2


def test_the_ban_list_lifts_a_ban_and_logs_it(client, moderator):
    ban = Ban.objects.create(email="exclu@example.org", reason="Insultes")
    client.force_login(moderator)
    html = client.get("/admin/commentaires/exclusions/").content.decode()
    assert "exclu@example.org" in html and "Lever l’exclusion" in html
    response = client.post(f"/admin/commentaires/exclusions/{ban.pk}/lever/")
    assert response.status_code == 302
    assert not Ban.objects.active().exists()
    assert ModerationLog.objects.get(action="unban").actor == moderator
    assert (
        "Aucune exclusion en vigueur."
        in client.get("/admin/commentaires/exclusions/").content.decode()
    )


def test_a_comments_page_has_its_action_buttons(client, moderator):
    comment = CommentFactory(body="Détaillé")
    votes.report(comment, Reader(token="lecteur1", network="n1"), "spam")
    client.force_login(moderator)
    html = client.get(f"/admin/commentaires/{comment.pk}/").content.decode()
    for label in ("Classer sans suite", "Rejeter…", "Spam", "Suspendre 7 jours…", "Exclure…"):
        assert label in html
    assert f'value="dismiss:{comment.pk}"' in html


def test_a_new_comment_the_desk_has_nothing_to_do_with_keeps_the_cached_counts(client):
    from django.core.cache import cache

    from manchette.comments.counters import COUNTS_KEY, moderation_counts

    assert moderation_counts() == {"pending": 0, "reported": 0}
    CommentFactory(body="Publié")
    CommentFactory(pending=True, awaiting_confirmation=True)  # the guest's link
    CommentFactory(status=CommentStatus.REJECTED)
    assert cache.get(COUNTS_KEY) == {"pending": 0, "reported": 0}
    CommentFactory(pending=True, held_reason=HoldReason.LINKS)  # the desk's: forgotten
    assert cache.get(COUNTS_KEY) is None
    assert moderation_counts() == {"pending": 1, "reported": 0}
    published = Comment.objects.get(body="Publié")
    published.status = CommentStatus.PENDING  # any change to a comment: forgotten
    published.save()
    assert cache.get(COUNTS_KEY) is None
    assert moderation_counts() == {"pending": 2, "reported": 0}
