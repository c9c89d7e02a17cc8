import pytest
from django.urls import reverse

from manchette.topics import linking
from manchette.topics.factories import TopicFactory
from manchette.topics.models import ArticleLinking, ArticleTopic

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(article_about, un_topic):
    lyon = TopicFactory(name="Lyon")
    article = article_about("À Lyon, l’ONU réunit ses experts.")
    linking.link_article(article)
    return article, lyon


def test_turning_linking_off_shows_the_plain_body(
    admin_client, client, linked, django_capture_on_commit_callbacks
):
    article, _lyon = linked
    assert "topic-link" in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("topics_admin:article", args=[article.pk]), {"action": "disable"}
        )
    assert response.status_code == 302
    assert ArticleLinking.objects.get(article=article).enabled is False
    html = client.get(article.url).content.decode()
    assert "topic-link" not in html
    assert "À Lyon, l’ONU réunit ses experts." in html


def test_removing_one_link_keeps_the_others(
    admin_client, client, linked, un_topic, django_capture_on_commit_callbacks
):
    article, lyon = linked
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("topics_admin:article", args=[article.pk]),
            {"action": "remove", "topic": un_topic.pk},
        )
    html = client.get(article.url).content.decode()
    assert f'href="/sujets/{lyon.slug}/"' in html
    assert f'href="/sujets/{un_topic.slug}/"' not in html
    assert not ArticleTopic.objects.filter(article=article, topic=un_topic).exists()
    page = admin_client.get(reverse("topics_admin:article", args=[article.pk])).content.decode()
    assert "Liens retirés" in page
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("topics_admin:article", args=[article.pk]),
            {"action": "restore", "topic": un_topic.pk},
        )
    assert f'href="/sujets/{un_topic.slug}/"' in client.get(article.url).content.decode()
