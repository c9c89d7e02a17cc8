"""An administrator uploads an export in the admin; the worker imports it; the page shows the
progress, then the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from manchette.news.models import ArticlePage
from manchette.wpimport.models import ImportRun, RunStatus

from . import wxr_builder as w
from .conftest import sample_elements

pytestmark = pytest.mark.django_db


def test_administrator_uploads_an_export_and_reads_the_report(
    client, django_user_model, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 20)
    client.force_login(admin)
    assert "Import WordPress" in client.get("/admin/import-wordpress/").content.decode()
    upload = SimpleUploadedFile("site.xml", w.document(*sample_elements()).encode())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/import-wordpress/", {"export": upload})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{run.pk}/")
    assert (run.status, run.progress, run.exit_code) == (RunStatus.DONE, 100, 0)
    assert ArticlePage.objects.filter(slug="article-gutenberg").exists()
    page = client.get(response["Location"]).content.decode()
    assert "post : read 9, created 8" in page
    assert not list((tmp_path / "imports").iterdir())  # the export is not kept


def test_only_an_administrator_may_import(client, django_user_model):
    editor = django_user_model.objects.create_user("redac", "redac@example.org", "x" * 20)
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    upload = SimpleUploadedFile("site.xml", w.document().encode())
    response = client.post("/admin/import-wordpress/", {"export": upload})
    assert response.status_code in (302, 403)
    assert not ImportRun.objects.exists()


def test_a_file_that_is_not_an_export_is_refused_in_the_report(
    client, django_user_model, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 20)
    client.force_login(admin)
    upload = SimpleUploadedFile("site.xml", b"<html><body>Bonjour</body></html>")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/import-wordpress/", {"export": upload})
    run = ImportRun.objects.get()
    assert run.exit_code == 2 and "export WordPress" in run.lines
