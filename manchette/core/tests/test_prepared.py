"""Prepared queries give what the query built afresh gives, for any values, and refuse what
they cannot prepare."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from manchette.core.prepared import PreparedQuery
from manchette.news.factories import ArticleFactory, AuthorFactory, SectionFactory
from manchette.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def by_name(name, pk):
    return Group.objects.filter(name=name).exclude(pk=pk).order_by("pk")


def test_runs_the_same_sql_with_each_call_s_values():
    first, second = Group.objects.create(name="Essai A"), Group.objects.create(name="Essai B")
    prepared = PreparedQuery(by_name, name=str, pk=int)
    for name, pk in (("Essai A", 0), ("Essai B", 0), ("Essai A", first.pk), ("Aucun", 0)):
        assert prepared.all(name=name, pk=pk) == list(by_name(name, pk))
    assert prepared.first(name="Essai B", pk=0) == second
    assert len(prepared.compiled) == 1


def test_instances_come_with_their_select_related_and_prefetched_rows():
    section = SectionFactory()
    author = AuthorFactory()
    articles = [ArticleFactory(parent=section, authors=[author], hours_ago=n) for n in range(3)]
    prepared = PreparedQuery(
        lambda section_id: ArticlePage.objects.listing().filter(section_id=section_id)[:2],
        section_id=int,
    )
    found = prepared.all(section_id=section.pk)
    assert found == articles[:2]
    with CaptureQueriesContext(connection) as queries:
        assert [a.section.title for a in found] == [section.title] * 2
        assert [a.authors for a in found] == [[author], [author]]
    assert len(queries) == 0
    assert prepared.all(section_id=SectionFactory().pk) == []


def test_values_queries_and_variants():
    start = max(Group.objects.values_list("pk", flat=True), default=0)
    for name in "abcd":
        Group.objects.create(name=name)
    prepared = PreparedQuery(
        lambda variant, pk: (
            Group.objects.filter(pk__gt=pk).order_by("name").values("name")[variant[0] : variant[1]]
        ),
        variants=True,
        pk=int,
    )
    assert prepared.all((0, 2), pk=start) == [{"name": "a"}, {"name": "b"}]
    assert prepared.all((1, 3), pk=start) == [{"name": "b"}, {"name": "c"}]
    assert len(prepared.compiled) == 2


def test_a_state_the_query_reads_gets_a_query_of_its_own():
    start = max(Group.objects.values_list("pk", flat=True), default=0)
    Group.objects.create(name="a")
    state = {"only_b": False}

    def build(pk):
        groups = Group.objects.filter(pk__gt=pk)
        return groups.filter(name="b") if state["only_b"] else groups

    prepared = PreparedQuery(build, state=lambda: state["only_b"], pk=int)
    assert [g.name for g in prepared.all(pk=start)] == ["a"]
    state["only_b"] = True
    assert prepared.all(pk=start) == []


def test_refuses_a_value_that_is_not_one_parameter_of_its_own():
    for build in (
        lambda name: Group.objects.filter(name__contains=name),  # "%name%"
        lambda name: Group.objects.filter(name="fixe"),  # not used at all
    ):
        with pytest.raises(ValueError, match="cannot be prepared"):
            PreparedQuery(build, name=str).all(name="q")
    with pytest.raises(ValueError, match="int and str"):
        PreparedQuery(lambda names: Group.objects.filter(name__in=names), names=list).all(
            names=["q"]
        )
    with pytest.raises(TypeError):
        PreparedQuery(by_name, name=str, pk=int).all(name="q")


def test_columns_converters_are_worked_out_once_per_connection(monkeypatch):
    section = SectionFactory()
    article = ArticleFactory(parent=section)
    prepared = PreparedQuery(
        lambda section_id: ArticlePage.objects.filter(section_id=section_id), section_id=int
    )
    asked = []
    ask = type(connection.ops).get_db_converters
    monkeypatch.setattr(
        type(connection.ops),
        "get_db_converters",
        lambda ops, expression: asked.append(expression) or ask(ops, expression),
    )
    [first] = prepared.all(section_id=section.pk)
    columns = len(asked)
    assert columns > 20
    [again] = prepared.all(section_id=section.pk)
    assert len(asked) == columns  # kept
    # Converted as Django converts them: aware dates, as the query built afresh gives.
    built = ArticlePage.objects.get(pk=article.pk)
    for found in (first, again):
        assert found.first_published_at == built.first_published_at
        assert found.first_published_at.tzinfo is not None
        assert found.live is True
    # Another connection (another thread's) asks its backend again.
    compiled = next(iter(prepared.compiled.values()))
    before = len(asked)
    other = object.__new__(type(connection))
    other.__dict__.update(connection.__dict__)
    compiled.converters(other, compiled.select)
    assert len(asked) == before + columns
