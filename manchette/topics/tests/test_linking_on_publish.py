"""Linking runs in a task enqueued on publication; a page view only reads the stored body."""

import pytest

from manchette.news.factories import paragraph
from manchette.topics.models import ArticleLinking, ArticleTopic, TopicSuggestion

pytestmark = pytest.mark.django_db


def publish(article, captured):
    with captured(execute=True):
        article.save_revision().publish()


def test_publishing_links_the_first_mention_and_lists_the_topic(
    client, article_about, un_topic, django_capture_on_commit_callbacks
):
    article = article_about("L’ONU a demandé une trêve. Les Nations unies insistent.")
    publish(article, django_capture_on_commit_callbacks)

    linking = ArticleLinking.objects.get(article=article)
    assert linking.linked_body_html.count('class="topic-link"') == 1
    assert ArticleTopic.objects.get(article=article, topic=un_topic).count == 2
    html = client.get(article.url).content.decode()
    assert (
        f'<a class="topic-link" href="/sujets/organisation-des-nations-unies/" '
        f'data-topic="{un_topic.pk}">ONU</a>'
    ) in html
    assert 'class="article-topics"' in html


def test_a_page_view_does_no_nlp(client, article_about, un_topic, monkeypatch):
    from manchette.topics import linking

    article = article_about("L’ONU a demandé une trêve.")
    linking.link_article(article)

    def forbidden(*args, **kwargs):
        raise AssertionError("spaCy must not run on a page view")

    monkeypatch.setattr("manchette.topics.nlp.get_nlp", forbidden)
    monkeypatch.setattr("manchette.topics.nlp.is_common_word", forbidden)
    monkeypatch.setattr("spacy.load", forbidden)
    response = client.get(article.url)
    assert response.status_code == 200
    assert 'class="topic-link"' in response.content.decode()


def test_a_stale_linked_body_is_never_shown(client, article_about, un_topic):
    from manchette.topics import linking

    article = article_about("L’ONU a demandé une trêve.")
    linking.link_article(article)
    article.body = [paragraph("Un tout autre texte, sans le nom.")]
    article.save()
    html = client.get(article.url).content.decode()
    assert "Un tout autre texte" in html
    assert "topic-link" not in html


def test_unknown_people_places_and_organisations_become_suggestions(article_about, un_topic):
    from manchette.topics import linking

    article = article_about(
        "Emmanuel Macron a reçu à l’Élysée le dirigeant de Greenpeace France. "
        "L’ONU a salué la rencontre."
    )
    linking.link_article(article)
    names = set(TopicSuggestion.objects.values_list("name", flat=True))
    assert "Emmanuel Macron" in names
    assert not {"ONU", "L’ONU"} & names  # a known topic is no suggestion
    assert all(s.articles.filter(pk=article.pk).exists() for s in TopicSuggestion.objects.all())


def test_article_page_costs_the_same_with_many_topics(
    client, article_about, django_assert_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from manchette.topics import linking
    from manchette.topics.factories import TopicFactory

    def queries_for(article):
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(article.url).status_code == 200
        return len(ctx.captured_queries)

    plain = article_about("Un texte qui ne cite aucun sujet.")
    linking.link_article(plain, with_suggestions=False)
    names = [f"Ville{n}" for n in range(25)]
    for name in names:
        TopicFactory(name=name)
    rich = article_about(" ".join(f"Visite à {name}." for name in names))
    linking.link_article(rich, with_suggestions=False)
    assert ArticleTopic.objects.filter(article=rich).count() == 25
    queries_for(plain)  # warm-up: the site root and chrome
    assert queries_for(rich) == queries_for(plain)
