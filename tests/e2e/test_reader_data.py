"""« Mes données » in Chromium: a guest proves their address, downloads and erases their data."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from manchette.comments.factories import CommentFactory
from manchette.news.factories import ArticleFactory

EMAIL = "camille.invitee@example.org"
NAME = "Camille Invitée"


def emailed_link(sink, live_server):
    text = sink.messages[-1]["message"].get_body(("plain",)).get_content()
    return live_server.url + re.search(r"https?://[^/\s]+(/compte/connexion/\S+)", text).group(1)


@pytest.mark.django_db(transaction=True)
def test_a_guest_downloads_then_erases_their_data(page, browser, live_server, smtp_sink):
    article = ArticleFactory(title="Un article commenté")
    comment = CommentFactory(article=article, guest_email=EMAIL, author_name=NAME)
    # Another reader has the article page in the page cache, with the guest's name on it.
    other = browser.new_context().new_page()
    other.goto(live_server.url + article.url)
    expect(other.locator(f"#comment-{comment.pk}-author")).to_have_text(NAME)

    page.goto(live_server.url + "/compte/donnees/")  # not signed in: asked for the address
    expect(page.get_by_role("heading", name="Vos données")).to_be_visible()
    page.get_by_label("Votre adresse e-mail :").fill(EMAIL)
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.get_by_role("status")).to_contain_text("Si l’adresse")

    page.goto(emailed_link(smtp_sink, live_server))
    page.get_by_role("button", name="Me connecter").click()
    expect(page.get_by_role("heading", name="Mes données", exact=True)).to_be_visible()
    expect(page.get_by_text("1 commentaire", exact=True)).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger mes données (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("mes-donnees-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["email"] == EMAIL
    assert [(c["id"], c["author_name"]) for c in data["comments"]] == [(comment.pk, NAME)]

    page.get_by_role("button", name="Effacer définitivement mes données").click()
    expect(page.get_by_text("Cochez la case pour confirmer l’effacement.")).to_be_visible()
    page.get_by_label("Les garder, signés « Lecteur anonyme »").check()
    page.get_by_label("Je comprends que l’effacement est définitif").check()
    page.get_by_role("button", name="Effacer définitivement mes données").click()
    expect(page.get_by_role("heading", name="Données effacées")).to_be_visible()

    other.goto(live_server.url + article.url)
    expect(other.locator(f"#comment-{comment.pk}-author")).to_have_text("Lecteur anonyme")
    expect(other.get_by_text(comment.body)).to_be_visible()
    assert NAME not in other.content()
    page.goto(live_server.url + "/compte/donnees/")
    expect(page.get_by_role("heading", name="Vos données")).to_be_visible()  # signed out
