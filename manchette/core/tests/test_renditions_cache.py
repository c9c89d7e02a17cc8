"""Wagtail's renditions, kept in each process (core/renditions.py): written to the shared cache
once, not on every view, and never served once deleted."""

import pytest
from django.core.cache import cache
from wagtail.images.models import Image, Rendition

from manchette.core.caching.versions import begin_generation, end_generation
from manchette.core.factories import ImageFactory
from manchette.core.renditions import KEPT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget():
    KEPT.forget()
    yield
    KEPT.forget()


def in_a_request(work):
    """`work()` as a page view runs it: with the shared cache's generation read first."""
    token = begin_generation()
    try:
        return work()
    finally:
        end_generation(token)


def test_a_rendition_shown_again_is_not_written_again():
    image = ImageFactory()
    first = in_a_request(lambda: image.get_rendition("fill-480x270"))
    key = first.get_cache_key()
    assert cache.get(key) is not None  # written once, for the other processes
    cache.delete(key)
    prefetched = Image.objects.prefetch_renditions("fill-480x270").get(pk=image.pk)
    again = in_a_request(lambda: prefetched.get_rendition("fill-480x270"))
    assert again.pk == first.pk
    assert cache.get(key) is None  # this process knew it held it


def test_a_kept_rendition_comes_without_a_query(django_assert_num_queries):
    image = ImageFactory()
    first = in_a_request(lambda: image.get_rendition("width-960"))
    fresh = Image.objects.get(pk=image.pk)
    cache.delete(first.get_cache_key())  # not even the shared cache: this process's copy
    with django_assert_num_queries(0):
        found = in_a_request(lambda: fresh.get_rendition("width-960"))
    assert (found.pk, found.url, found.image) == (first.pk, first.url, fresh)


def test_a_deleted_rendition_is_never_served_again():
    image = ImageFactory()
    first = in_a_request(lambda: image.get_rendition("width-960"))
    Rendition.objects.filter(pk=first.pk).delete()  # a new file, a purge by an editor…
    fresh = Image.objects.get(pk=image.pk)
    second = in_a_request(lambda: fresh.get_rendition("width-960"))
    assert second.pk != first.pk
    assert Rendition.objects.filter(pk=second.pk).exists()
