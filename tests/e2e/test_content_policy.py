"""The Content-Security-Policy breaks nothing: Chromium visits every reader page type (from
the page cache too), a reader reacts, votes, answers and subscribes, an editor works in the
admin and sees Wagtail's userbar on the pages, and no policy violation or policy error is
reported (`securitypolicyviolation` events and console messages)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.content import newsroom, reader_acts_on_the_article, reader_pages

pytestmark = pytest.mark.django_db(transaction=True)

# Runs in every document before its own scripts: each violation goes to the test.
LISTEN = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.reportViolation([location.pathname, event.violatedDirective, event.blockedURI,
                          event.sourceFile + ':' + event.lineNumber, event.sample].join(' | '));
});
"""
POLICY_MESSAGE = re.compile(r"Content.Security.Policy|Permissions.Policy|Refused to", re.I)


@pytest.fixture
def violations(page):
    """Every policy violation or policy error the pages report, as text."""
    found = []
    page.expose_function("reportViolation", lambda text: found.append(text))
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            found.append(f"console {message.type}: {message.text}")
            if POLICY_MESSAGE.search(message.text)
            else None
        ),
    )
    return found


def visit(page, url, status=200):
    response = page.goto(url)
    assert response.status == status, url
    assert "script-src 'self'" in response.headers["content-security-policy"], url
    assert "camera=()" in response.headers["permissions-policy"], url
    page.wait_for_load_state("networkidle")
    return response


def test_reader_pages_and_actions_report_no_policy_violation(
    page, live_server, settings, violations
):
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    room = newsroom()
    for _name, path, status in reader_pages(room):
        visit(page, live_server.url + path, status)
    # The same pages again, from the page cache: the policy comes with them.
    for path in ("/", room.article.url, room.topic.url):
        assert visit(page, live_server.url + path).headers["x-page-cache"] == "hit"
    assert violations == []

    visit(page, live_server.url + room.article.url)
    reader_acts_on_the_article(page, room)
    page.locator("[data-sort=anciens]").click()
    expect(page.locator("[data-sort=anciens]")).to_have_attribute("aria-current", "true")
    expect(page.locator(f"#comment-{room.comment.pk}")).to_be_visible()
    page.evaluate("document.getElementById('commentaires').pollNow()")
    # The reactions' page without JavaScript's help, now with the results' bars.
    visit(page, live_server.url + f"/reactions/{room.article.pk}/reagir/")
    expect(page.locator(".reactions__result").first).to_be_visible()
    visit(page, live_server.url + room.article.url)

    box = page.locator("form[data-newsletter-form]").first
    box.get_by_label("Votre adresse e-mail").fill("lectrice@example.org")
    box.get_by_role("button", name="S’inscrire").click()
    expect(page).to_have_url(re.compile("/newsletter/inscription/$"))
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_an_editor_in_the_admin_and_on_the_pages_reports_no_policy_violation(
    page, live_server, django_user_model, violations
):
    room = newsroom()
    django_user_model.objects.create_superuser("redac", "redac@example.org", "mot-de-passe-sûr")
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("redac")
    page.locator("input[name=password]").fill("mot-de-passe-sûr")
    page.locator("form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))
    page.goto(live_server.url + f"/admin/pages/{room.article.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(room.article.title)
    page.wait_for_load_state("networkidle")
    page.goto(live_server.url + room.article.url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert violations == []
