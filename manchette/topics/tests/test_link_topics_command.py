import pytest
from django.core.management import call_command

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics.factories import TopicFactory
from manchette.topics.models import ArticleLinking

pytestmark = pytest.mark.django_db


def test_link_topics_command_prints_progress_and_rate(capsys):
    TopicFactory(name="Lyon")
    for _ in range(3):
        ArticleFactory(body=[paragraph("À Lyon.")])
    ArticleLinking.objects.all().delete()  # publishing linked them: the command does it again
    call_command("link_topics")
    out = capsys.readouterr().out
    assert "3/3" in out
    assert "articles/s" in out
    assert ArticleLinking.objects.count() == 3
    assert all("topic-link" in row.linked_body_html for row in ArticleLinking.objects.all())
