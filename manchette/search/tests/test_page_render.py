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


@pytest.mark.parametrize(
    "dates",
    [
        {"du": "2024-03-01"},
        {"au": "2024-03-31"},
        {"du": "2024-03-01", "au": "2024-03-31"},
        {"du": "1900-01-02", "au": "1900-01-02"},
        {"du": "1900-01-02", "au": "1900-01-01"},
        {"du": "2024-3-1"},
        {"du": "2024-03-01", "au": "pas une date"},
    ],
)
def test_kept_filters_show_the_same_markup_as_rendered_afresh(client, monde, dates):
    """Dates are put into markup kept with stand-ins: the page is byte for byte the one the
    widgets write, whatever the dates (equal, in the wrong order, not written as the widget
    writes them, the stand-ins themselves)."""
    search_results._KEPT_FILTERS.clear()
    first = search(client, "vendanges", **dates).content.decode()
    search_results._KEPT_FILTERS.clear()
    search(client, "vendanges", du="2031-07-14", au="2031-08-15")  # kept with stand-ins
    search(client, "vendanges", du="2031-07-14")
    search(client, "vendanges", au="2031-08-15")
    again = search(client, "vendanges", **dates).content.decode()
    assert again == first
    for name, value in dates.items():
        assert f'name="{name}" value="{value}"' in first


def test_asking_date_after_date_renders_the_filters_once(client, monde, monkeypatch):
    rendered = []
    real = search_results.render_filters
    monkeypatch.setattr(search_results, "render_filters", lambda *a: rendered.append(1) or real(*a))
    search_results._KEPT_FILTERS.clear()
    for day in range(1, 10):
        html = search(client, "vendanges", au=f"2031-08-0{day}").content.decode()
        assert f'value="2031-08-0{day}"' in html
    assert len(rendered) == 1
