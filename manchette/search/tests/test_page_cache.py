"""Search pages come from the page cache, keyed by the query and its filters, and go stale
at once when any article changes."""

import pytest
from wagtail.models import PageViewRestriction

from manchette.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionFactory(title="France", slug="france")


@pytest.fixture
def climat(section):
    return [
        ArticleFactory(parent=section, title=f"Climat : le point numéro {n}", hours_ago=n)
        for n in range(3)
    ]


def shown(article):
    """What a result shows of its headline whole (the query's words are marked)."""
    return article.title.split(" : ")[1]


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """GET /recherche/?<query string>, its work committed as in production (the search keeps
    its answer then)."""

    def ask(query_string, client=client):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/recherche/?" + query_string)
        assert response.status_code == 200
        return response

    return ask


@pytest.fixture
def kept(ask):
    """Asks twice (a query asked once is not kept), then once more: the kept page."""

    def kept(query_string):
        answers = [ask(query_string) for _ in range(3)]
        assert [a.get("X-Page-Cache") for a in answers][1:] in (["miss", "hit"], ["hit", "hit"])
        assert answers[2].content == answers[1].content
        return answers[2]

    return kept


def test_a_repeated_search_is_served_from_the_page_cache_without_a_query(
    ask, kept, climat, django_assert_num_queries
):
    page = kept("q=climat")
    assert "s-maxage=" in page["Cache-Control"] and "public" in page["Cache-Control"]
    with django_assert_num_queries(0):
        assert ask("q=climat")["X-Page-Cache"] == "hit"


def test_a_query_asked_once_is_not_kept(ask, climat):
    first = ask("q=climat")
    assert "X-Page-Cache" not in first
    assert "private" in first["Cache-Control"]


def test_two_different_queries_or_filters_never_share_an_entry(ask, kept, climat):
    kept("q=climat")
    for query_string, shown in [
        ("q=Climat", "« Climat »"),
        ("q=climat+point", "« climat point »"),
        ("q=climat&tri=date", 'value="date" id="id_tri_1" checked'),
        ("q=climat&rubrique=france", '<option value="france" selected>'),
        ("q=climat&du=2020-01-01", 'value="2020-01-01"'),
        ("q=climat&au=2100-01-01", 'value="2100-01-01"'),
    ]:
        first, again = ask(query_string), ask(query_string)  # kept under its own address
        assert first.get("X-Page-Cache") != "hit", query_string
        assert shown in first.content.decode() and again.content == first.content


def test_an_unpublished_article_leaves_the_kept_page_at_once(
    ask, kept, climat, django_capture_on_commit_callbacks
):
    kept("q=climat")
    with django_capture_on_commit_callbacks(execute=True):
        climat[0].unpublish()
    response = ask("q=climat")
    assert response.get("X-Page-Cache") != "hit"
    assert shown(climat[0]) not in response.content.decode()
    assert shown(climat[1]) in response.content.decode()


def test_a_restricted_article_leaves_the_kept_page_at_once(ask, kept, climat):
    kept("q=climat")
    PageViewRestriction.objects.create(
        page=climat[1], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = ask("q=climat")
    assert response.get("X-Page-Cache") != "hit"
    assert shown(climat[1]) not in response.content.decode()


def test_an_edit_or_a_new_article_shows_at_once(
    ask, kept, climat, section, django_capture_on_commit_callbacks
):
    kept("q=climat")
    climat[2].title = "Climat : un titre corrigé"
    with django_capture_on_commit_callbacks(execute=True):
        climat[2].save_revision().publish()
    assert "un titre corrigé" in ask("q=climat").content.decode()

    kept("q=climat")
    newer = ArticleFactory(parent=section, title="Climat : une dernière heure", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        newer.save_revision().publish()
    assert "une dernière heure" in ask("q=climat").content.decode()


def test_a_signed_in_reader_gets_the_kept_page(client, ask, kept, climat, django_user_model):
    page = kept("q=climat")
    client.force_login(django_user_model.objects.create_user("lectrice", password="x"))
    shared = ask("q=climat")
    assert shared["X-Page-Cache"] == "hit" and shared.content == page.content


def test_an_editor_never_gets_the_kept_page(client, ask, kept, climat, django_user_model):
    kept("q=climat")
    django_user_model.objects.create_superuser("redac", password="mot-de-passe-42")
    client.post("/admin/login/", {"username": "redac", "password": "mot-de-passe-42"})
    response = ask("q=climat")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query_string",
    [
        "q=climat&q=point",  # read as one, its pagination links repeat both
        "q=climat&utm_source=lettre",
        "q=" + "climat+" * 40,  # longer than the form allows
        "q=climat&du=hier",  # a filter that does not validate
    ],
    ids=["repeated", "other-parameter", "too-long", "invalid-filter"],
)
def test_what_the_page_cache_never_keeps(ask, climat, query_string):
    for _ in range(3):
        response = ask(query_string)
        assert "X-Page-Cache" not in response
