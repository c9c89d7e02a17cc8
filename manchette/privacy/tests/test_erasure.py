"""« Effacer mes données »: nothing left that names the reader, threads and counters hold."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast
from django.test import Client

from manchette.accounts.models import ProvenBrowser
from manchette.comments.models import (
    Ban,
    Comment,
    CommentReport,
    CommentStatus,
    CommentVote,
    ModerationLog,
)
from manchette.privacy.tests.conftest import BROWSER_KEY, EMAIL, NAME
from manchette.reactions.models import ArticleReactionCount

pytestmark = pytest.mark.django_db

ERASE = "/compte/donnees/effacer/"


def rows_naming(*needles):
    """(model, pk) of every row, in every model of the project, whose text names a needle."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        rows = model._base_manager.all()
        condition = models.Q(pk__in=[])
        for field in model._meta.concrete_fields:
            name = field.attname
            if isinstance(field, models.JSONField):
                rows = rows.annotate(**{f"{name}_text": Cast(name, models.TextField())})
                name = f"{name}_text"
            elif not isinstance(field, models.CharField | models.TextField):
                continue
            for needle in needles:
                condition |= models.Q(**{f"{name}__icontains": needle})
        found += [
            (model.__name__, pk) for pk in rows.filter(condition).values_list("pk", flat=True)
        ]
    return found


def erase(client, user, mode="anonymise"):
    client.force_login(user)
    return client.post(ERASE, {"comments": mode, "confirm": "on"})


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasure_leaves_nothing_that_names_the_address_or_the_name(client, reader_data, mode):
    needles = (EMAIL, NAME, "Zéphyrine Q.")
    assert len(rows_naming(*needles)) >= 8  # the search does find them before
    logs = ModerationLog.objects.count()

    response = erase(client, reader_data.user, mode)
    assert response.status_code == 200
    assert "Données effacées" in response.content.decode()
    assert "no-store" in response["Cache-Control"]

    assert rows_naming(*needles) == []
    # Her browser no longer counts as proven (Paul's still does), and no comment keeps its key.
    assert list(ProvenBrowser.objects.values_list("email", flat=True)) == ["paul@example.org"]
    assert not Comment.objects.filter(browser_key=BROWSER_KEY).exists()
    assert not get_user_model().objects.filter(pk=reader_data.user.pk).exists()
    # The moderators' log keeps what was done and when, its reasons scrubbed.
    assert ModerationLog.objects.count() == logs
    assert ModerationLog.objects.filter(reason="Doublon du commentaire de [effacé]").exists()
    # The report on someone else's comment stays as moderation evidence, tied to no one.
    report = CommentReport.objects.get()
    assert not report.reporter.startswith("u:") and report.detail == "Insultant envers [effacé]"
    assert report.network == ""
    # Signed out: the page now asks for a link.
    assert client.get("/compte/donnees/").status_code == 302


def test_kept_comments_are_signed_lecteur_anonyme_on_the_purged_article_page(client, reader_data):
    url = reader_data.article.url
    client.get(url)
    client.get(url)  # the first render created the site settings (a site purge)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit" and NAME in cached.content.decode()

    assert erase(Client(), reader_data.user, "anonymise").status_code == 200

    response = client.get(url)
    html = response.content.decode()
    assert response["X-Page-Cache"] != "hit"
    assert NAME not in html and "Zéphyrine Q." not in html
    for comment in (reader_data.own_comment, reader_data.guest_comment):
        author = f'id="comment-{comment.pk}-author">Lecteur anonyme</span>'
        assert author in html
    assert reader_data.own_comment.body in html  # kept, as the reader chose
    own = Comment.objects.get(pk=reader_data.own_comment.pk)
    assert (own.user_id, own.guest_email, own.client_hash) == (None, "", "")


def test_deleted_comments_leave_their_replies_in_place(client, reader_data):
    url = reader_data.article.url
    assert erase(client, reader_data.user, "delete").status_code == 200
    own = Comment.objects.get(pk=reader_data.own_comment.pk)  # it has a reply: a husk stays
    assert own.status == CommentStatus.DELETED and own.body == "" and own.user_id is None
    assert not Comment.objects.filter(pk=reader_data.guest_comment.pk).exists()
    html = client.get(url).content.decode()
    assert reader_data.reply_to_own.body in html and "Commentaire supprimé" in html
    assert reader_data.own_comment.body not in html


def test_votes_and_reactions_come_off_the_counters(client, reader_data):
    assert Comment.objects.get(pk=reader_data.someone_elses.pk).score == 1
    erase(client, reader_data.user)
    assert Comment.objects.get(pk=reader_data.someone_elses.pk).score == 0
    assert not CommentVote.objects.exists()
    assert sum(ArticleReactionCount.objects.values_list("count", flat=True)) == 0


def test_a_running_ban_outlives_the_account_by_address_an_ended_one_goes(client, reader_data):
    from datetime import timedelta

    from django.utils import timezone

    running = Ban.objects.create(user=reader_data.user, reason="Insultes répétées")
    Ban.objects.create(email=EMAIL, reason="Suspension", until=timezone.now() - timedelta(days=1))
    erase(client, reader_data.user)
    assert list(Ban.objects.values_list("pk", "email", "user")) == [(running.pk, EMAIL, None)]


def test_erasure_needs_a_post_with_the_confirmation(client, reader_data):
    client.force_login(reader_data.user)
    assert client.get(ERASE).status_code == 405
    response = client.post(ERASE, {"comments": "delete"})
    assert response.status_code == 400
    assert "Cochez la case pour confirmer l’effacement." in response.content.decode()
    response = client.post(ERASE, {"confirm": "on"})
    assert "Choisissez ce que deviennent vos commentaires." in response.content.decode()
    assert get_user_model().objects.filter(pk=reader_data.user.pk).exists()
    assert Comment.objects.filter(guest_email=EMAIL).count() == 2


def test_erasure_checks_the_csrf_token(reader_data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader_data.user)
    assert client.post(ERASE, {"comments": "delete", "confirm": "on"}).status_code == 403
    assert get_user_model().objects.filter(pk=reader_data.user.pk).exists()


def test_erasure_is_rate_limited(client, django_user_model):
    user = django_user_model.objects.create_user("r", "r@example.org")
    client.force_login(user)
    codes = [client.post(ERASE, {"comments": "delete"}).status_code for _ in range(6)]
    assert codes == [400] * 5 + [429]


def test_an_admin_account_is_not_erased_from_the_reader_page(client, reader_data):
    reader_data.user.is_staff = True
    reader_data.user.save()
    response = erase(client, reader_data.user)
    assert response.status_code == 403
    assert "administrateur" in response.content.decode()
    assert Comment.objects.filter(user=reader_data.user).exists()


def test_anonymised_comments_are_no_one_s_history_in_the_moderation_view(
    client, reader_data, django_user_model
):
    """An anonymised comment has no address: the moderator's « history of this author » must
    not gather every comment without a guest address (all members', all anonymised ones)."""
    from django.contrib.auth.models import Group

    from manchette.comments.factories import CommentFactory
    from manchette.comments.roles import grant_moderation_permissions
    from manchette.core.site_structure import create_roles

    member = django_user_model.objects.create_user("membre", "membre@example.org")
    CommentFactory(user=member, guest_email="", body="Le commentaire d’un membre.")
    erase(Client(), reader_data.user, "anonymise")
    create_roles(apps)
    grant_moderation_permissions(apps)
    moderator = django_user_model.objects.create_user("modo", "modo@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Modérateurs"))
    client.force_login(moderator)
    html = client.get(f"/admin/commentaires/{reader_data.own_comment.pk}/").content.decode()
    assert "Le commentaire d’un membre." not in html
    assert reader_data.guest_comment.body not in html
