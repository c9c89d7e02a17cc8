"""Editors confirm (new topic or alias) or reject suggestions through the admin views."""

import pytest
from django.urls import reverse

from manchette.topics.factories import TopicFactory, TopicSuggestionFactory
from manchette.topics.linking import link_article
from manchette.topics.models import (
    ArticleLinking,
    ArticleTopic,
    SuggestionStatus,
    Topic,
    TopicAlias,
    TopicSuggestion,
)

pytestmark = pytest.mark.django_db


def test_suggestions_list_shows_pending_names_with_their_articles(admin_client, article_about):
    article = article_about("Texte.")
    TopicSuggestionFactory(name="Clémence Vautrin", articles=[article])
    TopicSuggestionFactory(name="Nom Rejeté", status=SuggestionStatus.REJECTED)
    response = admin_client.get(reverse("topics_admin:suggestions"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Clémence Vautrin" in html
    assert article.title in html
    assert "Nom Rejeté" not in html


def test_confirming_creates_the_topic_and_relinks_every_article_mentioning_it(
    admin_client, article_about, django_capture_on_commit_callbacks
):
    found_in = article_about("La juge Clémence Vautrin a rendu sa décision.")
    other = article_about("Selon Clémence Vautrin, l’appel est probable.")
    suggestion = TopicSuggestionFactory(name="Clémence Vautrin", articles=[found_in])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("topics_admin:confirm", args=[suggestion.pk]),
            {"mode": "new", "name": "Clémence Vautrin", "kind": "person"},
        )
    assert response.status_code == 302
    topic = Topic.objects.get(name="Clémence Vautrin")
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.CONFIRMED
    assert suggestion.topic == topic
    for article in (found_in, other):
        linking = ArticleLinking.objects.get(article=article)
        assert f'href="/sujets/{topic.slug}/"' in linking.linked_body_html
    assert ArticleTopic.objects.filter(topic=topic).count() == 2


def test_confirming_as_an_alias_adds_the_name_to_an_existing_topic(
    admin_client, article_about, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Organisation mondiale de la santé", kind="organisation")
    article = article_about("L’OMS a donné l’alerte.")
    suggestion = TopicSuggestionFactory(name="OMS", kind="organisation", articles=[article])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("topics_admin:confirm", args=[suggestion.pk]),
            {"mode": "alias", "name": "OMS", "kind": "organisation", "topic": topic.pk},
        )
    assert response.status_code == 302
    assert TopicAlias.objects.filter(topic=topic, name="OMS").exists()
    assert ArticleTopic.objects.filter(topic=topic, article=article, linked=True).exists()


def test_confirming_with_a_taken_name_shows_a_french_error(admin_client):
    TopicFactory(name="Lyon")
    suggestion = TopicSuggestionFactory(name="Lyon", kind="place")
    response = admin_client.post(
        reverse("topics_admin:confirm", args=[suggestion.pk]),
        {"mode": "new", "name": "Lyon", "kind": "place"},
    )
    assert response.status_code == 200
    assert "Un sujet porte déjà ce nom" in response.content.decode()
    assert Topic.objects.filter(name="Lyon").count() == 1


def test_alias_mode_needs_a_topic(admin_client):
    suggestion = TopicSuggestionFactory(name="Lyon", kind="place")
    response = admin_client.post(
        reverse("topics_admin:confirm", args=[suggestion.pk]),
        {"mode": "alias", "name": "Lyon", "kind": "place"},
    )
    assert "Choisissez le sujet" in response.content.decode()


def test_a_rejected_name_is_never_suggested_again(admin_client, article_about):
    article = article_about("Emmanuel Macron a reçu les syndicats à Paris.")
    link_article(article)
    suggestion = TopicSuggestion.objects.get(name="Emmanuel Macron")
    response = admin_client.post(reverse("topics_admin:reject", args=[suggestion.pk]))
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED

    again = article_about("Emmanuel Macron s’est rendu à Marseille.")
    link_article(again)
    link_article(article)
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED
    assert suggestion.articles.count() == 0
    assert TopicSuggestion.objects.filter(normalised="emmanuel macron").count() == 1


def test_article_edit_view_links_to_its_topics_and_suggestions(admin_client, article_about):
    article = article_about("Texte.")
    TopicSuggestionFactory(name="Clémence Vautrin", articles=[article])
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    here = reverse("topics_admin:article", args=[article.pk])
    assert here in edit.content.decode()
    html = admin_client.get(here).content.decode()
    assert "Clémence Vautrin" in html
    assert reverse("topics_admin:confirm", args=[TopicSuggestion.objects.get().pk]) in html


def test_reject_from_the_article_view_goes_back_there_and_ignores_foreign_next(
    admin_client, article_about
):
    article = article_about("Texte.")
    suggestion = TopicSuggestionFactory(name="Clémence Vautrin", articles=[article])
    here = reverse("topics_admin:article", args=[article.pk])
    response = admin_client.post(
        reverse("topics_admin:reject", args=[suggestion.pk]), {"next": here}
    )
    assert response["Location"] == here
    other = TopicSuggestionFactory(name="Autre Nom")
    response = admin_client.post(
        reverse("topics_admin:reject", args=[other.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("topics_admin:suggestions")


def test_people_without_topic_permissions_cannot_decide(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("pigiste", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    suggestion = TopicSuggestionFactory(name="Clémence Vautrin")
    # Wagtail answers a permission error with a redirect to the dashboard and a message.
    assert client.get(reverse("topics_admin:suggestions")).status_code in (302, 403)
    assert client.post(reverse("topics_admin:reject", args=[suggestion.pk])).status_code in (
        302,
        403,
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PENDING


def test_confirm_form_and_topics_menu_render(admin_client):
    suggestion = TopicSuggestionFactory(name="Clémence Vautrin")
    form = admin_client.get(reverse("topics_admin:confirm", args=[suggestion.pk]))
    assert form.status_code == 200
    assert 'value="Clémence Vautrin"' in form.content.decode()
    dashboard = admin_client.get("/admin/").content.decode()
    assert reverse("topics_admin:suggestions") in dashboard
    assert admin_client.get(reverse("wagtailsnippets_topics_topic:list")).status_code == 200
