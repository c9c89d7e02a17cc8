"""Uploaded files never run on the site's origin: documents are sandboxed attachments behind
Wagtail's checks (private collections), /media/ serves only pictures as pictures."""

import os
import subprocess
import sys

import pytest
from django.core import checks
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Files on disk, as in production (Wagtail then streams them from their path)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    (tmp_path / "original_images").mkdir()
    (tmp_path / "documents").mkdir()
    return tmp_path


def upload(name, content=HTML, collection=None):
    return Document.objects.create(
        title=name,
        file=ContentFile(content, name=name),
        collection=collection or Collection.get_first_root_node(),
    )


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("name", ["piege.html", "piege.svg", "rapport.pdf", "notes.txt"])
def test_every_document_is_a_sandboxed_attachment(client, name):
    document = upload(name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "public" not in response.get("Cache-Control", "")
    assert body_of(response) == HTML  # the file itself, untouched


def test_a_document_of_a_private_collection_is_refused_to_anonymous_readers(
    client, django_user_model
):
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = upload("budget.pdf", b"%PDF-1.4 secret", collection=private)
    response = client.get(document.url)
    assert response.status_code == 302 and "secret" not in response.content.decode()
    assert response.get("X-Page-Cache") is None
    # Nor through /media/, where the file lies.
    assert client.get(f"/media/{document.file.name}").status_code == 404

    client.force_login(django_user_model.objects.create_user("journaliste", "j@example.org"))
    allowed = client.get(document.url)
    assert allowed.status_code == 200 and body_of(allowed) == b"%PDF-1.4 secret"
    assert allowed["Content-Disposition"].startswith("attachment")


def test_media_serves_pictures_only_with_a_picture_type(client, media_root):
    (media_root / "original_images" / "photo.png").write_bytes(HTML)  # HTML inside a .png
    response = client.get("/media/original_images/photo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"

    for name in ("page.html", "dessin.svg", "page.htm", "photo.png.gz"):
        (media_root / "original_images" / name).write_bytes(HTML)
        assert client.get(f"/media/original_images/{name}").status_code == 404, name
    # Documents only through their view: not even a document named like a picture.
    (media_root / "documents" / "scan.png").write_bytes(HTML)
    assert client.get("/media/documents/scan.png").status_code == 404


def test_check_deploy_warns_when_files_would_be_served_inline(settings):
    def deploy_warnings():
        found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
        return {w.id for w in found if w.id.startswith("manchette.W10")}

    settings.SERVE_MEDIA, settings.DEBUG = False, False
    assert deploy_warnings() == set()
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/html"]
    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    settings.SERVE_MEDIA = True
    assert deploy_warnings() == {"manchette.W101", "manchette.W102", "manchette.W103"}


def test_settings_serve_documents_safely_and_media_only_under_make_run():
    """Each settings module as a fresh process reads it, with no SERVE_MEDIA in the env."""
    script = (
        "import importlib, sys; m = importlib.import_module(sys.argv[1]); "
        "print(m.SERVE_MEDIA, m.WAGTAILDOCS_SERVE_METHOD, m.WAGTAILDOCS_INLINE_CONTENT_TYPES)"
    )
    env = {k: v for k, v in os.environ.items() if k != "SERVE_MEDIA"}
    env["SECRET_KEY"] = "x" * 60
    found = {
        name: subprocess.run(
            [sys.executable, "-c", script, f"manchette.settings.{name}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
        for name in ("base", "production", "dev")
    }
    assert found == {"base": "False", "production": "False", "dev": "True"}
    from django.conf import settings

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == []


def test_guessing_a_private_collection_password_is_rate_limited(client):
    private = Collection.get_first_root_node().add_child(name="Sous embargo")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="embargo"
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    codes = [client.post(url, {"password": f"essai-{i}"}).status_code for i in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429


def test_documents_redirect_only_to_signed_links_of_the_object_storage(settings):
    """`check --deploy` accepts the redirect serve method with the bucket's storage only,
    which signs every document link (core/media_storage.py)."""
    from manchette.settings.base import object_storage_settings

    def w102():
        found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
        return "manchette.W102" in {w.id for w in found}

    settings.SERVE_MEDIA, settings.DEBUG = False, False
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    assert w102()
    storage, media_url = object_storage_settings(
        "s3://medias/site?endpoint_url=https://s3.example.net&region=fr-par", "k", "s", 60
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    assert not w102()
    assert media_url == "https://s3.example.net/medias/site/"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert storage["OPTIONS"]["querystring_expire"] == 60


def test_a_media_storage_url_that_names_no_bucket_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    from manchette.settings.base import object_storage_settings

    with pytest.raises(ImproperlyConfigured, match="s3://BUCKET"):
        object_storage_settings("https://s3.example.net/medias", "", "", 300)
