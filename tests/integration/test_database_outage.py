"""A database that refuses writes or does not answer, with real gunicorn (the shipped
configuration): readers keep the pages of the page cache, everything else is a French 503 with
Retry-After, the admin says what is going on, and a cold start still serves all of that."""

import socket
import subprocess
import time

import pytest
import requests
from django.contrib.auth import get_user_model
from django.db import connection

from manchette.core.factories import home_page
from manchette.news.factories import ArticleFactory
from manchette.newsletter.factories import NewsletterListFactory
from manchette.reactions.factories import default_kinds
from tests.integration.conftest import GUNICORN, READY_SECONDS, ROOT, free_port
from tests.integration.test_unreadable_bodies import app_database_url

pytestmark = pytest.mark.django_db(transaction=True)


class Site:
    """gunicorn with deploy/gunicorn.conf.py on one address, restarted at will: each start
    is a cold start, with only the page cache (files) kept."""

    def __init__(self, processes, tmp_path):
        self.processes = processes
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.cache_dir = tmp_path / "cache"
        self.app = None

    def start(self, name, **env):
        self.stop()
        self.app = self.processes.start(
            name,
            [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "manchette.wsgi"],
            DJANGO_SETTINGS_MODULE="tests.integration.settings_outage",
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY="1",
            PAGE_CACHE_DIR=str(self.cache_dir),
            **env,
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.app.poll() is not None:
                pytest.fail(f"{name} exited:\n{self.app.log_path.read_text()[-3000:]}")
            try:
                requests.get(self.base + "/static/css/manchette.css", timeout=30)
                return
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.1)
        pytest.fail(f"{name} did not answer within {READY_SECONDS} s")

    def stop(self):
        if self.app is not None and self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a worker still waiting for the database
                self.app.kill()
                self.app.wait()

    def get(self, path, **kwargs):
        return requests.get(self.base + path, timeout=30, allow_redirects=False, **kwargs)

    def post(self, path, **kwargs):
        return requests.post(self.base + path, timeout=30, allow_redirects=False, **kwargs)


@pytest.fixture
def site(processes, tmp_path):
    running = Site(processes, tmp_path)
    yield running
    running.stop()


def newsroom():
    home_page()
    default_kinds()
    NewsletterListFactory(offered_by_default=True)
    get_user_model().objects.create_superuser("redaction", "redaction@example.org", "mot-de-passe")
    return ArticleFactory(title="Un article lu pendant la panne")


def assert_unavailable(response, *phrases):
    """A French 503 page (not Django's or gunicorn's 500) asking to come back later."""
    assert response.status_code == 503, (response.status_code, response.text[:500])
    assert int(response.headers["Retry-After"]) > 0
    assert 'lang="fr"' in response.text
    for phrase in phrases:
        assert phrase in response.text, response.text


def csrf_token(site):
    session = requests.Session()
    session.get(site.base + "/newsletter/jeton/", timeout=30)
    return session, session.cookies.get("csrftoken", "")


def test_an_unreachable_database_leaves_cached_pages_and_french_503s(site):
    article = newsroom()
    site.start("app-before", DATABASE_URL=app_database_url())
    assert site.get(article.url).status_code == 200  # now in the page cache

    closed = free_port()
    site.start("app-cold", DATABASE_URL=f"postgres://manchette@127.0.0.1:{closed}/manchette")
    cached = site.get(article.url)
    assert cached.status_code == 200 and article.title in cached.text
    assert cached.headers["X-Page-Cache"] == "hit"

    assert_unavailable(site.get("/"), "momentanément indisponible")
    assert_unavailable(site.get("/une-page-inconnue/"))
    state = site.get(f"/reactions/{article.pk}/", headers={"Accept": "application/json"})
    assert state.status_code == 503 and state.json()["error"]
    assert int(state.headers["Retry-After"]) > 0
    assert_unavailable(site.post(f"/reactions/{article.pk}/reagir/", data={"kind": "instructif"}))
    assert_unavailable(
        site.get("/admin/", cookies={"sessionid": "une-session-d-editeur"}),
        "Base de données injoignable",
    )
    session, token = csrf_token(site)
    login = session.post(
        site.base + "/admin/login/",
        data={"username": "redaction", "password": "mot-de-passe", "csrfmiddlewaretoken": token},
        timeout=30,
        allow_redirects=False,
    )
    assert_unavailable(login, "Base de données injoignable")
    assert "Internal Server Error" not in site.app.log_path.read_text()


def set_read_only(on):
    """The database refuses writes: SQLite opened read-only (settings_outage), PostgreSQL by
    its default_transaction_read_only."""
    if connection.vendor == "sqlite":
        return {"SQLITE_READ_ONLY": "1"} if on else {}
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(
            f'ALTER DATABASE "{name}" SET default_transaction_read_only = {"on" if on else "off"}'
        )
    return {}


def test_a_read_only_database_keeps_pages_and_refuses_writes_with_a_503(site):
    article = newsroom()
    site.start("app-before", DATABASE_URL=app_database_url())
    assert site.get(article.url).status_code == 200
    try:
        site.start("app-read-only", DATABASE_URL=app_database_url(), **set_read_only(True))
        for path in (article.url, "/", article.get_parent().url, "/robots.txt"):
            page = site.get(path)
            assert page.status_code == 200, (path, page.status_code, page.text[:300])
        assert article.title in site.get("/").text

        session, token = csrf_token(site)
        headers = {"X-CSRFToken": token, "Accept": "application/json"}
        reaction = session.post(
            site.base + f"/reactions/{article.pk}/reagir/",
            data={"kind": "instructif"},
            headers=headers,
            timeout=30,
        )
        assert reaction.status_code == 503 and reaction.json()["error"]
        signup = session.post(
            site.base + "/newsletter/inscription/",
            data={"email": "lectrice@example.org", "csrfmiddlewaretoken": token},
            timeout=30,
        )
        assert_unavailable(signup, "momentanément indisponible")
        login = session.post(
            site.base + "/admin/login/",
            data={
                "username": "redaction",
                "password": "mot-de-passe",
                "csrfmiddlewaretoken": token,
            },
            timeout=30,
            allow_redirects=False,
        )
        assert_unavailable(login, "Base de données en lecture seule")
    finally:
        site.stop()
        set_read_only(False)


def test_a_database_that_does_not_answer_is_a_503_after_the_connect_timeout(site):
    """A host that takes the connection and then says nothing (a hung server, a dropped
    route) holds a request DB_CONNECT_TIMEOUT seconds, not gunicorn's whole timeout."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)  # the kernel accepts; nobody ever answers
        port = silent.getsockname()[1]
        site.start(
            "app-hung-database",
            DATABASE_URL=f"postgres://manchette@127.0.0.1:{port}/manchette",
            DB_CONNECT_TIMEOUT="2",
            GUNICORN_TIMEOUT="60",
        )
        started = time.monotonic()
        assert_unavailable(site.get("/"), "momentanément indisponible")
        assert time.monotonic() - started < 30
        site.stop()
