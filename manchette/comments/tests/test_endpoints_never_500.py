"""Arbitrary text, sizes and field combinations thrown at every comment endpoint: never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manchette.comments.factories import CommentFactory
from manchette.comments.tests.helpers import stamp

FIELDS = [
    "article",
    "parent",
    "body",
    "name",
    "email",
    "notify",
    "site_web",
    "ts",
    "value",
    "reason",
    "detail",
    "csrfmiddlewaretoken",
]
text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=3000, max_size=25000),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "0", "-1", "follow", "replies", "up", "down", "abuse", "\x00", "é" * 90]),
)
payloads = st.dictionaries(st.sampled_from(FIELDS), text, max_size=len(FIELDS))
paths = st.sampled_from(
    [
        "poster/",
        "{c}/vote/",
        "{c}/signaler/",
        "{c}/modifier/",
        "{c}/supprimer/",
        "confirmer/{t}/",
        "desabonnement/{t}/",
        "etat/?article={t}",
        "article/{a}/?tri={t}&page={t}&fragment=1",
        "article/{a}/nouveaux/?depuis={t}",
        "{c}/",
        "mes-commentaires/",
        "avatar/1/{t}.svg",
    ]
)


@pytest.fixture(scope="module")
def objects(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        comment = CommentFactory()
        yield comment
        comment.article.delete()


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path=paths,
    data=payloads,
    token=st.text(max_size=80),
    method=st.sampled_from(["get", "post"]),
    valid_article=st.booleans(),
    valid_stamp=st.booleans(),
)
def test_no_input_gives_a_500(objects, path, data, token, method, valid_article, valid_stamp):
    from urllib.parse import quote

    from django.core.cache import cache

    cache.clear()
    comment = objects
    if valid_article:
        data["article"] = str(comment.article_id)
    if valid_stamp:
        data["ts"] = stamp()
    url = "/commentaires/" + path.format(
        c=comment.pk, a=comment.article_id, t=quote(token, safe="")
    )
    client = Client(raise_request_exception=False)
    try:
        response = getattr(client, method)(
            url, data if method == "post" else None, HTTP_ACCEPT="application/json"
        )
    except ValueError:
        # The test client itself refuses NUL bytes in a GET URL; a browser cannot send them.
        return
    assert response.status_code < 500, (url, data)
