"""An editor opens the week's most-reacted articles from the admin menu."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from manchette.core.site_structure import create_roles
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.reactions.defaults import EDITORS, grant_editors
from manchette.reactions.factories import ReactionFactory, default_kinds

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_sees_the_weekly_chart_and_an_articles_bars(
    page, live_server, django_user_model, screenshot
):
    create_roles(apps)  # transactional tests start from a flushed database
    grant_editors(apps)
    editor = django_user_model.objects.create_user("editrice", password="mot-de-passe-1")
    editor.groups.add(Group.objects.get(name=EDITORS))
    kinds = {kind.slug: kind for kind in default_kinds()}
    section = SectionFactory(title="Climat", slug="climat")
    hot = ArticleFactory(parent=section, title="Canicule : records battus en juin")
    calm = ArticleFactory(parent=section, title="Les glaciers alpins reculent")
    for slug, n in (("inquietant", 7), ("instructif", 3), ("surprenant", 2)):
        ReactionFactory.create_batch(n, article=hot, kind=kinds[slug])
    ReactionFactory.create_batch(4, article=calm, kind=kinds["instructif"])

    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill("mot-de-passe-1")
    page.locator("#id_password").press("Enter")
    page.get_by_role("button", name="Réactions").click()
    page.get_by_role("link", name="Réactions de la semaine").click()
    expect(page.get_by_role("heading", name="Réactions de la semaine par type")).to_be_visible()
    expect(page.get_by_role("img", name="Réactions de la semaine par type")).to_be_visible()
    instructive = page.locator(
        "section",
        has=page.get_by_role("heading", name="Les articles les plus « Instructif » de la semaine"),
    )
    expect(instructive.locator("li").first).to_contain_text("Les glaciers alpins reculent")
    screenshot(page, "reactions-admin-week", full_page=True)

    page.get_by_role("link", name="Canicule : records battus en juin").first.click()
    expect(page.get_by_text("12 réactions au total")).to_be_visible()
    screenshot(page, "reactions-admin-article")
