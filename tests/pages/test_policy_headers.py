"""Every reader page carries a strict Content-Security-Policy and a Permissions-Policy, on a
page-cache hit as on a miss; the Wagtail admin (and editors, who see Wagtail's userbar on the
pages) keep what Wagtail needs."""

import base64
import hashlib
import io
import re
import sys

import pytest
from django.core.checks import run_checks
from django.template.loader import render_to_string

from manchette.core.caching.pages import PageCacheWSGI
from manchette.core.policies import ADMIN_POLICY, MIDDLEWARE_NAME, reader_policy
from tests.e2e.content import newsroom, reader_pages

pytestmark = pytest.mark.django_db

FEATURES_OFF = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def directives(policy):
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_strict(response, what):
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"], what
    assert policy["script-src"] == ["'self'"], what
    # Only the 500 page's own <style>, by its hash: no inline style attribute, no nonce.
    assert policy["style-src"][0] == "'self'", what
    assert all(value.startswith("'sha256-") for value in policy["style-src"][1:]), what
    assert policy["object-src"] == ["'none'"], what
    assert policy["base-uri"] == ["'self'"], what
    assert policy["form-action"] == ["'self'"], what
    assert policy["frame-ancestors"] == ["'self'"], what
    assert policy["connect-src"] == ["'self'"], what
    assert not re.search(r"unsafe|nonce-|\*", response["Content-Security-Policy"]), what
    features = response["Permissions-Policy"]
    for feature in FEATURES_OFF:
        assert f"{feature}=()" in features, (what, feature)


def test_every_reader_page_type_has_the_strict_policies(client):
    room = newsroom()
    for name, path, status in reader_pages(room):
        response = client.get(path)
        assert response.status_code == status, name
        assert_strict(response, name)


def test_a_page_cache_hit_replays_the_policies(client):
    room = newsroom()
    for path in ("/", room.article.url, room.topic.url):
        missed = client.get(path)
        hit = client.get(path)
        assert (missed["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
        assert_strict(hit, path)
        assert hit["Content-Security-Policy"] == missed["Content-Security-Policy"]
        assert hit["Permissions-Policy"] == missed["Permissions-Policy"]


def test_a_hit_served_in_front_of_django_replays_the_policies(client):
    room = newsroom()
    client.get(room.article.url)  # stored by Django
    headers = {}

    def start_response(status, response_headers):
        headers.update(response_headers)

    def django(environ, start_response):
        raise AssertionError("a hit must not reach Django")

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": room.article.url,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_COOKIE": "",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    PageCacheWSGI(django)(environ, start_response)
    assert headers["X-Page-Cache"] == "hit"
    assert headers["Content-Security-Policy"] == reader_policy()
    assert "camera=()" in headers["Permissions-Policy"]


def test_the_admin_keeps_what_wagtail_needs(client, django_user_model):
    response = client.get("/admin/login/")
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert "script-src" not in ADMIN_POLICY and "style-src" not in ADMIN_POLICY
    assert "camera=()" in response["Permissions-Policy"]


def test_editors_on_reader_pages_get_the_admin_policy_readers_do_not(client, django_user_model):
    """Wagtail's userbar (editors only) builds functions from strings: it cannot run under the
    strict policy. Those pages are never cached, so readers never get them."""
    room = newsroom()
    reader = django_user_model.objects.create_user("lectrice", "lectrice@example.org", "x")
    client.force_login(reader)
    assert_strict(client.get(room.article.url), "signed-in reader")
    editor = django_user_model.objects.create_superuser("redac", "redac@example.org", "x")
    client.force_login(editor)
    response = client.get(room.article.url)
    assert "wagtail-userbar" in response.content.decode()
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert "public" not in response.get("Cache-Control", "")


def test_static_and_media_elsewhere_are_allowed_by_their_origin(client, settings):
    settings.MEDIA_URL = "https://medias.example.net/manchette/"
    settings.STATIC_URL = "https://cdn.example.net/static/"
    policy = directives(client.get("/recherche/")["Content-Security-Policy"])
    files = ["'self'", "https://cdn.example.net", "https://medias.example.net"]
    assert policy["img-src"] == files
    assert policy["script-src"] == files
    assert policy["connect-src"] == ["'self'"]


def test_https_sites_upgrade_insecure_requests(client, settings):
    settings.SITE_URL = "https://journal.example.net"
    assert "upgrade-insecure-requests" in client.get("/recherche/")["Content-Security-Policy"]


def test_the_500_page_inline_style_is_allowed_by_its_hash():
    """It must not depend on static files (they may be what failed), so it keeps its <style>."""
    html = render_to_string("500.html")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in directives(reader_policy())["style-src"]
    assert not re.search(r"<script|\sstyle=|\son\w+=", html)


def test_check_deploy_warns_when_pages_would_go_out_without_the_policies(settings):
    def warnings():
        return [m.id for m in run_checks(include_deployment_checks=True)]

    assert "manchette.W104" not in warnings()
    kept = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE_NAME]
    settings.MIDDLEWARE = kept
    assert "manchette.W104" in warnings()
    # Before the page cache's: hits served in front of Django would replay no policy.
    settings.MIDDLEWARE = [MIDDLEWARE_NAME, *kept]
    assert "manchette.W104" in warnings()


def test_a_readers_state_endpoints_never_load_their_permissions(client, django_user_model):
    """The page's script asks for the reader's name and comments on every page view: choosing
    its policy (a page might carry the userbar, JSON never does) costs no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    room = newsroom()
    reader = django_user_model.objects.create_user("lectrice", "lectrice@example.org", "x")
    client.force_login(reader)
    for path in ("/compte/etat/", f"/commentaires/etat/?article={room.article.pk}"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == reader_policy(), path
        assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]], path
