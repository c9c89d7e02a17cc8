import pytest
from django.test import Client

from manchette.comments.factories import CommentFactory
from manchette.comments.models import CommentSettings, CommentStatus
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_empty_article_invites_the_first_comment(client):
    article = ArticleFactory()
    html = client.get(article.url).content.decode()
    for text in (
        "RÉAGISSEZ",
        "Publier un commentaire",
        "Soyez le premier à commenter !",
        "Me prévenir par e-mail :",
        "des nouveaux commentaires",
        "des réponses à mes commentaires",
    ):
        assert text in html


def test_cached_article_holds_no_token_and_no_reader_data(client):
    article = ArticleFactory()
    CommentFactory(article=article, guest_email="secret@example.org", author_name="Alix")
    html = client.get(article.url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "secret@example.org" not in html
    assert "Alix" in html
    client.get(article.url)  # the first render created the site settings (a site purge)
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_threads_nest_replies_and_show_removed_parents():
    article = ArticleFactory()
    root = CommentFactory(article=article, body="Racine")
    reply = CommentFactory(parent=root, body="Réponse")
    CommentFactory(parent=reply, body="Réponse à la réponse")
    removed = CommentFactory(article=article, status=CommentStatus.DELETED, body="")
    CommentFactory(parent=removed, body="Réponse orpheline")
    CommentFactory(article=article, status=CommentStatus.DELETED, body="sans réponse")
    CommentFactory(article=article, pending=True, body="En attente secrète")
    html = Client().get(article.url).content.decode()
    assert html.index("Racine") < html.index("Réponse à la réponse")
    assert 'class="comment__replies"' in html
    assert "Commentaire supprimé" in html and "Réponse orpheline" in html
    assert html.count("Commentaire supprimé") == 1
    assert "En attente secrète" not in html
    assert f'id="comment-{reply.pk}"' in html


def test_replies_past_max_depth_join_the_deepest_level(client, settings):
    from manchette.comments import posting

    settings.COMMENTS_MAX_DEPTH = 1
    article = ArticleFactory()
    root = CommentFactory(article=article)
    child = CommentFactory(parent=root)
    result = posting.post_comment(
        article=article,
        body="Profond",
        name="A",
        email="a@example.org",
        parent_id=child.pk,
        client_hash="x",
    )
    assert result.comment.parent_id == root.pk and result.comment.depth == 1
    assert result.comment.reply_to_id == child.pk


def test_voir_plus_pages_threads_and_fragment_loads_the_rest(client):
    settings_obj = CommentSettings.load()
    settings_obj.page_size = 2
    settings_obj.save()
    article = ArticleFactory()
    for i in range(5):
        CommentFactory(article=article, body=f"Numéro {i}")
    html = client.get(article.url).content.decode()
    assert "Numéro 4" in html and "Numéro 3" in html and "Numéro 2" not in html
    assert "Voir plus de commentaires" in html
    assert "?page=2#commentaires" in html
    assert "Numéro 2" in client.get(article.url + "?page=2").content.decode()
    fragment = client.get(f"/commentaires/article/{article.pk}/?page=2&fragment=1").content.decode()
    assert "Numéro 2" in fragment and "<html" not in fragment


def test_sorting_is_served_by_the_uncached_list(client):
    article = ArticleFactory()
    low = CommentFactory(article=article, body="Peu aimé", score=-3)
    high = CommentFactory(article=article, body="Très aimé", score=9)
    html = client.get(f"/commentaires/article/{article.pk}/?tri=notes").content.decode()
    assert html.index("Très aimé") < html.index("Peu aimé")
    html = client.get(f"/commentaires/article/{article.pk}/?tri=anciens").content.decode()
    assert html.index("Peu aimé") < html.index("Très aimé")
    assert low.pk < high.pk


def test_pinned_comment_comes_first(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="Épinglée en haut", pinned=True)
    CommentFactory(article=article, body="Plus récente")
    html = client.get(article.url).content.decode()
    assert html.index("Épinglée en haut") < html.index("Plus récente")


def test_permalink_leads_to_the_page_showing_the_comment(client):
    settings_obj = CommentSettings.load()
    settings_obj.page_size = 2
    settings_obj.save()
    article = ArticleFactory()
    first = CommentFactory(article=article)
    for _ in range(3):
        CommentFactory(article=article)
    response = client.get(f"/commentaires/{first.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?page=2#comment-{first.pk}"
    assert f'id="comment-{first.pk}"' in client.get(response["Location"]).content.decode()


def test_newsroom_badge_and_featured_label(client):
    article = ArticleFactory()
    CommentFactory(article=article, is_newsroom=True, featured=True)
    html = client.get(article.url).content.decode()
    assert "Rédaction</span>" in html and "Sélection de la rédaction" in html


def test_avatars_are_generated_svg_from_our_own_site(client):
    article = ArticleFactory()
    CommentFactory(article=article, author_name="Zoé Martin")
    html = client.get(article.url).content.decode()
    assert "gravatar" not in html
    src = html.split('class="comment__avatar" src="')[1].split('"')[0]
    assert src.startswith("/commentaires/avatar/") and src.endswith("/ZM.svg")
    response = client.get(src)
    assert response["Content-Type"] == "image/svg+xml" and b"ZM" in response.content
    assert client.get("/commentaires/avatar/10/%3Cs%3E.svg").status_code == 404


def test_gravatar_only_when_the_newsroom_turns_it_on(client):
    settings_obj = CommentSettings.load()
    settings_obj.gravatar = True
    settings_obj.save()
    article = ArticleFactory()
    CommentFactory(article=article)
    assert "gravatar.com/avatar/" in client.get(article.url).content.decode()


def test_new_comments_count_for_the_open_page(client):
    article = ArticleFactory()
    first = CommentFactory(article=article)
    CommentFactory(article=article)
    CommentFactory(article=article, pending=True)
    response = client.get(f"/commentaires/article/{article.pk}/nouveaux/?depuis={first.pk}")
    assert response.json() == {"count": 1}
    assert not response.cookies


def test_closed_article_shows_no_form_and_refuses_posts(client):
    from manchette.comments import moderation
    from manchette.comments.tests.helpers import post_data, post_json

    article = ArticleFactory()
    moderation.set_comments_closed(article, True)
    html = client.get(article.url).content.decode()
    assert "Les commentaires sont fermés" in html and 'id="formulaire"' not in html
    response = post_json(client, post_data(article))
    assert response.status_code == 400 and "fermés" in response.json()["error"]


def test_new_comments_count_of_an_id_past_the_database_integers_is_a_404(client):
    response = client.get("/commentaires/article/9223372036854775808/nouveaux/?depuis=1")
    assert response.status_code == 404
