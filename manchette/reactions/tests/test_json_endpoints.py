"""The JavaScript path: the uncached state endpoint and the JSON reaction."""

import pytest
from django.test import Client
from django.urls import reverse

from manchette.accounts.readers import READER_COOKIE
from manchette.reactions.factories import ReactionFactory
from manchette.reactions.models import Reaction

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def js_client():
    """A client that checks CSRF like a browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def state_url(article):
    return reverse("reactions:state", args=[article.pk])


def react_url(article):
    return reverse("reactions:react", args=[article.pk])


def react_like_the_script(js_client, article, kind):
    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    return js_client.post(react_url(article), {"kind": kind}, HTTP_X_CSRFTOKEN=token, **JSON)


def test_state_sets_no_cookie_and_is_not_cacheable(js_client, article, kinds):
    ReactionFactory.create_batch(3, article=article, kind=kinds["instructif"])
    response = js_client.get(state_url(article), **JSON)
    assert response.status_code == 200
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["reacted"] is None and data["total"] == 3
    assert [k["slug"] for k in data["kinds"]] == [
        "instructif",
        "interessant",
        "surprenant",
        "inquietant",
        "agacant",
    ]
    assert "csrf_token" not in data


def test_asking_for_a_csrf_token_is_what_sets_the_csrf_cookie(js_client, article):
    response = js_client.get(state_url(article) + "?csrf=1", **JSON)
    assert response.json()["csrf_token"]
    assert "csrftoken" in response.cookies
    assert READER_COOKIE not in response.cookies


def test_script_reacts_changes_and_withdraws_with_a_fresh_token(js_client, article):
    first = react_like_the_script(js_client, article, "instructif")
    assert first.status_code == 200
    data = first.json()
    assert data["outcome"] == "recorded" and data["reacted"] == "instructif"
    assert data["message"] == "Votre réaction est enregistrée."
    assert {k["slug"]: k["percent"] for k in data["kinds"]}["instructif"] == 100
    cookie = first.cookies[READER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    changed = react_like_the_script(js_client, article, "surprenant").json()
    assert changed["outcome"] == "changed" and changed["reacted"] == "surprenant"
    assert changed["total"] == 1
    # The state endpoint remembers the reader's choice through the token cookie.
    assert js_client.get(state_url(article), **JSON).json()["reacted"] == "surprenant"

    withdrawn = react_like_the_script(js_client, article, "surprenant").json()
    assert withdrawn["outcome"] == "withdrawn" and withdrawn["reacted"] is None
    assert withdrawn["total"] == 0
    assert not Reaction.objects.exists()


def test_post_without_csrf_token_from_the_script_gets_a_french_403(js_client, article):
    response = js_client.post(react_url(article), {"kind": "instructif"}, **JSON)
    assert response.status_code == 403
    assert "session a expiré" in response.json()["error"]
    assert not Reaction.objects.exists()


def test_forged_token_is_rejected_cleanly_and_erased(js_client, article):
    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    js_client.cookies[READER_COOKIE] = "forged:value"
    response = js_client.post(
        react_url(article), {"kind": "instructif"}, HTTP_X_CSRFTOKEN=token, **JSON
    )
    assert response.status_code == 400
    assert "jeton de lecteur n’est pas valide" in response.json()["error"]
    assert response.cookies[READER_COOKIE].value == ""  # deleted
    assert not Reaction.objects.exists()


def test_forged_token_reads_the_state_as_a_stranger_and_is_erased(js_client, article):
    js_client.cookies[READER_COOKIE] = "forged:value"
    response = js_client.get(state_url(article), **JSON)
    assert response.status_code == 200 and response.json()["reacted"] is None
    assert response.cookies[READER_COOKIE].value == ""


def test_token_signed_for_something_else_is_not_a_reader_token(js_client, article):
    from django.core import signing

    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    js_client.cookies[READER_COOKIE] = signing.dumps("a" * 32, salt="autre.chose")
    response = js_client.post(
        react_url(article), {"kind": "instructif"}, HTTP_X_CSRFTOKEN=token, **JSON
    )
    assert response.status_code == 400


@pytest.mark.parametrize("kind", ["inconnue", "", "<script>"])
def test_unknown_kind_gets_a_french_message(js_client, article, kind):
    response = react_like_the_script(js_client, article, kind)
    assert response.status_code == 400
    assert "Cette réaction n’existe pas" in response.json()["error"]


def test_unknown_or_unpublished_article_gets_a_french_404(js_client, article, section):
    from manchette.news.factories import ArticleFactory

    draft = ArticleFactory(parent=section, draft=True)
    for url in (
        reverse("reactions:state", args=[999999]),
        reverse("reactions:state", args=[draft.pk]),
        reverse("reactions:react", args=[999999]),
    ):
        response = js_client.get(url, **JSON)
        assert response.status_code == 404, url
        assert "introuvable" in response.json()["error"]
    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    response = js_client.post(
        reverse("reactions:react", args=[999999]),
        {"kind": "instructif"},
        HTTP_X_CSRFTOKEN=token,
        **JSON,
    )
    assert response.status_code == 404 and "introuvable" in response.json()["error"]


def test_signed_in_reader_reaction_follows_the_account(article, django_user_model):
    user = django_user_model.objects.create_user("lectrice", password="x")
    laptop, phone = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    laptop.force_login(user)
    phone.force_login(user)
    response = react_like_the_script(laptop, article, "inquietant")
    assert READER_COOKIE not in response.cookies
    assert phone.get(state_url(article), **JSON).json()["reacted"] == "inquietant"
    assert Reaction.objects.get().user == user


def test_reading_the_counts_costs_the_same_with_0_or_200_votes(
    client, article, kinds, django_assert_num_queries
):
    from django.core.cache import cache

    client.get(state_url(article), **JSON)  # warms the kinds and live-article caches
    with django_assert_num_queries(0):
        client.get(state_url(article), **JSON)  # counts from the cache
    for i in range(200):
        ReactionFactory(article=article, kind=kinds["instructif" if i % 2 else "agacant"])
    cache.delete(f"reactions:counts:{article.pk}")
    with django_assert_num_queries(1):
        data = client.get(state_url(article), **JSON).json()  # one query for the counts
    assert data["total"] == 200
    with django_assert_num_queries(0):
        client.get(state_url(article), **JSON)


def test_a_known_reader_costs_one_more_query_for_their_own_choice(
    js_client, article, kinds, django_assert_num_queries
):
    react_like_the_script(js_client, article, "instructif")
    js_client.get(state_url(article), **JSON)
    with django_assert_num_queries(1):
        assert js_client.get(state_url(article), **JSON).json()["reacted"] == "instructif"


def test_the_scripts_reaction_reads_no_article_row_and_no_choice_it_knows(
    js_client, article, kinds
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    with CaptureQueriesContext(connection) as queries:
        response = js_client.post(
            react_url(article), {"kind": "surprenant"}, HTTP_X_CSRFTOKEN=token, **JSON
        )
    assert response.json()["reacted"] == "surprenant"
    assert response.json()["total"] == 1
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert "news_articlepage" not in read and "wagtailcore_page" not in read
    assert "reactions_reactionkind" not in read  # the reader's choice is the one just made
    response = js_client.post(
        react_url(article), {"kind": "surprenant"}, HTTP_X_CSRFTOKEN=token, **JSON
    )
    assert response.json()["reacted"] is None and response.json()["outcome"] == "withdrawn"


@pytest.mark.parametrize("how", ["unpublish", "delete"])
def test_an_article_taken_down_takes_no_more_reactions_at_once(js_client, article, how):
    token = js_client.get(state_url(article) + "?csrf=1", **JSON).json()["csrf_token"]
    assert js_client.get(state_url(article), **JSON).status_code == 200  # kept as live
    if how == "unpublish":
        article.unpublish()
    else:
        article.delete()
    for response in (
        js_client.get(state_url(article), **JSON),
        js_client.post(react_url(article), {"kind": "instructif"}, HTTP_X_CSRFTOKEN=token, **JSON),
    ):
        assert response.status_code == 404
        assert "introuvable" in response.json()["error"]
    assert not Reaction.objects.exists()


def test_a_reaction_leaves_the_new_counts_in_the_cache_for_the_next_reader(
    js_client, article, kinds, django_assert_num_queries
):
    ReactionFactory.create_batch(2, article=article, kind=kinds["agacant"])
    assert Client().get(state_url(article), **JSON).json()["total"] == 2  # counts cached
    assert react_like_the_script(js_client, article, "surprenant").json()["total"] == 3
    with django_assert_num_queries(0):
        data = Client().get(state_url(article), **JSON).json()
    assert data["total"] == 3
    assert {k["slug"]: k["count"] for k in data["kinds"]}["surprenant"] == 1
    react_like_the_script(js_client, article, "surprenant")  # withdrawn
    with django_assert_num_queries(0):
        assert Client().get(state_url(article), **JSON).json()["total"] == 2
