"""`manage.py backup` and `restore` on PostgreSQL: pg_dump, then pg_restore over the data."""

import tarfile

import pytest
from django.core.management import call_command

from manchette.news.factories import ArticleFactory
from manchette.news.models import ArticlePage

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_postgresql_site_is_backed_up_and_restored(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "note.txt").write_text("Une pièce jointe.")
    kept = ArticleFactory(title="Un article sauvegardé")
    call_command("backup", output=str(tmp_path / "backups"))
    archive = capsys.readouterr().out.strip()
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "db.dump", "media/note.txt"} <= set(tar.getnames())

    ArticlePage.objects.filter(pk=kept.pk).delete()
    (tmp_path / "media" / "note.txt").unlink()
    call_command("restore", archive, replace=True)
    assert ArticlePage.objects.get(pk=kept.pk).title == "Un article sauvegardé"
    assert (tmp_path / "media" / "note.txt").read_text() == "Une pièce jointe."
