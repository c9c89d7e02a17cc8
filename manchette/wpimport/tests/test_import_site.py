"""Importing a whole made-up WordPress site, then reading it as a reader does (over HTTP)."""

import json

import pytest
from django.core import mail
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from manchette.comments.models import ArticleCommentSettings, Comment, CommentStatus
from manchette.news.models import ArticlePage, AuthorPage, InfoPage, SectionPage
from manchette.topics.models import ArticleLinking, ArticleTopic, Topic

from .conftest import run_import

pytestmark = pytest.mark.django_db


def article(slug):
    return ArticlePage.objects.get(slug=slug)


def test_posts_become_articles_in_their_rubriques(export, uploads):
    code, out = run_import(export, uploads=uploads)
    assert code == 0, out
    gutenberg = article("article-gutenberg")
    assert gutenberg.title == "Le budget voté & adopté"
    assert gutenberg.live and gutenberg.featured
    assert gutenberg.section.slug == "politique"  # its category's top-level parent
    assert gutenberg.standfirst == "Le budget municipal est adopté."
    assert gutenberg.seo_title == "Budget : le vote"
    assert gutenberg.search_description == "Tout sur le vote du budget."
    assert gutenberg.lead_image.title == "Mairie"
    assert gutenberg.first_published_at.isoformat() == "2024-03-01T08:30:00+00:00"
    assert [a.title for a in gutenberg.authors] == ["Camille Rédactrice"]
    classic = article("article-classique")
    assert classic.section.slug == "culture"
    assert classic.standfirst.startswith("Premier paragraphe classique")
    assert ArticleCommentSettings.objects.get(article=classic).closed
    # A rubrique slug that is one of our routes is suffixed, and reported.
    assert article("dans-le-flux").section.slug == "flux-rubrique"
    assert "flux-rubrique" in out
    assert set(SectionPage.objects.values_list("slug", flat=True)) >= {"politique", "culture"}
    assert not SectionPage.objects.filter(slug="municipales").exists()
    topics = set(
        ArticleTopic.objects.filter(article=gutenberg).values_list("topic__name", flat=True)
    )
    assert topics == {"Municipales", "Budget"}
    assert Topic.objects.filter(name="Budget").count() == 1  # wp:tag and its wp:term copy
    assert AuthorPage.objects.filter(title="Paul Pigiste").exists()


def test_statuses_map_to_live_scheduled_draft_or_nothing(export):
    run_import(export)
    assert not ArticlePage.objects.filter(slug="corbeille").exists()
    for slug in ("prive", "protege", "relecture"):
        assert not article(slug).live, slug
    draft = ArticlePage.objects.get(title="Brouillon")
    assert not draft.live and draft.slug == "brouillon"
    scheduled = article("programme")
    assert not scheduled.live
    assert scheduled.go_live_at.year == 2030
    assert scheduled.latest_revision.approved_go_live_at.year == 2030


def test_bodies_become_blocks_without_wordpress_markup_or_scripts(export, uploads, client):
    run_import(export, uploads=uploads)
    gutenberg = article("article-gutenberg")
    types = [block.block_type for block in gutenberg.body]
    assert types == [
        "paragraph",
        "heading",
        "quote",
        "image",
        "paragraph",
        "embed",
        "paragraph",
        "paragraph",
    ]
    image = gutenberg.body[3].value
    assert (image["caption"], image["credit"]) == ("La mairie un soir de vote", "Jeanne Photo")
    classic = article("article-classique")
    assert [b.block_type for b in classic.body] == [
        "paragraph",
        "image",
        "embed",
        "heading",
        "paragraph",
    ]
    # A link to another imported post points at its new page (Wagtail's page link).
    assert f'<a id="{gutenberg.pk}" linktype="page">' in classic.body[4].value.source
    for page in (gutenberg, classic):
        html = client.get(page.url).content.decode()
        assert page.title.split()[0] in html
        for forbidden in ("<!-- wp:", "alert(", "onclick", "javascript:", "[contact-form-7"):
            assert forbidden not in html, forbidden


def test_threads_states_votes_and_pins(export, client, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    run_import(export)
    page = article("article-gutenberg")
    by_body = {c.body: c for c in Comment.objects.filter(article=page)}
    first, reply, deeper, deepest = (
        by_body[text]
        for text in (
            "Premier avis.",
            "Réponse au premier.",
            "Réponse à la réponse.",
            "Encore plus profond.",
        )
    )
    assert (reply.parent, deeper.parent) == (first, reply)
    # Deeper than our maximum: attached at the last level, still naming whom it answers.
    assert (deepest.parent, deepest.depth, deepest.reply_to) == (reply, 2, deeper)
    assert deepest.thread == first
    assert (first.upvotes, first.downvotes, first.score) == (5, 2, 3)
    pinned = by_body["Épinglé par la modération"]
    assert pinned.pinned and pinned.score == 0  # an object, not an array: ignored
    assert by_body["En attente."].status == CommentStatus.PENDING
    assert by_body["Achetez des montres"].status == CommentStatus.SPAM
    assert by_body["À la corbeille"].status == CommentStatus.REJECTED
    assert by_body["Un rétrolien"].status == CommentStatus.REJECTED
    assert "Note interne de la rédaction" not in by_body
    assert first.guest_email == "lecteur1001@example.net"
    assert first.client_hash and "192.0.2.10" not in first.client_hash
    html = client.get(page.url + "?tri=anciens").content.decode()
    html += client.get(f"/commentaires/article/{page.pk}/").content.decode()
    assert (
        html.index("Premier avis.")
        < html.index("Réponse au premier.")
        < html.index("Réponse à la réponse.")
    )
    for hidden in (
        "Note interne",
        "En attente.",
        "Achetez des montres",
        "Un rétrolien",
        "@example.net",
    ):
        assert hidden not in html, hidden


def test_every_old_address_answers_301(export, uploads, client):
    run_import(export, uploads=uploads)
    page = article("article-gutenberg")
    expected = {
        "/2024/03/01/article-gutenberg/": page.url,
        "/2024/03/01/ancien-titre/": page.url,
        "/2024/02/28/article-gutenberg/": page.url,
        "/?p=101": page.url,
        "/category/politique/": "/politique/",
        "/category/politique/feed/": "/flux/politique/",
        "/category/politique/municipales/": "/sujets/municipales/",
        "/category/municipales/": "/sujets/municipales/",
        "/tag/budget/": "/sujets/budget/",
        "/tag/budget/feed/": "/sujets/budget/flux/",
        "/author/camille/": AuthorPage.objects.get(title="Camille Rédactrice").url,
        "/feed/": "/flux/",
        "/category/flux/": "/flux-rubrique/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    upload = client.get("/wp-content/uploads/2024/03/mairie.png")
    assert upload.status_code == 301 and "original_images/mairie" in upload["Location"]
    assert client.get("/?p=999999").status_code == 200  # not imported: the home page, as before


def test_second_run_changes_nothing(export, uploads, tmp_path):
    run_import(export, uploads=uploads)
    models = (ArticlePage, Comment, Revision, Redirect, Topic)
    counts = [model.objects.count() for model in models]
    report = tmp_path / "second.json"
    code, _out = run_import(export, uploads=uploads, extra=["--report", str(report)])
    assert code == 0
    assert counts == [model.objects.count() for model in models]
    kinds = json.loads(report.read_text())["kinds"]
    for kind in ("post", "comment", "author", "attachment"):
        assert kinds[kind]["created"] == kinds[kind]["updated"] == 0, kind
    assert kinds["post"]["unchanged"] == 8


def test_article_edited_since_import_is_kept_and_reported(export, tmp_path):
    run_import(export)
    page = article("article-classique")
    page.title = "Titre retouché par la rédaction"
    page.save_revision().publish()
    export.write_text(
        export.read_text().replace("Article classique", "Titre changé dans WordPress")
    )
    code, out = run_import(export)
    assert code == 0
    assert article("article-classique").title == "Titre retouché par la rédaction"
    assert "Modifié depuis l’import" in out


def test_changed_post_is_updated_when_nobody_edited_it(export):
    run_import(export)
    export.write_text(
        export.read_text().replace("Article classique", "Titre changé dans WordPress")
    )
    run_import(export)
    assert article("article-classique").title == "Titre changé dans WordPress"


def test_import_is_quiet(export, uploads):
    mail.outbox.clear()
    run_import(export, uploads=uploads)
    assert mail.outbox == []
    assert not ArticleLinking.objects.exists()  # topic linking was not run per article


def test_dry_run_keeps_nothing(export):
    code, out = run_import(export, extra=["--dry-run"])
    assert code == 0
    assert not ArticlePage.objects.exists() and not Comment.objects.exists()
    assert "post : read 9, created 8" in out


def test_article_deleted_since_import_is_not_made_again(export):
    run_import(export)
    article("article-classique").delete()
    code, out = run_import(export)
    assert code == 0
    assert not ArticlePage.objects.filter(slug="article-classique").exists()
    assert "supprimé dans Manchette" in out


def test_old_addresses_with_tracking_parameters_and_their_targets(export, uploads, client):
    run_import(export, uploads=uploads)
    page = article("article-gutenberg")
    for old in ("/?p=101&utm_source=newsletter", "/?utm_medium=social&p=101", "/?p=101&amp=1"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, page.url), old
    response = client.get("/?page_id=200&utm_source=x")  # a page: an information page
    assert (response.status_code, response["Location"]) == (301, "/a-propos/")
    for old in (
        "/feed/",
        "/category/politique/feed/",
        "/tag/budget/",
        "/tag/budget/feed/",
        "/category/politique/municipales/",
        "/author/paul/",
    ):
        response = client.get(old, follow=True)
        assert response.redirect_chain[0][1] == 301, old
        assert response.status_code == 200, old


def test_no_page_shows_wordpress_markup_or_a_commenter_email(export, uploads, client):
    run_import(export, uploads=uploads)
    pages = [p.url for p in ArticlePage.objects.live()]
    pages += [p.url for p in SectionPage.objects.live()] + [
        p.url for p in AuthorPage.objects.live()
    ]
    pages += [t.url for t in Topic.objects.all()] + [f"{t.url}flux/" for t in Topic.objects.all()]
    pages += [p.url for p in InfoPage.objects.live()]
    pages += ["/", "/flux/", "/flux/politique/", "/sitemap.xml", "/recherche/?q=budget"]
    pages += [f"/commentaires/article/{p.pk}/" for p in ArticlePage.objects.live()]
    assert len(pages) > 15
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for forbidden in ("<!-- wp:", "@example.net", "[caption", "wp-content/uploads"):
            assert forbidden not in html, (url, forbidden)


def test_feeds_keep_wordpress_guids_and_ours_cannot_collide(export, client):
    from defusedxml import ElementTree as ET

    from manchette.news.factories import ArticleFactory

    run_import(export)
    ours = ArticleFactory(title="Écrit dans Manchette")
    items = ET.fromstring(client.get("/flux/").content).find("channel").findall("item")
    guids = {item.findtext("title"): item.findtext("guid") for item in items}
    # What readers of WordPress's feed knew the post as: not shown to them again as new.
    assert guids["Le budget voté & adopté"] == "https://ancien.example.org/?p=101"
    # Ours: not in WordPress's `?p=<id>` form, whatever ids the imported posts had.
    assert guids["Écrit dans Manchette"] == f"urn:uuid:{ours.translation_key}"
    assert len(set(guids.values())) == len(guids)
