"""The search page's parts kept in the process show what each request asks for."""

import pytest

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.search.templatetags import search_results
from manchette.search.tests.helpers import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def monde(db):
    section = SectionFactory(title="Monde", slug="monde")
    ArticleFactory(title="Les vendanges commencent", section=section)
    return section


def test_the_filters_show_each_request_s_own_values_and_errors(client, monde):
    html = search(client, "vendanges", du="2024-03-01").content.decode()
    assert 'value="2024-03-01"' in html and "search-errors" not in html
    html = search(client, "vendanges", du="2024-03-02").content.decode()
    assert 'value="2024-03-02"' in html and 'value="2024-03-01"' not in html
    html = search(client, "vendanges", du="1024-03-02").content.decode()
    assert "Choisissez une date entre 1900 et 2100." in html
    html = search(client, "vendanges", rubrique="monde").content.decode()
    assert '<option value="monde" selected>Monde</option>' in html
    assert "Choisissez une date" not in html


def test_the_filters_offer_a_new_or_renamed_rubrique_at_once(client, monde):
    assert "Sciences" not in search(client, "vendanges").content.decode()
    SectionFactory(title="Sciences", slug="sciences").save_revision().publish()
    html = search(client, "vendanges").content.decode()
    assert '<option value="sciences">Sciences</option>' in html
    monde.title = "Monde entier"
    monde.save_revision().publish()
    html = search(client, "vendanges").content.decode()
    assert '<option value="monde">Monde entier</option>' in html
    assert ">Monde</option>" not in html


def test_the_kept_filters_are_bounded(client, monde, monkeypatch):
    monkeypatch.setattr(search_results, "MAX_KEPT_FILTERS", 2)
    for day in range(1, 6):
        html = search(client, "x", du=f"2024-03-0{day}").content.decode()
        assert f'value="2024-03-0{day}"' in html
        assert len(search_results._KEPT_FILTERS) <= 2
