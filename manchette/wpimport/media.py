"""Attachments: read from a copy of wp-content/uploads (`--uploads`), never fetched from a URL.

Pictures become Wagtail images, other files documents; each answers its old
`/wp-content/uploads/…` address with a 301. A file missing from the copy is reported.
"""

import mimetypes
import re
from pathlib import Path

from django.core.files import File
from wagtail.documents.models import Document
from wagtail.images.models import Image

from . import redirects
from .ledger import digest
from .models import ItemKind
from .terms import clean_text

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
SCALED = re.compile(r"-(?:scaled|rotated)(?=\.\w+$)")


class Media:
    def __init__(self, ledger, report, uploads):
        self.ledger, self.report = ledger, report
        self.uploads = Path(uploads).resolve() if uploads else None
        self.cache = {}

    def source_file(self, relative):
        """The file in the uploads copy, or None (missing, or outside the copy)."""
        if self.uploads is None or not relative:
            return None
        path = (self.uploads / relative).resolve()
        if not path.is_relative_to(self.uploads) or not path.is_file():
            return None
        return path

    def import_attachment(self, item):
        wp_id = int(item.get("wp:post_id") or 0)
        relative = (item["meta"].get("_wp_attached_file") or [""])[0].lstrip("/")
        self.report.count("attachment", "read")
        row = self.ledger.find(ItemKind.ATTACHMENT, wp_id)
        if row is not None:
            self._remember(wp_id, relative, row.fingerprint, row.object_id)
            self.report.count("attachment", "unchanged")
            return
        path = self.source_file(relative)
        if path is None:
            self.report.media["missing"] += 1
            if len(self.report.missing_media) < 1000:
                self.report.missing_media.append({"id": wp_id, "file": relative})
            self.report.skip("attachment", "fichier absent de --uploads")
            return
        title = clean_text(item.get("title")) or path.name
        kind = "image" if mimetypes.guess_type(path.name)[0] in IMAGE_TYPES else "document"
        with path.open("rb") as handle:
            if kind == "image":
                obj = Image(title=title[:255], file=File(handle, name=path.name))
            else:
                obj = Document(title=title[:255], file=File(handle, name=path.name))
            obj.save()
        self.report.media["found"] += 1
        self.report.count("attachment", "created")
        self.ledger.record(ItemKind.ATTACHMENT, wp_id, obj.pk, digest(item), fingerprint=kind)
        self._remember(wp_id, relative, kind, obj.pk)
        url = obj.file.url if kind == "image" else obj.url
        olds = [f"/wp-content/uploads/{relative}", f"/?attachment_id={wp_id}", item.get("link")]
        redirects.add(self.report, olds, link=url)

    def _remember(self, wp_id, relative, kind, object_id):
        self.ledger.remember("attachment", wp_id, (kind, object_id))
        if relative:
            self.ledger.remember("upload", relative, (kind, object_id))
            # A big image WordPress scaled down at upload is `photo-scaled.jpg`, but its sizes
            # are `photo-300x200.jpg`: a post's <img> names it by that stem.
            unscaled = SCALED.sub("", relative)
            if unscaled != relative:
                self.ledger.remember("upload", unscaled, (kind, object_id))

    def image(self, wp_id=None, relative=None):
        """The Wagtail image for an attachment id or an uploads path, or None."""
        found = None
        if wp_id is not None:
            found = self.ledger.maps.get("attachment", {}).get(wp_id)
        if found is None and relative:
            found = self.ledger.maps.get("upload", {}).get(relative)
        if found is None or found[0] != "image":
            return None
        if found[1] not in self.cache:
            if len(self.cache) > 2000:
                self.cache.clear()
            self.cache[found[1]] = Image.objects.filter(pk=found[1]).first()
        return self.cache[found[1]]
