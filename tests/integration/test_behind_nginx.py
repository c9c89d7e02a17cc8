"""The shipped deployment, for real: Debian's nginx with deploy/nginx in front of gunicorn
with deploy/gunicorn.conf.py on a unix socket, and the shipped environment's TRUSTED_PROXIES
and purge endpoint (deploy/systemd/manchette.env.example)."""

import pytest
import requests
from requests.adapters import HTTPAdapter
from wagtail.models import PageViewRestriction

from manchette.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

SIGNIN_LIMIT = 5  # accounts.views.signin: "5/h" per address


class FromAddress(HTTPAdapter):
    """Connections from one local source address (127.0.0.x): another reader, for nginx."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def reader(address):
    session = requests.Session()
    session.mount("http://", FromAddress(address))
    return session


def ask_for_signin_links(base, browser, emails):
    assert browser.get(base + "/compte/connexion/", timeout=30).status_code == 200
    return [
        browser.post(
            base + "/compte/connexion/",
            data={"email": email, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
            timeout=30,
        ).status_code
        for email in emails
    ]


def test_readers_behind_nginx_and_the_unix_socket_keep_their_own_rate_limits(proxied_app):
    base = proxied_app.base
    # Six readers, each from an address of their own, ask for a sign-in link.
    readers = {f"127.0.0.{n}": reader(f"127.0.0.{n}") for n in range(2, 8)}
    statuses = {
        address: ask_for_signin_links(base, browser, [f"lecteur{address[-1]}@example.org"])
        for address, browser in readers.items()
    }
    assert statuses == {address: [200] for address in readers}, proxied_app.app.log_path

    # One of them goes on: its own sixth request is refused, and only its own.
    first = readers["127.0.0.2"]
    more = [f"autre{n}@example.org" for n in range(SIGNIN_LIMIT)]
    assert ask_for_signin_links(base, first, more) == [200] * (SIGNIN_LIMIT - 1) + [429]
    # A forged X-Forwarded-For does not make it someone else: nginx appends the real peer.
    forged = first.post(
        base + "/compte/connexion/",
        data={"email": "faux@example.org", "csrfmiddlewaretoken": first.cookies["csrftoken"]},
        headers={"X-Forwarded-For": "192.0.2.99"},
        timeout=30,
    )
    assert forged.status_code == 429
    assert ask_for_signin_links(base, readers["127.0.0.3"], ["encore@example.org"]) == [200]


@pytest.fixture
def publishing(proxied_app, settings):
    """The test process publishes, as the admin does, with the shipped purge endpoint."""
    proxied_app.share_cache(settings)
    settings.WAGTAILFRONTENDCACHE = proxied_app.frontend_cache()
    settings.SITE_URL = proxied_app.base
    return proxied_app


def test_an_unpublished_article_leaves_nginx_at_once(publishing):
    proxied_app = publishing
    article = ArticleFactory(title="Un article bientôt retiré")
    url = proxied_app.base + article.url

    first = requests.get(url, timeout=30)
    assert first.status_code == 200 and "bientôt retiré" in first.text
    second = requests.get(url, timeout=30)
    assert (second.status_code, second.headers["X-Cache"]) == (200, "HIT")

    article.unpublish()
    gone = requests.get(url, timeout=30)
    assert gone.status_code == 404, gone.headers
    assert "bientôt retiré" not in gone.text
    assert requests.get(url, timeout=30).status_code == 404

    # Published again: the 404 nginx kept a few seconds is evicted as well.
    article.refresh_from_db()
    article.save_revision().publish()
    back = requests.get(url, timeout=30)
    assert back.status_code == 200 and "bientôt retiré" in back.text
    assert requests.get(url, timeout=30).headers["X-Cache"] == "HIT"

    # Deleted: gone from nginx at once as well.
    article.delete()
    assert requests.get(url, timeout=30).status_code == 404


def test_an_article_made_private_leaves_nginx_at_once(publishing):
    # The private page is never stored, so nginx would go on serving its public copy: until
    # its lifetime ends, then stale, while each refresh gets an answer it may not keep.
    proxied_app = publishing
    article = ArticleFactory(title="Une enquête bientôt réservée")
    url = proxied_app.base + article.url
    requests.get(url, timeout=30)
    assert requests.get(url, timeout=30).headers["X-Cache"] == "HIT"

    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    for _ in range(4):  # each of nginx's two workers, twice
        private = requests.get(url, timeout=30)
        assert "bientôt réservée" not in private.text, private.headers
        assert private.headers["X-Cache"] != "HIT"


def test_a_corrected_article_replaces_nginx_copy_at_once(publishing):
    # A correction must be read from the new cache file, on every request and by each of
    # nginx's workers, never from the old one.
    proxied_app = publishing
    article = ArticleFactory(title="Un chiffre erroné dans le titre")
    url = proxied_app.base + article.url
    requests.get(url, timeout=30)
    hits = [requests.get(url, timeout=30) for _ in range(3)]
    assert [r.headers["X-Cache"] for r in hits] == ["HIT"] * 3
    assert all("chiffre erroné" in r.text for r in hits)

    for correction in ("Un chiffre corrigé dans le titre", "Un chiffre vérifié dans le titre"):
        article.refresh_from_db()
        article.title = correction
        article.save_revision().publish()
        # nginx's two workers each answer some of these, each with its own open files.
        pages = [requests.get(url, timeout=30) for _ in range(6)]
        assert all(r.status_code == 200 for r in pages)
        assert [correction in r.text for r in pages] == [True] * 6
        assert not any("chiffre erroné" in r.text for r in pages)
        assert pages[-1].headers["X-Cache"] == "HIT"


def test_nginx_serves_uploaded_pictures_only_and_never_as_a_page(proxied_app):
    media = proxied_app.dir / "var" / "media"
    (media / "images").mkdir(parents=True)
    (media / "documents").mkdir()
    (media / "images" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (media / "images" / "piege.html").write_text("<script>alert(document.cookie)</script>")
    (media / "documents" / "rapport.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    base = proxied_app.base + "/media/"

    picture = requests.get(base + "images/photo.png", timeout=30)
    assert picture.status_code == 200
    assert picture.headers["Content-Type"] == "image/png"
    assert picture.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in picture.headers["Content-Security-Policy"]
    # An uploaded page, and any document, never comes from /media/ (documents go through the
    # app, which sends them as attachments and checks private collections).
    assert requests.get(base + "images/piege.html", timeout=30).status_code == 404
    assert requests.get(base + "documents/rapport.png", timeout=30).status_code == 404


def test_signed_in_readers_get_nginx_copy_and_editors_never(proxied_app):
    article = ArticleFactory(title="Un article pour tous les lecteurs")
    url = proxied_app.base + article.url
    requests.get(url, timeout=30)
    assert requests.get(url, timeout=30).headers["X-Cache"] == "HIT"
    reader = requests.get(url, cookies={"sessionid": "une-session"}, timeout=30)
    assert reader.headers["X-Cache"] == "HIT"
    editor = requests.get(
        url, cookies={"sessionid": "une-session", "manchette_redaction": "1"}, timeout=30
    )
    assert editor.headers["X-Cache"] == "BYPASS"
    assert "private" in editor.headers["Cache-Control"]
    # What was fetched for the editor was not kept: readers still get the shared copy.
    assert requests.get(url, timeout=30).headers["X-Cache"] == "HIT"


def test_search_pages_are_kept_by_the_app_never_by_nginx(publishing):
    # nginx keeps no address with a query string (its PURGE of /recherche/ could not evict
    # every query's copy); the app's page cache keeps the search's pages, and every change
    # to a live article makes them stale at once.
    proxied_app = publishing
    staying = ArticleFactory(title="Canicule : un record de chaleur battu")
    leaving = ArticleFactory(title="Canicule : un article bientôt retiré")
    url = proxied_app.base + "/recherche/?q=canicule"
    answers = [requests.get(url, timeout=30) for _ in range(3)]
    assert [r.status_code for r in answers] == [200] * 3
    assert [r.headers["X-Cache"] for r in answers] == ["BYPASS"] * 3
    assert answers[2].headers["X-Page-Cache"] == "hit"
    assert "bientôt retiré" in answers[2].text

    leaving.unpublish()
    after = requests.get(url, timeout=30)
    assert after.headers["X-Cache"] == "BYPASS" and after.headers.get("X-Page-Cache") != "hit"
    assert "bientôt retiré" not in after.text
    assert "record de chaleur" in after.text and staying.live
