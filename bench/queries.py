"""SQL queries per page on a cache miss, counted in-process with Django's test client.

    MANCHETTE_BENCH=1 DJANGO_SETTINGS_MODULE=bench.settings PAGE_CACHE_SECONDS=0 \
        python bench/queries.py PAGES.json OUT.json [--verbose]

Each page is requested twice by an anonymous client, after clearing the cache: the first
request is counted as "cold" (nothing cached), the second as the steady cache miss (the site
chrome, i.e. settings, menu and flash, is then cached, as on a running site; the page itself
is not, PAGE_CACHE_SECONDS=0). --verbose prints every query of each page.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def summarise(sql):
    """The table a query reads, for the breakdown."""
    match = re.search(r'\bFROM\s+"?([\w.]+)"?', sql) or re.search(
        r'\b(?:INTO|UPDATE)\s+"?([\w.]+)"?', sql
    )
    return match.group(1) if match else sql[:40]


def main(pages_path, out, verbose=False):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages = json.loads(Path(pages_path).read_text())["pages"]
    client = Client(HTTP_HOST="127.0.0.1")
    result = {}
    from django.core.cache import cache

    for name, page in pages.items():
        # Cold: nothing cached at all (the first request after a deploy or a site-wide purge).
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(page["url"])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["url"])
        tables = Counter(summarise(q["sql"]) for q in queries.captured_queries)
        result[name] = {
            "url": page["url"],
            "status": response.status_code,
            "queries": len(queries.captured_queries),
            "queries_cold": len(cold.captured_queries),
            "bytes": len(response.content) if not response.streaming else None,
            "by_table": dict(tables.most_common()),
        }
        if verbose:
            print(f"\n== {name} {page['url']}: {len(queries.captured_queries)} queries")
            for q in queries.captured_queries:
                print("  ", q["sql"][:300])
    Path(out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], verbose="--verbose" in sys.argv)
