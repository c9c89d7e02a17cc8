"""Media on S3-compatible object storage, for real: moto's S3 server over HTTP, two app
processes with nothing on a shared disk, uploads through one, renditions read through the
other, documents behind signed links."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from tests.integration.conftest import BUCKET

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def s3(s3_server, settings):
    """The bucket is the test process's storage too, as it is the app processes'."""
    s3_server.configure(settings)
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    return s3_server


def root_collection():
    """Wagtail's root collection (a previous transactional test flushed the migration's)."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def app_on_own_disk(processes, name, s3, tmp_path):
    """An app process whose disk no other process shares: media only in the bucket."""
    var = tmp_path / name
    var.mkdir()
    return processes.app(name, VAR_DIR=str(var), MEDIA_ROOT=str(var / "media"), **s3.env())[0]


def png_bytes():
    picture = io.BytesIO()
    PILImage.new("RGB", (640, 400), (200, 30, 30)).save(picture, "PNG")
    return picture.getvalue()


def admin_session(client):
    from manchette.accounts.models import User

    user = User.objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(user)
    return requests.Session(), client.cookies["sessionid"].value


def upload_image_through_admin(base, client):
    collection = root_collection()  # the add form needs one: made before it is shown
    browser, session_key = admin_session(client)
    browser.cookies.set("sessionid", session_key, domain="127.0.0.1")
    form = browser.get(base + "/admin/images/add/", timeout=30)
    assert form.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = browser.post(
        base + "/admin/images/add/",
        data={
            "csrfmiddlewaretoken": token,
            "title": "Manifestation place de la République",
            "collection": str(collection.pk),
        },
        files={"file": ("manifestation.png", png_bytes(), "image/png")},
        headers={"Referer": base + "/admin/images/add/"},
        timeout=60,
    )
    assert response.status_code in (200, 302), response.text[-2000:]


def test_an_image_uploaded_through_one_host_is_rendered_by_another(processes, s3, client, tmp_path):
    from wagtail.images.models import Image

    from manchette.news.factories import ArticleFactory

    first = app_on_own_disk(processes, "app-1", s3, tmp_path)
    second = app_on_own_disk(processes, "app-2", s3, tmp_path)
    upload_image_through_admin(first, client)
    image = Image.objects.get(title="Manifestation place de la République")
    stored = s3.client.head_object(Bucket=BUCKET, Key=image.file.name)
    assert stored["ContentType"] == "image/png"
    article = ArticleFactory(title="La manifestation en images", lead_image=image)

    page = requests.get(second + article.url, timeout=60)

    assert page.status_code == 200
    assert s3.endpoint in page.headers["Content-Security-Policy"]
    sources = re.findall(r'src="(' + re.escape(s3.endpoint) + r'/[^"]+)"', page.text)
    assert sources, "the article's picture comes from the bucket"
    rendition = requests.get(sources[0], timeout=30)
    assert rendition.status_code == 200
    assert rendition.headers["Content-Type"] in {"image/png", "image/jpeg", "image/webp"}
    assert "max-age=31536000" in rendition.headers["Cache-Control"]
    assert PILImage.open(io.BytesIO(rendition.content)).size[0] <= 960
    renditions = s3.client.list_objects_v2(Bucket=BUCKET, Prefix="images/")["Contents"]
    assert urlsplit(sources[0]).path.removeprefix(f"/{BUCKET}/") in {r["Key"] for r in renditions}
    assert not any((tmp_path / name / "media").exists() for name in ("app-1", "app-2"))


def test_documents_are_private_objects_read_through_signed_expiring_links(processes, s3, tmp_path):
    from wagtail.documents.models import Document

    document = Document(title="Rapport", collection=root_collection())
    document.file.save("rapport.html", ContentFile(b"<script>alert(1)</script>"))
    document.save()
    base = app_on_own_disk(processes, "app-docs", s3, tmp_path)

    response = requests.get(base + document.url, allow_redirects=False, timeout=30)

    assert response.status_code == 302
    assert "no-store" in response.headers["Cache-Control"]
    signed = response.headers["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert signed.startswith(s3.endpoint)
    assert query["X-Amz-Expires"] == ["300"]
    assert query["response-content-disposition"] == ["attachment"]
    download = requests.get(signed, timeout=30)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == "attachment"
    assert download.content == b"<script>alert(1)</script>"
    # Without the signature, the bucket refuses it.
    unsigned = f"{s3.endpoint}/{BUCKET}/{document.file.name}"
    assert requests.get(unsigned, timeout=30).status_code == 403


def test_a_private_collection_sends_no_signed_link_to_an_anonymous_reader(processes, s3, tmp_path):
    from wagtail.documents.models import Document
    from wagtail.models import CollectionViewRestriction

    private = root_collection().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Note interne", collection=private)
    document.file.save("note.pdf", ContentFile(b"%PDF-1.4 interne"))
    document.save()
    base = app_on_own_disk(processes, "app-private", s3, tmp_path)

    response = requests.get(base + document.url, allow_redirects=False, timeout=30)

    assert response.status_code == 302
    assert not response.headers["Location"].startswith(s3.endpoint)
    assert "X-Amz-Signature" not in response.headers["Location"]
