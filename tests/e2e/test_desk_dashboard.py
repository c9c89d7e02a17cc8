"""The desk on the admin's home page: a journalist sees their drafts, what waits for review,
what is scheduled and what was published today, and starts a new article in a rubrique in
one click; an editor also finds the newsletter in the menu."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Workflow

from manchette.core.site_structure import EDITORS, JOURNALISTS
from manchette.news.factories import ArticleFactory, SectionFactory
from tests.e2e.staff import make_staff, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_journalist_reads_the_desk_and_starts_an_article_in_one_click(
    page, live_server, screenshot
):
    france = SectionFactory(title="France", slug="france")
    SectionFactory(title="International", slug="international")
    journalist = make_staff("journaliste", JOURNALISTS, "Camille", "Durand")
    ArticleFactory(parent=france, title="Les urgences débordées", draft=True, owner=journalist)
    review = ArticleFactory(parent=france, title="La réforme des retraites", draft=True)
    review.save_revision(user=journalist)
    Workflow.objects.get(name="Relecture").start(review, journalist)
    scheduled = ArticleFactory(parent=france, title="Le budget au Sénat", draft=True)
    scheduled.go_live_at = timezone.now() + timedelta(hours=2)
    scheduled.save_revision(user=journalist, approved_go_live_at=scheduled.go_live_at)
    ArticleFactory(parent=france, title="Le tramway arrive à Villeurbanne", hours_ago=1)

    sign_in(page, live_server, "journaliste")
    desk = page.locator("#desk-section")
    for heading, title in [
        ("Mes brouillons", "Les urgences débordées"),
        ("En attente de relecture", "La réforme des retraites"),
        ("Programmés", "Le budget au Sénat"),
        ("Publiés aujourd’hui", "Le tramway arrive à Villeurbanne"),
    ]:
        section = desk.get_by_role("region", name=heading)
        expect(section.get_by_role("link", name=title)).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "admin-desk")

    desk.get_by_role("link", name="Nouvel article en France").click()
    page.wait_for_url(f"**/admin/pages/add/news/articlepage/{france.pk}/")
    expect(page.get_by_role("textbox", name="Titre*")).to_be_visible()


def test_editor_finds_the_newsletter_in_the_menu(page, live_server):
    make_staff("editrice", EDITORS, "Léa", "Martin")
    sign_in(page, live_server, "editrice")
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Newsletter").click()
    menu.get_by_role("link", name="Lettres").click()
    page.wait_for_url("**/newsletter/lettres/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lettres")
