"""Anonymous pages come from the cache and are purged precisely."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import PageViewRestriction

from manchette.core.caching.purge import purge_paths
from manchette.core.models import SiteSettings
from manchette.news.factories import ArticleFactory, FlashFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionFactory(title="France", slug="france")


def test_second_anonymous_request_is_a_cache_hit_with_shared_cache_headers(client, section):
    first = client.get(section.url)
    second = client.get(section.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "s-maxage=" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_cache_hit_costs_no_query(client, section, django_assert_num_queries):
    client.get(section.url)
    with django_assert_num_queries(0):
        assert client.get(section.url)["X-Page-Cache"] == "hit"


def test_turning_the_page_cache_off_stops_serving_what_it_kept(client, section, settings):
    client.get(section.url)
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    settings.PAGE_CACHE_SECONDS = 0
    # Rendered afresh every time: neither the copy kept before nor a new one.
    answers = [client.get(section.url) for _ in range(2)]
    assert [r.status_code for r in answers] == [200, 200]
    assert ["X-Page-Cache" in r for r in answers] == [False, False]


def test_signed_in_readers_get_the_shared_copy_and_nothing_of_theirs_is_kept(
    client, section, django_user_model
):
    anonymous = client.get(section.url)
    user = django_user_model.objects.create_user("lectrice", password="x")
    client.force_login(user)
    shared = client.get(section.url)
    assert shared["X-Page-Cache"] == "hit" and shared.content == anonymous.content

    # Their own miss is rendered for them, never kept: the next reader gets a fresh copy.
    purge_paths([section.url])
    theirs = client.get(section.url)
    assert "X-Page-Cache" not in theirs and "private" in theirs["Cache-Control"]
    client.logout()
    after = client.get(section.url)
    assert after["X-Page-Cache"] == "miss" and b"lectrice" not in after.content


def test_editors_never_get_the_shared_copy(client, section, django_user_model):
    client.get(section.url)
    django_user_model.objects.create_superuser("redac", password="mot-de-passe-42")
    signed_in = client.post("/admin/login/", {"username": "redac", "password": "mot-de-passe-42"})
    assert signed_in.cookies["manchette_redaction"].value == "1"
    response = client.get(section.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    client.post("/admin/logout/")
    assert client.cookies["manchette_redaction"].value == ""  # deleted
    assert client.get(section.url)["X-Page-Cache"] == "hit"


def test_unknown_query_parameters_bypass_the_cache(client, section):
    client.get(section.url + "?utm_source=x")
    assert "X-Page-Cache" not in client.get(section.url + "?utm_source=x")


def test_publishing_a_new_article_purges_its_section_home_and_feed(client, section):
    for url in ("/", section.url, "/flux/"):
        client.get(url)
    article = ArticleFactory(parent=section, title="Première version", live=False)
    article.save_revision().publish()
    for url in ("/", section.url, "/flux/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Première version" in response.content.decode(), url


def test_a_new_revision_is_visible_on_the_next_request(client, section):
    article = ArticleFactory(parent=section, title="Titre initial")
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Titre corrigé"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Titre corrigé" in html and "Titre initial" not in html


def test_unpublishing_removes_the_article_from_its_section_at_once(client, section):
    article = ArticleFactory(parent=section, title="Article retiré")
    assert "Article retiré" in client.get(section.url).content.decode()
    article.unpublish()
    assert "Article retiré" not in client.get(section.url).content.decode()
    assert client.get(article.url).status_code == 404


def test_unpublishing_a_latest_article_removes_it_from_every_article_of_its_section(
    client, section
):
    older = [ArticleFactory(parent=section, hours_ago=100 + n) for n in range(6)]
    withdrawn = ArticleFactory(parent=section, title="Article retiré", hours_ago=1)
    for article in older:  # each kept whole, "À lire aussi" listing the withdrawn one
        assert "Article retiré" in client.get(article.url).content.decode()
        assert client.get(article.url)["X-Page-Cache"] == "hit"
    withdrawn.unpublish()
    for article in older:
        assert "Article retiré" not in client.get(article.url).content.decode(), article.url


def test_unpublishing_an_old_article_keeps_the_other_articles_cached(client, section):
    old = ArticleFactory(parent=section, hours_ago=100)
    recent = [ArticleFactory(parent=section, hours_ago=n) for n in range(1, 6)]
    client.get(recent[-1].url)  # not among the rubrique's latest: its list shows no old one
    old.unpublish()
    assert client.get(recent[-1].url)["X-Page-Cache"] == "hit"


def test_purge_is_precise_other_sections_stay_cached(client, section):
    other = SectionFactory(title="Sport", slug="sport")
    client.get(other.url)
    ArticleFactory(parent=section, live=False).save_revision().publish()
    assert client.get(other.url)["X-Page-Cache"] == "hit"


def test_purging_a_path_purges_all_its_pages(client, section):
    for n in range(14):
        ArticleFactory(parent=section, title=f"Dépêche {n}")
    second = section.url + re.search(r'href="(\?avant=\d+)"', client.get(section.url).text)[1]
    assert client.get(second)["X-Page-Cache"] == "miss"
    assert client.get(second)["X-Page-Cache"] == "hit"
    purge_paths([section.url])
    assert client.get(second)["X-Page-Cache"] == "miss"


def test_flash_change_shows_on_every_page_at_once(client, section):
    client.get("/")
    client.get(section.url)
    flash = FlashFactory(text="Séisme ressenti dans les Alpes")
    assert "Séisme ressenti" in client.get("/").content.decode()
    assert "Séisme ressenti" in client.get(section.url).content.decode()
    flash.delete()
    assert "Séisme ressenti" not in client.get(section.url).content.decode()


def test_flash_stops_linking_to_an_article_once_unpublished(client, section):
    linked = ArticleFactory(parent=section, slug="article-du-flash", hours_ago=100)
    for n in range(4):  # the linked article is not among the rubrique's latest
        ArticleFactory(parent=section, hours_ago=n)
    FlashFactory(text="Séisme ressenti dans les Alpes", link_page=linked)
    assert "article-du-flash" in client.get("/").content.decode()
    linked.unpublish()
    for url in ("/", section.url):
        html = client.get(url).content.decode()
        assert "Séisme ressenti" in html and "article-du-flash" not in html, url


def test_flash_never_links_to_a_private_article(client, section):
    linked = ArticleFactory(parent=section, slug="article-prive-du-flash")
    PageViewRestriction.objects.create(page=linked, restriction_type="password", password="x")
    FlashFactory(text="Séisme ressenti dans les Alpes", link_page=linked)
    html = client.get(section.url).content.decode()
    assert "Séisme ressenti" in html and "article-prive-du-flash" not in html


def test_cached_page_never_outlives_the_next_flash_end(client, section):
    FlashFactory(text="Bientôt fini", ends_at=timezone.now() + timedelta(seconds=40))
    response = client.get(section.url)
    lifetime = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < lifetime <= 40


def test_cached_page_never_outlives_the_next_flash_start(client, section):
    FlashFactory(text="À venir", starts_at=timezone.now() + timedelta(seconds=30), ends_at=None)
    response = client.get(section.url)
    lifetime = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < lifetime <= 30


def test_flash_appears_and_expires_on_time_without_any_edit(client, section):
    """The banner follows the clock: an item starts and ends without anyone saving anything."""
    start = timezone.now() + timedelta(minutes=10)
    FlashFactory(text="Conférence de presse", starts_at=start, ends_at=start + timedelta(hours=1))
    assert "Conférence de presse" not in client.get(section.url).content.decode()
    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        assert "Conférence de presse" in client.get(section.url).content.decode()
    with time_machine.travel(start + timedelta(hours=1, seconds=1), tick=False):
        assert "Conférence de presse" not in client.get(section.url).content.decode()


def test_site_settings_change_purges_every_page(client, section):
    client.get(section.url)
    site_settings = SiteSettings.load()
    site_settings.site_name = "La Gazette du Rhône"
    site_settings.save()
    assert "La Gazette du Rhône" in client.get(section.url).content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, section):
    from wagtail.models import PageViewRestriction

    assert client.get(section.url).status_code == 200
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    response = client.get(section.url)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_a_cache_hit_carries_the_same_security_headers_as_a_fresh_page(client, section):
    fresh = client.get(section.url)
    hit = client.get(section.url)
    assert hit["X-Page-Cache"] == "hit"
    for header in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Type"):
        assert hit[header] == fresh[header], header
    assert hit["X-Accel-Expires"] == "60"


def test_copies_kept_in_a_process_die_with_the_shared_cache(client, section):
    """After Redis restarts empty, no process may serve a page it kept from before."""
    from django.core.cache import cache

    client.get(section.url)
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    cache.clear()  # the shared cache restarts empty; this process still holds its copy
    section.intro = "Une nouvelle présentation."
    section.save()  # a direct write: no purge signal
    response = client.get(section.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Une nouvelle présentation." in response.content.decode()
