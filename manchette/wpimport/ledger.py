"""The importer's memory of what it brought over (ImportedItem), and its digests."""

import hashlib
import json

from .models import ImportedItem, ItemKind


def digest(data):
    """A stable hash of WordPress data (dicts and lists of text)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class Ledger:
    """ImportedItem rows of one WordPress site, plus the id maps later steps look up.

    The maps (terms, authors, attachments) are kept in memory: a few integers per item,
    filled again from the database by every run. Posts are looked up in the database, as
    there can be hundreds of thousands of them.
    """

    def __init__(self, site):
        self.site = site
        self.maps = {}

    def find(self, kind, wp_id):
        # Not .first(): its ORDER BY id may lead PostgreSQL to walk the primary key's index
        # instead of the (site, kind, wp_id) one, over a table of millions of rows.
        rows = ImportedItem.objects.filter(site=self.site, kind=kind, wp_id=wp_id)[:1]
        return next(iter(rows), None)

    def find_many(self, kind, wp_ids):
        wp_ids = list(wp_ids)
        if not wp_ids:
            return {}
        # The range as well as the list: with statistics that lag behind a growing table,
        # PostgreSQL reads `IN (…)` as a filter over every row of the kind (all the site's
        # comments), while a range bounds the index scan whatever it believes.
        rows = ImportedItem.objects.filter(
            site=self.site,
            kind=kind,
            wp_id__in=wp_ids,
            wp_id__gte=min(wp_ids),
            wp_id__lte=max(wp_ids),
        )
        return {row.wp_id: row for row in rows}

    def record(self, kind, wp_id, object_id, data_digest, fingerprint="", row=None):
        if row is None:
            row = ImportedItem(site=self.site, kind=kind, wp_id=wp_id)
        row.object_id, row.digest, row.fingerprint = object_id, data_digest, fingerprint
        row.save()
        self.remember(kind, wp_id, object_id)
        return row

    def remember(self, kind, key, value):
        if kind == ItemKind.POST:
            return  # one per post: kept in the database only, so memory stays flat
        self.maps.setdefault(kind, {})[key] = value

    def lookup(self, kind, key):
        value = self.maps.get(kind, {}).get(key)
        if value is None and isinstance(key, int):
            row = self.find(kind, key)
            value = row.object_id if row else None
            if value is not None:
                self.remember(kind, key, value)
        return value
