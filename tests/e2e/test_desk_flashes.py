"""Flash info at the desk: a flash is published by default, lasts a preset duration, can be
sent to the Alertes list, is listed as live, scheduled or expired, and "Retirer maintenant"
takes it off every page. On a phone the banner folds to one line that a button unfolds."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from manchette.core.site_structure import EDITORS
from manchette.news.factories import ArticleFactory, FlashFactory
from manchette.news.models import Flash
from tests.e2e.staff import make_staff, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Coupure d’électricité géante dans le Sud-Est"


@pytest.fixture
def reader(browser, live_server):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def flash_row(page, text):
    return page.get_by_role("row").filter(has_text=text)


def test_editor_fires_a_ten_minute_alert_flash_then_withdraws_it(
    page, reader, live_server, screenshot
):
    article = ArticleFactory(title="La rentrée scolaire en chiffres")
    FlashFactory(text="Fin de la grève à la SNCF", expired=True)
    FlashFactory(text="Résultats du second tour à 20 heures", upcoming=True)
    make_staff("editeur", EDITORS, "Léa", "Martin")

    sign_in(page, live_server, "editeur")
    page.get_by_role("link", name="Flash info").click()
    page.wait_for_url("**/admin/snippets/news/flash/")
    page.get_by_role("link", name="Ajouter un(e) flash info").first.click()
    page.wait_for_url("**/admin/snippets/news/flash/add/")
    page.get_by_role("textbox", name="Texte*").fill(TEXT)
    expect(page.get_by_role("combobox", name="Statut*")).to_have_value("published")
    page.get_by_role("radio", name="10 minutes").check()
    page.get_by_role("checkbox", name="envoyer aux abonnés de la liste « Alertes »").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url("**/admin/snippets/news/flash/")

    flash = Flash.objects.get(text=TEXT)
    assert flash.is_live and flash.send_alert
    assert flash.ends_at - flash.starts_at == timedelta(minutes=10)
    expect(flash_row(page, TEXT)).to_contain_text("En ligne")
    expect(flash_row(page, "Fin de la grève")).to_contain_text("Terminé")
    expect(flash_row(page, "Résultats du second tour")).to_contain_text("Programmé")
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "admin-flash-list")

    reader.goto(live_server.url + article.url)
    expect(reader.get_by_role("region", name="Flash info")).to_contain_text(TEXT)

    flash_row(page, TEXT).get_by_role("link", name="Retirer maintenant").click()
    page.get_by_role("button", name="Retirer maintenant").click()
    page.wait_for_url("**/admin/snippets/news/flash/")
    expect(page.get_by_text("est retiré du site")).to_be_visible()
    expect(flash_row(page, TEXT)).to_contain_text("Terminé")
    expect(flash_row(page, TEXT).get_by_role("link", name="Retirer maintenant")).to_have_count(0)

    reader.goto(live_server.url + article.url)
    expect(reader.get_by_role("region", name="Flash info")).to_have_count(0)


def test_on_a_phone_the_flashes_fold_to_one_line_that_a_button_unfolds(browser, live_server):
    article = ArticleFactory(title="La rentrée scolaire en chiffres")
    for n in range(3):
        FlashFactory(text=f"Information de dernière minute numéro {n}, avec un long texte")
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(live_server.url + article.url)

    banner = page.get_by_role("region", name="Flash info")
    toggle = banner.get_by_role("button", name="Voir les 3 flashs")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    items = banner.get_by_role("listitem")
    expect(items.nth(0)).to_be_visible()
    expect(items.nth(1)).to_be_hidden()
    assert banner.bounding_box()["height"] < 60  # one line

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for n in range(3):
        expect(items.nth(n)).to_be_visible()

    toggle.press("Enter")  # from the keyboard too
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(items.nth(2)).to_be_hidden()

    # On a wide screen every flash shows, and there is nothing to unfold.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(toggle).to_be_hidden()
    expect(items.nth(2)).to_be_visible()
    phone.close()
