"""A page's address parts (`get_url_parts`, behind `page.url`) kept once Wagtail wrote them,
under all that Wagtail reads to write them."""

import pytest
from django.urls import set_script_prefix
from wagtail.models import Page, Site

from manchette.core.caching import cached_pages
from manchette.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_kept():
    cached_pages._KEPT_URL_PARTS.clear()
    yield
    cached_pages._KEPT_URL_PARTS.clear()
    set_script_prefix("/")


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def test_an_address_is_written_once_then_kept(monkeypatch):
    article = ArticleFactory(parent=SectionFactory(slug="sciences"), slug="les-abeilles")
    calls = []
    real = Page.get_url_parts

    def counted(self, request=None):
        calls.append(self.pk)
        return real(self, request)

    monkeypatch.setattr(Page, "get_url_parts", counted)
    assert fresh(article).url == "/sciences/les-abeilles/"
    assert fresh(article).url == "/sciences/les-abeilles/"
    assert calls == [article.pk]


def test_a_new_slug_and_a_new_site_root_write_new_addresses():
    section = SectionFactory(slug="sciences")
    article = ArticleFactory(parent=section, slug="les-abeilles")
    assert fresh(article).url == "/sciences/les-abeilles/"
    article.slug = "les-frelons"
    article.save_revision().publish()
    assert fresh(article).url == "/sciences/les-frelons/"
    site = Site.objects.get(is_default_site=True)
    site.root_page = section
    site.save()
    assert fresh(article).url == "/les-frelons/"


def test_the_script_prefix_is_part_of_what_is_kept():
    article = ArticleFactory(parent=SectionFactory(slug="sciences"), slug="les-abeilles")
    assert fresh(article).url == "/sciences/les-abeilles/"
    set_script_prefix("/journal/")
    assert fresh(article).url == "/journal/sciences/les-abeilles/"
