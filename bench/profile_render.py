"""CPU time per whole render, in-process, with the page and fragment caches off.

    .venv/bin/python bench/profile_render.py [--dir DIR] [-n N] [--series S] [--top K]
                       [--page NAME ...] [--sort cumulative|tottime] [--json OUT]

The first run seeds DIR (default $TMPDIR/manchette-profile, kept between runs) as `make bench`
does: `migrate`, `collectstatic`, then bench/seed.py (the demo, BENCH_ARTICLES articles,
three articles with 0, 50 and 500 comments, topics), with bench/settings.py (production plus
relaxed anti-abuse timers). Later runs reuse it: delete DIR to seed again.

Then, in this process, with PAGE_CACHE_SECONDS=0 and FRAGMENT_CACHE_SECONDS=0 (every part of
every page rendered, as `make bench`'s "whole render" rows), each page is asked for through
Django's test client, once to warm the process (Python imports, template loading, the
per-process caches a long-lived gunicorn worker keeps), then in SERIES series of N renders.
For each page it prints the CPU milliseconds per render (`time.process_time()`, user + system
of this process: a figure that other work on a busy machine moves much less than requests
per second) of the best series and the median one, the queries per render, and, unless
`--top 0`, the top cProfile entries of one more series of N (cProfile slows Python code about
three times: read its figures as shares, not as times).

`--fragments` keeps the fragment cache on (the page cache stays off): an editor's view, or a
page whose cache entry expired, to see what that layer earns against the whole render.

To compare two versions of the code on a busy machine, run both one after the other on the
same DIR (a second `git worktree` for the old one) and compare the best series.

Req/s through gunicorn is about 2 workers × 1000 / (CPU ms per render + gunicorn's own cost),
so the issue's targets (≥ 300 req/s for the article with 50 comments, ≥ 150 for home, ≥ 500
for listings) mean roughly ≤ 6 ms, ≤ 12 ms and ≤ 3.5 ms of CPU per render on this machine.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PAGES = ("article_50", "article_0", "article_500", "home", "section", "topic", "feed", "search")


def environment(folder, database_url="", redis_url=""):
    """The bench settings for a profile kept in `folder`: its own SQLite file and no shared
    cache unless `database_url` and `redis_url` say otherwise."""
    var = folder / "var"
    return {
        "MANCHETTE_BENCH": "1",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": "profile-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "true",
        "VAR_DIR": str(var),
        "LOG_LEVEL": "WARNING",
        "FRONTEND_CACHE_PURGE_URL": "",
        "DATABASE_URL": database_url or f"sqlite:///{var / 'bench.sqlite3'}",
        "SITE_URL": "http://127.0.0.1",
        "REDIS_URL": redis_url,
    }


def seed(folder, env, articles=None):
    """migrate, collectstatic and bench/seed.py into `folder`, once (`articles`: the archive's
    size, BENCH_ARTICLES, when not seed.py's own)."""
    pages = folder / "pages.json"
    if pages.exists():
        return json.loads(pages.read_text())
    (folder / "var").mkdir(parents=True, exist_ok=True)
    full = {**os.environ, **env, "SECRET_KEY": secrets.token_urlsafe(50)}
    if articles is not None:
        full["BENCH_ARTICLES"] = str(articles)
    print(f"seeding {folder} (once; delete it to seed again)", file=sys.stderr)
    for args in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0")):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full, check=True)
    partial = folder / "pages.partial.json"
    subprocess.run(
        [sys.executable, str(BENCH / "seed.py"), str(partial)], cwd=ROOT, env=full, check=True
    )
    partial.rename(pages)
    return json.loads(pages.read_text())


def render_series(client, url, n):
    """CPU ms per render over n renders, and the status and size of the last response."""
    started = time.process_time()
    for _ in range(n):
        response = client.get(url)
    elapsed = time.process_time() - started
    return elapsed / n * 1000, response.status_code, len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--dir", default=Path(tempfile.gettempdir()) / "manchette-profile", type=Path
    )
    parser.add_argument("-n", type=int, default=50, help="renders per page (50)")
    parser.add_argument("--series", type=int, default=3, help="series of N, best kept (3)")
    parser.add_argument("--top", type=int, default=25, help="cProfile entries shown (25)")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--page", action="append", choices=PAGES, help="only these pages")
    parser.add_argument("--json", type=Path, help="write the CPU ms per page there")
    parser.add_argument(
        "--fragments",
        action="store_true",
        help="keep the fragment cache on (FRAGMENT_CACHE_SECONDS=3600): what that layer earns",
    )
    args = parser.parse_args()

    folder = args.dir.resolve()
    # Whole renders: the page and fragment caches off.
    env = {**environment(folder), "PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}
    seeded = seed(folder, env)
    if args.fragments:
        env["FRAGMENT_CACHE_SECONDS"] = "3600"
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    assert settings.PAGE_CACHE_SECONDS == 0
    assert (settings.FRAGMENT_CACHE_SECONDS > 0) == args.fragments
    client = Client(HTTP_HOST="127.0.0.1")
    pages = seeded["pages"]
    figures = {}
    for name in args.page or PAGES:
        if name not in pages:
            continue
        url = pages[name]["url"]
        for _ in range(3):  # warm: imports, templates, per-process caches
            client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        # Read now: the next request empties the connection's log.
        queries = len(captured.captured_queries)
        series = sorted(render_series(client, url, args.n) for _ in range(args.series))
        cpu_ms, status, size = series[0]
        median = series[len(series) // 2][0]
        figures[name] = {
            "url": url,
            "cpu_ms": round(cpu_ms, 2),
            "cpu_ms_median": round(median, 2),
            "queries": queries,
            "status": status,
            "bytes": size,
        }
        print(
            f"{name:12} {cpu_ms:8.2f} CPU ms/render (median {median:.2f})  {queries:3} queries"
            f"  {status} {size:7} bytes  {url}",
            flush=True,
        )
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.n):
                client.get(url)
            profile.disable()
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.sort_stats(args.sort).print_stats(args.top)
            lines = out.getvalue().splitlines()
            start = next(i for i, line in enumerate(lines) if "ncalls" in line)
            print("\n".join("    " + line for line in lines[start - 2 :] if line.strip()))
            print()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
