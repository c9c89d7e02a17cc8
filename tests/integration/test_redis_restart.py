"""A real Redis restart under a running app process and task worker (PostgreSQL + Redis).

The Redis is the test's own (`private_redis`): stopped while the app serves, then started
again empty, as a restart of a Redis that keeps nothing on disk leaves it. The app's pooled
connections are dead by then; nothing in the app is restarted.
"""

import time

import pytest
import requests

from manchette.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

SIGNIN_LIMIT = 5  # accounts.views.signin: "5/h" per address


def sign_in_requests(base, email, count):
    """`count` sign-in link requests for `email`, from a new browser; their statuses."""
    browser = requests.Session()
    assert browser.get(base + "/compte/connexion/", timeout=30).status_code == 200
    statuses = []
    for _ in range(count):
        response = browser.post(
            base + "/compte/connexion/",
            data={"email": email, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
            timeout=30,
        )
        statuses.append(response.status_code)
    return statuses


def page_cache_states(base, path):
    states = []
    for _ in range(2):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 200
        states.append(response.headers.get("X-Page-Cache"))
    return states


def wait_for_page_cache(base, path, seconds=30):
    """["miss", "hit"] once the page cache stored the page (a miss) and then served it (a
    hit), else every answer seen. With two gunicorn workers, one may still be leaving Redis
    alone (its breaker) while the other already stored the page: the miss and the hit can
    then come in different rounds."""
    deadline = time.monotonic() + seconds
    seen = []
    while True:
        seen += page_cache_states(base, path)
        if "miss" in seen and seen[-1] == "hit":
            return ["miss", "hit"]
        if time.monotonic() > deadline:
            return seen
        time.sleep(0.2)


def wait_for_signin_tasks(count, worker):
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.filter(task_path__endswith="send_signin_link")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert worker.poll() is None, worker.log_path.read_text()[-3000:]
        if tasks.count() >= count and not tasks.exclude(status="SUCCESSFUL").exists():
            break
        time.sleep(0.2)
    return sorted(tasks.values_list("status", flat=True))


def test_pages_sessions_rate_limits_and_tasks_keep_working_across_a_redis_restart(
    processes, private_redis, django_user_model
):
    from manchette.core.factories import home_page

    home_page()
    django_user_model.objects.create_superuser("redactrice", "r@example.org", "motdepasse-123")
    article = ArticleFactory(title="Un article servi pendant le redémarrage de Redis")
    base, app = processes.app(
        "app-redis-restart", REDIS_URL=private_redis.url, REDIS_BREAK_SECONDS="2"
    )
    worker = processes.worker("worker-redis-restart", REDIS_URL=private_redis.url)

    editor = requests.Session()
    editor.get(base + "/admin/login/", timeout=30)
    response = editor.post(
        base + "/admin/login/",
        data={
            "username": "redactrice",
            "password": "motdepasse-123",
            "csrfmiddlewaretoken": editor.cookies["csrftoken"],
        },
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    assert page_cache_states(base, article.url) == ["miss", "hit"]
    limited = [200] * SIGNIN_LIMIT + [429]
    assert sign_in_requests(base, "lectrice@example.org", SIGNIN_LIMIT + 1) == limited

    private_redis.stop()
    # Redis down: pages are rendered (no page cache), the editor stays signed in (sessions
    # are cached_db), a write goes through (rate limits fail open), and the log says why.
    response = requests.get(base + article.url, timeout=30)
    assert response.status_code == 200, app.log_path.read_text()[-3000:]
    assert "Un article servi pendant" in response.text
    assert editor.get(base + "/admin/", timeout=30, allow_redirects=False).status_code == 200
    assert sign_in_requests(base, "pendant@example.org", 1) == [200]
    assert "Exception ignored" in app.log_path.read_text()

    private_redis.start()  # empty, on the same port: the app's pooled connections are dead
    assert editor.get(base + "/admin/", timeout=30, allow_redirects=False).status_code == 200
    # The app tries Redis again once its circuit breaker's interval is over (2 s here).
    assert wait_for_page_cache(base, article.url) == ["miss", "hit"]
    # The limit counts again from zero (its counter went with the restart), and still holds.
    assert sign_in_requests(base, "lectrice@example.org", SIGNIN_LIMIT + 1) == limited
    # Every accepted request's email task ran, before, during and after the restart.
    assert wait_for_signin_tasks(2 * SIGNIN_LIMIT + 1, worker) == ["SUCCESSFUL"] * (
        2 * SIGNIN_LIMIT + 1
    )
