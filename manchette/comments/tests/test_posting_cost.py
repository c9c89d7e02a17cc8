"""What one comment post costs: a fixed number of queries, whatever the comments and bans stored,
the facts behind the rules read in one query (and equal to what the ORM says), settings read
from the cache but never stale after a save, and rate-limit counters that stay cheap with the
file cache."""

import multiprocessing
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from manchette.accounts.models import ProvenBrowser
from manchette.comments import common, holding, posting
from manchette.comments import text as comment_text
from manchette.comments.factories import CommentFactory
from manchette.comments.models import (
    ArticleCommentSettings,
    Ban,
    Comment,
    CommentSettings,
    CommentStatus,
    HoldReason,
)
from manchette.comments.tests.helpers import post_data, post_json, prove_browser
from manchette.core import ratelimit
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def queries_of_a_guest_post(client, article, n):
    data = post_data(article, body=f"Un avis numéro {n}.", email=f"lecteur{n}@example.org")
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            "/commentaires/poster/",
            data,
            HTTP_ACCEPT="application/json",
            REMOTE_ADDR=f"198.51.100.{n}",
        )
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "confirmation"
    return [q["sql"] for q in ctx.captured_queries]


def test_a_guest_post_costs_the_same_few_queries_whatever_is_stored(client, settings):
    settings.TASKS = DB_TASKS  # the confirmation email is queued, as in production
    article = ArticleFactory()
    queries_of_a_guest_post(client, article, 1)  # the settings reach the cache
    few = queries_of_a_guest_post(client, article, 2)
    for n in range(30):
        CommentFactory(article=article, guest_email="lecteur3@example.org", body=f"Avis {n}")
        Ban.objects.create(email=f"exclu{n}@example.org", reason="Insultes")
    many = queries_of_a_guest_post(client, article, 3)
    assert len(many) == len(few)
    writes = [q for q in many if q.startswith("INSERT")]
    assert len(writes) == 2  # the comment, and its confirmation email queued (django-tasks)
    reads = [q for q in many if q.lstrip().startswith(("SELECT", "WITH"))]
    assert len(reads) == 2  # the article; every rule's facts
    assert len(mail_tasks()) == 3


def test_a_published_post_refreshes_the_cached_article_and_returns_its_html(client):
    from django.test import Client

    article = ArticleFactory()
    reader = Client()
    reader.get(article.url)
    reader.get(article.url)
    assert reader.get(article.url)["X-Page-Cache"] == "hit"
    prove_browser(client)  # this browser proved the guest's address (a confirmation's POST)
    data = post_json(client, post_data(article, body="Publié tout de suite.")).json()
    assert data["outcome"] == "published"
    assert 'class="comment__card"' in data["html"] and "Publié tout de suite." in data["html"]
    page = reader.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Publié tout de suite." in page.content.decode()


def mail_tasks():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path__endswith="send_confirmation"))


# ----------------------------------------------------------------------------- facts vs ORM


def orm_facts(*, article, email, user=None, client_hash, body, now):
    """What the rules read, the slow way: one ORM query per fact (as posting used to).

    Without an address there is no author to look up, and without a client hash no burst:
    the rules never use those facts then.
    """
    since = now - timedelta(days=1)
    author = Comment.objects.by_email(email) if email else Comment.objects.none()
    last = list(author.order_by("-created_at").values_list("status", flat=True)[:5])
    return holding.PostingFacts(
        closed=ArticleCommentSettings.objects.filter(article=article, closed=True).exists(),
        maybe_banned=bool(email and Ban.objects.filter(email=email).exists())
        or bool(user and Ban.objects.filter(user=user).exists()),
        confirmed=bool(email)
        and ProvenBrowser.objects.filter(nonce_hash=BROWSER, email=email).exists(),
        repeated=author.filter(created_at__gte=since, body=body).exists()
        or Comment.objects.filter(
            client_hash=client_hash, created_at__gte=since, body=body
        ).exists(),
        recent=Comment.objects.filter(
            client_hash=client_hash, created_at__gte=now - holding.BURST_WINDOW
        ).count()
        if client_hash
        else 0,
        history=len(last),
        history_bad=sum(s in (CommentStatus.REJECTED, CommentStatus.SPAM) for s in last),
        first_guest=bool(email and user is None and promoting(body))
        and not author.filter(status=CommentStatus.PUBLISHED).exists(),
    )


def promoting(body):
    return comment_text.count_links(body) > 0 or comment_text.has_money_amount(body)


BROWSER = "a browser's key"


def sql_facts(*, article, email, user=None, client_hash, body, now):
    return holding.posting_facts(
        article_id=article.pk,
        email=email,
        user_id=user.pk if user else None,
        client_hash=client_hash,
        body=body,
        rules=common.comment_settings(),
        browser_key=BROWSER,
        now=now,
    )


def aged(comment, **delta):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**delta))


def test_the_single_facts_query_says_what_the_orm_says(django_user_model):
    now = timezone.now()
    article, other = ArticleFactory(), ArticleFactory()
    account = django_user_model.objects.create_user("compte", "Marie.Curie@Example.org", "x")
    cases = [
        {"email": "marie.curie@example.org", "client_hash": "h-marie", "body": "Bonjour"},
        {"email": "marie.curie@example.org", "client_hash": "h-x", "body": "Toujours pareil"},
        {"email": "autre@example.org", "client_hash": "h-marie", "body": "Toujours pareil"},
        {"email": "autre@example.org", "client_hash": "h-autre", "body": "Toujours pareil"},
        {"email": "inconnu@example.org", "client_hash": "", "body": "Rien"},
        {"email": "", "client_hash": "h-autre", "body": "Sans adresse"},
        {"email": "marie.curie@example.org", "client_hash": "h-x", "body": "Voir www.a.example"},
        {"email": "nouveau@example.org", "client_hash": "h-n", "body": "Vendu 300 €"},
    ]

    def check(**extra):
        for case in cases:
            for user in (None, account):
                kwargs = {**case, "user": user, "now": now}
                assert sql_facts(article=article, **kwargs) == orm_facts(
                    article=article, **kwargs
                ), (case, user)

    check()
    # The account's comments count for the address, whatever its case; old ones do not repeat.
    CommentFactory(article=other, user=account, guest_email="", body="Toujours pareil")
    old = CommentFactory(
        article=other, guest_email="marie.curie@example.org", body="Bonjour", client_hash="h-x"
    )
    aged(old, days=2)
    for status in (CommentStatus.REJECTED, CommentStatus.SPAM, CommentStatus.PUBLISHED):
        CommentFactory(guest_email="marie.curie@example.org", status=status, client_hash="h-marie")
    for n in range(4):
        aged(CommentFactory(guest_email="autre@example.org", client_hash="h-autre"), minutes=n * 4)
    check()
    # Six comments: only the last five make the history.
    for _ in range(3):
        aged(CommentFactory(guest_email="marie.curie@example.org", status="rejected"), hours=3)
    ArticleCommentSettings.objects.create(article=article, closed=True)
    Ban.objects.create(email="autre@example.org", reason="Spam", until=now - timedelta(days=1))
    Ban.objects.create(user=account, reason="Insultes")
    ProvenBrowser.objects.create(nonce_hash=BROWSER, email="inconnu@example.org")
    ProvenBrowser.objects.create(nonce_hash="another browser", email="autre@example.org")
    check()
    facts = sql_facts(article=article, **cases[0], user=account, now=now)
    assert facts.closed and facts.maybe_banned and facts.history == 5 and facts.history_bad == 3


def test_an_expired_ban_lets_the_author_post_a_current_one_does_not():
    article = ArticleFactory()
    Ban.objects.create(
        email="revenant@example.org", reason="Insultes", until=timezone.now() - timedelta(hours=1)
    )
    result = posting.post_comment(
        article=article, body="Me revoilà", name="R", email="Revenant@example.org"
    )
    assert result.outcome == "confirmation"
    Ban.objects.create(email="revenant@example.org", reason="Récidive")
    with pytest.raises(common.CommentError, match="Récidive"):
        posting.post_comment(article=article, body="Encore", name="R", email="revenant@example.org")


def test_a_closed_article_refuses_before_checking_the_name():
    article = ArticleFactory()
    ArticleCommentSettings.objects.create(article=article, closed=True)
    with pytest.raises(common.CommentError, match="fermés"):
        posting.post_comment(article=article, body="Bonjour", name="", email="")


# ----------------------------------------------------------------------------- settings


def test_settings_are_read_from_the_cache_and_a_save_applies_at_once():
    article = ArticleFactory()
    common.comment_settings()
    with CaptureQueriesContext(connection) as ctx:
        assert common.comment_settings().premoderation
    assert ctx.captured_queries == []
    rules = CommentSettings.load()
    rules.banned_words = "saperlipopette"
    rules.save()
    assert common.comment_settings().banned_words == "saperlipopette"
    result = posting.post_comment(
        article=article, body="Saperlipopette !", name="N", email="n@example.org"
    )
    assert result.outcome == "rejected"
    assert result.comment.held_reason == HoldReason.BANNED_WORD
    rules.delete()
    assert common.comment_settings().banned_words == ""


# ----------------------------------------------------------------------------- rate limits


@pytest.fixture
def file_cache(settings, tmp_path):
    """The embedded set-up's shared file cache."""
    settings.CACHES = {
        "default": {
            "BACKEND": "manchette.core.filecache.FileCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    yield tmp_path / "cache"
    cache.clear()


def test_file_cache_counters_limit_each_identity(file_cache, monkeypatch):
    from django.core.cache.backends.filebased import FileBasedCache

    def no_listing(self):
        raise AssertionError("a rate-limit hit listed the whole cache folder")

    monkeypatch.setattr(FileBasedCache, "_list_cache_files", no_listing)
    assert all(ratelimit.hit("scope", "client-a", "3/m") for _ in range(3))
    assert not ratelimit.hit("scope", "client-a", "3/m")
    assert ratelimit.hit("scope", "Client-A ", "3/h")  # another period, another count
    assert ratelimit.hit("scope", "client-b", "3/m")
    assert ratelimit.hit("other-scope", "client-a", "3/m")
    # Hundreds of readers: a bounded number of files, not one per reader and window.
    for n in range(600):
        assert ratelimit.hit("crowd", f"203.0.113.{n}", "2/m")
    assert len(list(file_cache.iterdir())) <= 4 + ratelimit.FILE_SHARDS
    monkeypatch.undo()
    cache.clear()  # the counters are cache entries: clearing the cache resets them
    assert ratelimit.hit("scope", "client-a", "3/m")


def test_file_cache_counters_let_through_again_a_period_later(file_cache, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit, "clock", lambda: now[0])
    assert ratelimit.hit("scope", "client", "1/m")
    assert not ratelimit.hit("scope", "client", "1/m")
    now[0] += 60
    assert ratelimit.hit("scope", "client", "1/m")


def _hammer(count):
    # A forked process: the same settings, its own handle on the same cache folder.
    for _ in range(count):
        ratelimit.hit("shared", "one-reader", "1000/h")


def test_file_cache_counters_add_up_across_processes(file_cache):
    """Two web processes counting the same reader at once never lose an attempt."""
    ratelimit.hit("shared", "one-reader", "1000/h")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_hammer, args=(40,)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    allowed = [ratelimit.hit("shared", "one-reader", "82/h") for _ in range(2)]
    assert allowed == [True, False]  # 1 + 2 × 40 + 1 = 82, then 83


def test_rate_limit_still_answers_429_with_the_file_cache(file_cache, client):
    article = ArticleFactory()
    statuses = [
        post_json(client, post_data(article, body=f"Avis {n}", email="x@example.org")).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [201] * 10 and statuses[10] == 429


# ----------------------------------------------------------------------------- odd input


@pytest.mark.parametrize("value", ["¹", "١٢", "²³"])
def test_non_ascii_digits_in_an_id_are_not_a_500(client, value):
    article = ArticleFactory()
    assert client.get(f"/commentaires/etat/?article={value}").status_code == 200
    assert (
        client.get(f"/commentaires/poster/?article={article.pk}&reponse={value}").status_code == 200
    )
    assert (
        client.get(f"/commentaires/article/{article.pk}/nouveaux/?depuis={value}").status_code
        == 200
    )


def test_a_post_reaches_only_a_live_article(client):
    """The posting path's own lookup of the article (one plain statement) refuses what the
    page queryset would: an unpublished article, a page that is not an article, an unknown
    or malformed id; nothing is stored."""
    article = ArticleFactory(title="Un article en ligne")
    hidden = ArticleFactory()
    hidden.unpublish()
    section = article.get_parent()
    for target in (hidden.pk, section.pk, 999_999, "12abc", "-3", ""):
        response = post_json(client, {**post_data(article), "article": target})
        assert response.status_code == 404, target
    assert not Comment.objects.exists()

    from manchette.comments.views import _posted_article

    posted = _posted_article(str(article.pk))
    assert (posted.pk, posted.title, posted.url) == (article.pk, article.title, article.url)
    response = post_json(client, post_data(article))
    assert response.status_code == 201, response.content
    comment = Comment.objects.get()
    assert comment.article_id == article.pk
    assert comment.article.title == "Un article en ligne"
