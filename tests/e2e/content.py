"""A small newsroom for the browser and page tests: every reader page type, with the least
content that shows each part of it (a thread of comments with replies and votes, reactions,
a topic).

Transactional tests flush the database after each test, so each test builds what it reads.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from manchette.comments.factories import CommentFactory
from manchette.news.factories import (
    ArticleFactory,
    AuthorFactory,
    FlashFactory,
    SectionFactory,
    home_page,
    paragraph,
)
from manchette.reactions.factories import default_kinds
from manchette.topics.factories import TopicFactory
from manchette.topics.models import ArticleTopic


@pytest.fixture
def served_media(settings):
    """Images written where the site serves /media/ from, so pages show real pictures.

    The test settings keep media in memory, which nothing serves over HTTP; a browser test
    that looks at pages (and screenshots them) needs the files on disk.
    """
    folder = Path(settings.MEDIA_ROOT) / f"e2e-{id(settings)}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder), "base_url": f"{settings.MEDIA_URL}{folder.name}/"},
        },
    }
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Newsroom:
    home: object
    section: object
    other_section: object
    author: object
    article: object
    other_article: object
    flash: object
    topic: object
    comment: object


def newsroom():
    """Two sections, an author with a photo, a full article (lead image, intertitle, quote,
    source and dateline, a topic, reactions, a thread of comments with replies and votes),
    a second article, and a live flash."""
    default_kinds()
    home = home_page()
    section = SectionFactory(title="Politique", slug="politique", menu_order=1)
    other_section = SectionFactory(title="Culture", slug="culture", menu_order=2)
    author = AuthorFactory(
        title="Camille Durand",
        slug="camille-durand",
        role="Journaliste politique",
        bio="Camille Durand suit la vie politique locale.",
        with_photo=True,
    )
    article = ArticleFactory(
        parent=section,
        title="Élections municipales : la campagne s’ouvre à Lyon",
        slug="elections-municipales-lyon",
        kicker="Municipales",
        standfirst="Six listes se disputent la mairie ; le premier débat a eu lieu mardi soir.",
        source="avec AFP",
        dateline="Lyon",
        with_image=True,
        lead_image_alt="La façade de l’hôtel de ville de Lyon",
        body=[
            paragraph(
                "Le premier débat a réuni les six têtes de liste devant trois cents Lyonnais."
            ),
            ("heading", "Le logement au cœur des échanges"),
            paragraph("Les candidats ont surtout parlé des loyers et des transports en commun."),
            (
                "quote",
                {
                    "quote": "Nous voulons une ville où l’on peut se loger.",
                    "attribution": "Une candidate",
                },
            ),
            paragraph("Le second débat est prévu la semaine prochaine."),
        ],
        authors=[author],
        hours_ago=1,
    )
    other_article = ArticleFactory(
        parent=other_section,
        title="Le festival de cinéma de plein air ouvre ses portes",
        slug="festival-cinema-plein-air",
        kicker="Cinéma",
        authors=[author],
        hours_ago=3,
    )
    flash = FlashFactory(text="Coupure d’électricité dans le centre de Lyon")
    topic = TopicFactory(name="Lyon", slug="lyon", kind="place")
    ArticleTopic.objects.create(article=article, topic=topic, count=2, linked=True)
    comment = CommentFactory(
        article=article, author_name="Jeanne", body="Merci pour ce compte rendu.", upvotes=3
    )
    reply = CommentFactory(parent=comment, author_name="Paul", body="D’accord.", downvotes=1)
    CommentFactory(parent=reply, author_name="Jeanne", body="Le second débat dira.")
    CommentFactory(article=article, author_name="Ana", body="Et les transports ?")
    return Newsroom(
        home, section, other_section, author, article, other_article, flash, topic, comment
    )


def reader_pages(room):
    """Every reader page type: (name, path, expected status)."""
    return [
        ("accueil", "/", 200),
        ("rubrique", room.section.url, 200),
        ("article", room.article.url, 200),
        ("auteur", room.author.url, 200),
        ("auteurs", room.author.get_parent().url, 200),
        ("recherche", "/recherche/?q=%C3%A9lection", 200),
        ("recherche vide", "/recherche/?q=hippopotame", 200),
        ("formulaire de recherche", "/recherche/", 200),
        ("sujets", "/sujets/", 200),
        ("sujet", room.topic.url, 200),
        ("suivre un sujet", f"{room.topic.url}suivre/", 200),
        ("commentaires", f"/commentaires/article/{room.article.pk}/", 200),
        ("écrire un commentaire", f"/commentaires/poster/?article={room.article.pk}", 200),
        ("signaler un commentaire", f"/commentaires/{room.comment.pk}/signaler/", 200),
        ("réagir", f"/reactions/{room.article.pk}/reagir/", 200),
        ("newsletter", "/newsletter/inscription/", 200),
        ("préférences de newsletter", "/newsletter/preferences/", 200),
        ("connexion", "/compte/connexion/", 200),
        ("404", "/cette-page-n-existe-pas/", 404),
    ]


def reader_acts_on_the_article(page, room):
    """On the newsroom's article (JavaScript on): reacts and sees the results, votes for a
    comment, answers it, and posts a comment held until the address is confirmed."""
    from playwright.sync_api import expect

    box = page.locator("#reactions")
    box.get_by_role("button", name="Instructif").click()
    expect(box.locator("[data-result]").first).to_be_visible()
    first = page.locator(f"#comment-{room.comment.pk} > .comment__card")
    first.locator(".comment__vote button[value=up]").click()
    expect(first.locator(".comment__up")).to_have_text("4")
    first.get_by_role("link", name="Répondre").click()
    form = page.locator("#formulaire")
    expect(form.locator(".comment-form__replying")).to_contain_text("Jeanne")
    form.get_by_label("Votre commentaire").fill("Une réponse qui attend sa confirmation.")
    form.get_by_label("Nom").fill("Louise")
    form.get_by_label("E-mail (jamais affiché)").fill("louise@example.org")
    form.get_by_role("button", name="Publier").click()
    expect(form.locator(".comment-form__status")).to_contain_text("cliquez sur le lien")
