"""The archive bench: listing pages, sitemaps and publishing on a newsroom's archive.

    BENCH_ARCHIVE=5000,200000 .venv/bin/python bench/archive.py   (or `make bench-archive`)

Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL). For each size, a database of its own,
named after DATABASE_URL's (`<name>_archive_<size>`, dropped afterwards; with
BENCH_ARCHIVE_REUSE=1 it is kept, and a later run with BENCH_ARCHIVE_REUSE=1 migrates and
measures it again without seeding: seeding 200,000 articles takes half an hour), seeded fast
by bench/archive_seed.py (bulk inserts: the size's articles, BENCH_ARCHIVE_TOPICS
topics, BENCH_ARCHIVE_COMMENTS comments per article), then gunicorn with the production
settings, BENCH_WORKERS sync workers, the page cache and the fragment cache off (each request
renders the whole page from the database: the cost of a cache miss at its worst), measured
with wrk (BENCH_CONNECTIONS, BENCH_SECONDS) on 127.0.0.1: home, rubrique page 1 and page 500
(or its last page when it has fewer; at its `?avant=` address, as the pages link to it), the
topic most articles mention, an author, the sitemap index and the Google News sitemap, with
the app's CPU per request and the median of SEQUENTIAL requests made one at a time; one
sitemap file (up to 50,000 URLs) is timed by two sequential requests. A server stopped from
outside is started again and the page measured again. Writes bench/results/archive-latest.md
and .json, the sizes side by side. Search is measured by its own bench.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from urllib.parse import urlsplit

import run  # bench/run.py: the stack, wrk and the helpers of `make bench`

SIZES = [int(n) for n in os.environ.get("BENCH_ARCHIVE", "5000").split(",") if n.strip()]
REUSE = os.environ.get("BENCH_ARCHIVE_REUSE", "0") == "1"
SEQUENTIAL = 10  # requests one after the other, per page


def timed_fetches(url, times=2, timeout=600):
    """Milliseconds of one request, as the median of `times` made one after the other."""
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = response.read()
        durations.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(durations), 1),
        "kb": round(len(body) / 1024),
        "urls": body.count(b"<url>"),  # a sitemap's entries: what its cost grows with
    }


def measure_page(url, app):
    """wrk on the page, once it answers, with the app's CPU per request (its workers'; what
    other work on the machine barely moves); a page that cannot answer is reported, not
    fatal."""
    try:
        first = timed_fetches(url, times=1)
        # One request at a time: what one reader waits for, less moved by a busy machine
        # than the figures at BENCH_CONNECTIONS.
        alone = timed_fetches(url, times=SEQUENTIAL)
        return {
            **run.wrk(url, cpu_of=run.children_of(app.pid)),
            "first_ms": first["median_ms"],
            "alone_ms": alone["median_ms"],
            **({"urls": first["urls"]} if first["urls"] else {}),
        }
    except (OSError, subprocess.CalledProcessError) as error:
        return {"error": str(error)}


def serve(stack):
    port = run.free_port()
    run.say(f"gunicorn ({run.WORKERS} workers), page and fragment caches off, :{port}")
    app = stack.gunicorn("gunicorn-archive", 0, port, fragment_cache_seconds=0)
    return app, f"http://127.0.0.1:{port}"


def seeded_before(admin, name):
    """What the seeding of a kept database reported (kept as the database's comment), or
    None when there is no such database or its seeding did not finish."""
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
    if not row or not row[0]:
        return None
    return json.loads(row[0])


def measure(size):
    parts = urlsplit(os.environ["DATABASE_URL"])
    name = f"{parts.path.strip('/') or 'manchette'}_archive_{size}"
    import psycopg

    admin = parts._replace(path="/postgres").geturl()
    before = seeded_before(admin, name) if REUSE else None
    if before is None:
        with psycopg.connect(admin, autocommit=True) as conn:  # left by a run that was killed
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if REUSE:
                conn.execute(f'CREATE DATABASE "{name}"')
    stack = run.Stack(db_name=name, existing_db=REUSE)
    try:
        run.say(f"{size} articles: migrate, collectstatic")
        stack.manage("migrate", "--noinput", "-v0")
        stack.manage("collectstatic", "--noinput", "-v0")
        out = stack.tmp / "archive.json"
        started = time.monotonic()
        subprocess.run(
            [run.PY, str(run.BENCH / "archive_seed.py"), str(size), str(out)]
            + (["--again"] if before else []),
            cwd=run.ROOT,
            env=stack.env,
            check=True,
        )
        seeded = json.loads(out.read_text())
        if before:  # seeding's figures from the first run, today's publishing and pages
            seeded = {**before, **seeded, "seed_reused": True}
        else:
            seeded["seed_wall_s"] = round(time.monotonic() - started, 1)
            if REUSE:
                with psycopg.connect(admin, autocommit=True) as conn:
                    comment = json.dumps(seeded).replace("'", "''")
                    conn.execute(f"COMMENT ON DATABASE \"{name}\" IS '{comment}'")
        app = origin = None
        restarts = 0
        load_before = os.getloadavg()[0]
        pages = {}
        for name, path in [*seeded["pages"].items(), ("sitemap_file_1", "/sitemap-1.xml")]:
            for _attempt in range(3):
                if app is None or app.poll() is not None:
                    # Stopped from outside (on a shared machine, another session's `pkill`
                    # once took it down mid-run): started again, the page measured again.
                    if app is not None:
                        stack.stop(app)
                        restarts += 1
                    app, origin = serve(stack)
                run.say(f"{name} ({path})")
                if name == "sitemap_file_1":
                    try:
                        pages[name] = timed_fetches(origin + path)
                    except OSError as error:
                        log = (stack.tmp / "gunicorn-archive.log").read_text()[-4000:]
                        pages[name] = {"error": str(error), "log": log}
                else:
                    pages[name] = measure_page(origin + path, app)
                if app.poll() is None:
                    break
        stack.stop(app)
        load = [round(load_before, 1), round(os.getloadavg()[0], 1)]
        return {**seeded, "measured": pages, "server_restarts": restarts, "load_1min": load}
    finally:
        stack.close()


def table(results):
    sizes = list(results)
    head = "| | " + " | ".join(f"{results[s]['articles']:,} articles" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    names = []
    for size in sizes:
        names += [n for n in results[size]["measured"] if n not in names]
    for name in names:
        if name == "sitemap_file_1":
            row(
                "sitemap file 1: one request, ms (KB, URLs)",
                [
                    "{median_ms} ({kb}, {urls})".format(
                        **{"urls": "?", **results[s]["measured"][name]}
                    )
                    if "median_ms" in results[s]["measured"].get(name, {})
                    else "—"
                    for s in sizes
                ],
            )
            continue
        values = []
        for size in sizes:
            m = results[size]["measured"].get(name)
            if m and "error" in m:
                values.append(f"failed: {m['error']}")
                continue
            cpu = m.get("cpu_us_per_request") if m else None
            values.append(
                f"{m['rps']} req/s ({m['p50_ms']} / {m['p99_ms']} ms"
                + (f"; {cpu / 1000:.1f} ms" if cpu else "")
                + (f"; {m['alone_ms']} ms" if m and "alone_ms" in m else "")
                + ")"
                + (f", {m['non_2xx']} non-2xx" if m["non_2xx"] else "")
                + (f", {m['urls']:,} URLs" if m.get("urls") else "")
                if m
                else "—"
            )
        row(f"{name}: req/s (p50 / p99; app CPU per request; one at a time, median)", values)
    row(
        "publish one article (revision, publish, purges), ms",
        [str(results[s]["publish_ms"]) for s in sizes],
    )
    row(
        "load average (1 min) before / after the pages, on 2 cores",
        [" / ".join(map(str, results[s].get("load_1min", ["?", "?"]))) for s in sizes],
    )
    row(
        "topics / comments",
        [f"{results[s]['topics']:,} / {results[s]['comments']:,}" for s in sizes],
    )
    row(
        "seeding, s (articles alone)",
        [f"{results[s]['seed_total_s']} ({results[s]['seed_articles_s']})" for s in sizes],
    )
    return "\n".join(lines) + "\n" + growth(results)


LISTINGS = ("home", "section", "section_deep", "topic", "author", "sitemap_index", "news_sitemap")
GROWTH_LIMIT = 0.20  # issue #19: each listing's miss within 20 % of its figure at 5,000


def growth(results):
    """The largest size against the smallest, page by page, on the app's CPU per request (what
    a busy machine moves least; req/s on a shared machine moves with the other work). A
    rubrique's deep page is its page 500, or its last page on a smaller archive."""
    sizes = sorted(results)
    if len(sizes) < 2:
        return ""
    small, large = sizes[0], sizes[-1]

    def cpu(size):
        found = {}
        for name, m in results[size]["measured"].items():
            key = "section_deep" if name.startswith("section_page_") else name
            if isinstance(m, dict) and m.get("cpu_us_per_request"):
                found[key] = m["cpu_us_per_request"] / 1000
        return found

    before, after = cpu(small), cpu(large)
    lines = [
        "",
        f"App CPU per request, {results[large]['articles']:,} against "
        f"{results[small]['articles']:,} articles (target: within "
        f"{GROWTH_LIMIT:.0%} of the smaller archive's figure):",
        "",
        "| page | smaller, ms | larger, ms | change | |",
        "|---|---|---|---|---|",
    ]
    for name in LISTINGS:
        if name in before and name in after:
            change = after[name] / before[name] - 1
            verdict = "✅" if change <= GROWTH_LIMIT else "❌"
            lines.append(
                f"| {name} | {before[name]:.1f} | {after[name]:.1f} | {change:+.0%} | {verdict} |"
            )
    return "\n".join(lines) + "\n"


def main():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("bench/archive.py needs PostgreSQL: set DATABASE_URL (and REDIS_URL).")
    run.need("wrk", "wrk")
    # A SIGTERM unwinds through `finally`: servers stopped, databases dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # Sizes measured by an earlier run stay beside the new ones (BENCH_ARCHIVE=200000 after
    # BENCH_ARCHIVE=5000), unless measured again.
    latest = run.RESULTS / "archive-latest.json"
    earlier = json.loads(latest.read_text()) if latest.exists() else {}
    results = {int(size): figures for size, figures in earlier.items()}
    for size in SIZES:
        results[size] = measure(size)
        write(
            dict(sorted(results.items()))
        )  # each size as soon as it is measured: 200,000 takes a while


def write(results):
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"# Archive bench, {stamp}\n\n"
        f"PostgreSQL + Redis · {run.WORKERS} gunicorn sync workers · wrk, "
        f"{run.CONNECTIONS} connections, {run.SECONDS} s per page · page and fragment caches "
        "off (every request renders the page from the database)\n\n"
    )
    markdown = header + table(results)
    run.RESULTS.mkdir(exist_ok=True)
    (run.RESULTS / "archive-latest.json").write_text(
        json.dumps({str(k): v for k, v in results.items()}, indent=2, ensure_ascii=False)
    )
    (run.RESULTS / "archive-latest.md").write_text(markdown)
    print(markdown, flush=True)


if __name__ == "__main__":
    main()
