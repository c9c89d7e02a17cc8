"""The production shape: two app processes and two workers on PostgreSQL + Redis."""

import time
from collections import Counter

import pytest
import requests

from manchette.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def test_a_page_published_through_one_process_is_fresh_on_the_other(processes):
    first, _ = processes.app("app-1")
    second, _ = processes.app("app-2")
    article = ArticleFactory(title="Premier titre du test d'integration")
    path = article.url

    for base in (first, second):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 200
        assert "Premier titre du test" in response.text
    # Both processes now serve the page from the shared cache.
    assert requests.get(second + path, timeout=30).headers["X-Page-Cache"] == "hit"

    article.title = "Second titre du test d'integration"
    article.save_revision().publish()

    for base in (second, first):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 200
        assert "Second titre du test" in response.text
        assert "Premier titre du test" not in response.text


def test_a_task_enqueued_once_runs_exactly_once_across_two_workers(processes, settings, tmp_path):
    from tests.integration.tasks_probe import record_run

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    log_path = tmp_path / "runs.log"
    log_path.touch()
    results = [record_run.enqueue(str(log_path), f"task-{n}") for n in range(40)]
    workers = [processes.worker("worker-1"), processes.worker("worker-2")]

    deadline = time.monotonic() + 60
    pending = list(results)
    while pending and time.monotonic() < deadline:
        for worker in workers:
            assert worker.poll() is None, worker.log_path.read_text()[-3000:]
        for result in pending:
            result.refresh()
        pending = [r for r in pending if not r.is_finished]
        if pending:
            time.sleep(0.2)
    assert not pending, f"{len(pending)} task(s) not run within 60 s"
    assert {r.status.name for r in results} == {"SUCCESSFUL"}

    runs = Counter(line.split()[0] for line in log_path.read_text().splitlines())
    assert runs == Counter({f"task-{n}": 1 for n in range(40)})


def test_with_redis_unreachable_the_site_serves_pages_and_logs_it(processes):
    import socket

    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 6390)) != 0, "port 6390 must be closed"
    from django.apps import apps

    from manchette.reactions.defaults import create_default_kinds

    create_default_kinds(apps)  # a previous transactional test flushed the migration's rows
    article = ArticleFactory(title="Un article servi sans Redis")
    base, app = processes.app("app-no-redis", REDIS_URL="redis://127.0.0.1:6390/0")

    for path in (
        "/",
        article.url,
        article.url,
        article.get_parent().url,
        "/recherche/?q=article",
        "/flux/",
        f"/reactions/{article.pk}/",
        f"/commentaires/etat/?article={article.pk}",
    ):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 200, (path, app.log_path.read_text()[-3000:])
    assert "Un article servi sans Redis" in requests.get(base + article.url, timeout=30).text
    # A write behind a rate limit (kept in the cache) still goes through.
    reader = requests.Session()
    state = reader.get(f"{base}/reactions/{article.pk}/?csrf=1", timeout=30).json()
    response = reader.post(
        f"{base}/reactions/{article.pk}/reagir/",
        data={"kind": "instructif", "csrfmiddlewaretoken": state["csrf_token"]},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200, app.log_path.read_text()[-3000:]

    log = app.log_path.read_text()
    assert "Exception ignored" in log
    assert "6390" in log
