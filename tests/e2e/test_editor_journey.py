"""Editors in the Wagtail admin (in French): write and publish an article that the home page
then shows, fire a flash that an article page then shows, schedule an article that the real
worker publishes; a journalist writes and submits for review but cannot publish."""

import contextlib
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from wagtail.models import Page, Revision

from manchette.core.site_structure import EDITORS, JOURNALISTS, create_roles
from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.news.models import ArticlePage, Flash, FlashStatus
from tests.e2e.staff import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def make_user(username, group_name):
    create_roles(apps)  # the flush of the previous test took the groups away
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, display_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def open_new_article_form(page, live_server, section):
    """From the section's page listing, "Ajouter une sous-page" (articles are its only kind)."""
    page.goto(f"{live_server.url}/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Ajouter une sous-page").click()
    page.wait_for_url(f"**/admin/pages/add/news/articlepage/{section.pk}/")


# The article a journalist writes in several journeys: title, slug, chapô, first paragraph.
CLUB_PROMOTED = (
    "Le club local monte en deuxième division",
    "le-club-local-monte",
    "Une saison historique pour l’équipe.",
    "Les supporters ont fêté la montée toute la nuit.",
)


def write_article(page, title, slug, standfirst, paragraph):
    page.get_by_role("textbox", name="Surtitre").fill("Transports")
    page.get_by_role("textbox", name="Titre*").fill(title)
    page.get_by_role("textbox", name="Chapô*").fill(standfirst)
    page.get_by_role("button", name="Insérer un bloc").click()
    page.get_by_role("option", name="Paragraphe").click()
    type_paragraph(page, paragraph)
    # The slug: set by hand, so the URL the test reads is known.
    page.get_by_role("tab", name="Promotion").click()
    page.get_by_role("textbox", name="Slug*").fill(slug)
    page.get_by_role("tab", name="Contenu").click()


def type_paragraph(page, paragraph):
    """Type into the paragraph block just inserted, and wait until Draftail has written it
    into the form's hidden field: typed before the editor is ready, the text is lost, and
    saved before Draftail's debounced save, the block goes out empty ("Champ requis")."""
    editor = page.locator("[role=textbox][contenteditable=true]").last
    expect(editor).to_be_editable()
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(paragraph)
    expect(editor).to_have_text(paragraph)
    first_word = re.escape(paragraph.split()[0])
    expect(page.locator("input[type=hidden][id^=body-][id$=-value]").last).to_have_value(
        re.compile(first_word)
    )


def open_more_actions(page):
    page.get_by_role("button", name="Plus d'actions").click()


@pytest.fixture
def reader(browser, live_server):
    """An anonymous reader: a browser context of its own, without any cookie."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_editor_writes_and_publishes_an_article_that_the_home_page_then_shows(
    page, reader, live_server, screenshot
):
    section = SectionFactory(title="Politique", slug="politique")
    ArticleFactory(parent=section, title="Un article déjà en ligne", hours_ago=2)
    make_user("editrice", EDITORS)

    # The reader's home page is in the page cache before the article exists.
    reader.goto(live_server.url + "/")
    assert reader.goto(live_server.url + "/").headers.get("x-page-cache") == "hit"
    expect(reader.get_by_role("main")).not_to_contain_text("Le tramway arrive à Villeurbanne")

    sign_in(page, live_server, "editrice")
    open_new_article_form(page, live_server, section)
    write_article(
        page,
        "Le tramway arrive à Villeurbanne",
        "le-tramway-arrive-a-villeurbanne",
        "La nouvelle ligne relie la gare au campus en vingt minutes.",
        "Les premières rames circulent dès lundi matin.",
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "admin-edit-article")
    open_more_actions(page)
    page.get_by_role("button", name="Publier", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{section.pk}/")
    # "créée et publiée", or "a été publiée" when Wagtail's autosave kept a draft first.
    confirmation = page.get_by_text(
        re.compile(r"«\s*Le tramway arrive à Villeurbanne\s*»\s*(créée et publiée|a été publiée)")
    )
    expect(confirmation).to_be_visible()

    # The publication purged the cached home page: the reader sees the article at once.
    response = reader.goto(live_server.url + "/")
    assert response.headers.get("x-page-cache") == "miss"
    link = reader.get_by_role("main").get_by_role("link", name="Le tramway arrive à Villeurbanne")
    expect(link).to_be_visible()
    link.click()
    reader.wait_for_url(live_server.url + "/politique/le-tramway-arrive-a-villeurbanne/")
    expect(reader.get_by_role("main")).to_contain_text("Les premières rames circulent dès lundi")
    assert reader.context.cookies() == []


def test_editor_fires_a_flash_that_an_article_page_then_shows(
    page, reader, live_server, screenshot
):
    article = ArticleFactory(title="La rentrée scolaire en chiffres")
    make_user("editeur", EDITORS)

    reader.goto(live_server.url + article.url)
    assert reader.goto(live_server.url + article.url).headers.get("x-page-cache") == "hit"
    expect(reader.get_by_role("region", name="Flash info")).to_have_count(0)

    sign_in(page, live_server, "editeur")
    page.get_by_role("link", name="Flash info").click()
    page.wait_for_url("**/admin/snippets/news/flash/")
    page.get_by_role("link", name="Ajouter un(e) flash info").first.click()
    page.wait_for_url("**/admin/snippets/news/flash/add/")
    text = "Séisme ressenti dans les Alpes : pas de victime"
    page.get_by_role("textbox", name="Texte*").fill(text)
    page.get_by_role("combobox", name="Priorité*").select_option(label="Alerte")
    started = timezone.localtime() - timedelta(minutes=10)
    page.get_by_role("textbox", name="Début*").fill(started.strftime("%Y-%m-%d %H:%M"))
    page.get_by_role("combobox", name="Statut*").select_option(label="Publié")
    page.set_viewport_size({"width": 1280, "height": 900})
    # Wagtail's date picker (jQuery's xdsoft) stays open over the save button and the
    # screenshot while the time field has focus, and opens again on a resize: close it as a
    # click elsewhere would.
    page.add_style_tag(content=".xdsoft_datetimepicker { display: none !important; }")
    screenshot(page, "admin-flash")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url("**/admin/snippets/news/flash/")
    expect(page.get_by_role("link", name="Séisme ressenti dans les Alpes")).to_be_visible()

    flash = Flash.objects.get()
    assert flash.status == FlashStatus.PUBLISHED and flash.is_live

    reader.goto(live_server.url + article.url)
    banner = reader.get_by_role("region", name="Flash info")
    expect(banner).to_contain_text("Séisme ressenti dans les Alpes : pas de victime")
    expect(banner).to_contain_text("Alerte")


def database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def shared_cache(settings, tmp_path):
    """The live server and the worker subprocess see the same cache, as in production."""
    env = {}
    if not os.environ.get("REDIS_URL"):  # Redis is shared already
        folder = tmp_path / "cache"
        settings.CACHES = {
            "default": {
                "BACKEND": "manchette.core.filecache.FileCache",
                "LOCATION": str(folder),
            }
        }
        env["E2E_CACHE_DIR"] = str(folder)
    return env


def test_editor_schedules_an_article_that_the_worker_publishes(
    page, reader, live_server, shared_cache
):
    section = SectionFactory(title="Économie", slug="economie")
    ArticleFactory(parent=section, title="Un article déjà en ligne", hours_ago=2)
    make_user("editeur", EDITORS)
    url = live_server.url + "/economie/les-chiffres-du-chomage/"

    sign_in(page, live_server, "editeur")
    open_new_article_form(page, live_server, section)
    write_article(
        page,
        "Les chiffres du chômage",
        "les-chiffres-du-chomage",
        "L’Insee publie ses chiffres trimestriels.",
        "Le taux de chômage reste stable.",
    )
    page.get_by_role("button", name="Afficher/masquer le statut").click()
    page.get_by_role("button", name="Programmer").click()
    dialog = page.get_by_role("dialog")
    go_live = timezone.localtime() + timedelta(hours=1)
    dialog.get_by_label("Date/heure de publication").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # From the keyboard: the date picker's calendar stays open over the button.
    dialog.get_by_role("button", name="Enregistrer la programmation").press("Enter")
    expect(dialog).to_be_hidden()
    open_more_actions(page)
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Programmer pour publication").click()
    explorer = f"{live_server.url}/admin/pages/{section.pk}/"
    try:
        page.wait_for_url(explorer)
    except PlaywrightTimeoutError as error:
        messages = page.locator(".messages").all_inner_texts()
        raise AssertionError(f"still on {page.url} after scheduling: {messages}") from error

    article = ArticlePage.objects.get(slug="les-chiffres-du-chomage")
    assert not article.live and article.go_live_at is not None
    assert reader.goto(url).status == 404
    reader.goto(live_server.url + "/")  # the home page, cached without it
    assert reader.goto(live_server.url + "/").headers.get("x-page-cache") == "hit"

    # An hour later (moved back in the database, rather than waited for)...
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.page_revisions.get(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    Page.objects.filter(pk=article.pk).update(go_live_at=past)

    # ...the real worker, whose clock runs scheduled publishing as it starts, publishes it.
    env = {
        **os.environ,
        **shared_cache,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.worker_settings",
        "DATABASE_URL": database_url(),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    published = False
    try:
        try:
            reader.wait_for_function(
                # A synchronous request: wait_for_function does not wait for a promise.
                """url => {
                  const request = new XMLHttpRequest();
                  request.open('HEAD', url, false);
                  request.send();
                  return request.status === 200;
                }""",
                arg=url,
                polling=250,
                timeout=60_000,
            )
            published = True
        except PlaywrightTimeoutError:
            pass  # reported below, with what the worker printed
        assert published and ArticlePage.objects.get(pk=article.pk).live, stop(worker)

        assert reader.goto(url).status == 200
        expect(reader.get_by_role("heading", level=1)).to_have_text("Les chiffres du chômage")
        # The worker's purge reaches the live server's page cache. Wagtail commits the page
        # before it sends `page_published`, so a reader may see the article before the worker
        # has purged the home page: the worker keeps running (stopped at once, it could be
        # killed between its commit and its purge, which left the home page stale in a full
        # run at twice the usual load) and the test waits (bounded) for the home page to list
        # it. The bound is the publication's own: on a loaded machine the worker took more
        # than 10 s between its commit and its purge. A stale page kept by a cache stays
        # stale, so this still fails: reported below, with the cache.
        with contextlib.suppress(PlaywrightTimeoutError):
            reader.wait_for_function(
                """([url, title]) => {
                  const request = new XMLHttpRequest();
                  request.open('GET', url, false);
                  request.send();
                  return request.responseText.includes(title);
                }""",
                arg=[live_server.url + "/", "Les chiffres du chômage"],
                polling=100,
                timeout=60_000,
            )
        home = reader.goto(live_server.url + "/")
        listed = reader.get_by_role("main").get_by_role("link", name="Les chiffres du chômage")
        try:
            expect(listed).to_be_visible()
        except AssertionError as error:
            # Which cache served the stale page, if one did: the page cache (hit) or a fragment.
            status = home.headers.get("x-page-cache")
            raise AssertionError(
                f"home page without the article (X-Page-Cache: {status})\n{stop(worker)}"
            ) from error
    finally:
        stop(worker)


def stop(worker):
    """Stops the worker (once) and returns what it printed."""
    if worker.returncode is None:
        worker.terminate()
        worker.output = worker.communicate(timeout=30)[0].decode()
    return getattr(worker, "output", "")


def test_journalist_writes_and_submits_for_review_but_cannot_publish(page, reader, live_server):
    section = SectionFactory(title="Sport", slug="sport")
    make_user("journaliste", JOURNALISTS)

    sign_in(page, live_server, "journaliste")
    open_new_article_form(page, live_server, section)
    write_article(page, *CLUB_PROMOTED)
    open_more_actions(page)
    expect(page.get_by_role("button", name="Soumettre à Relecture")).to_be_visible()
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Programmer pour publication")).to_have_count(0)
    page.get_by_role("button", name="Soumettre à Relecture").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{section.pk}/")

    article = ArticlePage.objects.get(slug="le-club-local-monte")
    assert not article.live
    state = article.current_workflow_state
    assert state is not None and state.workflow.name == "Relecture"
    assert state.current_task_state.task.name == "Validation par un éditeur"
    assert reader.goto(live_server.url + "/sport/le-club-local-monte/").status == 404
    # Even by hand, the publish action is refused.
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    expect(page.get_by_role("textbox", name="Titre*")).to_have_value(
        "Le club local monte en deuxième division"
    )
    open_more_actions(page)
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
