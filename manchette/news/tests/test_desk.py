"""The desk on the admin's home page: its lists, its links, and a query budget constant in
the number of articles."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Workflow

from manchette.core.site_structure import JOURNALISTS, create_roles
from manchette.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def journalist(client):
    create_roles(apps)
    user = get_user_model().objects.create_user(
        "camille", "camille@example.org", "x", first_name="Camille"
    )
    user.groups.add(Group.objects.get(name=JOURNALISTS))
    client.force_login(user)
    return user


def add_articles(section, user, count, tag):
    """`count` articles of each kind: a draft, one waiting for review, one scheduled, one
    published today."""
    workflow = Workflow.objects.get(name="Relecture")
    for n in range(count):
        ArticleFactory(parent=section, title=f"Brouillon {tag}{n}", draft=True, owner=user)
        review = ArticleFactory(parent=section, title=f"Relecture {tag}{n}", draft=True)
        review.save_revision(user=user)
        workflow.start(review, user)
        scheduled = ArticleFactory(parent=section, title=f"Programmé {tag}{n}", draft=True)
        scheduled.go_live_at = timezone.now() + timedelta(hours=n + 1)
        scheduled.save_revision(user=user, approved_go_live_at=scheduled.go_live_at)
        ArticleFactory(parent=section, title=f"En ligne {tag}{n}")
    ArticleFactory(parent=section, title=f"Hier {tag}", hours_ago=30)


def test_desk_lists_each_kind_of_article_and_links_to_a_new_one_per_section(client, journalist):
    france = SectionFactory(title="France", slug="france")
    add_articles(france, journalist, 1, "a")

    page = client.get("/admin/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Nouvel article en France" in html
    assert f'href="/admin/pages/add/news/articlepage/{france.pk}/"' in html
    for heading, title in [
        ("Mes brouillons", "Brouillon a0"),
        ("En attente de relecture", "Relecture a0"),
        ("Programmés", "Programmé a0"),
        ("Publiés aujourd’hui", "En ligne a0"),
    ]:
        assert heading in html and title in html
    assert "Hier a" not in html


def test_desk_query_count_does_not_grow_with_the_number_of_articles(client, journalist):
    france = SectionFactory(title="France", slug="france")
    SectionFactory(title="Monde", slug="monde")
    add_articles(france, journalist, 1, "a")
    client.get("/admin/")  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    add_articles(france, journalist, 4, "b")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/admin/")
    assert "Programmé b3" in page.content.decode()
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
