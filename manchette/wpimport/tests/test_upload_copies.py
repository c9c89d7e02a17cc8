# ruff: noqa: E501 (sample WordPress content, as the editor writes it, on long lines)
"""The copies WordPress made of each upload (sizes, `-scaled`, WebP) answer 301 like it."""

import pytest
from wagtail.images.models import Image

from manchette.news.models import ArticlePage
from manchette.wpimport.redirects import upload_originals

from . import wxr_builder as w
from .conftest import run_import, sample_elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_upload(tmp_path, uploads, export):
    """An image WordPress scaled down at upload: its file is `grande-scaled.jpg`."""
    from PIL import Image as Picture

    Picture.new("RGB", (60, 40), "teal").save(uploads / "2024" / "03" / "grande-scaled.jpg")
    scaled = w.item(
        52,
        "Grande photo",
        "",
        post_type="attachment",
        status="inherit",
        slug="grande",
        metas=[("_wp_attached_file", "2024/03/grande-scaled.jpg")],
    )
    # A classic post's picture, named by a size of it, without WordPress's wp-image-N class.
    post = w.item(
        130,
        "Grande image",
        '<p>Texte.</p>\n\n<img src="https://ancien.example.org/wp-content/uploads/2024/03/grande-1024x683.jpg" alt="Grande">',
        slug="grande-image",
    )
    export.write_text(w.document(*sample_elements(), scaled, post), encoding="utf-8")
    return export


def test_a_post_names_a_scaled_image_by_one_of_its_sizes(big_upload, uploads):
    run_import(big_upload, uploads=uploads)
    blocks = ArticlePage.objects.get(slug="grande-image").body
    assert [b.block_type for b in blocks] == ["paragraph", "image"]
    assert blocks[1].value["image"].title == "Grande photo"


def test_sized_scaled_and_webp_copies_lead_to_the_imported_image(big_upload, uploads, client):
    code, out = run_import(big_upload, uploads=uploads)
    assert code == 0, out
    original = client.get("/wp-content/uploads/2024/03/mairie.png")["Location"]
    assert "original_images/mairie" in original
    for copy in (
        "mairie-300x200.png",
        "mairie-1024x683.png",
        "mairie-scaled.png",
        "mairie-1024x683.webp",  # a WebP copy of the PNG
        "mairie.png.webp",  # as WebP plugins name theirs
        "mairie-150x150.png.webp",
        "mairie-e1589462338721-300x200.png",  # edited in WordPress, then resized
    ):
        response = client.get(f"/wp-content/uploads/2024/03/{copy}")
        assert (response.status_code, response["Location"]) == (301, original), copy
    # Scaled at upload: the sizes and the unscaled name lead to the scaled file's image.
    big = client.get("/wp-content/uploads/2024/03/grande-scaled.jpg")["Location"]
    assert "original_images/grande" in big
    for copy in ("grande.jpg", "grande-300x200.jpg", "grande-768x512.webp"):
        response = client.get(f"/wp-content/uploads/2024/03/{copy}")
        assert (response.status_code, response["Location"]) == (301, big), copy


def test_copies_of_what_was_not_imported_stay_404(big_upload, uploads, client):
    run_import(big_upload, uploads=uploads)
    renditions = Image.get_rendition_model().objects.count()
    for path in (
        "/wp-content/uploads/2024/03/absente-300x200.jpg",  # missing from --uploads
        "/wp-content/uploads/2024/04/mairie-300x200.png",  # another month's folder
        "/wp-content/uploads/2024/03/mairie-99999999x99999999.png",  # no such size
        "/wp-content/uploads/2024/03/../03/mairie-300x200.png",
        "/wp-content/uploads/2024/03/..%2F03/mairie-300x200.png",
        "/wp-content/uploads/2024//03/mairie-300x200.png",
        "/wp-content/uploads/2024/03/mairie-300x200.png%00",
        "/wp-content/uploads/" + "a/" * 300 + "mairie-300x200.png",
        "/wp-content/uploadsmairie-300x200.png",
    ):
        assert client.get(path).status_code == 404, path
    # Nothing was made for a guessed size: a copy leads to the original, never a rendition.
    assert Image.get_rendition_model().objects.count() == renditions


def test_an_upload_copy_names_its_possible_originals():
    assert upload_originals("/wp-content/uploads/2024/03/photo-300x200.jpg")[:3] == [
        "/wp-content/uploads/2024/03/photo.jpg",
        "/wp-content/uploads/2024/03/photo.jpeg",
        "/wp-content/uploads/2024/03/photo.png",
    ]
    assert "/wp-content/uploads/photo.jpg" in upload_originals("/wp-content/uploads/photo-1x1.jpg")
    for refused in (
        "/wp-content/uploads/2024/../photo-300x200.jpg",
        "/wp-content/uploads/./photo-300x200.jpg",
        "/wp-content/uploads/2024\\03/photo-300x200.jpg",
        "/wp-content/uploads/2024/03/",
        "/wp-content/uploads/2024/03/sans-extension",
        "/autre/2024/03/photo-300x200.jpg",
    ):
        assert upload_originals(refused) == [], refused
