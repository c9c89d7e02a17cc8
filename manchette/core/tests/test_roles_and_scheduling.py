"""The newsroom's groups, the review workflow, and publishing run by the worker's clock."""

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Workflow

from manchette.core.management.commands.worker import TICK_SECONDS, run_clock_tick
from manchette.core.site_structure import create_roles
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    return create_roles(apps)


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_journalists_write_but_cannot_publish(roles, django_user_model):
    section = SectionFactory()
    journalist = user_in(django_user_model, "Journalistes")
    perms = section.permissions_for_user(journalist)
    assert perms.can_add_subpage() and perms.can_edit()
    assert not perms.can_publish()


def test_editors_publish_and_manage_flash_and_settings(roles, django_user_model):
    section = SectionFactory()
    editor = user_in(django_user_model, "Éditeurs")
    assert section.permissions_for_user(editor).can_publish()
    assert editor.has_perm("news.add_flash") and editor.has_perm("core.change_sitesettings")


def test_moderators_reach_the_admin_but_not_the_pages(roles, django_user_model):
    section = SectionFactory()
    moderator = user_in(django_user_model, "Modérateurs")
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert not section.permissions_for_user(moderator).can_edit()


def test_articles_go_through_the_review_workflow(roles):
    article = ArticleFactory()
    workflow = article.get_workflow()
    assert workflow == Workflow.objects.get(name="Relecture")
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["Éditeurs"]


def test_roles_are_idempotent(roles):
    create_roles(apps)
    assert Group.objects.filter(name__in=["Journalistes", "Éditeurs", "Modérateurs"]).count() == 3


def test_editor_admin_is_in_french(client, roles, django_user_model):
    client.force_login(user_in(django_user_model, "Éditeurs"))
    html = client.get("/admin/").content.decode()
    assert 'lang="fr"' in html and "Tableau de bord" in html


def test_the_clock_publishes_a_scheduled_article_and_purges_its_section(client):
    section = SectionFactory(title="Économie", slug="economie")
    client.get(section.url)  # cached without the article
    article = ArticleFactory(parent=section, title="Les chiffres de l’emploi", draft=True)
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision(approved_go_live_at=article.go_live_at)
    assert run_clock_tick() is True
    assert not ArticlePage.objects.get(pk=article.pk).live, "not before its time"

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert run_clock_tick() is True
    assert ArticlePage.objects.get(pk=article.pk).live
    assert "Les chiffres de l’emploi" in client.get(section.url).content.decode()


def test_the_clock_unpublishes_an_expired_article():
    article = ArticleFactory()
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    run_clock_tick()
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_only_one_worker_runs_a_given_tick():
    assert run_clock_tick() is True
    assert run_clock_tick() is False
    with time_machine.travel(timezone.now() + timedelta(seconds=TICK_SECONDS), tick=False):
        assert run_clock_tick() is True


def test_the_clock_keeps_publishing_while_redis_is_down(client, request):
    """The clock's turn is in the database: with the cache unreachable, a scheduled article is
    still published on time (and its page served, without the page cache)."""
    article = ArticleFactory(title="Publiée malgré la panne", draft=True)
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision(approved_go_live_at=article.go_live_at)
    request.getfixturevalue("redis_down")

    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert run_clock_tick() is True
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert "Publiée malgré la panne" in client.get(article.url).content.decode()
