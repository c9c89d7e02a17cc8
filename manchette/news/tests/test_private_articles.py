"""A view-restricted article (password, signed-in readers, groups; on itself or on its
section) appears in no public listing, feed, sitemap, search, e-mail or endpoint."""

import datetime
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from manchette.comments.factories import CommentFactory
from manchette.comments.models import Comment
from manchette.comments.tests.helpers import post_data
from manchette.news.factories import ArticleFactory, SectionFactory, paragraph
from manchette.newsletter import scheduling
from manchette.newsletter.emails import RenderedIssue
from manchette.newsletter.factories import NewsletterIssueFactory, default_list
from manchette.newsletter.models import NewsletterIssueItem, NewsletterList
from manchette.reactions.models import Reaction
from manchette.topics import digests, linking
from manchette.topics.factories import TopicFactory
from manchette.topics.models import TopicFollow

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Enquête confidentielle sur Lyon"
SECRET_SLUG = "enquete-confidentielle-lyon"
PUBLIC_TITLE = "Le marché de Lyon rouvre"
KINDS = ["password", "login", "groups", "section"]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type={"section": "password"}.get(kind, kind),
        password="secret" if kind in ("password", "section") else "",
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.create(name="Abonnés premium"))


@pytest.fixture
def site(section, author):
    """A public article and a secret one (its own section for the ancestor case), both
    about Lyon, followed by a reader; the secret one has a comment."""
    lyon = TopicFactory(name="Lyon")
    TopicFollow.objects.create(
        topic=lyon,
        email="lea@example.org",
        confirmed=True,
        confirmed_at=timezone.now() - timedelta(days=10),
    )
    public = ArticleFactory(
        parent=section,
        title=PUBLIC_TITLE,
        authors=[author],
        body=[paragraph("Les halles de Lyon rouvrent.")],
    )

    def make(kind):
        parent = section
        if kind == "section":
            parent = SectionFactory(title="Coulisses", slug="coulisses")
        secret = ArticleFactory(
            parent=parent,
            title=SECRET_TITLE,
            slug=SECRET_SLUG,
            authors=[author],
            body=[paragraph("Ce que la mairie de Lyon cache.")],
            hours_ago=1,
        )
        for article in (public, secret):
            linking.link_article(article, purge=False)
        comment = CommentFactory(article=secret, body="Un commentaire sur le secret.")
        restrict(parent if kind == "section" else secret, kind)
        return {"public": public, "secret": secret, "topic": lyon, "comment": comment}

    return make


def public_urls(site, section, author):
    secret_section = site["secret"].section
    return [
        "/",
        site["public"].url,  # its "À lire aussi"
        section.url,
        author.url,
        f"/sujets/{site['topic'].slug}/",
        f"/sujets/{site['topic'].slug}/flux/",
        "/recherche/?q=lyon",
        "/recherche/?q=confidentielle",
        "/flux/",
        "/flux/atom/",
        f"/flux/{section.slug}/",
        f"/flux/{section.slug}/atom/",
        "/sitemap.xml",
        "/sitemap-1.xml",
        "/sitemap-news.xml",
        f"/flux/{secret_section.slug}/" if secret_section != section else "/sujets/",
    ]


def assert_hidden(text, where):
    text = strip_tags(text)  # the search marks matched words: <mark>confidentielle</mark>
    assert SECRET_TITLE not in text, where
    assert SECRET_SLUG not in text, where
    assert "Coulisses" not in text, where


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_article_is_listed_nowhere(client, site, section, author, kind):
    made = site(kind)
    for url in public_urls(made, section, author):
        response = client.get(url)
        if url.startswith("/flux/coulisses"):
            assert response.status_code == 404, url  # a private section has no feed
            continue
        assert response.status_code == 200, url
        assert_hidden(response.content.decode(), url)
    # The public article is still everywhere it was.
    assert PUBLIC_TITLE in client.get("/").content.decode()
    assert PUBLIC_TITLE in client.get("/flux/").content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_comment_and_reaction_endpoints_refuse_a_private_article(client, site, kind):
    made = site(kind)
    secret, comment = made["secret"], made["comment"]
    comments_before = Comment.objects.count()
    reads = [
        f"/commentaires/article/{secret.pk}/",
        f"/commentaires/article/{secret.pk}/?fragment=1",
        f"/commentaires/article/{secret.pk}/nouveaux/",
        f"/commentaires/{comment.pk}/",
        f"/reactions/{secret.pk}/",
        f"/reactions/{secret.pk}/reagir/",
    ]
    for url in reads:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "public" not in response.get("Cache-Control", ""), url
        assert_hidden(response.content.decode(), url)
    writes = [
        ("/commentaires/poster/", post_data(secret)),
        (f"/commentaires/{comment.pk}/vote/", {"value": "up"}),
        (f"/commentaires/{comment.pk}/signaler/", {"reason": "spam"}),
        (f"/reactions/{secret.pk}/reagir/", {"kind": "instructif"}),
    ]
    for url, data in writes:
        response = client.post(url, data, HTTP_ACCEPT="application/json")
        assert response.status_code == 404, url
    assert Comment.objects.count() == comments_before
    assert not Reaction.objects.exists()


def test_a_restriction_added_after_a_reaction_state_was_read_is_seen_at_once(client, site):
    made = site("login")
    secret = made["secret"]
    PageViewRestriction.objects.filter(page=secret).delete()
    assert client.get(f"/reactions/{secret.pk}/").status_code == 200  # cached as live
    restrict(secret, "password")
    assert client.get(f"/reactions/{secret.pk}/").status_code == 404


def test_a_restriction_made_while_another_process_reads_the_flag_is_seen(client, site, monkeypatch):
    """Another process asks the database "any private page?" just before a restriction is
    committed, and keeps its "no" in the shared cache just after the restriction purged it:
    that late answer must not hide the restriction."""
    from manchette.core.caching.restrictions import any_view_restriction

    secret = site("password")["secret"]
    PageViewRestriction.objects.all().delete()
    exists = PageViewRestriction.objects.exists

    def read_just_before_the_restriction():
        monkeypatch.setattr(PageViewRestriction.objects, "exists", exists)
        restrict(secret, "password")
        return False

    monkeypatch.setattr(PageViewRestriction.objects, "exists", read_just_before_the_restriction)
    assert any_view_restriction() is False  # the late answer, kept
    assert any_view_restriction() is True
    assert "Ce que la mairie de" not in client.get(secret.url).content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_the_private_article_page_itself_asks_and_is_never_cached_public(client, site, kind):
    secret = site(kind)["secret"]
    for _attempt in range(2):
        response = client.get(secret.url)
        assert response.status_code in (200, 302)
        assert "public" not in response.get("Cache-Control", "")
        assert response.get("X-Page-Cache") is None
        assert "Ce que la mairie de" not in response.content.decode()
    if kind in ("password", "section"):
        restriction = PageViewRestriction.objects.get()
        reader = Client()
        reader.get(secret.url)
        reader.post(
            f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
            {"password": "secret", "return_url": secret.url},
        )
        page = reader.get(secret.url)
        assert "Ce que la mairie de" in page.content.decode()
        assert "private" in page["Cache-Control"] and page.get("X-Page-Cache") is None
        # An anonymous reader right after still gets the form, not the page.
        assert "Ce que la mairie de" not in client.get(secret.url).content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_newsletters_leave_a_private_article_out(site, kind):
    made = site(kind)
    secret = made["secret"]
    morning = default_list()
    NewsletterList.objects.filter(pk=morning.pk).update(send_time=datetime.time(0, 0))
    now = timezone.now()
    assert [a.pk for a in scheduling.digest_articles(morning, now)] == [made["public"].pk]
    # An issue an editor composed before the article was made private.
    issue = NewsletterIssueFactory(newsletter_list=morning)
    NewsletterIssueItem.objects.create(issue=issue, article=secret, sort_order=0)
    NewsletterIssueItem.objects.create(issue=issue, article=made["public"], sort_order=1)
    rendered = RenderedIssue(issue)
    assert_hidden(rendered.text + rendered.html, "issue")
    assert PUBLIC_TITLE in rendered.text


@pytest.mark.parametrize("kind", KINDS)
def test_topic_digests_leave_a_private_article_out(smtp_sink, site, kind):
    made = site(kind)
    assert digests.send_follow_digests() == 0  # queues, then waits the coalescing delay
    digests.send_follow_digests(now=timezone.now() + timedelta(minutes=31))
    assert len(smtp_sink.messages) == 1
    message = smtp_sink.messages[0]["message"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert_hidden(text + html, "digest")
    assert made["public"].title in text


def test_an_article_made_private_after_it_was_queued_is_left_out_of_the_digest(smtp_sink, site):
    made = site("password")
    PageViewRestriction.objects.all().delete()
    assert digests.send_follow_digests() == 0  # both articles queued while public
    restrict(made["secret"], "password")
    digests.send_follow_digests(now=timezone.now() + timedelta(minutes=31))
    message = smtp_sink.messages[0]["message"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert_hidden(text, "digest")
    assert PUBLIC_TITLE in text


@pytest.mark.parametrize("kind", ["password", "section"])
def test_topic_counts_leave_a_private_article_out(site, kind):
    from manchette.topics.models import Topic

    made = site(kind)
    assert Topic.objects.with_article_counts().get(pk=made["topic"].pk).article_count == 1
    PageViewRestriction.objects.all().delete()
    assert Topic.objects.with_article_counts().get(pk=made["topic"].pk).article_count == 2


def test_an_article_made_private_after_pages_were_cached_disappears_at_once(client, site):
    made = site("password")
    PageViewRestriction.objects.all().delete()
    urls = ["/", "/recherche/?q=confidentielle", "/flux/", made["secret"].section.url]
    for url in urls:  # cached, with the site known to have no private page
        assert SECRET_TITLE in strip_tags(client.get(url).content.decode()), url
    restrict(made["secret"], "groups")
    for url in urls:
        assert_hidden(client.get(url).content.decode(), url)
