"""Uploaded files, served so that none of them can run script on the site's origin.

- Documents go only through Wagtail's serve view (`/documents/<id>/<name>`), which honours
  private collections; it is wrapped here so every document is an attachment (no type is
  shown inline: WAGTAILDOCS_INLINE_CONTENT_TYPES is empty), never sniffed, and sandboxed.
- On object storage (MEDIA_STORAGE_URL), the view redirects to a short-lived signed link to
  the private object, downloaded as an attachment from the bucket's origin
  (`core/media_storage.py`).
- `/media/` (SERVE_MEDIA, the embedded set-up) serves only pictures, with a picture's
  content type; never the documents folder, which would bypass the view's checks.
nginx must do the same for /media/ in production (see docs/deployment.md).
"""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.core import checks
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve as static_serve
from wagtail.documents.views.serve import authenticate_with_password  # noqa: F401 (urls)
from wagtail.documents.views.serve import serve as wagtail_serve_document

# What an uploaded file may never do, whatever its content: be read as another type, or run
# script, load anything or submit forms if opened as a page.
SANDBOX_CSP = "sandbox; default-src 'none'"
# Picture types Wagtail renders (SVG, which can hold script, is not one of them).
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
DOCUMENTS_FOLDER = "documents"


def harden(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (private collections, password form), every file an
    attachment; kept by no shared cache, as a document may be private."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code == 200 and (
        getattr(response, "streaming", False) or "Content-Disposition" in response
    ):
        # Attachment already (no type is inline); kept so even if that setting changes.
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            response["Content-Disposition"] = "attachment" + disposition.removeprefix("inline")
        harden(response)
        patch_cache_control(response, private=True)
    elif response.status_code == 302:
        # To the bucket's signed link (MEDIA_STORAGE_URL), made for this reader: kept by no
        # cache, as it may lead to a private document and expires.
        patch_cache_control(response, private=True, no_store=True)
    return response


def documents_signed():
    """Documents are in a bucket that only signed links read (core/media_storage.py)."""
    return settings.STORAGES["default"]["BACKEND"] == "manchette.core.media_storage.MediaStorage"


def serve_media(request, path):
    """A picture under MEDIA_ROOT with its picture content type; anything else is a 404."""
    parts = PurePosixPath(path).parts
    content_type, encoding = mimetypes.guess_type(path)
    if DOCUMENTS_FOLDER in parts or content_type not in IMAGE_TYPES or encoding:
        raise Http404
    try:
        response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:  # a name the file system refuses (too long): no such file
        raise Http404 from error
    response["Content-Type"] = content_type
    return harden(response)


@checks.register(checks.Tags.security, deploy=True)
def check_uploaded_files(app_configs, **kwargs):
    """`check --deploy`: documents must not be served inline or outside Wagtail's view."""
    found = []
    if settings.WAGTAILDOCS_INLINE_CONTENT_TYPES != []:
        found.append(
            checks.Warning(
                "Some document types are served inline: an uploaded HTML or PDF file would "
                "run on the site's origin.",
                hint="Set WAGTAILDOCS_INLINE_CONTENT_TYPES = [].",
                id="manchette.W101",
            )
        )
    serve_method = settings.WAGTAILDOCS_SERVE_METHOD
    if serve_method != "serve_view" and not (serve_method == "redirect" and documents_signed()):
        found.append(
            checks.Warning(
                "Documents are not served through Wagtail's view: private collections and "
                "the attachment headers are bypassed.",
                hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view".',
                id="manchette.W102",
            )
        )
    if settings.SERVE_MEDIA and not settings.DEBUG:
        found.append(
            checks.Warning(
                "SERVE_MEDIA is on: the application serves /media/ itself.",
                hint="Let nginx serve /media/ (deploy/nginx) and set SERVE_MEDIA=false.",
                id="manchette.W103",
            )
        )
    return found
