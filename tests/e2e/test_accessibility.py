"""Every reader page type passes axe-core (WCAG 2.2 A/AA and best practices) with zero
violations, fits a 375 px-wide phone screen, and shows a focus ring that contrasts."""

import pytest
from playwright.sync_api import expect

from manchette.comments.models import Comment
from tests.e2e.conftest import run_axe
from tests.e2e.content import (  # noqa: F401
    newsroom,
    reader_acts_on_the_article,
    reader_pages,
    served_media,
)

pytestmark = pytest.mark.django_db(transaction=True)
RUNS_AXE = True  # its pages ignore the Content-Security-Policy (see run_axe)

# Returns the focused element's focus ring, and the colour the ring is drawn against: the
# element's own background for a ring drawn inside it (negative offset), else the first
# opaque background among its ancestors.
FOCUS_RING_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const opaque = (node) => {
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      const alpha = bg.startsWith('rgba') ? parseFloat(bg.split(',')[3]) : 1;
      if (bg !== 'transparent' && alpha > 0.5) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const inside = parseFloat(style.outlineOffset) < 0;
  return {
    name: el.tagName + ' ' + (el.innerText || el.name || el.id || '').trim().slice(0, 40),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    against: inside ? opaque(el) : opaque(el.parentElement),
  };
}"""


def _luminance(css_color):
    channels = [float(c) for c in css_color[css_color.index("(") + 1 : -1].split(",")[:3]]
    linear = [
        c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
        for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def test_every_reader_page_has_no_axe_violation(page, live_server, served_media):  # noqa: F811
    room = newsroom()
    found = {}
    for name, path, status in reader_pages(room):
        response = page.goto(live_server.url + path)
        assert response.status == status, name
        expect(page.locator("main h1")).to_be_visible()
        violations = run_axe(page)
        if violations:
            found[f"{name} ({path})"] = violations
    assert found == {}


def test_an_article_after_reacting_voting_and_commenting_has_no_axe_violation(
    page,
    live_server,
    settings,
    served_media,  # noqa: F811
):
    """The thread (replies, votes, a vote cast), the reactions' results, the reply form with a
    comment of the reader's own held for confirmation, then that comment's own page."""
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    room = newsroom()
    page.goto(live_server.url + room.article.url)
    expect(page.locator(".comment__replies .comment__replies")).to_have_count(1)
    reader_acts_on_the_article(page, room)
    found = {"article": run_axe(page)}
    held = Comment.objects.latest("pk")
    assert held.awaiting_confirmation
    page.goto(live_server.url + held.get_absolute_url())
    expect(page.locator("main")).to_contain_text("en attente de la confirmation")
    found["mon commentaire"] = run_axe(page)
    page.goto(live_server.url + "/commentaires/mes-commentaires/")
    expect(page.locator("main")).to_contain_text("Une réponse qui attend sa confirmation.")
    found["mes commentaires"] = run_axe(page)
    page.goto(live_server.url + f"/reactions/{room.article.pk}/reagir/")
    expect(page.locator(".reactions__result").first).to_be_visible()
    found["résultats des réactions"] = run_axe(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_article_page_under_axe_shows_everything_it_checks(page, live_server, served_media):  # noqa: F811
    """The audited article really has a live flash, a lead image, an intertitle and a quote."""
    room = newsroom()
    page.goto(live_server.url + room.article.url)
    expect(page.get_by_role("region", name="Flash info")).to_contain_text(room.flash.text)
    lead_image = page.locator(".article__lead-image img")
    expect(lead_image).to_have_attribute("alt", "La façade de l’hôtel de ville de Lyon")
    assert lead_image.evaluate("img => img.complete && img.naturalWidth > 0")
    intertitle = page.get_by_role("heading", level=2, name="Le logement au cœur des échanges")
    expect(intertitle).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("se loger")


def test_no_reader_page_overflows_a_phone_screen(page, live_server, served_media):  # noqa: F811
    room = newsroom()
    page.set_viewport_size({"width": 375, "height": 740})
    widths = {}
    for name, path, _status in reader_pages(room):
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            widths[name] = scroll_width
    assert widths == {}


def test_every_focus_stop_on_the_home_page_has_a_contrasting_ring(page, live_server):
    newsroom()
    page.goto(live_server.url + "/")
    seen, weak = [], []
    for _ in range(80):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING_JS)
        if ring["name"].startswith("BODY") or (seen and ring == seen[0]):
            break  # went round the page
        seen.append(ring)
        ratio = contrast(ring["outlineColor"], ring["against"])
        if ring["outlineStyle"] == "none" or ring["outlineWidth"] < 2 or ratio < 3:
            weak.append((ring["name"], ring["outlineColor"], ring["against"], round(ratio, 2)))
    # The skip link, the flash link, the brand, the search, the menu, the articles, the footer.
    assert len(seen) > 10
    assert weak == []
