"""`{% static %}` (a template built-in, core/templatetags/kept_urls.py) keeps each file's
address once written, and writes what Django's own tag writes."""

import pytest
from django.template import engines
from django.templatetags.static import StaticNode

from manchette.core.templatetags import kept_urls


@pytest.fixture(autouse=True)
def _nothing_kept():
    kept_urls._KEPT_STATIC.clear()
    yield
    kept_urls._KEPT_STATIC.clear()


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def test_it_writes_what_django_s_tag_writes():
    for path in ["css/manchette.css", "js/reader.js", "img/a file & more.svg"]:
        ours = render("{% static path %}", path=path)
        django = render("{% load static %}{% static path %}", path=path)
        assert ours == django, path
    assert render("{% static 'js/reader.js' as u %}[{{ u }}]") == render(
        "{% load static %}{% static 'js/reader.js' as u %}[{{ u }}]"
    )


def test_an_address_is_written_once_then_kept(monkeypatch):
    calls = []
    real = StaticNode.handle_simple.__func__

    def count(cls, path):
        calls.append(path)
        return real(cls, path)

    monkeypatch.setattr(kept_urls.KeptStaticNode, "handle_simple", classmethod(count))
    first = render("{% static 'css/manchette.css' %}")
    assert render("{% static 'css/manchette.css' %}") == first
    assert calls == ["css/manchette.css"]


def test_a_change_of_static_settings_forgets_the_addresses(settings):
    render("{% static 'css/manchette.css' %}")
    assert kept_urls._KEPT_STATIC
    settings.STATIC_URL = "/autre-static/"
    assert not kept_urls._KEPT_STATIC
    assert render("{% static 'css/manchette.css' %}").startswith("/autre-static/")
