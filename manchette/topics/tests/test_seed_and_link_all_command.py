import pytest
from django.core.management import call_command

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics.models import ArticleLinking, Topic, TopicAlias
from manchette.topics.services import seed_topics

pytestmark = pytest.mark.django_db

DEMO = [
    {"name": "Lyon", "kind": "place", "aliases": [], "description": "Une ville."},
    {"name": "Union européenne", "kind": "organisation", "aliases": ["UE"], "description": ""},
    {"name": "Inflation", "kind": "theme", "aliases": ["inflation"], "description": ""},
]


def test_seed_topics_is_idempotent_and_links_live_articles():
    article = ArticleFactory(body=[paragraph("À Lyon, l’UE débat de l’inflation.")])
    assert seed_topics(DEMO) == (3, 1)
    assert seed_topics(DEMO) == (0, 1)
    assert Topic.objects.count() == 3
    assert TopicAlias.objects.count() == 1  # "inflation" is the name itself
    assert ArticleLinking.objects.get(article=article).linked_body_html.count("topic-link") == 3


def test_seed_topics_accepts_the_demo_data():
    from manchette.core.demo_data import TOPICS

    created, _linked = seed_topics()
    assert created == len(TOPICS)


def test_link_topics_command_prints_progress_and_rate(capsys):
    seed_topics(DEMO, link=False)
    for _ in range(3):
        ArticleFactory(body=[paragraph("À Lyon.")])
    call_command("link_topics")
    out = capsys.readouterr().out
    assert "3/3" in out
    assert "articles/s" in out
    assert ArticleLinking.objects.count() == 3
