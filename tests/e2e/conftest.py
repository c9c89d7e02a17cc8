"""Browser tests: Playwright driving Debian's Chromium (Playwright's own browser download
cannot work on this network, and is never used)."""

import os
from pathlib import Path

import pytest

from tests.checkers import axe_source

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One browser test per worker at a time keeps two cores from thrashing.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args, request):
    if getattr(request.module, "RUNS_AXE", False):
        return {**browser_context_args, "bypass_csp": True}  # see run_axe
    return browser_context_args


@pytest.fixture
def screenshot():
    """Saves a screenshot for the README (docs/screenshots/NAME.png)."""

    def take(page, name, full_page=False):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    return take


@pytest.fixture
def third_party_requests(page, live_server):
    """Every request the page makes to a host other than the site's own."""
    from urllib.parse import urlsplit

    own = urlsplit(live_server.url).netloc
    seen = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if urlsplit(request.url).netloc not in (own, "") and not request.url.startswith("data:")
            else None
        ),
    )
    return seen


def run_axe(page):
    """Runs axe-core (WCAG 2.x A/AA rules and best practices) in the page and returns its
    violations. axe builds functions from strings, which the pages' Content-Security-Policy
    forbids: a module that runs it says `RUNS_AXE = True`, and its pages then ignore the policy
    (which test_content_policy.py checks on its own)."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.fixture(scope="session", autouse=True)
def _nlp_model_loaded():
    """The tests' task backend runs tasks inline, inside the live server's request: load the
    French model once up front, as a worker process has it loaded, so the first publication
    of the run does not spend its browser timeout loading spaCy."""
    from manchette.topics.nlp import get_nlp

    get_nlp()


@pytest.fixture(autouse=True)
def _no_wagtail_autosave(settings):
    """Wagtail saves the editor's form in the background every 500 ms. In a browser test it
    races the test's own clicks: a new page created by the autosave while the test submits
    the "add" form gave a 400 or a 500 (duplicate slug), and "a été publiée" instead of
    "créée et publiée". The journeys are tested without it; editors keep it."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
