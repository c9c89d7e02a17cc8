"""The byline in the article editor: the signed-in journalist is already there on a new
article; other authors are found by a search in a chooser, several at once, and kept in order."""

import pytest
from playwright.sync_api import expect

from manchette.core.site_structure import JOURNALISTS
from manchette.news.factories import AuthorFactory, SectionFactory
from manchette.news.models import ArticlePage
from tests.e2e.staff import make_staff, sign_in
from tests.e2e.test_editor_journey import CLUB_PROMOTED, write_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_journalist_signs_a_new_article_with_two_colleagues_in_order(page, live_server):
    sport = SectionFactory(title="Sport", slug="sport")
    journalist = make_staff("journaliste", JOURNALISTS, "Camille", "Durand")
    AuthorFactory(title="Camille Durand", slug="camille-durand", user=journalist)
    AuthorFactory(title="Marc Perrin", slug="marc-perrin")
    AuthorFactory(title="Claire Morel", slug="claire-morel")
    AuthorFactory(title="Paul Martin", slug="paul-martin")

    sign_in(page, live_server, "journaliste")
    page.get_by_role("link", name="Nouvel article en Sport").click()
    page.wait_for_url(f"**/admin/pages/add/news/articlepage/{sport.pk}/")
    authors = page.get_by_role("region", name="Auteurs")
    expect(authors).to_contain_text("Camille Durand")

    # A search, then one author.
    authors.get_by_role("button", name="Ajouter un(e) auteur").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Terme de recherche").fill("Perrin")
    expect(dialog.get_by_role("checkbox", name="Claire Morel")).to_have_count(0)
    dialog.get_by_role("checkbox", name="Marc Perrin").check()
    dialog.get_by_role("button", name="Confirmer la sélection").click()
    expect(dialog).to_be_hidden()
    # Several at once.
    authors.get_by_role("button", name="Ajouter un(e) auteur").click()
    dialog.get_by_role("checkbox", name="Claire Morel").check()
    dialog.get_by_role("checkbox", name="Paul Martin").check()
    dialog.get_by_role("button", name="Confirmer la sélection").click()
    expect(dialog).to_be_hidden()

    def entry(name):
        return page.locator("[id^=inline_child_author_links-]:not([id*=__prefix__])").filter(
            has=page.locator("[id$=-panel-content]", has_text=name)
        )

    entry("Paul Martin").get_by_role("button", name="Supprimer").click()
    entry("Claire Morel").get_by_role("button", name="Monter").click()

    write_article(page, *CLUB_PROMOTED)
    page.set_viewport_size({"width": 1280, "height": 900})
    authors.scroll_into_view_if_needed()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("créée")).to_be_visible()

    article = ArticlePage.objects.get(slug="le-club-local-monte")
    draft = article.get_latest_revision_as_object()
    assert [a.title for a in draft.authors] == ["Camille Durand", "Claire Morel", "Marc Perrin"]
