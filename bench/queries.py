"""SQL queries per page on a cache miss, counted in-process with Django's test client.

    MANCHETTE_BENCH=1 DJANGO_SETTINGS_MODULE=bench.settings PAGE_CACHE_SECONDS=0 \
        python bench/queries.py PAGES.json OUT.json [--verbose]

Each page is requested by an anonymous client (PAGE_CACHE_SECONDS=0: never from the page
cache), three ways:

- "cold": after clearing the cache, nothing cached (the first request after a Redis restart);
- "queries": after purging the page (as a publication does): the site chrome (settings, menu,
  flash) is cached, the page and all its fragments render afresh;
- "queries_warm": the page again, its fragments cached (a page-cache entry that expired, or a
  purge of another part of the page).

--verbose prints every query of the purged miss of each page.
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

    from manchette.core.caching.purge import purge_paths

    for name, page in pages.items():
        # Cold: nothing cached at all (the first request after a deploy or a site-wide purge).
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(page["url"])
        with CaptureQueriesContext(connection) as warm:
            client.get(page["url"])
        purge_paths([page["url"]])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["url"])
        tables = Counter(summarise(q["sql"]) for q in queries.captured_queries)
        result[name] = {
            "url": page["url"],
            "status": response.status_code,
            "queries": len(queries.captured_queries),
            "queries_cold": len(cold.captured_queries),
            "queries_warm": len(warm.captured_queries),
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
