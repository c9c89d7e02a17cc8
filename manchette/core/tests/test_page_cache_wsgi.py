"""Page-cache hits answered in front of Django (`PageCacheWSGI`), and the copies of shared
values each process keeps for one cache generation.

The pages are stored by real requests through Django (the test client); the WSGI layer is then
called with a WSGI environ. What it passes on goes to `passed_on`, which stands for Django's
handler: these tests check what the layer answers itself and what it leaves to Django.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from manchette.core.caching import versions as page_cache
from manchette.core.caching.pages import PageCacheWSGI
from manchette.core.caching.purge import purge_paths, purge_site
from manchette.core.caching.versions import shared_get
from manchette.news.factories import SectionFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


class PassedOn:
    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"django"]


@pytest.fixture
def layer():
    passed_on = PassedOn()
    return PageCacheWSGI(passed_on), passed_on


def environ_for(path, method="GET", **headers):
    """The environ of a request as the test client builds it (same server name and port)."""
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": headers.pop("QUERY_STRING", ""),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": "",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **headers,
    }


def call(layer, path, **kwargs):
    app, _ = layer
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    answer["body"] = b"".join(app(environ_for(path, **kwargs), start_response))
    return answer


@pytest.fixture
def section():
    return SectionFactory(title="France", slug="france")


def test_a_hit_is_answered_before_django_with_the_page_and_headers_django_served(
    client, section, layer
):
    client.get(section.url)
    hit = client.get(section.url)
    assert hit["X-Page-Cache"] == "hit"
    answer = call(layer, section.url)
    assert layer[1].calls == 0
    assert answer["status"] == "200 OK" and answer["body"] == hit.content
    headers = answer["headers"]
    assert headers["X-Page-Cache"] == "hit"
    assert headers["Content-Length"] == str(len(hit.content))
    for name in ("Content-Type", "Cache-Control", "X-Frame-Options", "Referrer-Policy", "Vary"):
        assert headers[name] == hit[name], name


def test_what_django_has_not_found_cacheable_is_passed_on(client, section, layer):
    assert call(layer, section.url)["body"] == b"django"  # never served through Django yet
    client.get(section.url)
    client.get(section.url + "?utm_source=lettre")
    for kwargs in (
        {"method": "POST"},
        {"method": "HEAD"},
        {"QUERY_STRING": "utm_source=lettre"},  # a parameter that bypasses the cache
        {"HTTP_COOKIE": "sessionid=abc; manchette_redaction=1"},  # an editor
        {"HTTP_HOST": "ailleurs.example"},  # another host: its own address
    ):
        calls = layer[1].calls
        assert call(layer, section.url, **kwargs)["body"] == b"django", kwargs
        assert layer[1].calls == calls + 1, kwargs
    assert call(layer, section.url, HTTP_COOKIE="csrftoken=x")["headers"]["X-Page-Cache"] == "hit"
    # A signed-in reader gets the shared copy too.
    signed_in = call(layer, section.url, HTTP_COOKIE="sessionid=abc; manchette_connecte=1")
    assert signed_in["headers"]["X-Page-Cache"] == "hit"


def test_a_purge_is_seen_by_the_next_request(client, section, layer):
    client.get(section.url)
    assert call(layer, section.url)["headers"]["X-Page-Cache"] == "hit"
    purge_paths([section.url])
    assert call(layer, section.url)["body"] == b"django"
    client.get(section.url)  # rendered afresh and kept again
    assert call(layer, section.url)["headers"]["X-Page-Cache"] == "hit"
    purge_site()
    assert call(layer, section.url)["body"] == b"django"


def test_https_and_http_addresses_never_share_a_page(client, section, layer, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    page_cache.forget_local_copies()
    client.get(section.url, HTTP_X_FORWARDED_PROTO="https")
    https = call(layer, section.url, HTTP_X_FORWARDED_PROTO="https")
    assert https["headers"]["X-Page-Cache"] == "hit"
    assert call(layer, section.url, HTTP_X_FORWARDED_PROTO="http")["body"] == b"django"
    assert call(layer, section.url)["body"] == b"django"


def test_a_disallowed_host_is_never_answered_by_the_layer(client, section, layer, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    page_cache.forget_local_copies()
    assert client.get(section.url, HTTP_HOST="intrus.example").status_code == 400
    assert call(layer, section.url, HTTP_HOST="intrus.example")["body"] == b"django"


# ------------------------------------------------------------- copies of shared values


def in_a_request(read):
    token = page_cache.begin_generation()
    try:
        return read()
    finally:
        page_cache.end_generation(token)


def test_shared_values_are_read_once_per_generation_then_again_after_a_bump():
    cache.set("chrome:demo", "avant", timeout=None)
    assert in_a_request(lambda: shared_get("chrome:demo")) == "avant"
    cache.set("chrome:demo", "après", timeout=None)  # changed without telling anyone
    assert in_a_request(lambda: shared_get("chrome:demo")) == "avant"
    page_cache.bump_generation()
    assert in_a_request(lambda: shared_get("chrome:demo")) == "après"


def test_copies_are_read_again_after_their_lifetime(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now[0])
    cache.set("chrome:demo", "avant", timeout=None)
    assert in_a_request(lambda: shared_get("chrome:demo")) == "avant"
    cache.set("chrome:demo", "après", timeout=None)
    now[0] += page_cache.SHARED_COPY_SECONDS + 1
    assert in_a_request(lambda: shared_get("chrome:demo")) == "après"


def test_outside_a_request_shared_values_are_read_from_the_cache():
    cache.set("chrome:demo", "avant", timeout=None)
    in_a_request(lambda: shared_get("chrome:demo"))
    cache.set("chrome:demo", "après", timeout=None)
    assert shared_get("chrome:demo") == "après"  # a worker, a management command


def test_an_emptied_cache_starts_a_new_generation():
    cache.set("chrome:demo", "avant", timeout=None)
    in_a_request(lambda: shared_get("chrome:demo"))
    cache.clear()  # Redis restarted empty
    cache.set("chrome:demo", "après", timeout=None)
    assert in_a_request(lambda: shared_get("chrome:demo")) == "après"


@pytest.fixture
def file_cache(settings, tmp_path):
    """The single-machine set-up: web processes and the worker share a file cache."""
    folder = tmp_path / "cache"
    settings.CACHES = {
        "default": {"BACKEND": "manchette.core.filecache.FileCache", "LOCATION": str(folder)}
    }
    yield folder
    cache.clear()


def in_another_process(code, folder):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.worker_settings",
        "E2E_CACHE_DIR": str(folder),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    script = f"import django; django.setup()\n{code}"
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=120)


def test_a_purge_made_by_another_process_reaches_this_one(client, section, layer, file_cache):
    client.get(section.url)
    assert call(layer, section.url)["headers"]["X-Page-Cache"] == "hit"
    in_another_process(
        f"from manchette.core.caching.purge import purge_paths; purge_paths([{section.url!r}])",
        file_cache,
    )
    assert call(layer, section.url)["body"] == b"django"
    assert client.get(section.url)["X-Page-Cache"] == "miss"


def test_chrome_changed_by_another_process_shows_on_the_next_page(client, section, file_cache):
    assert "Rubrique du worker" not in client.get(section.url).content.decode()
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    # Another process changes what every page shows and purges the site, as a worker does.
    in_another_process(
        "from django.core.cache import cache\n"
        "from manchette.core.caching.purge import purge_site\n"
        "from manchette.core.caching.versions import under_site_version\n"
        "purge_site()\n"
        "cache.set(under_site_version('chrome:nav'),"
        " [{'title': 'Rubrique du worker', 'url': '/w/', 'slug': 'w'}])",
        file_cache,
    )
    response = client.get(section.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Rubrique du worker" in response.content.decode()
