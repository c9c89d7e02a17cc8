"""Editors see reactions: per article (bars) and the week's most-reacted articles per kind."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.reactions.factories import ReactionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reacted(article, kinds, section):
    other_section = SectionFactory(title="Économie", slug="economie")
    busy = ArticleFactory(parent=other_section, title="La bourse s’emballe")
    ReactionFactory.create_batch(4, article=article, kind=kinds["instructif"])
    ReactionFactory.create_batch(1, article=article, kind=kinds["inquietant"])
    ReactionFactory.create_batch(6, article=busy, kind=kinds["inquietant"])
    return {"article": article, "busy": busy, "other_section": other_section}


def test_editor_sees_the_weekly_report_with_a_chart_per_kind(client, editor, reacted):
    client.force_login(editor)
    response = client.get(reverse("reactions_admin:weekly"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Réactions de la semaine" in html
    assert "<svg" in html and "Inquiétant : 7." in html  # the overview chart, described
    assert "Les articles les plus « Inquiétant » de la semaine" in html
    assert "La bourse s’emballe" in html and "La banquise recule encore" in html
    # Most reacted first within a kind.
    block = html.split("Les articles les plus « Inquiétant »")[1]
    assert block.index("La bourse s’emballe") < block.index("La banquise recule encore")
    assert "https://" not in html.split("reaction-report")[1].split("</svg>")[0]  # no third party


def test_weekly_report_filters_per_section_and_per_kind(client, editor, reacted, section):
    client.force_login(editor)
    html = client.get(
        reverse("reactions_admin:weekly"), {"section": section.pk, "kind": "inquietant"}
    ).content.decode()
    assert "La banquise recule encore" in html
    assert "La bourse s’emballe" not in html
    assert "Les articles les plus « Instructif »" not in html


def test_weekly_report_leaves_out_reactions_older_than_a_week(client, editor, reacted):
    from datetime import timedelta

    from django.utils import timezone

    from manchette.reactions.models import Reaction

    Reaction.objects.filter(article=reacted["busy"]).update(
        updated_at=timezone.now() - timedelta(days=8)
    )
    client.force_login(editor)
    html = client.get(reverse("reactions_admin:weekly")).content.decode()
    assert "La bourse s’emballe" not in html


def test_bad_filters_show_the_unfiltered_report(client, editor, reacted):
    client.force_login(editor)
    response = client.get(reverse("reactions_admin:weekly"), {"kind": "nope", "section": "x"})
    assert response.status_code == 200


def test_editor_sees_an_article_as_bars(client, editor, reacted):
    client.force_login(editor)
    article = reacted["article"]
    response = client.get(reverse("reactions_admin:article", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "5 réactions au total" in html
    assert "width: 100.0%" in html and "width: 25.0%" in html  # instructif 4, inquiétant 1
    assert "80 %" in html and "20 %" in html


def test_reports_are_linked_from_the_admin_menu_and_the_page_listing(client, editor, reacted):
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON in the page.
    assert '"label": "R\\u00e9actions"' in dashboard
    assert reverse("reactions_admin:weekly") in dashboard
    article = reacted["article"]
    listing = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert reverse("reactions_admin:article", args=[article.pk]) in listing.content.decode()


def test_superuser_sees_the_reports(client, django_user_model, reacted):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    assert client.get(reverse("reactions_admin:weekly")).status_code == 200


def test_journalists_do_not_see_the_reports(client, django_user_model, reacted):
    journalist = django_user_model.objects.create_user("journaliste", password="x")
    journalist.groups.add(Group.objects.get(name="Journalistes"))
    client.force_login(journalist)
    for url in (
        reverse("reactions_admin:weekly"),
        reverse("reactions_admin:article", args=[reacted["article"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert (
        reverse("reactions_admin:weekly")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_editors_edit_the_set_of_reactions_as_snippets(client, editor, kinds):
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_reactions_reactionkind:list"))
    assert listing.status_code == 200
    assert "Intéressant" in listing.content.decode()
    edit = client.post(
        reverse("wagtailsnippets_reactions_reactionkind:edit", args=[kinds["agacant"].pk]),
        {"label": "Irritant", "slug": "agacant", "icon": "agace", "emoji": "😤", "active": "on"},
    )
    assert edit.status_code == 302
    kinds["agacant"].refresh_from_db()
    assert kinds["agacant"].label == "Irritant" and kinds["agacant"].emoji == "😤"
