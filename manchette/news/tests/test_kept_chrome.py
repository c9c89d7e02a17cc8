"""The site's chrome kept in each process (header and footer under the site version, the
flash banner under its items), page and fragment caches off: rendered once, never stale."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from manchette.core.caching import fragments
from manchette.core.models import SiteSettings
from manchette.news.factories import FlashFactory, SectionFactory
from manchette.news.templatetags import chrome

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def whole_renders(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_header_and_footer_are_rendered_once_per_site_version(client, section, monkeypatch):
    renders = []
    real = fragments.cached_fragment

    def counted(key, render):
        renders.append(key.split(":")[4])  # the fragment's name
        return real(key, render)

    monkeypatch.setattr(fragments, "cached_fragment", counted)
    first = page(client, section.url)
    assert page(client, section.url) == first
    assert renders.count("header") == 1 and renders.count("footer") == 1
    # Past their lifetime (a change made without a purge, by hand, shows within it), they
    # are rendered again.
    later = timezone.now() + timedelta(seconds=fragments.SITE_FRAGMENT_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        page(client, section.url)
        page(client, section.url)
    assert renders.count("header") == 2 and renders.count("footer") == 2


def test_a_site_settings_change_shows_at_once(client, section):
    assert "La Gazette du Rhône" not in page(client, section.url)
    site_settings = SiteSettings.load()
    site_settings.site_name = "La Gazette du Rhône"
    site_settings.save()
    assert "La Gazette du Rhône" in page(client, section.url)


def test_a_new_rubrique_shows_in_the_menu_at_once(client, section):
    assert "/sciences/" not in page(client, section.url)
    SectionFactory(title="Sciences", slug="sciences", live=False).save_revision().publish()
    assert 'href="/sciences/"' in page(client, section.url)


def test_the_flash_banner_follows_its_items(client, section):
    assert 'class="flash"' not in page(client, section.url)
    flash = FlashFactory(text="Le port de Marseille est rouvert")
    assert "Le port de Marseille est rouvert" in page(client, section.url)
    flash.text = "Le port de Marseille reste fermé"
    flash.save()
    html = page(client, section.url)
    assert "Le port de Marseille reste fermé" in html and "est rouvert" not in html
    flash.delete()
    assert 'class="flash"' not in page(client, section.url)


def test_a_flash_that_starts_and_ends_shows_then_goes(client, section):
    start = timezone.now() + timedelta(minutes=10)
    FlashFactory(text="Conférence de presse", starts_at=start, ends_at=start + timedelta(hours=1))
    assert "Conférence de presse" not in page(client, section.url)
    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        assert "Conférence de presse" in page(client, section.url)
    with time_machine.travel(start + timedelta(hours=1, seconds=1), tick=False):
        assert "Conférence de presse" not in page(client, section.url)


def test_the_flash_banner_is_rendered_once_for_the_same_items(client, section, monkeypatch):
    FlashFactory(text="Le port de Marseille est rouvert")
    renders = []
    real = chrome.render_to_string
    monkeypatch.setattr(
        chrome, "render_to_string", lambda *args, **kw: renders.append(1) or real(*args, **kw)
    )
    first = page(client, section.url)
    assert page(client, section.url) == first
    assert len(renders) == 1
    assert first.count("Le port de Marseille est rouvert") == 1


def test_the_article_newsletter_box_is_kept_and_follows_the_settings(client, section, monkeypatch):
    from manchette.news.factories import ArticleFactory

    first, second = ArticleFactory(parent=section), ArticleFactory(parent=section)
    renders = []
    real = fragments.cached_fragment

    def counted(key, render):
        renders.append(key.split(":")[4])
        return real(key, render)

    monkeypatch.setattr(fragments, "cached_fragment", counted)
    assert 'class="newsletter-box"' in page(client, first.url)
    assert 'class="newsletter-box"' in page(client, second.url)
    assert renders.count("newsletter-box") == 1
    site_settings = SiteSettings.load()
    site_settings.newsletter_policy = "<p>Une lettre chaque matin, sans pistage.</p>"
    site_settings.save()
    html = page(client, first.url)
    box = html[html.index('class="newsletter-box"') :]
    assert "Une lettre chaque matin, sans pistage." in box[: box.index("</aside>")]


def test_the_reactions_block_is_kept_with_each_article_s_id(client, section, monkeypatch):
    from manchette.news.factories import ArticleFactory
    from manchette.reactions.factories import ReactionKindFactory

    ReactionKindFactory(label="Instructif", slug="instructif")
    first, second = ArticleFactory(parent=section), ArticleFactory(parent=section)
    renders = []
    real = chrome.render_to_string
    monkeypatch.setattr(
        chrome, "render_to_string", lambda *args, **kw: renders.append(args[0]) or real(*args, **kw)
    )
    for article in (first, second):
        html = page(client, article.url)
        assert f'data-state-url="/reactions/{article.pk}/"' in html
        assert html.count(f'action="/reactions/{article.pk}/reagir/"') >= 1
        assert "Instructif" in html
    assert renders.count("reactions/article_reactions.html") == 1
    # A new kind offered (its save drops the kinds' cache and purges the site) shows at once.
    ReactionKindFactory(label="Surprenant", slug="surprenant")
    assert "Surprenant" in page(client, first.url)


def test_the_kept_reactions_block_is_the_template_s():
    from django.template.loader import render_to_string

    from manchette.news.factories import ArticleFactory
    from manchette.reactions.factories import ReactionKindFactory

    ReactionKindFactory(label='Drôle & "vif"', slug="drole")
    article = ArticleFactory()
    kinds = [{"slug": "drole", "label": 'Drôle & "vif"', "icon_html": "<b>☺</b>", "id": 1}]
    template = engines_template("{% load chrome %}{% article_reactions page %}")
    ours = template.render({"page": article, "reaction_kinds": kinds})
    theirs = render_to_string(
        "reactions/article_reactions.html", {"page": article, "reaction_kinds": kinds}
    )
    assert ours == theirs and f"/reactions/{article.pk}/reagir/" in ours
    assert template.render({"page": article, "reaction_kinds": []}).strip() == ""


def engines_template(source):
    from django.template import engines

    return engines["django"].from_string(source)


def test_a_menu_read_while_its_rubrique_is_unpublished_is_never_served_after(monkeypatch):
    """A process reads the menu's rubriques just before one is unpublished, and keeps them in
    the shared cache just after the unpublication's purge: that late copy must not bring the
    rubrique back into the menu."""
    from manchette.news import context_processors

    gone = SectionFactory(title="Rubrique retirée", slug="retiree")
    keep = context_processors.shared_set

    def kept_just_after_the_unpublication(key, value, timeout):
        gone.unpublish()  # read from the database before it, kept after its purge
        keep(key, value, timeout)

    monkeypatch.setattr(context_processors, "shared_set", kept_just_after_the_unpublication)
    assert "Rubrique retirée" in [s["title"] for s in context_processors.nav_sections()]
    monkeypatch.setattr(context_processors, "shared_set", keep)

    assert "Rubrique retirée" not in [s["title"] for s in context_processors.nav_sections()]


@pytest.mark.parametrize("ends_in", [None, timedelta(hours=6), timedelta(minutes=10)])
def test_the_banner_is_kept_an_hour_at_most(monkeypatch, ends_in):
    """Each site version leaves its banner entry behind in the shared cache: even a banner
    with nothing due must expire, or every purge of the site would leave one for good."""
    from manchette.news import flash_info
    from manchette.news.models import Flash

    kept = []
    monkeypatch.setattr(flash_info, "shared_set", lambda key, value, timeout: kept.append(timeout))
    FlashFactory(ends_at=None if ends_in is None else timezone.now() + ends_in)

    Flash.objects.chrome()

    assert len(kept) == 1 and 0 < kept[0] <= flash_info.KEPT_SECONDS
    if ends_in is not None and ends_in.total_seconds() < flash_info.KEPT_SECONDS:
        assert kept[0] <= ends_in.total_seconds()
