"""Django's file cache, with the costs of its hot paths removed.

The file cache is the shared cache of a single-machine install (no Redis): every web process
and the worker read and write the same folder. Django's backend is correct but slow where a
page view is concerned:

- each `set` lists the whole folder to decide whether to cull (thousands of entries: a
  directory listing per write); here the count is taken at most every `CULL_EVERY_SECONDS`
  per process, so the folder may exceed MAX_ENTRIES by one interval's writes;
- each key is hashed and checked for memcached compatibility on every read; here the file
  name of a key is remembered (keys are ours, and nothing here is memcached);
- a read goes through Python's buffered file objects; here it is one `os.read` of the file.

Writes, expiry and the file format are Django's own, but a write that fails (a full disk, a
read-only or vanished folder) is a cache miss, never an error: the key's old entry is removed
(which needs no room), so nothing stale is read instead, and the failure is logged (once a
minute, see the settings' LOGGING).
"""

import contextlib
import functools
import io
import logging
import os
import pickle
import time
import zlib
from hashlib import md5

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

logger = logging.getLogger(__name__)
CULL_EVERY_SECONDS = 5
READ_SIZE = 1 << 16


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._next_cull = 0.0
        self._file_names = functools.lru_cache(maxsize=4096)(self._file_name)

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            fd = os.open(fname, os.O_RDONLY)
        except FileNotFoundError:
            return default
        try:
            data = os.read(fd, READ_SIZE)
            if len(data) == READ_SIZE:  # a large entry: read the rest
                chunks = [data]
                while chunk := os.read(fd, READ_SIZE):
                    chunks.append(chunk)
                data = b"".join(chunks)
        finally:
            os.close(fd)
        stream = io.BytesIO(data)
        try:
            expiry = pickle.load(stream)  # noqa: S301 (the cache folder is ours, as for Django)
        except EOFError:
            expiry = 0  # An empty file is expired, as for Django.
        if expiry is not None and expiry < time.time():
            self._delete(fname)
            return default
        return pickle.loads(zlib.decompress(stream.read()))  # noqa: S301

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._write(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        return self._write(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except OSError as exc:
            self._failed(key, version, exc)
            return False

    def _write(self, key, value, timeout, version):
        """Django's set(); True if the entry was written."""
        try:
            super().set(key, value, timeout, version)
        except OSError as exc:
            self._failed(key, version, exc)
            return False
        return True

    def _failed(self, key, version, exc):
        with contextlib.suppress(OSError):
            os.remove(self._key_to_file(key, version))
        logger.warning("The file cache cannot write (%s): served without it.", exc)

    def validate_key(self, key):
        # Django warns about keys memcached would refuse; they are fine in files.
        pass

    def _file_name(self, key):
        digest = md5(key.encode(), usedforsecurity=False).hexdigest()
        return os.path.join(self._dir, digest + self.cache_suffix)

    def _key_to_file(self, key, version=None):
        return self._file_names(self.make_key(key, version=version))

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        self._next_cull = now + CULL_EVERY_SECONDS
        super()._cull()
