"""A cache that cannot write is a cache miss, never an error.

The file cache of a single-machine install lives on a real filesystem that can fill up. Here
it is a real one: a 64 KiB tmpfs, filled to the last block, so every write of the cache (and
of the rate limits kept in it) fails with ENOSPC as on a full disk.
"""

import errno
import os
import subprocess

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from manchette.comments.models import Comment
from manchette.comments.tests.helpers import post_data
from manchette.core.ratelimit import hit
from manchette.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_disk(tmp_path):
    """A mounted 64 KiB tmpfs with no byte left (mounting needs root, as in CI)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "full"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], check=True)
    try:
        (mount / "cache").mkdir()
        filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"\0" * 512):
                pass
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(filler)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def cache_on_full_disk(full_disk, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "manchette.core.filecache.FileCache",
            "LOCATION": str(full_disk / "cache"),
        }
    }
    return caches["default"]


def test_a_full_cache_disk_really_refuses_writes(full_disk):
    with pytest.raises(OSError) as refused:
        (full_disk / "cache" / "probe").write_bytes(b"x" * 8192)
    assert refused.value.errno == errno.ENOSPC


def test_writes_to_a_full_cache_are_misses(cache_on_full_disk):
    cache = cache_on_full_disk
    cache.set("clé", "valeur")
    assert cache.get("clé") is None
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b"]) == {}
    assert not cache.add("nouvelle", 1)
    assert cache.get_or_set("calculée", 3) == 3


def test_rate_limits_let_requests_through_when_the_cache_cannot_write(cache_on_full_disk):
    # As with Redis down (decision 0007): the limit fails open, the request is served.
    assert all(hit("plein", "client", "2/m") for _ in range(5))


def test_every_form_works_on_a_full_cache_disk(cache_on_full_disk, settings):
    from manchette.newsletter.factories import default_list

    morning = default_list()
    article = ArticleFactory()
    client = Client()
    page = client.get(article.url)
    assert page.status_code == 200

    posted = client.post(
        reverse("comments:post"), post_data(article), HTTP_ACCEPT="application/json"
    )
    assert posted.status_code == 201, posted.content[:500]
    assert Comment.objects.filter(article=article).count() == 1

    listed = client.get(reverse("comments:article", args=[article.pk]))
    assert listed.status_code == 200
    reacted = client.post(
        reverse("reactions:react", args=[article.pk]),
        {"kind": "instructif"},
        HTTP_ACCEPT="application/json",
    )
    assert reacted.status_code == 200, reacted.content[:500]
    signed_up = client.post(
        "/newsletter/inscription/", {"email": "lecteur@exemple.fr", "lists": [morning.pk]}
    )
    assert signed_up.status_code in (200, 302), signed_up.content[:500]
    signin = client.post("/compte/connexion/", {"email": "lecteur@exemple.fr"})
    assert signin.status_code == 200
