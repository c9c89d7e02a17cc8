"""Wagtail's cache of image renditions, kept in each process over the shared cache.

Wagtail writes a rendition to its cache each time `{% image %}` shows it, even one that came
prefetched with a listing: a file written (file cache) or a Redis round trip per picture on
every page, half the cost of a picture. This backend (`CACHES["renditions"]`, which Wagtail
uses when it exists) keeps the renditions in the process for the shared cache's current
generation (core/caching/versions.py) and writes to the shared cache only what it did not
already hold there; reads come from the process first, then from the shared cache.

Invalidation: a rendition's cache key holds its image's id, the file's hash, the focal point
and the filter, so a new file or focal point is a new key. A deleted rendition (a replaced
file, a deleted image) is purged by Wagtail through `delete`, which also bumps the shared
generation: every process drops its copies on its next request. Outside a request (worker,
shell) or while the shared cache cannot be read, nothing is kept in the process.
"""

import copy
import threading
from collections import OrderedDict

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from manchette.core.caching.versions import bump_generation, current_generation

MAX_KEPT = 5000


class _Kept:
    """key -> rendition, for one generation of the shared cache, in this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.entries = OrderedDict()

    def get(self, generation, key):
        with self.lock:
            if generation is None or generation != self.generation:
                return None
            return self.entries.get(key)

    def keep(self, generation, key, value):
        if generation is None:
            return
        with self.lock:
            if generation != self.generation:
                self.generation, self.entries = generation, OrderedDict()
            self.entries[key] = value
            while len(self.entries) > MAX_KEPT:
                self.entries.popitem(last=False)

    def forget(self):
        with self.lock:
            self.generation, self.entries = None, OrderedDict()


KEPT = _Kept()


def _detached(rendition):
    """A copy to keep, without the image it was read with (Wagtail sets the image of what it
    reads from the cache): a kept rendition holds no page's objects."""
    kept = copy.copy(rendition)
    kept._state.fields_cache.pop("image", None)
    return kept


class RenditionCache(BaseCache):
    """A cache backend for Wagtail's renditions only (see the module's docstring)."""

    def __init__(self, location, params):
        super().__init__(params)

    @property
    def shared(self):
        return caches["default"]

    def get(self, key, default=None, version=None):
        return self.get_many([key], version=version).get(key, default)

    def get_many(self, keys, version=None):
        generation = current_generation()
        found, missing = {}, []
        for key in keys:
            kept = KEPT.get(generation, key)
            if kept is None:
                missing.append(key)
            else:
                # A copy: Wagtail sets the rendition's image on what it reads.
                found[key] = copy.copy(kept)
        if missing:
            for key, value in self.shared.get_many(missing, version=version).items():
                KEPT.keep(generation, key, _detached(value))
                found[key] = copy.copy(value)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout=timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        generation = current_generation()
        new = {}
        for key, value in data.items():
            kept = KEPT.get(generation, key)
            if kept is None or kept.pk != value.pk:
                new[key] = value
                KEPT.keep(generation, key, _detached(value))
        if new:
            self.shared.set_many(new, timeout=timeout, version=version)
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.add(key, value, timeout=timeout, version=version)

    def delete(self, key, version=None):
        deleted = self.shared.delete(key, version=version)
        KEPT.forget()
        bump_generation()  # the other processes forget theirs on their next request
        return deleted

    def clear(self):
        # Only this process's copies: the shared cache holds everything else too.
        KEPT.forget()
