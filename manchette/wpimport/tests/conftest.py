# ruff: noqa: E501 (sample WordPress content, as the editor writes it, on long lines)
import io

import pytest
from django.core.management import call_command

from . import wxr_builder as w

GUTENBERG = """<!-- wp:paragraph -->
<p>Le conseil municipal a voté <strong>mardi</strong> le budget. <a href="https://ancien.example.org/2024/03/01/article-classique/">Lire aussi</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Un vote serré</h2>
<!-- /wp:heading -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Nous avons tenu nos promesses.</p><cite>La maire</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:image {"id":50,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://ancien.example.org/wp-content/uploads/2024/03/mairie-1024x683.png" alt="La mairie" class="wp-image-50"/><figcaption>La mairie un soir de vote © Jeanne Photo</figcaption></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul><li>Écoles</li><li>Voirie</li></ul>
<!-- /wp:list -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc123","type":"video"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc123
</div></figure>
<!-- /wp:embed -->

<!-- wp:html -->
<p onclick="steal()">Texte <a href="javascript:alert(1)">piégé</a></p><script>alert("x")</script><style>p{}</style>
<!-- /wp:html -->

<!-- wp:acme/countdown {"to":"2024"} -->
<div class="acme">Compte à rebours ]]> fini</div>
<!-- /wp:acme/countdown -->"""

CLASSIC = """Premier paragraphe classique, écrit sans blocs.
Avec un retour à la ligne.

[caption id="attachment_50" align="alignnone" width="300"]<img class="size-medium wp-image-50" src="https://ancien.example.org/wp-content/uploads/2024/03/mairie-300x200.png" alt="Mairie" /> La mairie[/caption]

[contact-form-7 id="12" title="Contact"]

https://vimeo.com/123456

<h3>Intertitre classique</h3>

Un lien <a href="/?p=101">vers le premier article</a> et un <a href="https://autre.example.com/">lien externe</a>."""


def votes(like, dislike):
    return f'a:2:{{s:4:"like";i:{like};s:7:"dislike";i:{dislike};}}'


def sample_elements():
    return [
        w.author(1, "camille", "Camille Rédactrice"),
        w.author(2, "paul", "Paul Pigiste"),
        w.category(10, "politique", "Politique"),
        w.category(11, "municipales", "Municipales", parent="politique"),
        w.category(12, "culture", "Culture"),
        w.category(13, "flux", "Flux"),  # collides with our /flux/ route
        w.tag_term(20, "budget", "Budget"),
        w.term(20, "post_tag", "budget", "Budget"),  # repeated as wp:term
        w.item(
            50,
            "Mairie",
            "",
            post_type="attachment",
            status="inherit",
            slug="mairie",
            link=f"{w.SITE}/2024/03/01/article-gutenberg/mairie/",
            attachment_url=f"{w.SITE}/wp-content/uploads/2024/03/mairie.png",
            metas=[("_wp_attached_file", "2024/03/mairie.png")],
        ),
        w.item(
            51,
            "Absente",
            "",
            post_type="attachment",
            status="inherit",
            slug="absente",
            metas=[("_wp_attached_file", "2024/03/absente.jpg")],
        ),
        w.item(
            101,
            "Le budget voté &amp; adopté",
            GUTENBERG,
            slug="article-gutenberg",
            excerpt="Le budget municipal est adopté.",
            categories=[("municipales", "Municipales")],
            tags=[("budget", "Budget")],
            sticky=True,
            metas=[
                ("_thumbnail_id", "50"),
                ("_wp_old_slug", "ancien-titre"),
                ("_wp_old_date", "2024-02-28"),
                ("_yoast_wpseo_title", "Budget : le vote"),
                ("_yoast_wpseo_metadesc", "Tout sur le vote du budget."),
            ],
            comments=[
                w.comment(
                    1001,
                    "<p>Premier avis.</p>",
                    meta_items=[("wpdiscuz_votes_seperate", votes(5, -2))],
                ),
                w.comment(1002, "Réponse au premier.", parent=1001, date="2024-03-02 11:00:00"),
                w.comment(1003, "Réponse à la réponse.", parent=1002, date="2024-03-02 12:00:00"),
                w.comment(1004, "Encore plus profond.", parent=1003, date="2024-03-02 13:00:00"),
                w.comment(1005, "En attente.", approved="0"),
                w.comment(1006, "Achetez des montres", approved="spam"),
                w.comment(1007, "À la corbeille", approved="trash"),
                w.comment(1008, "Un rétrolien", kind="pingback"),
                w.comment(1009, "Note interne de la rédaction", kind="note"),
                w.comment(
                    1010,
                    "Épinglé par la modération",
                    date="2024-03-01 09:00:00",
                    meta_items=[
                        ("wpdiscuz_sticky", "1"),
                        ("wpdiscuz_votes_seperate", 'O:8:"stdClass":0:{}'),
                    ],
                ),
            ],
        ),
        w.item(
            102,
            "Article classique",
            CLASSIC,
            slug="article-classique",
            creator="paul",
            categories=[("culture", "Culture")],
            comment_status="closed",
        ),
        w.item(103, "Brouillon", "<p>Pas fini.</p>", slug="", status="draft"),
        w.item(
            104,
            "Programmé",
            "<p>Demain.</p>",
            slug="programme",
            status="future",
            date="2030-01-01 08:00:00",
        ),
        w.item(105, "À la corbeille", "<p>Supprimé.</p>", slug="corbeille", status="trash"),
        w.item(106, "Privé", "<p>Privé.</p>", slug="prive", status="private"),
        w.item(107, "Protégé", "<p>Secret.</p>", slug="protege", password="secret"),
        w.item(108, "En relecture", "<p>Relire.</p>", slug="relecture", status="pending"),
        w.item(
            109,
            "Dans le flux",
            "<p>Sans rubrique propre.</p>",
            slug="dans-le-flux",
            categories=[("flux", "Flux")],
        ),
        w.item(
            200,
            "À propos",
            "<p>Qui sommes-nous.</p>",
            post_type="page",
            slug="a-propos",
            link=f"{w.SITE}/a-propos/",
        ),
    ]


@pytest.fixture
def uploads(tmp_path):
    from PIL import Image

    folder = tmp_path / "uploads" / "2024" / "03"
    folder.mkdir(parents=True)
    Image.new("RGB", (40, 30), "navy").save(folder / "mairie.png")
    return tmp_path / "uploads"


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(w.document(*sample_elements()), encoding="utf-8")
    return path


def run_import(*paths, uploads=None, extra=()):
    """Runs the command; returns (exit code, printed output)."""
    out = io.StringIO()
    args = [str(p) for p in paths] + list(extra)
    if uploads:
        args += ["--uploads", str(uploads)]
    try:
        call_command("import_wordpress", *args, stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue()
