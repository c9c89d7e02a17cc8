"""Copy the uploaded files between the disk (MEDIA_ROOT) and the bucket (MEDIA_STORAGE_URL).

    manage.py move_media --to bucket     # before switching MEDIA_STORAGE_URL on
    manage.py move_media --to disk       # back, before switching it off

Every file the database names (images, renditions, documents) is copied under the same name;
one already there with the same size is left alone, so a run that stopped half-way is simply
run again. `--delete-source` removes each file from where it came once it is copied.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def media_names():
    """Every file name the database refers to, each once, in a stable order."""
    image_model = get_image_model()
    models = [image_model, image_model.get_rendition_model(), get_document_model()]
    names = set()
    for model in models:
        names.update(model.objects.exclude(file="").values_list("file", flat=True))
    return sorted(names)


def bucket_storage():
    if not settings.MEDIA_STORAGE_URL:
        raise CommandError("MEDIA_STORAGE_URL names no bucket.")
    from manchette.settings.base import object_storage_settings

    storage, _url = object_storage_settings(
        settings.MEDIA_STORAGE_URL,
        settings.MEDIA_STORAGE_ACCESS_KEY_ID,
        settings.MEDIA_STORAGE_SECRET_ACCESS_KEY,
        settings.MEDIA_SIGNED_URL_SECONDS,
    )
    return import_string(storage["BACKEND"])(**storage["OPTIONS"])


def copy_one(name, source, target):
    """Copy `name` unless the target has it already; True when it was copied."""
    size = source.size(name)
    if target.exists(name):
        if target.size(name) == size:
            return False
        target.delete(name)  # a partial copy of an earlier run
    with source.open(name, "rb") as content:
        saved = target.save(name, content)
    if saved != name:
        raise CommandError(f"{name} was saved under another name: {saved}")
    return True


class Command(BaseCommand):
    help = "Copy the media from the disk to the bucket (--to bucket) or back (--to disk)."

    def add_arguments(self, parser):
        parser.add_argument("--to", choices=["bucket", "disk"], required=True)
        parser.add_argument(
            "--delete-source",
            action="store_true",
            help="Delete each file from where it was once it is copied.",
        )

    def handle(self, *args, to, delete_source, **options):
        disk, bucket = FileSystemStorage(location=settings.MEDIA_ROOT), bucket_storage()
        source, target = (disk, bucket) if to == "bucket" else (bucket, disk)
        copied = present = missing = 0
        names = media_names()
        for name in tqdm(names, desc="media", unit="file", file=self.stderr):
            if not source.exists(name):
                if target.exists(name):
                    present += 1
                else:
                    missing += 1
                continue
            if copy_one(name, source, target):
                copied += 1
            else:
                present += 1
            if delete_source:
                source.delete(name)
        self.stdout.write(
            f"{copied} copied, {present} already there, {missing} missing, of {len(names)}."
        )
