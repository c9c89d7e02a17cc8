"""`{% url %}` keeps each address once reversed, and writes what Django's own tag writes."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, reverse, set_script_prefix

from manchette.core.templatetags import kept_urls


@pytest.fixture(autouse=True)
def _nothing_kept():
    kept_urls._KEPT.clear()
    yield
    kept_urls._KEPT.clear()
    set_script_prefix("/")


def render(source, **context):
    return engines["django"].from_string(source).render(context)


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = kept_urls.reverse

    def count(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(kept_urls, "reverse", count)
    return calls


def test_an_address_is_reversed_once_then_kept(counted):
    source = "{% url 'feed' %} {% url 'section-feed' slug %} {% url 'topics:detail' slug=slug %}"
    first = render(source, slug="monde")
    assert first == "/flux/ /flux/monde/ /sujets/monde/"
    assert render(source, slug="monde") == first
    assert len(counted) == 3
    assert render(source, slug="sport") == "/flux/ /flux/sport/ /sujets/sport/"
    assert len(counted) == 5


def test_it_writes_what_reverse_writes():
    assert render("{% url 'comments:avatar' 12 'É' %}") == reverse(
        "comments:avatar", args=[12, "É"]
    )
    assert render("{% url 'comments:avatar' 1 '<s>' %}").endswith("/1/%3Cs%3E.svg")
    # Equal keys of other types write other addresses.
    assert render("{% url 'section-feed' v %}", v=True) == "/flux/True/"
    assert render("{% url 'section-feed' v %}", v=1) == "/flux/1/"
    assert render("{% url 'section-feed' v as u %}[{{ u }}]", v="x") == "[/flux/x/]"


def test_an_unknown_route_still_fails_or_is_empty_as_a_variable():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-route' %}")
    assert render("{% url 'no-such-route' as u %}[{{ u }}]") == "[]"


def test_the_script_prefix_is_part_of_what_is_kept():
    assert render("{% url 'feed' %}") == "/flux/"
    set_script_prefix("/journal/")
    assert render("{% url 'feed' %}") == "/journal/flux/"


def test_other_values_than_strings_and_numbers_are_reversed_each_time(counted):
    class Slug(list):
        def __str__(self):
            return "liste"

    class Renamed:  # a model instance is equal to itself renamed
        name = "avant"

        def __eq__(self, other):
            return isinstance(other, Renamed)

        def __hash__(self):
            return 1

        def __str__(self):
            return self.name

    assert render("{% url 'section-feed' v %}", v=Slug()) == "/flux/liste/"
    assert render("{% url 'section-feed' v %}", v=Slug()) == "/flux/liste/"
    value = Renamed()
    assert render("{% url 'section-feed' v %}", v=value) == "/flux/avant/"
    value.name = "apres"
    assert render("{% url 'section-feed' v %}", v=value) == "/flux/apres/"
    assert render("{% url 'section-feed' v %}", v=True) == "/flux/True/"
    assert len(counted) == 5
