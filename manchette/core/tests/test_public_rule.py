"""One rule decides whether a response is public and whether the page cache keeps it."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from manchette.core.caching.lifetime import mark_cacheable
from manchette.core.caching.pages import cacheable_request, share_or_keep_private, storable


@pytest.fixture
def rf():
    return RequestFactory()


def marked():
    return mark_cacheable(HttpResponse("page"), lifetime=30)


def test_an_anonymous_get_marked_public_is_stored(rf):
    assert storable(rf.get("/une-page/"), marked())


def test_a_page_number_is_stored_only_where_the_view_read_it(rf):
    from manchette.core.pagination import PAGINATED

    request = rf.get("/une-page/", {"page": "2"})
    assert not storable(request, marked())
    setattr(request, PAGINATED, True)  # as `get_page` records it for a page that exists
    assert storable(request, marked())


@pytest.mark.parametrize(
    "make",
    [
        lambda rf: rf.get("/une-page/", HTTP_COOKIE="sessionid=abc; manchette_redaction=1"),
        lambda rf: rf.get("/une-page/", {"utm_source": "x"}),
        lambda rf: rf.post("/une-page/"),
        lambda rf: rf.get("/static/app.css"),
    ],
    ids=["editor", "other-parameter", "post", "static"],
)
def test_requests_the_page_cache_never_looks_up(rf, make, settings):
    settings.STATIC_URL = "/static/"
    assert not cacheable_request(make(rf))
    assert not storable(make(rf), marked())


def test_a_signed_in_reader_is_answered_from_the_cache_but_nothing_of_theirs_is_kept(rf):
    request = rf.get("/une-page/", HTTP_COOKIE="sessionid=abc")
    assert cacheable_request(request)
    assert not storable(request, marked())
    response = share_or_keep_private(request, HttpResponse("page"))
    assert "private" in response["Cache-Control"]


def test_a_preview_is_never_public(rf):
    request = rf.get("/une-page/")
    request.is_preview = True
    response = share_or_keep_private(request, HttpResponse("brouillon"))
    assert "private" in response["Cache-Control"] and not storable(request, response)


def test_responses_the_page_cache_never_keeps(rf):
    request = rf.get("/une-page/")
    assert not storable(request, HttpResponse("non marquée"))
    with_cookie = marked()
    with_cookie.set_cookie("csrftoken", "x")
    assert not storable(request, with_cookie)
    not_found = marked()
    not_found.status_code = 404
    assert not storable(request, not_found)


@pytest.mark.django_db
def test_an_anonymous_page_is_marked_public_for_nginx(rf):
    response = share_or_keep_private(rf.get("/une-page/"), HttpResponse("page"))
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert int(response["X-Accel-Expires"]) <= 60
