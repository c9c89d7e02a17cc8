"""A form sends the reader back only to this site."""

import pytest
from django.test import RequestFactory

from manchette.core.redirects import safe_next


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/france/", "/france/"),
        ("https://ailleurs.example/", "/repli/"),
        ("//ailleurs.example/", "/repli/"),
        ("javascript:alert(1)", "/repli/"),
        ("", "/repli/"),
        (None, "/repli/"),
    ],
)
def test_only_addresses_on_this_site_are_kept(value, expected):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    assert safe_next(request, value, "/repli/") == expected


def test_an_https_page_never_sends_back_to_http():
    request = RequestFactory().get("/", secure=True, HTTP_HOST="testserver")
    assert safe_next(request, "http://testserver/france/", "/repli/") == "/repli/"
