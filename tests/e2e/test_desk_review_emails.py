"""A journalist submits an article for review (relecture) from the desk; the editors get an
e-mail in newsroom French whose links lead to the site's own address (SITE_URL), and the
preview it opens shows the article's date."""

import re

import pytest
from playwright.sync_api import expect

from manchette.core.site_structure import EDITORS, JOURNALISTS
from manchette.news.factories import SectionFactory
from tests.e2e.staff import make_staff, sign_in
from tests.e2e.test_editor_journey import CLUB_PROMOTED, open_more_actions, write_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site_at_live_server(settings, live_server):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def test_journalist_submits_and_the_editor_reads_a_french_email_with_working_links(
    page, browser, live_server, smtp_sink, site_at_live_server
):
    sport = SectionFactory(title="Sport", slug="sport")
    make_staff("journaliste", JOURNALISTS, "Camille", "Durand")
    make_staff("editrice", EDITORS, "Léa", "Martin")

    sign_in(page, live_server, "journaliste")
    page.get_by_role("link", name="Nouvel article en Sport").click()
    page.wait_for_url(f"**/admin/pages/add/news/articlepage/{sport.pk}/")
    write_article(page, *CLUB_PROMOTED)
    open_more_actions(page)
    page.get_by_role("button", name="Soumettre à Relecture").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{sport.pk}/")
    expect(page.get_by_text(re.compile(r"soumise en relecture"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"modération"))).to_have_count(0)

    to_editor = [m for m in smtp_sink.messages if m["to"] == ["editrice@example.org"]]
    assert len(to_editor) == 1
    message = to_editor[0]["message"]
    body = text_of(message)
    assert message["Subject"].strip() == "À relire : « Le club local monte en deuxième division »"
    assert body.startswith("Bonjour Léa,")
    assert (
        "Camille Durand a soumis « Le club local monte en deuxième division » en relecture le"
        in body
    )
    assert "Rubrique : Sport." in body
    links = re.findall(r"https?://\S+", body)
    prose = re.sub(r"https?://\S+", "", body)
    for word in ("workflow", "modération", "Salut", "editrice"):
        assert word not in prose
    assert links and all(link.startswith(live_server.url + "/admin/") for link in links)

    # The editor follows the e-mail's preview link: the draft shows when it is previewed.
    editor = browser.new_context().new_page()
    sign_in(editor, live_server, "editrice")
    preview = next(link for link in links if "preview" in link or "view_draft" in link)
    editor.goto(preview)
    expect(editor.get_by_role("heading", level=1)).to_have_text(
        "Le club local monte en deuxième division"
    )
    expect(editor.locator(".article__dates")).to_contain_text("Pas encore publié — aperçu du")
    editor.context.close()
