"""Every absolute URL the site hands out names SITE_URL: started on another host and port
(as `make run` does: `manage.py sync_site`, then gunicorn and the worker), its pages, feeds,
sitemaps and emails name that address, never Wagtail's default `localhost`."""

import html
import re
import sys
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from manchette.news.factories import ArticleFactory, AuthorFactory
from tests.integration.conftest import free_port

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

URL = re.compile(r"https?://[^\s\"'<>)\]]+")
# Names, not addresses: XML namespaces and the JSON-LD vocabulary.
NAMESPACE = re.compile(r'xmlns(?::\w+)?="([^"]+)"|"@context":\s*"([^"]+)"')


def absolute_urls(text):
    text = html.unescape(text)
    names = {name for pair in NAMESPACE.findall(text) for name in pair if name}
    return [url for url in URL.findall(text) if url not in names]


def test_pages_feeds_sitemaps_and_emails_name_site_url(processes, smtp_sink):
    from manchette.core.factories import home_page

    home_page()
    author = AuthorFactory(title="Léa Martin")
    article = ArticleFactory(title="Un article à l’adresse du site", authors=[author])
    section = article.get_parent()
    port = free_port()
    # The processes' cache keys are their own: what other runs cached (Wagtail's site root
    # paths among them) in the shared Redis never answers for them.
    started = {"SITE_URL": f"http://127.0.0.1:{port}", "CACHE_KEY_PREFIX": uuid.uuid4().hex}
    site_url = started["SITE_URL"]
    sync = processes.start("sync-site", [sys.executable, "manage.py", "sync_site"], **started)
    assert sync.wait(timeout=60) == 0, sync.log_path.read_text()
    base, app = processes.app("app-site-url", port=port, **started)
    worker = processes.worker(
        "worker-site-url", EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}", **started
    )

    found = {}
    for path in (
        "/",
        article.url,
        section.url,
        author.url,
        "/flux/",
        "/flux/atom/",
        f"/flux/{section.slug}/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/robots.txt",
    ):
        response = requests.get(base + path, timeout=30)
        assert response.status_code == 200, (path, app.log_path.read_text()[-3000:])
        found[path] = absolute_urls(response.text)
        assert found[path], f"{path} carries no absolute URL"

    browser = requests.Session()
    browser.get(base + "/compte/connexion/", timeout=30)
    response = browser.post(
        base + "/compte/connexion/",
        data={"email": "lectrice@example.org", "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        timeout=30,
    )
    assert response.status_code == 200
    deadline = time.monotonic() + 60
    while not smtp_sink.messages and time.monotonic() < deadline:
        assert worker.poll() is None, worker.log_path.read_text()[-3000:]
        time.sleep(0.2)
    assert smtp_sink.messages, worker.log_path.read_text()[-3000:]
    message = smtp_sink.messages[0]["message"]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            found[f"email {part.get_content_type()}"] = absolute_urls(part.get_content())
    assert any("/compte/connexion/" in url for url in found["email text/plain"])

    def names_the_site(url):
        if url.startswith(site_url + "/"):
            return True
        # A share link (another site's address) carries the page's own address.
        shared = [v for values in parse_qs(urlsplit(url).query).values() for v in values]
        return any(value.startswith(site_url + "/") for value in shared)

    elsewhere = {
        where: [url for url in urls if not names_the_site(url)] for where, urls in found.items()
    }
    assert {where: urls for where, urls in elsewhere.items() if urls} == {}
    assert sum(map(len, found.values())) >= 30
