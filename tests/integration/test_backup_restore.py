"""`make backup` on a running default install (SQLite, writes still in the write-ahead log)
and `make restore` into a fresh folder give a site serving the same pages and the latest
comment."""

import json
import re
import shutil
import sqlite3
from urllib.parse import quote

import pytest
import requests

from tests.integration.sqlite_site import ServedSite, copy_var, manage, migrated_template


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    return migrated_template(tmp_path_factory)


def shell(var_dir, code):
    return manage(var_dir, "shell", "-c", f"from tests.integration.site_content import *; {code}")


def comparable(site, text):
    """A page as another site would serve it: its address and per-response tokens left out."""
    text = text.replace(site.base, "SITE").replace(quote(site.base, safe=""), "SITE")
    return re.sub(r'(nonce|csrfmiddlewaretoken|value)="[^"]*"', r'\1=""', text)


def test_a_running_site_is_backed_up_and_restored_into_a_fresh_folder(template, tmp_path):
    var_dir = copy_var(template, tmp_path / "var")
    article = json.loads(
        shell(var_dir, "publish_article('Un article sauvegardé')").stdout.splitlines()[-1]
    )
    shell(var_dir, f"publish_comment({article['id']}, 'Un premier commentaire.')")
    (var_dir / "media" / "documents").mkdir(parents=True)
    (var_dir / "media" / "documents" / "note.txt").write_text("Une pièce jointe.")
    site = ServedSite(var_dir, tmp_path / "site.log")
    restored_site = None
    try:
        site.wait_until_served()
        database = var_dir / "manchette.sqlite3"
        # A reader's open snapshot holds the write-ahead log back: what follows stays in it.
        reader = sqlite3.connect(database)
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM comments_comment").fetchone()
        shell(var_dir, f"publish_comment({article['id']}, 'Le tout dernier commentaire.')")
        assert (var_dir / "manchette.sqlite3-wal").stat().st_size > 0
        plain_copy = tmp_path / "plain-copy.sqlite3"
        shutil.copy(database, plain_copy)
        with sqlite3.connect(plain_copy) as copied:
            bodies = [b for (b,) in copied.execute("SELECT body FROM comments_comment")]
        assert "Le tout dernier commentaire." not in bodies  # why a file copy is no backup

        archive = manage(var_dir, "backup").stdout.strip().splitlines()[-1]
        reader.close()
        assert re.search(r"manchette-\d{8}-\d{6}Z\.tar\.gz$", archive)

        fresh = tmp_path / "fresh"
        manage(fresh, "restore", archive)
        assert (fresh / "media" / "documents" / "note.txt").read_text() == "Une pièce jointe."
        restored_site = ServedSite(fresh, tmp_path / "restored.log")
        restored_site.wait_until_served()
        for path in ("/", article["url"], "/flux/", "/sitemap.xml"):
            before = requests.get(site.base + path, timeout=30)
            after = requests.get(restored_site.base + path, timeout=30)
            assert after.status_code == before.status_code == 200, path
            assert comparable(restored_site, after.text) == comparable(site, before.text), path
        thread = requests.get(
            f"{restored_site.base}/commentaires/article/{article['id']}/", timeout=30
        ).text
        assert "Le tout dernier commentaire." in thread and "Un premier commentaire." in thread
    finally:
        site.stop()
        if restored_site:
            restored_site.stop()


def test_restore_refuses_to_overwrite_a_site_unless_told(template, tmp_path):
    var_dir = copy_var(template, tmp_path / "var")
    shell(var_dir, "publish_article('Un article')")
    archive = manage(var_dir, "backup").stdout.strip()
    refused = manage(var_dir, "restore", archive, check=False)
    assert refused.returncode != 0 and "--replace" in refused.stderr
    assert manage(var_dir, "restore", "--replace", archive).returncode == 0
