"""What core/internals.py relies on in Wagtail, Django and redis-py is still there and still
behaves as assumed: a failure here after an upgrade names the wrapper to fix."""

import inspect
import socket

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.test import RequestFactory
from redis.backoff import NoBackoff
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry
from wagtail import views as wagtail_views
from wagtail.models import Page

from manchette.core import internals
from manchette.core.filecache import FileCache
from manchette.core.redis_breaker import BreakerConnection
from manchette.core.site_structure import home_page


def test_wagtail_routing_returns_a_preset_route():
    request = RequestFactory().get("/ailleurs/")
    page = object()  # routing "/ailleurs/" would need the database, which this test has not
    assert not internals.has_wagtail_route(request)
    internals.preset_wagtail_route(request, page)
    assert internals.has_wagtail_route(request)
    assert Page.route_for_request(request, "/ailleurs/") == (page, [], {})


@pytest.mark.django_db
def test_wagtail_s_serve_view_serves_the_preset_page():
    """The path leads nowhere: only the preset route can make the view serve the home page."""
    home = home_page()
    request = RequestFactory().get("/nulle-part/")
    internals.preset_wagtail_route(request, home.specific)
    response = wagtail_views.serve(request, "nulle-part/")
    assert response.status_code == 200
    assert response.context_data["page"] == home


@pytest.mark.parametrize("backend", [FileBasedCache, FileCache])
def test_an_entry_written_in_place_is_read_by_the_cache(tmp_path, backend):
    cache = backend(str(tmp_path / "cache"), {})
    internals.create_cache_folder(cache)
    with open(internals.cache_file(cache, "compteurs"), "wb") as f:
        internals.write_cache_entry(cache, f, 60, (7, {"abc": 2}))
    assert cache.get("compteurs") == (7, {"abc": 2})
    cache.set("posé", "par le cache")
    with open(internals.cache_file(cache, "posé"), "rb") as f:
        assert f.read()  # the same file the cache wrote


def test_the_file_cache_overrides_methods_django_still_has():
    expected = {
        "_key_to_file": ["self", "key", "version"],
        "_cull": ["self"],
        "_delete": ["self", "fname"],
    }
    for name, parameters in expected.items():
        assert list(inspect.signature(getattr(FileBasedCache, name)).parameters) == parameters


def refused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once it is closed


def test_redis_py_opens_every_connection_through_connect_check_health(monkeypatch):
    parameters = inspect.signature(Connection.connect_check_health).parameters
    assert {"check_health", "retry_socket_connect"} <= set(parameters)
    assert issubclass(BreakerConnection, Connection)
    calls = []
    original = Connection.connect_check_health

    def recording(self, *args, **kwargs):
        calls.append(self.is_connected)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Connection, "connect_check_health", recording)
    port = refused_port()
    for open_it in (
        lambda c: c.connect(),
        lambda c: c.send_packed_command([b"*1\r\n$4\r\nPING\r\n"]),
    ):
        connection = Connection(port=port, retry=Retry(NoBackoff(), 0), socket_timeout=1)
        with pytest.raises(RedisConnectionError):
            open_it(connection)
    assert calls == [False, False]


@pytest.mark.django_db
def test_a_known_empty_queryset_is_iterated_without_compiling_sql(monkeypatch):
    from django.db.models.sql.compiler import SQLCompiler
    from wagtail.models import PageViewRestriction

    def refuse(*args, **kwargs):
        raise AssertionError("the SQL was compiled")

    empty = internals.known_empty(PageViewRestriction.objects.all())
    monkeypatch.setattr(SQLCompiler, "as_sql", refuse)
    assert list(empty) == [] and not empty.exists() and len(empty) == 0
    with pytest.raises(AssertionError, match="compiled"):
        list(PageViewRestriction.objects.none())  # what the wrapper saves
