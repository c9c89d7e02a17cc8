"""Uploaded files on S3-compatible object storage (`MEDIA_STORAGE_URL`), as safe as on disk.

Every app host reads and writes the same bucket, so a picture uploaded through one host is
there for the others, and so are the renditions any of them makes. The rules of
`core/media.py` hold on the bucket too:

- Pictures and renditions (`original_images/`, `images/`) are public, under names that never
  change (a new file gets a new name), so they are kept a year by browsers and CDNs; a file
  whose name is not a picture's is stored as a download, never shown inline.
- Documents (`documents/`) are private objects. The app's document view checks the reader
  first (private collections, password), then sends them to a signed link valid
  `MEDIA_SIGNED_URL_SECONDS`, which downloads the file as an attachment, from the bucket's
  origin, never the site's.
"""

import mimetypes
from pathlib import PurePosixPath

from storages.backends.s3 import S3Storage

from manchette.core.media import DOCUMENTS_FOLDER, IMAGE_TYPES

# Names are unique (file_overwrite=False): a file's content never changes under its name.
PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"
DOWNLOAD_TYPE = "application/octet-stream"


class MediaStorage(S3Storage):
    """django-storages' S3 storage with the project's rules for public and private files."""

    # The ACL given to public files ("public-read"), for buckets that use ACLs; empty when a
    # bucket policy (or a CDN's access to a private bucket) makes pictures readable.
    public_acl = ""

    def __init__(self, *, public_acl="", **settings):
        super().__init__(**settings)
        self.public_acl = public_acl

    def _relative(self, name):
        return PurePosixPath(name.removeprefix(self.location.strip("/") + "/").lstrip("/"))

    def is_document(self, name):
        parts = self._relative(name).parts
        return bool(parts) and parts[0] == DOCUMENTS_FOLDER

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        if self.is_document(name):
            params.update(ACL="private", ContentDisposition="attachment")
            return params
        content_type, encoding = mimetypes.guess_type(name)
        if content_type in IMAGE_TYPES and not encoding:
            params.update(ContentType=content_type, CacheControl=PUBLIC_CACHE_CONTROL)
            if self.public_acl:
                params["ACL"] = self.public_acl
        else:
            params.update(ContentType=DOWNLOAD_TYPE, ContentDisposition="attachment")
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.is_document(name):
            return super().url(name, parameters, expire, http_method)
        # Always signed and from the storage's endpoint (a CDN's address would not check the
        # signature), downloaded whatever the file's type.
        key = self._normalize_name(name)
        params = {
            **(parameters or {}),
            "Bucket": self.bucket_name,
            "Key": key,
            "ResponseContentDisposition": "attachment",
        }
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )
