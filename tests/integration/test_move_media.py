"""`manage.py move_media` between the disk and a real S3 API server (moto's), both ways."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from PIL import Image as PILImage

from tests.integration.conftest import BUCKET

pytestmark = pytest.mark.django_db


def picture():
    content = io.BytesIO()
    PILImage.new("RGB", (32, 20), (10, 120, 200)).save(content, "PNG")
    return ImageFile(content, name="carte.png")


@pytest.fixture
def on_disk(settings, tmp_path):
    """Media on the disk, as before MEDIA_STORAGE_URL: an image, a rendition, a document."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    image = Image.objects.create(title="Carte", collection=root, file=picture())
    image.get_rendition("fill-16x10")
    document = Document(title="Budget", collection=root)
    document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"))
    document.save()
    return FileSystemStorage(location=settings.MEDIA_ROOT)


def bucket_keys(s3_server):
    listing = s3_server.client.list_objects_v2(Bucket=BUCKET)
    return {entry["Key"]: entry["Size"] for entry in listing.get("Contents", [])}


def disk_files(disk):
    root = disk.base_location
    return {
        str(path.relative_to(root)): path.stat().st_size
        for path in root.rglob("*")
        if path.is_file()
    }


def test_media_go_to_the_bucket_once_and_come_back(on_disk, s3_server, settings):
    before = disk_files(on_disk)
    assert len(before) == 3
    s3_server.configure(settings)
    out, err = io.StringIO(), io.StringIO()

    call_command("move_media", "--to", "bucket", stdout=out, stderr=err)

    assert bucket_keys(s3_server) == before
    assert "3 copied, 0 already there, 0 missing, of 3." in out.getvalue()
    assert "3/3" in err.getvalue()  # the progress bar
    head = s3_server.client.head_object(Bucket=BUCKET, Key="documents/budget.pdf")
    assert head["ContentDisposition"] == "attachment"

    out = io.StringIO()
    call_command("move_media", "--to", "bucket", stdout=out, stderr=io.StringIO())
    assert "0 copied, 3 already there" in out.getvalue()
    assert bucket_keys(s3_server) == before

    for name in before:
        on_disk.delete(name)
    out = io.StringIO()
    call_command("move_media", "--to", "disk", "--delete-source", stdout=out, stderr=io.StringIO())

    assert "3 copied" in out.getvalue()
    assert disk_files(on_disk) == before
    assert bucket_keys(s3_server) == {}


def test_a_partial_copy_is_replaced(on_disk, s3_server, settings):
    s3_server.configure(settings)
    name = "documents/budget.pdf"
    s3_server.client.put_object(Bucket=BUCKET, Key=name, Body=b"%PDF")

    call_command("move_media", "--to", "bucket", stdout=io.StringIO(), stderr=io.StringIO())

    assert bucket_keys(s3_server)[name] == on_disk.size(name)


def test_without_a_bucket_the_command_says_so(settings):
    from django.core.management.base import CommandError

    settings.MEDIA_STORAGE_URL = ""
    with pytest.raises(CommandError, match="MEDIA_STORAGE_URL"):
        call_command("move_media", "--to", "bucket")
