import pytest
from django.urls import reverse

from manchette.topics import linking
from manchette.topics.models import ArticleLinking, Topic

pytestmark = pytest.mark.django_db


def test_editing_a_topic_in_the_admin_relinks_and_purges_articles_and_topic_pages(
    admin_client, article_about, un_topic, purged, django_capture_on_commit_callbacks
):
    article = article_about("L’ONU a demandé une trêve.")
    linking.link_article(article)
    alias_ids = list(un_topic.aliases.order_by("pk").values_list("pk", flat=True))
    purged.clear()
    data = {
        "name": "Organisation des Nations unies",
        "slug": "onu",
        "kind": "organisation",
        "description": "",
        "confirmed": "on",
        "aliases-TOTAL_FORMS": "2",
        "aliases-INITIAL_FORMS": "2",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for index, (pk, name) in enumerate(zip(alias_ids, ["ONU", "Nations unies"], strict=True)):
        data[f"aliases-{index}-id"] = str(pk)
        data[f"aliases-{index}-name"] = name
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_topics_topic:edit", args=[un_topic.pk]), data
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Topic.objects.get(pk=un_topic.pk).slug == "onu"
    assert article.url in purged
    assert "/sujets/organisation-des-nations-unies/" in purged  # the old address
    assert "/sujets/onu/" in purged
    assert "/recherche/" in purged  # its "no result" page names topics
    assert 'href="/sujets/onu/"' in ArticleLinking.objects.get(article=article).linked_body_html


def test_deleting_a_topic_removes_its_links(
    article_about, un_topic, purged, django_capture_on_commit_callbacks
):
    from manchette.topics.wagtail_hooks import remember_deleted_topics, topic_deleted

    article = article_about("L’ONU a demandé une trêve.")
    linking.link_article(article)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        remember_deleted_topics(None, [un_topic])
        un_topic.delete()
        topic_deleted(None, [un_topic])
    assert "topic-link" not in ArticleLinking.objects.get(article=article).linked_body_html
    assert article.url in purged
    assert "/sujets/organisation-des-nations-unies/" in purged
    assert "/recherche/" in purged
