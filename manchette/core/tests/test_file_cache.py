"""The file cache of single-machine installs: Django's format and behaviour, cheaper reads
and writes."""

import os

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from manchette.core import filecache
from manchette.core.filecache import FileCache


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "cache"


def make(folder, **options):
    return FileCache(str(folder), {"OPTIONS": options})


def test_values_small_and_large_come_back_as_stored(folder):
    cache = make(folder)
    large = os.urandom(3 * filecache.READ_SIZE)  # incompressible: a file of several reads
    cache.set("petit", {"titre": "Économie", "n": 3})
    cache.set("grand", large)
    assert cache.get("petit") == {"titre": "Économie", "n": 3}
    assert cache.get("grand") == large
    assert cache.get_many(["petit", "absent"]) == {"petit": {"titre": "Économie", "n": 3}}
    assert cache.get("absent", "défaut") == "défaut"


def test_the_files_are_django_s_own(folder):
    """Another process running Django's backend on the same folder reads what we wrote."""
    ours, django = make(folder), FileBasedCache(str(folder), {})
    ours.set("clé", [1, 2, 3])
    django.set("autre", "valeur")
    assert django.get("clé") == [1, 2, 3]
    assert ours.get("autre") == "valeur"


def test_expired_and_empty_entries_read_as_missing_and_are_removed(folder, monkeypatch):
    cache = make(folder)
    cache.set("bref", "valeur", timeout=10)
    path = cache._key_to_file("bref")
    later = filecache.time.time() + 11
    monkeypatch.setattr(filecache.time, "time", lambda: later)
    assert cache.get("bref") is None
    assert not os.path.exists(path)
    cache.set("vide", "valeur")
    open(cache._key_to_file("vide"), "wb").close()  # truncated by a crash
    assert cache.get("vide", "défaut") == "défaut"


def test_writes_list_the_folder_at_most_once_per_interval_and_still_cull(folder, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(filecache.time, "monotonic", lambda: now[0])
    cache = make(folder, MAX_ENTRIES=50, CULL_FREQUENCY=2)
    listings = []
    listing = FileBasedCache._list_cache_files

    def counted(self):
        listings.append(1)
        return listing(self)

    monkeypatch.setattr(FileBasedCache, "_list_cache_files", counted)
    for n in range(200):
        cache.set(f"clé-{n}", n)
    assert len(listings) == 1  # Django's backend lists the folder on every write
    assert len(listing(cache)) == 200  # over MAX_ENTRIES until the next count
    now[0] += filecache.CULL_EVERY_SECONDS
    cache.set("une de plus", 1)
    assert len(listing(cache)) <= 200 // 2 + 1
