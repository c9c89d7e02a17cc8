"""The full-text index follows every change of an article, in the same transaction."""

import pytest
from django.db import transaction
from wagtail.models import PageViewRestriction

from manchette.news.factories import ArticleFactory, SectionFactory, paragraph
from manchette.search.services import search_articles
from manchette.search.tests.helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticleFactory(
        title="Les vendanges commencent en Bourgogne",
        standfirst="Une récolte précoce.",
        body=[paragraph("Les viticulteurs de Beaune sont inquiets.")],
    )


def test_a_published_edit_is_found_by_its_new_words_and_not_its_old(client, article):
    article.title = "Les moissons commencent en Champagne"
    article.save_revision().publish()
    assert titles(search(client, "champagne")) == [article.title]
    assert titles(search(client, "bourgogne")) == []


def test_a_draft_edit_changes_nothing_until_it_is_published(client, article):
    article.title = "Un brouillon sur la Provence"
    article.save_revision()
    assert titles(search(client, "provence")) == []
    assert titles(search(client, "bourgogne")) == ["Les vendanges commencent en Bourgogne"]


def test_an_unpublished_article_is_no_longer_found(client, article):
    article.unpublish()
    assert titles(search(client, "vendanges")) == []
    article.save_revision().publish()
    assert titles(search(client, "vendanges")) == [article.title]


def test_a_deleted_article_leaves_the_index(client, article):
    pk = article.pk
    article.delete()
    assert search_articles("vendanges") == []
    ArticleFactory(title="Autre sujet", body=[paragraph("Rien à voir.")])
    assert pk not in search_articles("autre")


def test_a_restricted_section_hides_its_articles_from_search(client, article):
    PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type="password", password="secret"
    )
    assert titles(search(client, "vendanges")) == []


def test_the_index_changes_in_the_transaction_that_changes_the_article(client, article):
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Les moissons commencent en Champagne"
        article.save()
        # Seen at once inside the transaction...
        assert search_articles("champagne") == [article.pk]
        raise RuntimeError
    # ...and gone with its rollback.
    assert search_articles("champagne") == []
    assert search_articles("bourgogne") == [article.pk]


def test_body_and_chapo_words_are_indexed(client, article):
    assert titles(search(client, "recoltes")) == [article.title]
    assert titles(search(client, "Beaune inquiets")) == [article.title]


def test_articles_of_any_section_are_indexed_on_creation(client, db):
    section = SectionFactory(title="Sport")
    ArticleFactory(parent=section, title="Le derby s’achève sur un nul")
    assert titles(search(client, "derby")) == ["Le derby s’achève sur un nul"]
