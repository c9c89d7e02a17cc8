from datetime import timedelta

import pytest
from defusedxml import ElementTree as ET
from django.utils import timezone

from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_site_rss_feed_lists_latest_articles(client, article):
    response = client.get("/flux/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [article.title]
    assert items[0].findtext("link").endswith(article.url)
    assert items[0].findtext("description") == article.standfirst


def test_feed_items_have_a_guid_no_wordpress_post_can_have(client, article):
    # WordPress's feeds give `<site>/?p=<its id>`: with our ids in that form, a reader that
    # followed the site before a WordPress import would take a new article for an old post.
    rss = ET.fromstring(client.get("/flux/").content).find("channel").find("item")
    assert rss.findtext("guid") == f"urn:uuid:{article.translation_key}"
    assert rss.find("guid").get("isPermaLink") == "false"
    atom = ET.fromstring(client.get("/flux/atom/").content).find(f"{ATOM}entry")
    assert atom.findtext(f"{ATOM}id") == f"urn:uuid:{article.translation_key}"
    # An imported article keeps the one its old site's feed gave it.
    article.feed_guid = "https://ancien.example.org/?p=4"
    article.save_revision().publish()
    rss = ET.fromstring(client.get("/flux/").content).find("channel").find("item")
    assert rss.findtext("guid") == "https://ancien.example.org/?p=4"


def test_section_feeds_only_hold_that_section(client, article, section):
    ArticleFactory(title="Hors rubrique")
    rss = client.get(f"/flux/{section.slug}/").content.decode()
    atom = ET.fromstring(client.get(f"/flux/{section.slug}/atom/").content)
    assert article.title in rss and "Hors rubrique" not in rss
    assert [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")] == [article.title]
    assert client.get("/flux/rubrique-inconnue/").status_code == 404


def test_pages_advertise_their_feeds(client, article, section):
    home = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in home and 'href="/flux/"' in home
    assert f'href="/flux/{section.slug}/"' in client.get(section.url).content.decode()


def test_sitemap_lists_public_pages(client, article, section):
    root = ET.fromstring(client.get("/sitemap-1.xml").content)
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith(article.url) for loc in locs)
    assert any(loc.endswith(section.url) for loc in locs)


def test_news_sitemap_holds_only_the_last_48_hours(client, section):
    fresh = ArticleFactory(parent=section, title="Tout frais", hours_ago=3)
    ArticleFactory(parent=section, title="Trop ancien", hours_ago=50)
    content = client.get("/sitemap-news.xml").content.decode()
    assert "Tout frais" in content and "Trop ancien" not in content
    assert "<news:language>fr</news:language>" in content
    assert fresh.url in content
    assert timezone.now() - fresh.first_published_at < timedelta(hours=48)


def test_robots_txt_points_at_the_sitemaps_and_hides_the_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap-news.xml" in text
