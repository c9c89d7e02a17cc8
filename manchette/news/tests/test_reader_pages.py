"""The reader's pages: what they show, in the reference page's order, in French."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from manchette.core.templatetags.manchette import date_fr
from manchette.news.factories import ArticleFactory, AuthorFactory, FlashFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_article_page_follows_the_reference_order(client, article):
    FlashFactory(text="Le port de Marseille est rouvert")
    html = client.get(article.url).content.decode()
    html = html[html.find("<body") :]
    markers = [
        "FLASH INFO :",
        "INTERNATIONAL",
        "Le port de Marseille rouvre après la grève",
        "Après neuf jours de grève",
        "Camille Durand",
        "Publié le",
        "Les <b>dockers</b> ont voté",
        "Newsletter",
        "Partager",
        "Réseaux sociaux",
    ]
    positions = [html.find(marker) for marker in markers]
    assert -1 not in positions, dict(zip(markers, positions, strict=True))
    assert positions == sorted(positions)


def test_article_shows_kicker_source_dateline_quote_and_image_credit(client, article):
    html = client.get(article.url).content.decode()
    assert "Social" in html
    assert "(avec AFP)" in html
    assert "Marseille —" in html
    assert "<blockquote><p>Nous avons été entendus.</p></blockquote>" in html
    assert "— Un délégué syndical" in html
    assert '<h2 class="article__intertitle">Un accord salarial</h2>' in html
    assert "© Manchette" in html


def test_updated_date_shows_only_when_revised(client, section):
    article = ArticleFactory(parent=section, hours_ago=3)
    assert "Mis à jour le" not in client.get(article.url).content.decode()
    article.standfirst = "Un chapô corrigé."
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Mis à jour le" in html and "Un chapô corrigé." in html


def test_dates_are_written_in_french():
    moment = datetime(2020, 10, 12, 14, 5, tzinfo=ZoneInfo("Europe/Paris"))
    assert date_fr(moment) == "lundi 12 octobre 2020 à 14 h 05"
    assert date_fr(datetime(2021, 5, 1, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))).startswith(
        "samedi 1er mai 2021"
    )


def test_article_has_canonical_open_graph_twitter_and_news_article_json_ld(client, article):
    html = client.get(article.url).content.decode()
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{article.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http://127.0.0.1:8000/media/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["author"][0]["name"] == "Camille Durand"
    assert data["articleSection"] == "International"


def test_json_ld_cannot_be_broken_out_of_by_a_headline(client, section):
    article = ArticleFactory(parent=section, title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_share_links_load_nothing_from_third_parties(client, article):
    html = client.get(article.url).content.decode()
    share = html[html.find('class="share"') :]
    share = share[: share.find("</nav>")]
    assert "facebook.com/sharer" in share
    # Links only: no script, iframe or image from another host anywhere on the page.
    assert not re.search(r'<(script|iframe|img)[^>]+src="https?://(?!127\.0\.0\.1)', html)


def test_related_articles_come_from_the_same_section(client, article, section):
    other = ArticleFactory(parent=section, title="Les ferries reprennent la mer")
    elsewhere = ArticleFactory(title="Un article d’une autre rubrique")
    html = client.get(article.url).content.decode()
    related = html[html.find("À lire aussi") :]
    assert other.title in related
    assert elsewhere.title not in related


def test_home_shows_the_lead_story_then_latest_by_section(client, section):
    culture = SectionFactory(title="Culture", slug="culture")
    ArticleFactory(parent=section, title="La une du jour", featured=True, hours_ago=5)
    latest = [ArticleFactory(parent=culture, title=f"Culture {n}", hours_ago=n) for n in range(6)]
    html = client.get("/").content.decode()
    assert html.find("La une du jour") < html.find('id="rubrique-culture"')
    shown = [a for a in latest if a.title in html]
    assert shown == latest[:4], "the four newest of each section"


@pytest.mark.parametrize("window", [100, 3], ids=["every rubrique in the window", "one short"])
def test_home_shows_a_rubrique_that_seldom_publishes(client, section, monkeypatch, window):
    # The front page reads the newest articles in one window, then looks up any rubrique
    # still short of its four (news.models.FRONT_WINDOW): both ways show the same.
    monkeypatch.setattr("manchette.news.models.FRONT_WINDOW", window)
    culture = SectionFactory(title="Culture", slug="culture")
    busy = [ArticleFactory(parent=section, title=f"Dépêche {n}", hours_ago=n) for n in range(6)]
    rare = [
        ArticleFactory(parent=culture, title=f"Critique {n}", hours_ago=100 + n) for n in range(5)
    ]
    html = client.get("/").content.decode()
    assert html.find("Dépêche 0") < html.find('id="rubrique-')  # the lead: the newest
    assert [a for a in busy[1:] if a.title in html] == busy[1:5]
    assert [a for a in rare if a.title in html] == rare[:4]


def test_section_page_is_paginated_newest_first(client, section):
    articles = [
        ArticleFactory(parent=section, title=f"Dépêche {n:02d}", hours_ago=n) for n in range(14)
    ]
    first = client.get(section.url).content.decode()
    second = client.get(f"{section.url}?avant={articles[11].pk}").content.decode()
    assert "Dépêche 00" in first and "Dépêche 11" in first and "Dépêche 12" not in first
    assert "Dépêche 12" in second and "Dépêche 13" in second
    # The dates of what the page shows stand for a page number.
    day = date_format(timezone.localtime(articles[13].first_published_at), "j F Y")
    assert f"Articles du {day}" in second
    # Only the pages that exist (manchette.core.pagination): no silent clamping.
    assert client.get(section.url + "?page=abc").status_code == 404
    assert client.get(section.url + "?page=999").status_code == 404
    assert client.get(section.url + "?avant=999999").status_code == 404
    assert len(articles) == 14


def test_author_page_lists_their_articles(client, article, author):
    ArticleFactory(title="Un article sans cet auteur")
    html = client.get(author.url).content.decode()
    assert author.title in html and article.title in html
    assert "Un article sans cet auteur" not in html
    assert author.title in client.get("/auteurs/").content.decode()


def test_unknown_page_gets_a_french_404(client, db):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_server_error_page_is_french(client):
    from django.template.loader import render_to_string

    assert "Une erreur est survenue" in render_to_string("500.html")


def test_no_cookie_is_set_for_a_reader_who_only_reads(client, article, section, author):
    for url in ["/", section.url, article.url, author.url, "/auteurs/", "/recherche/?q=port"]:
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url


def test_draft_article_is_not_public(client, section):
    draft = ArticleFactory(parent=section, title="Brouillon secret", draft=True)
    assert client.get(draft.url or "/international/brouillon-secret/").status_code == 404
    assert "Brouillon secret" not in client.get(section.url).content.decode()


def test_flash_banner_shows_live_items_most_urgent_first(client, article):
    FlashFactory(text="Info ordinaire", priority="info")
    FlashFactory(text="Alerte majeure", priority="alerte", link_page=article)
    FlashFactory(text="Urgence", priority="urgent")
    FlashFactory(text="Flash en brouillon", draft=True)
    FlashFactory(text="Flash expiré", expired=True)
    FlashFactory(text="Flash à venir", upcoming=True)
    html = client.get("/").content.decode()
    assert html.find("Alerte majeure") < html.find("Urgence") < html.find("Info ordinaire")
    assert f'<a href="{article.url}">Alerte majeure</a>' in html
    for hidden in ("Flash en brouillon", "Flash expiré", "Flash à venir"):
        assert hidden not in html


def test_authors_with_several_names_are_joined_in_french(client, section):
    a, b = AuthorFactory(title="Léa Martin"), AuthorFactory(title="Paul Roche")
    article = ArticleFactory(parent=section, authors=[a, b])
    assert "Léa Martin</a> et <a" in client.get(article.url).content.decode()
