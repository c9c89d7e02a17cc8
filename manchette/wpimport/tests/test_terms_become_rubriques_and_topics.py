"""Categories and tags: rubriques adopted by slug, topics with the aliases the linker uses,
and the rubrique a post's primary category (Yoast, Rank Math) names."""

import json

import pytest
from wagtail.models import Page

from manchette.core.site_structure import home_page
from manchette.news.models import ArticlePage, SectionPage
from manchette.topics.factories import TopicFactory
from manchette.topics.linking import build_gazetteer
from manchette.topics.models import Topic, TopicAlias
from manchette.topics.names import find_matches
from manchette.wpimport.terms import add_child, create_child, free_child_slug, slug_name

from . import wxr_builder as w
from .conftest import run_import

pytestmark = pytest.mark.django_db


def write(tmp_path, *elements, name="export.xml"):
    path = tmp_path / name
    path.write_text(w.document(*elements), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("slug", "name", "expected"),
    [
        ("emmanuel-macron", "Macron", "Emmanuel Macron"),
        ("reforme-des-retraites", "Réforme des retraites", "Réforme des retraites"),
        ("sante-2", "Santé", "Santé"),  # WordPress's suffix for a repeated slug
        ("jo-2024", "JO 2024", "JO 2024"),
        ("banque-de-france", "BdF", "Banque de France"),
        ("inflation", "inflation", "inflation"),
    ],
)
def test_a_slug_read_as_a_name_follows_the_names_writing(slug, name, expected):
    assert slug_name(slug, name) == expected


def test_tags_and_child_categories_become_topics_with_their_other_names(tmp_path):
    TopicFactory(name="Organisation des Nations unies", aliases=["ONU"])
    export = write(
        tmp_path,
        w.category(1, "politique", "Politique"),
        w.category(2, "municipales-2026", "Municipales 2026", parent="politique"),
        w.tag_term(3, "emmanuel-macron", "Macron"),
        w.tag_term(4, "onu", "ONU"),  # an existing topic's alias: adopted
        w.tag_term(5, "nations-unies", "Nations unies"),
        w.term(5, "post_tag", "nations-unies", "Nations unies"),  # repeated as wp:term
        w.tag_term(6, "onu-2", "Nations"),  # its slug names another topic: left to it
    )
    report = tmp_path / "report.json"
    code, out = run_import(export, extra=["--report", str(report)])
    assert code == 0, out
    macron = Topic.objects.get(name="Macron")
    assert [a.name for a in macron.aliases.all()] == ["Emmanuel Macron"]
    assert not Topic.objects.get(name="Municipales 2026").aliases.exists()
    assert not Topic.objects.filter(name="ONU").exists()
    onu = Topic.objects.get(name="Organisation des Nations unies")
    assert sorted(a.name for a in onu.aliases.all()) == ["ONU"]
    assert not Topic.objects.get(name="Nations").aliases.exists()
    data = json.loads(report.read_text())
    assert data["kinds"]["tag"]["adopted"] == 1
    assert data["topic_aliases"] == {"created": 1, "unchanged": 1, "other_topic": 1}
    assert "autre nom « Onu » déjà pris par un autre sujet" in out
    # The topic linker finds the topic by its alias.
    matches = find_matches("Emmanuel Macron a parlé à l’ONU.", build_gazetteer())
    assert [(m.entry.topic_id, m.entry.surface) for m in matches] == [
        (macron.pk, "Emmanuel Macron"),
        (onu.pk, "ONU"),
    ]
    # A second run adds no alias and changes nothing.
    aliases = list(TopicAlias.objects.order_by("pk").values_list("pk", "topic_id", "name"))
    code, _out = run_import(export)
    assert code == 0
    assert aliases == list(TopicAlias.objects.order_by("pk").values_list("pk", "topic_id", "name"))


def test_an_existing_rubrique_with_the_same_slug_is_adopted(tmp_path):
    existing = create_child(home_page(), SectionPage(title="Sport", slug="sports", live=True))
    export = write(
        tmp_path,
        w.category(1, "sports", "Sports"),
        w.item(10, "Le match", "<p>Victoire.</p>", categories=[("sports", "Sports")]),
    )
    report = tmp_path / "report.json"
    code, out = run_import(export, extra=["--report", str(report)])
    assert code == 0, out
    assert SectionPage.objects.filter(slug="sports").count() == 1
    assert ArticlePage.objects.get(slug="article-10").section.pk == existing.pk
    assert json.loads(report.read_text())["kinds"]["category"]["adopted"] == 1


@pytest.mark.parametrize("key", ["_yoast_wpseo_primary_category", "rank_math_primary_category"])
def test_the_primary_category_names_the_rubrique(tmp_path, key):
    export = write(
        tmp_path,
        w.category(1, "politique", "Politique"),
        w.category(2, "municipales", "Municipales", parent="politique"),
        w.category(3, "culture", "Culture"),
        w.item(
            10,
            "Le festival et la mairie",
            "<p>Texte.</p>",
            categories=[("municipales", "Municipales"), ("culture", "Culture")],
            metas=[(key, "3"), ("rank_math_title", "Titre Rank Math")],
        ),
        w.item(
            11,
            "La mairie et le festival",
            "<p>Texte.</p>",
            categories=[("culture", "Culture"), ("municipales", "Municipales")],
            metas=[(key, "2")],  # a child category: its rubrique is its parent's
        ),
    )
    code, out = run_import(export)
    assert code == 0, out
    assert ArticlePage.objects.get(slug="article-10").section.slug == "culture"
    assert ArticlePage.objects.get(slug="article-11").section.slug == "politique"
    if key.startswith("rank_math"):
        assert ArticlePage.objects.get(slug="article-10").seo_title == "Titre Rank Math"


def test_a_tag_with_an_accented_slug_gets_an_address_our_routes_accept(tmp_path, client):
    export = write(
        tmp_path,
        w.tag_term(1, "%c3%a9t%c3%a9", "Été"),
        w.item(10, "Canicule", "<p>Chaud.</p>", tags=[("%c3%a9t%c3%a9", "Été")]),
    )
    code, out = run_import(export)
    assert code == 0, out
    topic = Topic.objects.get(name="Été")
    assert topic.slug == "ete"
    response = client.get("/tag/%C3%A9t%C3%A9/")
    assert (response.status_code, response["Location"]) == (301, "/sujets/ete/")
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/tag/%C3%A9t%C3%A9/feed/")["Location"] == "/sujets/ete/flux/"


def test_an_author_or_term_that_fails_is_reported_and_the_rest_goes_in(tmp_path):
    broken = w.author(1, "camille", "Camille").replace("<wp:author_id>1<", "<wp:author_id>un<")
    export = write(
        tmp_path,
        broken,
        w.author(2, "paul", "Paul"),
        w.tag_term(3, "budget", "Budget").replace("<wp:term_id>3<", "<wp:term_id>trois<"),
        w.item(10, "Le budget", "<p>Voté.</p>", creator="paul"),
    )
    code, out = run_import(export)
    assert code == 1, out
    assert "Échec : author" in out and "Échec : tag" in out
    assert ArticlePage.objects.get(slug="article-10").authors[0].title == "Paul"


def test_pages_added_by_someone_else_during_an_import_keep_the_tree_whole():
    section = create_child(home_page(), SectionPage(title="Sports", slug="sports", live=True))
    last_paths = {}
    add_child(section, ArticlePage(title="Un", slug="un", standfirst="x", body=[]), last_paths)
    # An editor adds an article to the same rubrique between two imported posts.
    section.add_child(instance=ArticlePage(title="Deux", slug="deux", standfirst="x", body=[]))
    add_child(
        section, ArticlePage(title="Trois", slug="trois", standfirst="x", body=[]), last_paths
    )
    add_child(
        section, ArticlePage(title="Quatre", slug="quatre", standfirst="x", body=[]), last_paths
    )
    children = SectionPage.objects.get(pk=section.pk).get_children()
    assert [p.slug for p in children] == ["un", "deux", "trois", "quatre"]
    assert SectionPage.objects.get(pk=section.pk).numchild == 4
    assert all(not problems for problems in Page.find_problems())
    assert free_child_slug(section, "deux") == "deux-2"
    assert free_child_slug(home_page(), "deux") == "deux"  # a grandchild is no child
