"""The comment form below an article's thread ({% article_comment_form %}): rendered once per
process, each article's copy with its own id, the same markup as the template's include."""

import pytest
from django.template import engines

from manchette.comments.templatetags import comment_thread
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def included(article_id, **extra):
    template = engines["django"].from_string(
        '{% include "comments/_form.html" with article_id=article_id %}'
    )
    return template.render({"cs": {"max_length": 1500}, "article_id": article_id, **extra})


def kept(article_id, **extra):
    template = engines["django"].from_string(
        "{% load comment_thread %}{% article_comment_form article_id %}"
    )
    return template.render({"cs": {"max_length": 1500}, "article_id": article_id, **extra})


def test_the_kept_form_is_the_template_s_with_each_article_s_id(settings, monkeypatch):
    renders = []
    real = comment_thread.render_to_string
    monkeypatch.setattr(
        comment_thread,
        "render_to_string",
        lambda *args, **kw: renders.append(1) or real(*args, **kw),
    )
    assert kept(12) == included(12)
    assert kept(345) == included(345)
    assert 'name="article" value="345"' in kept(345)
    assert 'maxlength="1500"' in kept(345)
    assert len(renders) == 1


def test_a_form_with_a_reader_s_state_is_rendered_as_the_template_says():
    html = kept(12, csrf_token_value="jeton", standalone=True)
    assert html == included(12, csrf_token_value="jeton", standalone=True)
    assert 'value="jeton"' in html and "comment-form__title" not in html


def test_the_article_page_shows_the_form_with_its_id(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    first, second = ArticleFactory(), ArticleFactory()
    for article in (first, second):
        html = client.get(article.url).content.decode()
        assert html.count(f'<input type="hidden" name="article" value="{article.pk}">') == 1
