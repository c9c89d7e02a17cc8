"""Every reader page type is valid HTML for the Nu Html Checker (the W3C's validator), in the
states readers see it in: with comments and replies, with the reader's reaction and its
results, with a held comment of the reader's own, with a form's errors."""

import json
import subprocess

import pytest
from django.template.loader import render_to_string

from manchette.comments.models import Comment
from manchette.comments.tests.helpers import post_data
from tests.checkers import vnu_command
from tests.e2e.content import newsroom, reader_pages

pytestmark = pytest.mark.django_db


def pages_in_every_state(client, settings):
    """(name, HTML) of every reader page type, and of the states that change what they show."""
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    room = newsroom()
    for name, path, status in reader_pages(room):
        response = client.get(path)
        assert response.status_code == status, name
        yield name, response.content.decode()
    article = room.article.pk
    reacted = client.post(f"/reactions/{article}/reagir/", {"kind": "instructif"}, follow=True)
    assert "reactions__result" in client.get(f"/reactions/{article}/reagir/").content.decode()
    yield "réagir, résultats affichés", client.get(f"/reactions/{article}/reagir/").content.decode()
    assert reacted.status_code == 200
    yield "article après réaction", client.get(room.article.url).content.decode()
    refused = client.post("/commentaires/poster/", post_data(room.article, body=""))
    assert refused.status_code == 400
    yield "commentaire refusé", refused.content.decode()
    held = client.post("/commentaires/poster/", post_data(room.article), HTTP_ACCEPT="text/html")
    yield "commentaire en attente", held.content.decode()
    own = client.get(Comment.objects.latest("pk").get_absolute_url())
    assert "en attente" in own.content.decode()
    yield "mon commentaire en attente", own.content.decode()
    yield "mes commentaires", client.get("/commentaires/mes-commentaires/").content.decode()
    refused = client.post("/newsletter/inscription/", {"email": "pas-une-adresse"})
    yield "newsletter refusée", refused.content.decode()
    yield "erreur 500", render_to_string("500.html")


def test_every_reader_page_is_valid_html(client, settings, tmp_path):
    command = vnu_command()
    names = {}
    for number, (name, html) in enumerate(pages_in_every_state(client, settings)):
        path = tmp_path / f"page-{number:02d}.html"
        path.write_text(html, encoding="utf-8")
        names[path.as_uri().replace("file:///", "file:/")] = name
    # One run for every page: the checker's start-up costs seconds.
    files = sorted(str(path) for path in tmp_path.iterdir())
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{names.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert len(names) > 20
    assert errors == []


def test_machine_readable_dates_are_to_the_second(client):
    """`<time datetime>` takes at most three decimals of a second: none are written."""
    room = newsroom()
    for path in ("/", room.article.url, room.section.url):
        html = client.get(path).content.decode()
        stamps = html.split('datetime="')[1:]
        assert stamps, path
        for stamp in stamps:
            value = stamp.split('"')[0]
            assert len(value) == len("2026-12-02T16:26:51+01:00"), value
