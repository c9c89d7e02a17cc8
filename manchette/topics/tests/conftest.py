import pytest

from manchette.news.factories import ArticleFactory, paragraph
from manchette.topics.factories import TopicFactory


@pytest.fixture
def article_about():
    """An article whose body is the given paragraphs (HTML-free text)."""

    def make(*texts, **kwargs):
        return ArticleFactory(body=[paragraph(t) for t in texts], **kwargs)

    return make


@pytest.fixture
def un_topic(db):
    return TopicFactory(
        name="Organisation des Nations unies",
        kind="organisation",
        aliases=["ONU", "Nations unies"],
    )


@pytest.fixture
def purged(monkeypatch):
    """Records every path purged from the page cache."""
    paths = []
    from manchette.core.caching import purge as cache

    real = cache.purge_paths

    def record(given):
        paths.extend(given)
        return real(given)

    monkeypatch.setattr("manchette.topics.linking.purge_paths", record)
    monkeypatch.setattr("manchette.topics.editing.purge_paths", record)
    monkeypatch.setattr("manchette.topics.signals.purge_paths", record)
    return paths
