"""Without JavaScript: plain forms in the cached page, and an uncached confirmation page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from manchette.accounts.readers import READER_COOKIE
from manchette.reactions.models import Reaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True)


def csrf_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_article_page_has_one_plain_form_per_reaction(reader, article):
    html = reader.get(article.url).content.decode()
    action = reverse("reactions:react", args=[article.pk])
    assert html.count(f'<form method="post" action="{action}"') == 5
    for slug in ("instructif", "interessant", "surprenant", "inquietant", "agacant"):
        assert f'name="kind" value="{slug}"' in html
    assert "Que pensez-vous de cet article ?" in html
    assert "Inquiétant" in html and "Agaçant" in html


def test_post_from_the_cached_page_asks_once_more_with_a_fresh_token(reader, article):
    response = reader.post(reverse("reactions:react", args=[article.pk]), {"kind": "surprenant"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirmez votre réaction" in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert html.count('name="csrfmiddlewaretoken"') == 5
    assert 'value="surprenant" class="reactions__button reactions__button--chosen"' in html
    assert not Reaction.objects.exists()

    confirmed = reader.post(
        reverse("reactions:react", args=[article.pk]),
        {"kind": "surprenant", "csrfmiddlewaretoken": csrf_of(html)},
    )
    assert confirmed.status_code == 302
    assert confirmed["Location"] == article.url + "#reactions"
    assert Reaction.objects.get().kind.slug == "surprenant"
    assert confirmed.cookies[READER_COOKIE].value


def test_stale_token_also_gets_the_confirmation_page_not_a_403(reader, article):
    response = reader.post(
        reverse("reactions:react", args=[article.pk]),
        {"kind": "instructif", "csrfmiddlewaretoken": "x" * 64},
    )
    assert response.status_code == 200
    assert "Confirmez votre réaction" in response.content.decode()


def test_results_page_shows_counts_only_after_reacting_and_toggles_in_place(reader, article):
    url = reverse("reactions:react", args=[article.pk])
    page = reader.get(url)
    html = page.content.decode()
    assert "Les résultats s’affichent une fois que vous avez réagi." in html
    assert "reactions__result" not in html

    done = reader.post(
        url, {"kind": "instructif", "retour": "page", "csrfmiddlewaretoken": csrf_of(html)}
    )
    assert done.status_code == 302 and done["Location"] == url + "#reactions"
    html = reader.get(url).content.decode()
    assert "1 réaction au total." in html
    assert "100 %" in html
    assert 'value="instructif" class="reactions__button" aria-pressed="true"' in html

    # Another kind changes it, the same kind withdraws it.
    reader.post(url, {"kind": "agacant", "retour": "page", "csrfmiddlewaretoken": csrf_of(html)})
    assert Reaction.objects.get().kind.slug == "agacant"
    reader.post(url, {"kind": "agacant", "retour": "page", "csrfmiddlewaretoken": csrf_of(html)})
    assert not Reaction.objects.exists()


def test_unknown_kind_shows_the_choices_again_with_a_french_message(reader, article):
    url = reverse("reactions:react", args=[article.pk])
    html = reader.get(url).content.decode()
    response = reader.post(url, {"kind": "ravi", "csrfmiddlewaretoken": csrf_of(html)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Cette réaction n’existe pas ou n’est plus proposée." in body
    assert body.count('name="kind"') == 5


def test_unknown_article_gets_a_french_page_not_a_500(reader):
    for method in (reader.get, reader.post):
        response = method(reverse("reactions:react", args=[424242]), {"kind": "instructif"})
        assert response.status_code == 404
        assert "Cet article est introuvable" in response.content.decode()


def test_forged_token_without_javascript_gets_a_french_page(reader, article):
    url = reverse("reactions:react", args=[article.pk])
    html = reader.get(url).content.decode()
    reader.cookies[READER_COOKIE] = "pas-un-jeton"
    response = reader.post(url, {"kind": "instructif", "csrfmiddlewaretoken": csrf_of(html)})
    assert response.status_code == 400
    assert "jeton de lecteur n’est pas valide" in response.content.decode()
    assert response.cookies[READER_COOKIE].value == ""


def test_the_redirect_never_leaves_the_site(reader, article):
    url = reverse("reactions:react", args=[article.pk])
    html = reader.get(url).content.decode()
    response = reader.post(
        url,
        {
            "kind": "instructif",
            "retour": "https://evil.example/",
            "csrfmiddlewaretoken": csrf_of(html),
        },
    )
    assert response["Location"] == article.url + "#reactions"
