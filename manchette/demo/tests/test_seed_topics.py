import pytest

from manchette.demo.content import load_json
from manchette.demo.seeding import seed_topics
from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics.models import ArticleLinking, Topic, TopicAlias

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
    created, _linked = seed_topics()
    assert created == len(load_json("topics.json")) == 21
