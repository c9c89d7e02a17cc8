"""Backups of a running site: the database and the uploaded media, in one archive.

`manage.py backup` (`make backup`) writes `manchette-<UTC time>.tar.gz`, which holds:

- `manifest.json`: the archive's format, the database's engine, when it was made;
- the database: with SQLite, a copy made by SQLite's online backup API (`Connection.backup`),
  consistent and complete while the site runs and writes: a plain copy of the file misses
  what is still in its write-ahead log (`-wal`), hours of writes on a quiet site; with
  PostgreSQL, `pg_dump --format=custom`;
- `media/`: MEDIA_ROOT, the uploaded images and documents (when they are on this disk).

`manage.py restore ARCHIVE` (`make restore`) puts them back into the database and MEDIA_ROOT
the settings name, then empties the cache: pages cached before the restore are not served.
It refuses a database that holds data unless told to replace it (`--replace`).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    pass


def _engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"No backup for the {vendor} database.")
    return vendor


def _pg_env():
    """pg_dump/pg_restore's connection, from the settings (the password never on argv)."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _dump_database(engine, folder):
    if engine == "sqlite":
        target = folder / "db.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=30)
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)  # pages copied under SQLite's own locks, WAL included
        finally:
            copy.close()
            source.close()
        return target.name
    subprocess.run(  # noqa: S603 (fixed arguments; the connection comes from the settings)
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / "db.dump")],  # noqa: S607
        env=_pg_env(),
        check=True,
    )
    return "db.dump"


def _media_on_disk():
    storage = settings.STORAGES["default"]["BACKEND"]
    return storage.endswith("FileSystemStorage")


def make_backup(output_dir=None, now=None):
    """Writes the archive into `output_dir` (VAR_DIR/backups); returns its path."""
    engine = _engine()
    output = Path(output_dir or settings.VAR_DIR / "backups")
    output.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    archive = output / f"manchette-{now:%Y%m%d-%H%M%S}Z.tar.gz"
    with tempfile.TemporaryDirectory(dir=output, prefix=".backup-") as work:
        work = Path(work)
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "database": _dump_database(engine, work),
            "media": _media_on_disk(),
            "created": now.isoformat(),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = work / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / "manifest.json", "manifest.json")
            tar.add(work / manifest["database"], manifest["database"])
            media = Path(settings.MEDIA_ROOT)
            if manifest["media"] and media.is_dir():
                tar.add(media, "media")
        os.replace(partial, archive)  # a complete archive or none
    return archive


def _holds_data(engine):
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        return cursor.fetchone()[0] > 2  # more than Wagtail's root and first page


def _restore_database(engine, path):
    if engine == "sqlite":
        connection.close()
        target = Path(settings.DATABASES["default"]["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(path)
        live = sqlite3.connect(target, timeout=30)
        try:
            with live:
                source.backup(live)  # through SQLite: its WAL and locks stay consistent
        finally:
            live.close()
            source.close()
        return
    env = _pg_env()
    subprocess.run(  # noqa: S603 (fixed arguments; the connection comes from the settings)
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "-d", env["PGDATABASE"], str(path)],  # noqa: S607
        env=env,
        check=True,
    )


def restore_backup(archive, replace=False):
    """Restores an archive made by `make_backup` into the configured database and
    MEDIA_ROOT. Returns the manifest."""
    engine = _engine()
    with tempfile.TemporaryDirectory(prefix="manchette-restore-") as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format: {manifest.get('format')}.")
        if manifest["engine"] != engine:
            raise BackupError(
                f"The archive holds a {manifest['engine']} database; this site uses {engine}."
            )
        if not replace and _holds_data(engine):
            raise BackupError("The database already holds a site: add --replace to replace it.")
        _restore_database(engine, work / manifest["database"])
        if (work / "media").is_dir():
            shutil.copytree(work / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    cache.clear()
    return manifest
