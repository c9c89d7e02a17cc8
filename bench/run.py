"""`make bench`: figures for the production configuration, next to the targets and WordPress.

    .venv/bin/python bench/run.py            (or `make bench`)

Builds a throwaway database under /tmp (SQLite; PostgreSQL and Redis when DATABASE_URL and
REDIS_URL are set: a new database and a key prefix of their own, dropped afterwards), seeds
it (`manage.py seed_demo` + bench/seed.py), runs collectstatic, then starts on 127.0.0.1:

- gunicorn with the production settings (bench/settings.py: production plus relaxed
  anti-abuse timers), BENCH_WORKERS sync workers, page cache on;
- a second gunicorn with PAGE_CACHE_SECONDS=0, for cache misses;
- Debian's nginx twice: serving the article's bytes as a static file (the physical limit),
  and in front of gunicorn with the shipped deploy/nginx config (proxy_cache).

and measures with wrk (BENCH_CONNECTIONS connections, BENCH_SECONDS per run), counts SQL
queries in-process (bench/queries.py), posts comments sequentially (bench/load.py) and, with
BENCH_LOAD=1, holds 200 readers for 60 s (bench/load.py mixed) through nginx.

Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_WORKERS (2), BENCH_POSTS (300),
BENCH_ARTICLES (5000 articles in all; 0: the demo's only), BENCH_TOPICS (200),
BENCH_COMPARE_URL (another system's article, measured in the same run), BENCH_LOAD (0),
BENCH_LOAD_READERS (200), BENCH_LOAD_SECONDS (60), BENCH_ROUNDS (3: wrk rounds of the static file,
nginx's proxy, the empty app and the hit, taken in turn), BENCH_KEEP (1: keep the /tmp directory),
BENCH_OTHERS_TIMEOUT (900 s for each of the other apps' bench scripts), BENCH_NEWSLETTER_SIZES
(10000,100000), BENCH_POSTGRES_URL and BENCH_REDIS_URL (a SQLite run measures the comment
posts on them too: e.g. postgres://postgres@127.0.0.1:5432/postgres, redis://127.0.0.1:6379/0).
Writes bench/results/latest.md and latest.json.

BENCH_ONLY=writes measures only the readers' writes, in a minute or two: the comment posts and
the state endpoints (with the app's CPU per request) on SQLite + the file cache, and on
PostgreSQL + Redis when BENCH_POSTGRES_URL and BENCH_REDIS_URL are set, with the demo's
articles only; with BENCH_LOAD=1, the load test too (through nginx, SQLite). It writes
bench/results/writes-latest.json and prints it. Only ever talks to 127.0.0.1 (and to
BENCH_COMPARE_URL when given).
"""

import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import nginx_conf  # bench/nginx_conf.py: bench/ is the script's first import path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
POSTS = int(os.environ.get("BENCH_POSTS", "300"))
COMPARE_URL = os.environ.get("BENCH_COMPARE_URL", "")
LOAD = os.environ.get("BENCH_LOAD", "0") == "1"
ONLY = os.environ.get("BENCH_ONLY", "")
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "3")))
LOAD_READERS = int(os.environ.get("BENCH_LOAD_READERS", "200"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
KEEP = os.environ.get("BENCH_KEEP", "0") == "1"
OTHERS_TIMEOUT = int(os.environ.get("BENCH_OTHERS_TIMEOUT", "900"))
# Newsletter sending: emails per second and the worker's peak memory at each list size.
NEWSLETTER_SIZES = os.environ.get("BENCH_NEWSLETTER_SIZES", "10000,100000")
# The comment posts measured a second time on PostgreSQL + Redis (a SQLite run only).
POSTS_PG_URL = os.environ.get("BENCH_POSTGRES_URL", "")
POSTS_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")

# The targets for this machine (2 cores, 32 connections) and the WordPress figures
# measured on it: WordPress 6.1 + wpDiscuz, and a classic theme with native comments.
TARGETS = {
    "hit_rps": 3000,
    "hit_p99_ms": 50,
    "nginx_ratio": 0.80,
    "miss_rps": 550,
    "queries": 12,
    "html_kb": 80,
    "posts_per_s": 175,
    "post_p99_ms": 50,
    # Issue #17: a listing's miss, each whole render, and readers' writes under load.
    "listing_miss_rps": 500,
    "render_rps": {"article_50": 300, "article_0": 400, "home": 150},
    "load_write_p99_ms": 300,
}
LISTINGS = ("section", "topic", "feed")
WRITES = ("reaction", "comment")
WORDPRESS = {
    "wpDiscuz": {"rps": 28, "p99_ms": 1250, "queries": 97, "html_kb": 286, "posts_per_s": 35},
    "classic": {"rps": 56, "queries": 42, "html_kb": 129},
}


def say(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def need(tool, package):
    if shutil.which(tool):
        return
    sys.exit(
        f"bench: `{tool}` is missing. Install Debian's package: apt-get install -y {package}\n"
        "(`make bench` installs wrk and nginx itself when run as root.)"
    )


# --------------------------------------------------------------------------- environment


class Stack:
    """The throwaway data (database, cache prefix, VAR_DIR) and the processes started."""

    def __init__(self, db_name=None, existing_db=False, database_url=None, redis_url=None):
        """`existing_db`: the database `db_name` is already there and is kept afterwards.
        `database_url`, `redis_url`: where to put the data instead of DATABASE_URL, REDIS_URL
        ("" for SQLite and the file cache)."""
        self.tmp = Path(tempfile.mkdtemp(prefix="manchette-bench-"))
        self.var = self.tmp / "var"
        self.var.mkdir()
        self.processes = []
        self.pg_admin_url = None
        self.db_name = None
        self.redis_prefix = None
        self.keep_db = existing_db
        base_db = os.environ.get("DATABASE_URL", "") if database_url is None else database_url
        self.redis_url = os.environ.get("REDIS_URL", "") if redis_url is None else redis_url
        self.env = {
            **os.environ,
            "MANCHETTE_BENCH": "1",
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SERVE_MEDIA": "true",
            "VAR_DIR": str(self.var),
            "LOG_LEVEL": "WARNING",
            "FRONTEND_CACHE_PURGE_URL": "",
        }
        if base_db.startswith(("postgres://", "postgresql://")):
            self.db_name = db_name or f"manchette_bench_{os.getpid()}"
            parts = urlsplit(base_db)
            self.pg_admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.db_name}"))
            if not existing_db:
                self._pg(f'CREATE DATABASE "{self.db_name}"')
        else:
            self.env["DATABASE_URL"] = f"sqlite:///{self.var / 'bench.sqlite3'}"
        self.env["REDIS_URL"] = self.redis_url
        if self.redis_url:
            self.redis_prefix = f"manchette-bench-{os.getpid()}"
            self.env["CACHE_KEY_PREFIX"] = self.redis_prefix
        self.backend = ("PostgreSQL" if self.db_name else "SQLite") + (
            " + Redis" if self.redis_prefix else " + file cache"
        )

    def _pg(self, sql):
        import psycopg

        with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def manage(self, *args, env=None):
        subprocess.run(
            [PY, "manage.py", *args], cwd=ROOT, env={**self.env, **(env or {})}, check=True
        )

    def start(self, name, argv, env=None, log=None):
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 (closed with the stack)
        process = subprocess.Popen(
            argv, cwd=ROOT, env={**self.env, **(env or {})}, stdout=log, stderr=log
        )
        self.processes.append((name, process, log))
        return process

    def gunicorn(
        self, name, page_cache_seconds, port, fragment_cache_seconds=3600, app="manchette.wsgi"
    ):
        process = self.start(
            name,
            [
                GUNICORN,
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                app,
            ],
            env={
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": str(WORKERS),
                "SITE_URL": f"http://127.0.0.1:{port}",
                "PAGE_CACHE_SECONDS": str(page_cache_seconds),
                "FRAGMENT_CACHE_SECONDS": str(fragment_cache_seconds),
                "GUNICORN_MAX_REQUESTS": "0",
            },
        )
        wait_http(f"http://127.0.0.1:{port}/", process, self.tmp / f"{name}.log")
        return process

    def gunicorn_floor(self, port, body_path):
        """gunicorn, with the shipped config, running bench/floor.py: what gunicorn itself
        costs per request on this machine now, the ceiling of any app behind it."""
        process = self.start(
            "gunicorn-floor",
            [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "floor:application"],
            env={
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": str(WORKERS),
                "GUNICORN_MAX_REQUESTS": "0",
                "PYTHONPATH": str(BENCH),
                "FLOOR_BODY": str(body_path),
                "FLOOR_HEADERS": str(self.tmp / "floor-headers.json"),
            },
        )
        wait_http(f"http://127.0.0.1:{port}/", process, self.tmp / "gunicorn-floor.log")
        return process

    def seed(self, articles=None):
        """bench/seed.py into this stack (`articles`: BENCH_ARTICLES when not its own): what
        it seeded, the pages measured among it."""
        env = self.env if articles is None else {**self.env, "BENCH_ARTICLES": str(articles)}
        out = self.tmp / "pages.json"
        subprocess.run([PY, str(BENCH / "seed.py"), str(out)], cwd=ROOT, env=env, check=True)
        return json.loads(out.read_text())

    def stop(self, process):
        for name, candidate, log in list(self.processes):
            if candidate is process:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(15)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
                log.close()
                self.processes.remove((name, candidate, log))

    def close(self):
        for _name, process, _log in list(self.processes):
            self.stop(process)
        if self.db_name and not self.keep_db:
            try:
                self._pg(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            except Exception as error:
                say(f"could not drop {self.db_name}: {error}")
        if self.redis_prefix:
            try:
                import redis

                client = redis.Redis.from_url(self.redis_url)
                keys = list(client.scan_iter(f"{self.redis_prefix}:*", count=1000))
                for start in range(0, len(keys), 500):
                    client.delete(*keys[start : start + 500])
            except Exception as error:
                say(f"could not clear the Redis keys {self.redis_prefix}:*: {error}")
        if KEEP:
            say(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def wait_http(url, process, log_path, timeout=90):
    """Polls until the URL answers (any status), or the process dies, or the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: the server for {url} exited:\n{Path(log_path).read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bench: {url} did not answer within {timeout} s")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


# --------------------------------------------------------------------------- measures


def parse_duration(text):
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def cpu_seconds(pids):
    """CPU time (user + system, s) the processes `pids` have used so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def children_of(pid):
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def wrk(url, seconds=SECONDS, connections=CONNECTIONS, headers=None, cpu_of=(), script=None):
    """Requests/s, p50 and p99 (ms) and errors of a wrk run; with `cpu_of` (pids), also the
    CPU time those processes spent per request (µs), a figure that other work on the machine
    barely moves, unlike requests per second. `script`: a wrk Lua script (e.g. one that
    varies each request's address)."""
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        argv += ["-s", str(script)]
    for name, value in (headers or {}).items():
        argv += ["-H", f"{name}: {value}"]
    cpu_before = cpu_seconds(cpu_of)
    output = subprocess.run(argv + [url], capture_output=True, text=True, check=True).stdout
    cpu_used = cpu_seconds(cpu_of) - cpu_before
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = parse_duration(re.search(r"\s99%\s+(\S+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    measured = {
        "rps": round(rps, 1),
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }
    if cpu_of and requests:
        measured["cpu_us_per_request"] = round(cpu_used / requests * 1e6, 1)
    return measured


def wrk_rounds(urls, rounds=None, cpu_of=None):
    """wrk on each of `urls` (name: URL) in turn, `rounds` times over; for each, the run with
    the median req/s, and every round's req/s. A ratio of two pages is then taken between runs
    made at the same moments: one run each, minutes apart, once gave nginx's proxy 72 % of
    the static file and, on the same machine a minute later, 98 %."""
    rounds = rounds or ROUNDS
    runs = {name: [] for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            runs[name].append(wrk(url, cpu_of=(cpu_of or {}).get(name, ())))
    result = {}
    for name, measured in runs.items():
        median = dict(sorted(measured, key=lambda run: run["rps"])[len(measured) // 2])
        median["rounds_rps"] = [run["rps"] for run in measured]
        cpu = sorted(run["cpu_us_per_request"] for run in measured if "cpu_us_per_request" in run)
        if cpu:
            median["cpu_us_per_request"] = cpu[len(cpu) // 2]
        result[name] = median
    return result


def rounds_note(measured):
    """' (median of 3 rounds: 70000–90000)' when the figure comes from wrk_rounds."""
    values = measured.get("rounds_rps")
    if not values or len(values) < 2:
        return ""
    return f", median of {len(values)} rounds: {min(values)}–{max(values)}"


def peak_rss_of_workers(master):
    """Peak resident memory (VmHWM, MB) of each child of a gunicorn master."""
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        ppid = re.search(r"PPid:\s+(\d+)", text)
        hwm = re.search(r"VmHWM:\s+(\d+) kB", text)
        if ppid and hwm and int(ppid.group(1)) == master.pid:
            peaks.append(round(int(hwm.group(1)) / 1024, 1))
    return sorted(peaks)


def render_nginx(stack, app_port, static_port, proxy_port, purge_port):
    """The shipped config, pointed at the bench's ports and directories."""
    return nginx_conf.render(
        stack.tmp,
        var=stack.var,
        app=f"127.0.0.1:{app_port}",
        proxy_port=proxy_port,
        purge_port=purge_port,
        workers=WORKERS,
        static_port=static_port,
    )


# The app's cache layers, each taken away in turn, measured where they sit: behind the shipped
# nginx, on the traffic nginx passes on (it keeps only exact anonymous paths).
LAYER_SETUPS = {
    "all": "WSGI wrapper + page-cache middleware + fragments",
    "no_wrapper": "page-cache middleware + fragments (no WSGI wrapper)",
    "fragments": "fragments only (no page cache)",
    "none": "no cache (whole render)",
}
SIGNED_IN = {"Cookie": "sessionid=bench-reader"}  # a reader: the shared copy
EDITOR = {"Cookie": "sessionid=bench-editor; manchette_redaction=1"}  # bypasses both caches


def second_page(base, listing):
    """A listing's second page at its own address (`?avant=…`), where the old `?page=2`
    address leads (a 301)."""
    with urllib.request.urlopen(f"{base}{listing}?page=2", timeout=30) as response:
        final = urlsplit(response.url)
    return f"{final.path}?{final.query}"


def measure_layers(stack, pages, hit_app, port, proxy_port):
    """req/s, and the app workers' CPU per request, through nginx for what nginx passes on:
    a listing's page 2 (a query string) and the article with 50 comments for an editor, with
    each app layer taken away in turn; and a signed-in reader's article (nginx's copy). The
    app runs on `port`, nginx's upstream, one setup at a time."""
    through = f"http://127.0.0.1:{proxy_port}"
    traffic = {
        "section_page_2": (second_page(through, pages["section"]["url"]), None),
        "article_50_editor": (pages["article_50"]["url"], EDITOR),
        "article_50_signed_in_reader": (pages["article_50"]["url"], SIGNED_IN),
    }
    layers = {}
    app = hit_app
    for setup in LAYER_SETUPS:
        if setup != "all":
            stack.stop(app)
            app = stack.gunicorn(
                f"gunicorn-{setup}",
                0 if setup in ("fragments", "none") else 600,
                port,
                fragment_cache_seconds=0 if setup == "none" else 3600,
                app="manchette.wsgi:django_application" if setup != "all" else "manchette.wsgi",
            )
        layers[setup] = {}
        for name, (path, headers) in traffic.items():
            fetch(through + path)
            say(f"wrk: {name} through nginx, {LAYER_SETUPS[setup]}")
            measured = wrk(through + path, headers=headers, cpu_of=children_of(app.pid))
            measured["x_cache"] = fetch(through + path, headers)[1].get("X-Cache")
            layers[setup][name] = measured
    stack.stop(app)
    return layers


# --------------------------------------------------------------------------- the run


def run():
    need("wrk", "wrk")
    need("nginx", "nginx")
    stack = Stack()
    figures = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} · {os.cpu_count()} cores · load {os.getloadavg()[0]:.1f}",
        "backend": stack.backend,
        "workers": WORKERS,
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "notes": [],
    }
    try:
        say(f"database and cache: {stack.backend}; data in {stack.tmp}")
        stack.manage("migrate", "--noinput", "-v0")
        stack.manage("collectstatic", "--noinput", "-v0")
        say("seeding (seed_demo + bench articles, comments, topics)")
        seeded = stack.seed()
        pages = seeded["pages"]
        figures["articles"] = seeded["articles"]
        figures["notes"] += seeded["notes"]

        say("SQL queries per page (in-process, cache miss)")
        subprocess.run(
            [
                PY,
                str(BENCH / "queries.py"),
                str(stack.tmp / "pages.json"),
                str(stack.tmp / "q.json"),
            ],
            cwd=ROOT,
            env={**stack.env, "PAGE_CACHE_SECONDS": "0"},
            check=True,
        )
        figures["queries"] = json.loads((stack.tmp / "q.json").read_text())

        hit_port, miss_port = free_port(), free_port()
        static_port, proxy_port, purge_port = free_port(), free_port(), free_port()
        say(f"gunicorn ({WORKERS} workers) with the page cache on :{hit_port}")
        hit_app = stack.gunicorn("gunicorn-hit", 600, hit_port)
        hit = f"http://127.0.0.1:{hit_port}"

        # Cache hits: each page once to fill the cache, then wrk.
        article_url = hit + pages["article_50"]["url"]
        _, headers, body = fetch(article_url)
        _, headers, body = fetch(article_url)
        if headers.get("X-Page-Cache") != "hit":
            figures["notes"].append(f"the article was not a cache hit: {headers}")
        figures["html_bytes_article_50"] = len(body)
        figures["hit"] = {}
        for name in ("article_50", "article_0", "article_500", "home", "section", "feed"):
            fetch(hit + pages[name]["url"])
            say(f"wrk: {name} (cache hit)")
            figures["hit"][name] = wrk(hit + pages[name]["url"])
        figures["rss_hit_mb"] = peak_rss_of_workers(hit_app)
        figures["state"] = measure_state_endpoints(stack, hit, pages, hit_app)

        say("nginx: the article as a static file, and in front of gunicorn (shipped config)")
        (stack.tmp / "static-site").mkdir()
        (stack.tmp / "static-site" / "article.html").write_bytes(body)
        conf = render_nginx(stack, hit_port, static_port, proxy_port, purge_port)
        nginx = stack.start(
            "nginx",
            [
                "nginx",
                "-c",
                str(conf),
                "-p",
                str(stack.tmp),
                "-e",
                str(stack.tmp / "nginx-error.log"),
            ],
        )
        wait_http(
            f"http://127.0.0.1:{static_port}/article.html", nginx, stack.tmp / "nginx-error.log"
        )
        say("gunicorn floor: the same bytes and headers from a WSGI app that does nothing else")
        floor_port = free_port()
        (stack.tmp / "floor-headers.json").write_text(json.dumps(list(headers.items())))
        floor = stack.gunicorn_floor(floor_port, stack.tmp / "static-site" / "article.html")
        proxied = f"http://127.0.0.1:{proxy_port}" + pages["article_50"]["url"]
        fetch(proxied)
        _, proxy_headers, _ = fetch(proxied)
        if proxy_headers.get("X-Cache") != "HIT":
            figures["notes"].append(
                f"nginx did not cache the article: X-Cache={proxy_headers.get('X-Cache')}"
            )
        figures["nginx_proxy_status"] = proxy_headers.get("X-Cache")
        say(f"wrk, {ROUNDS} rounds: static file, nginx proxy, empty app, Manchette hit")
        compared = wrk_rounds(
            {
                "nginx_static": f"http://127.0.0.1:{static_port}/article.html",
                "nginx_proxy": proxied,
                "gunicorn_floor": f"http://127.0.0.1:{floor_port}/",
                "hit_rounds": article_url,
            },
            cpu_of={
                "nginx_static": children_of(nginx.pid),
                "nginx_proxy": children_of(nginx.pid),
                "hit_rounds": children_of(hit_app.pid),
            },
        )
        figures.update(compared)
        stack.stop(floor)
        # PURGE (Wagtail's frontend cache) refreshes the page: check it once.
        request = urllib.request.Request(
            f"http://127.0.0.1:{purge_port}" + pages["article_50"]["url"],
            method="PURGE",
            headers={"Host": "127.0.0.1"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                figures["nginx_purge_status"] = response.status
        except urllib.error.HTTPError as error:
            figures["nginx_purge_status"] = error.code

        if COMPARE_URL:
            say(f"wrk: {COMPARE_URL} (comparison)")
            try:
                _, _, compare_body = fetch(COMPARE_URL)
                figures["compare"] = {"url": COMPARE_URL, "html_bytes": len(compare_body)}
                figures["compare"].update(wrk(COMPARE_URL))
            except (OSError, subprocess.CalledProcessError) as error:
                figures["notes"].append(f"BENCH_COMPARE_URL failed: {error}")

        if LOAD:
            figures["load"] = run_load(stack, proxy_port, hit_app, nginx)

        say(f"comment posting: {POSTS} sequential posts")
        figures["posts"] = measure_posts(stack, hit, pages)
        figures["rss_hit_mb"] = peak_rss_of_workers(hit_app)
        figures["layers"] = measure_layers(stack, pages, hit_app, hit_port, proxy_port)
        stack.stop(nginx)

        say(f"gunicorn with PAGE_CACHE_SECONDS=0 (cache misses) on :{miss_port}")
        miss_app = stack.gunicorn("gunicorn-miss", 0, miss_port)
        miss = f"http://127.0.0.1:{miss_port}"
        figures["miss"] = {}
        for name in (
            "article_50",
            "article_0",
            "article_500",
            "home",
            "section",
            "search",
            "feed",
            "topic",
        ):
            if name not in pages:
                continue
            fetch(miss + pages[name]["url"])
            say(f"wrk: {name} (cache miss)")
            figures["miss"][name] = wrk(miss + pages[name]["url"])
        figures["rss_miss_mb"] = peak_rss_of_workers(miss_app)
        stack.stop(miss_app)

        # The whole render: no page cache and no fragment cache (every part of the page is
        # rendered, as after a publication or a purge of the whole page).
        render_port = free_port()
        say(f"gunicorn with PAGE_CACHE_SECONDS=0 FRAGMENT_CACHE_SECONDS=0 on :{render_port}")
        render_app = stack.gunicorn("gunicorn-render", 0, render_port, fragment_cache_seconds=0)
        render = f"http://127.0.0.1:{render_port}"
        figures["render"] = {}
        for name in ("article_50", "article_0", "article_500", "home"):
            if name in pages:
                fetch(render + pages[name]["url"])
                say(f"wrk: {name} (whole render)")
                figures["render"][name] = wrk(
                    render + pages[name]["url"], cpu_of=children_of(render_app.pid)
                )
        stack.stop(render_app)

    finally:
        stack.close()
    if POSTS_PG_URL and POSTS_REDIS_URL and stack.db_name is None:
        figures["posts_postgres"] = posts_on_postgres()
    figures["others"] = other_benches()
    return figures


STATE_SESSION = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
reader, _ = get_user_model().objects.get_or_create(
    username="lectrice-banc",
    defaults={"email": "lectrice-banc@example.org", "display_name": "Lectrice du banc"},
)
client = Client()
client.force_login(reader)
print(f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
"""


# wrk: each request from another reader's address (127.0.0.1 is a trusted proxy here).
READERS_LUA = """
request = function()
    wrk.headers["X-Forwarded-For"] = string.format(
        "10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
    return wrk.format()
end
"""


def measure_state_endpoints(stack, base, pages, app, article="article_50"):
    """The small uncached endpoints a page's script asks for what is the reader's own (name,
    CSRF token and form stamp, their comments, the reaction counts), for an anonymous reader
    and for a real signed-in one: every request reaches the app."""
    cookie = subprocess.run(
        [PY, "-c", STATE_SESSION], cwd=ROOT, env=stack.env, capture_output=True, text=True
    )
    signed_in = {"Cookie": cookie.stdout.strip()}
    article = pages[article]["id"]
    # Each request from its own address, as readers' are: from one address, the rate limit's
    # record of that address (the bench's limit is 100,000 a minute) grew to every request of
    # the last minute, read and rewritten on each request, which no reader's ever holds.
    readers = stack.tmp / "readers.lua"
    readers.write_text(READERS_LUA)
    measured = {}
    for name, path, headers in (
        ("reader (signed in)", "/compte/etat/", signed_in),
        ("comments (anonymous)", f"/commentaires/etat/?article={article}", None),
        ("comments (signed in)", f"/commentaires/etat/?article={article}", signed_in),
        ("reactions (anonymous)", f"/reactions/{article}/", None),
        ("reactions (signed in)", f"/reactions/{article}/", signed_in),
    ):
        say(f"wrk: state endpoint {path}, {name}")
        measured[name] = {
            "path": path,
            **wrk(base + path, headers=headers, cpu_of=children_of(app.pid), script=readers),
        }
    return measured


def measure_posts(stack, base, pages, app=None):
    """POSTS comments posted one after the other (bench/load.py posts), as JSON figures; with
    `app` (gunicorn's master), also its workers' CPU per post (µs)."""
    out = stack.tmp / "posts.json"
    workers = children_of(app.pid) if app else ()
    cpu_before = cpu_seconds(workers)
    subprocess.run(
        [
            PY,
            str(BENCH / "load.py"),
            "posts",
            base,
            str(pages["article_post"]["id"]),
            str(POSTS),
            str(out),
        ],
        check=True,
    )
    figures = json.loads(out.read_text())
    if workers:
        cpu = cpu_seconds(workers) - cpu_before
        # The driver's one GET of the state endpoint is counted too: 1 request in POSTS + 1.
        figures["cpu_us_per_post"] = round(cpu / (POSTS + 1) * 1e6, 1)
    return figures


def posts_on_postgres():
    """The comment posts again on PostgreSQL + Redis (BENCH_POSTGRES_URL, BENCH_REDIS_URL), when
    the main run is on SQLite: both databases' figures in one run, on the same machine. The
    data is the demo's and the bench's four articles (posting does not read the archive)."""
    stack = Stack(
        db_name=f"manchette_bench_posts_{os.getpid()}",
        database_url=POSTS_PG_URL,
        redis_url=POSTS_REDIS_URL,
    )
    try:
        say(f"comment posting on {stack.backend}: {POSTS} sequential posts")
        stack.manage("migrate", "--noinput", "-v0")
        pages = stack.seed(articles=0)["pages"]
        port = free_port()
        app = stack.gunicorn("gunicorn-posts", 600, port)
        figures = measure_posts(stack, f"http://127.0.0.1:{port}", pages, app)
        figures["backend"] = stack.backend
        if ONLY == "writes":
            figures["state"] = measure_state_endpoints(
                stack, f"http://127.0.0.1:{port}", pages, app, article="article_post"
            )
        return figures
    finally:
        stack.close()


def writes_only():
    """BENCH_ONLY=writes: the readers' writes alone (see the module's docstring)."""
    figures = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} · {os.cpu_count()} cores · load {os.getloadavg()[0]:.1f}",
        "workers": WORKERS,
    }
    stack = Stack(database_url="", redis_url="")
    try:
        say(f"readers' writes only, on {stack.backend}")
        stack.manage("migrate", "--noinput", "-v0")
        if LOAD:
            stack.manage("collectstatic", "--noinput", "-v0")
        pages = stack.seed(articles=0)["pages"]
        port = free_port()
        app = stack.gunicorn("gunicorn-posts", 600, port)
        base = f"http://127.0.0.1:{port}"
        figures["posts"] = measure_posts(stack, base, pages, app)
        figures["posts"]["backend"] = stack.backend
        figures["state"] = measure_state_endpoints(stack, base, pages, app, article="article_post")
        if LOAD:
            figures["load"] = load_test(stack, pages, port, app)
    finally:
        stack.close()
    if POSTS_PG_URL and POSTS_REDIS_URL:
        figures["posts_postgres"] = posts_on_postgres()
    figures["load_after"] = os.getloadavg()[0]
    return figures


def load_test(stack, pages, app_port, app):
    """bench/load.py mixed through nginx (shipped config) in front of the app on `app_port`,
    with the app workers' CPU per app request (the reads are nginx's hits)."""
    static_port, proxy_port, purge_port = free_port(), free_port(), free_port()
    conf = render_nginx(stack, app_port, static_port, proxy_port, purge_port)
    nginx = stack.start(
        "nginx",
        ["nginx", "-c", str(conf), "-p", str(stack.tmp), "-e", str(stack.tmp / "nginx-error.log")],
    )
    wait_http(f"http://127.0.0.1:{proxy_port}/", nginx, stack.tmp / "nginx-error.log")
    for name in ("article_post", "home", "section"):
        fetch(f"http://127.0.0.1:{proxy_port}" + pages[name]["url"])
    figures = run_load(stack, proxy_port, app, nginx)
    stack.stop(nginx)
    return figures


def run_load(stack, proxy_port, app, nginx):
    """bench/load.py mixed through nginx on `proxy_port`, with where the cores went: the app's
    workers (CPU per app request), nginx's and the driver's own."""
    say(f"load test: {LOAD_READERS} readers for {LOAD_SECONDS} s through nginx")
    out = stack.tmp / "load.json"
    workers, nginx_workers = children_of(app.pid), children_of(nginx.pid)
    cpu_before, nginx_before = cpu_seconds(workers), cpu_seconds(nginx_workers)
    driver_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            PY,
            str(BENCH / "load.py"),
            "mixed",
            f"http://127.0.0.1:{proxy_port}",
            str(stack.tmp / "pages.json"),
            str(LOAD_READERS),
            str(LOAD_SECONDS),
            str(out),
        ],
        check=True,
    )
    figures = json.loads(out.read_text())
    cpu = cpu_seconds(workers) - cpu_before
    driver_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    driver = (driver_after.ru_utime + driver_after.ru_stime) - (
        driver_before.ru_utime + driver_before.ru_stime
    )
    kinds = figures["kinds"]
    writes = sum(kinds.get(k, {}).get("count", 0) for k in ("reaction", "comment"))
    if writes:
        # Where the machine's two cores go: the app (2 requests per write), nginx and the
        # driver itself (bench/load.py, one Python process, on the same machine).
        figures["app_cpu_us_per_app_request"] = round(cpu / (2 * writes) * 1e6, 1)
        figures["cores"] = {
            "app": round(cpu / figures["seconds"], 2),
            "nginx": round((cpu_seconds(nginx_workers) - nginx_before) / figures["seconds"], 2),
            "driver": round(driver / figures["seconds"], 2),
        }
        figures["driver_cpu_us_per_action"] = round(driver / figures["requests"] * 1e6, 1)
    return figures


def other_benches():
    """The figures of the other apps' own bench scripts, when they exist."""
    outputs = {}
    for script, args in (
        ("topics_quality.py", []),
        ("newsletter_send.py", ["--sizes", NEWSLETTER_SIZES]),
    ):
        if not (BENCH / script).exists():
            continue
        if args:
            usage = subprocess.run(
                [PY, str(BENCH / script), "--help"], cwd=ROOT, capture_output=True, text=True
            ).stdout
            if args[0] not in usage:
                outputs[f"{script} (note)"] = f"{script} has no {args[0]} option: run bare"
                args = []
        say(f"{script} {' '.join(args)}")
        try:
            done = subprocess.run(
                [PY, str(BENCH / script), *args],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=OTHERS_TIMEOUT,
            )
            outputs[script] = (done.stdout + done.stderr).strip()[-4000:]
        except subprocess.TimeoutExpired:
            outputs[script] = f"stopped after {OTHERS_TIMEOUT} s (BENCH_OTHERS_TIMEOUT)"
    return outputs


# --------------------------------------------------------------------------- the table


def verdict(ok):
    return "✅" if ok else "❌"


LAYER_KEEP = 0.25  # a cache layer that earns less than this where it sits goes (docs)


def layer_rows(f, row):
    """What each cache layer earns where it sits: nginx over the app's own hit, then each app
    layer over the setup without it, on the traffic nginx passes on."""
    layers = f.get("layers")
    if not layers:
        return
    hit_rounds = f.get("hit_rounds", f["hit"]["article_50"])
    proxy = f["nginx_proxy"]
    if "cpu_us_per_request" in hit_rounds and "cpu_us_per_request" in proxy:
        app_cost, nginx_cost = hit_rounds["cpu_us_per_request"], proxy["cpu_us_per_request"]
        nginx_gain = app_cost / nginx_cost - 1
        row(
            "Layer: nginx proxy_cache earns over the app's own hit (CPU per request, µs)",
            f"{nginx_gain:+.0%} ({app_cost} → {nginx_cost})",
            f"≥ +{LAYER_KEEP:.0%}",
            ok=nginx_gain >= LAYER_KEEP,
        )
    reader = layers["all"]["article_50_signed_in_reader"]
    row(
        "Signed-in reader, article (50 comments) through nginx: req/s (p99 ms)",
        f"{reader['rps']} ({reader['p99_ms']}, X-Cache {reader.get('x_cache')})",
        "X-Cache HIT",
        ok=reader.get("x_cache") == "HIT",
    )
    order = list(LAYER_SETUPS)
    row("App layers behind nginx, taken away in turn", " / ".join(LAYER_SETUPS[s] for s in order))
    for name in ("section_page_2", "article_50_editor"):
        row(f"  {name}: req/s", " / ".join(str(layers[s][name]["rps"]) for s in order))
        row(
            f"  {name}: app CPU per request (µs; load-independent)",
            " / ".join(str(layers[s][name].get("cpu_us_per_request")) for s in order),
        )
        for layer, (with_it, without) in {
            "WSGI wrapper": ("all", "no_wrapper"),
            "page-cache middleware": ("no_wrapper", "fragments"),
            "fragments": ("fragments", "none"),
        }.items():
            if name.endswith("editor") and layer != "fragments":
                continue  # an editor bypasses the page cache: those layers do not see it
            # Earned: the CPU per request saved, as a speed-up (load barely moves it).
            cost = layers[with_it][name].get("cpu_us_per_request")
            cost_without = layers[without][name].get("cpu_us_per_request")
            if not cost or not cost_without:
                continue
            gain = cost_without / cost - 1
            row(
                f"    layer: {layer} earns (CPU per request saved)",
                f"{gain:+.0%}",
                f"≥ +{LAYER_KEEP:.0%}",
                ok=gain >= LAYER_KEEP,
            )


def table(f):
    t = TARGETS
    wp, classic = WORDPRESS["wpDiscuz"], WORDPRESS["classic"]
    rows = []

    def row(measure, value, target="", wp_value="", classic_value="", ok=None):
        mark = "" if ok is None else " " + verdict(ok)
        rows.append(f"| {measure} | {value}{mark} | {target} | {wp_value} | {classic_value} |")

    hit = f["hit"]["article_50"]
    row(
        "Article (50 comments), cache hit, gunicorn: req/s",
        hit["rps"],
        f"≥ {t['hit_rps']}",
        wp["rps"],
        classic["rps"],
        hit["rps"] >= t["hit_rps"],
    )
    row(
        "  p50 / p99 (ms)",
        f"{hit['p50_ms']} / {hit['p99_ms']}",
        f"p99 < {t['hit_p99_ms']}",
        f"— / {wp['p99_ms']}",
        "",
        hit["p99_ms"] < t["hit_p99_ms"],
    )
    static, proxy = f["nginx_static"], f["nginx_proxy"]
    # The ratios compare runs made in the same rounds (wrk_rounds), when there were rounds.
    paired_hit = f.get("hit_rounds", hit)
    if "hit_rounds" in f:
        row(
            "  same page, in the rounds below: req/s",
            f"{paired_hit['rps']}{rounds_note(paired_hit)}",
        )
    row(
        "Same bytes as a static file, nginx: req/s",
        f"{static['rps']} (p99 {static['p99_ms']} ms{rounds_note(static)})",
    )
    row("  ratio gunicorn / nginx static", f"{paired_hit['rps'] / static['rps']:.0%}")
    floor = f.get("gunicorn_floor")
    if floor:
        row(
            "Same bytes and headers from an empty WSGI app, gunicorn (its ceiling): req/s",
            f"{floor['rps']} (p99 {floor['p99_ms']} ms{rounds_note(floor)})",
        )
        row("  ratio Manchette hit / empty app", f"{paired_hit['rps'] / floor['rps']:.0%}")
    ratio = proxy["rps"] / static["rps"]
    row(
        "Article through nginx (shipped config, proxy_cache): req/s",
        f"{proxy['rps']} (p99 {proxy['p99_ms']} ms, X-Cache {f.get('nginx_proxy_status')}"
        f"{rounds_note(proxy)})",
        f"≥ {t['nginx_ratio']:.0%} of static",
        ok=ratio >= t["nginx_ratio"],
    )
    row("  ratio nginx proxy / nginx static", f"{ratio:.0%}", ok=ratio >= t["nginx_ratio"])
    if "cpu_us_per_request" in proxy and "cpu_us_per_request" in static:
        row(
            "  nginx CPU per request, static / proxy (µs; load-independent)",
            f"{static['cpu_us_per_request']} / {proxy['cpu_us_per_request']} "
            f"({static['cpu_us_per_request'] / proxy['cpu_us_per_request']:.0%})",
        )
    row("  PURGE (Wagtail frontend cache) answered", f.get("nginx_purge_status"))
    layer_rows(f, row)
    for name in ("article_0", "article_500", "home", "section", "feed"):
        m = f["hit"][name]
        row(f"{name}, cache hit: req/s (p99 ms)", f"{m['rps']} ({m['p99_ms']})")
    miss_ok = True
    for name, m in f["miss"].items():
        wanted = (
            t["miss_rps"]
            if name.startswith("article")
            else t["listing_miss_rps"]
            if name in LISTINGS
            else None
        )
        target = f"≥ {wanted}" if wanted else ""
        ok = m["rps"] >= wanted if wanted else None
        miss_ok = miss_ok and (ok is not False)
        row(
            f"{name}, page-cache miss, fragments cached: req/s (p50 / p99 ms)",
            f"{m['rps']} ({m['p50_ms']} / {m['p99_ms']})",
            target,
            ok=ok,
        )
    for name, m in f.get("render", {}).items():
        wanted = t["render_rps"].get(name)
        cpu = m.get("cpu_us_per_request")
        row(
            f"{name}, whole render (no page or fragment cache): req/s (p50 / p99 ms"
            "; app CPU per request)",
            f"{m['rps']} ({m['p50_ms']} / {m['p99_ms']}"
            + (f"; {cpu / 1000:.1f} ms" if cpu else "")
            + ")",
            f"≥ {wanted}" if wanted else "",
            ok=m["rps"] >= wanted if wanted else None,
        )
    q = f["queries"]
    for name, m in q.items():
        is_article = name.startswith("article")
        ok = m["queries"] <= t["queries"] if is_article else None
        wp_q = wp["queries"] if name == "article_50" else ""
        classic_q = classic["queries"] if name == "article_50" else ""
        row(
            f"SQL queries, {name}: purged (cold cache / fragments cached)",
            f"{m['queries']} ({m['queries_cold']} / {m.get('queries_warm', '—')})",
            f"≤ {t['queries']}" if is_article else "",
            wp_q,
            classic_q,
            ok,
        )
    # Constant in the number of comments: 50 and 500 cost the same; an article without any
    # may cost less (its thread's rows are not read when the counts find none).
    counts = [q[n]["queries"] for n in ("article_0", "article_50", "article_500") if n in q]
    constant = len(set(counts[1:])) <= 1 and all(counts[0] <= c for c in counts[1:])
    row(
        "  queries with 0 / 50 / 500 comments: none grows with the comments",
        " / ".join(map(str, counts)),
        "constant (0 may be less)",
        ok=constant,
    )
    kb = f["html_bytes_article_50"] / 1024
    row(
        "HTML of the article with 50 comments (KB)",
        f"{kb:.1f}",
        f"≤ {t['html_kb']}",
        wp["html_kb"],
        classic["html_kb"],
        kb <= t["html_kb"],
    )
    row(
        "Peak RSS per gunicorn worker (MB), hit / miss run",
        f"{f.get('rss_hit_mb')} / {f.get('rss_miss_mb')}",
    )
    for name, m in f.get("state", {}).items():
        row(
            f"State endpoint {m['path']}, {name}: req/s (p99 ms; app CPU µs per request)",
            f"{m['rps']} ({m['p99_ms']}; {m.get('cpu_us_per_request')})"
            + (f", {m['non_2xx']} not 2xx" if m["non_2xx"] else ""),
        )
    p = f["posts"]
    row(
        "Comment posts, sequential: posts/s",
        f"{p['per_second']} ({p['ok']}/{p['count']} ok)",
        f"≥ {t['posts_per_s']}",
        wp["posts_per_s"],
        "",
        p["per_second"] >= t["posts_per_s"],
    )
    row(
        "  post p50 / p99 (ms)",
        f"{p['p50_ms']} / {p['p99_ms']}",
        f"p99 < {t['post_p99_ms']}",
        ok=p["p99_ms"] < t["post_p99_ms"],
    )
    row("  outcomes", ", ".join(f"{k}: {v}" for k, v in p["outcomes"].items()))
    if "posts_postgres" in f:
        pg = f["posts_postgres"]
        row(
            f"Comment posts, sequential, {pg['backend']}: posts/s",
            f"{pg['per_second']} ({pg['ok']}/{pg['count']} ok)",
            f"≥ {t['posts_per_s']}",
            ok=pg["per_second"] >= t["posts_per_s"],
        )
        row(
            "  post p50 / p99 (ms)",
            f"{pg['p50_ms']} / {pg['p99_ms']}",
            f"p99 < {t['post_p99_ms']}",
            ok=pg["p99_ms"] < t["post_p99_ms"],
        )
    if "compare" in f:
        c = f["compare"]
        row(
            f"Comparison: {c['url']}: req/s (p50 / p99 ms)",
            f"{c['rps']} ({c['p50_ms']} / {c['p99_ms']}), {c['html_bytes'] / 1024:.0f} KB",
        )
    if "load" in f:
        lt = f["load"]
        detail = "; ".join(
            f"{k} {v['count']} (p99 {v['p99_ms']} ms, errors {v['errors'] or 0})"
            for k, v in lt["kinds"].items()
        )
        row(
            f"Load: {lt['readers']} readers, {lt['seconds']} s, through nginx",
            f"{lt['requests']} actions, {lt['per_second']}/s, {lt['errors']} errors — {detail}",
            "0 errors",
            ok=lt["errors"] == 0,
        )
        writes = {k: lt["kinds"][k]["p99_ms"] for k in WRITES if k in lt["kinds"]}
        if writes:
            row(
                "  writes under that load, p99 (ms): " + " / ".join(writes),
                " / ".join(str(v) for v in writes.values()),
                f"< {t['load_write_p99_ms']}",
                ok=max(writes.values()) < t["load_write_p99_ms"],
            )
    head = [
        f"# Manchette bench — {f['date']}",
        "",
        f"{f['machine']} · {f['backend']} · {f['workers']} gunicorn sync workers · "
        f"{f['connections']} connections · {f['seconds']} s per run · {f.get('articles')} articles",
        "",
        "| measure | Manchette | target | WordPress + wpDiscuz | WordPress classic |",
        "|---|---|---|---|---|",
    ]
    tail = [""]
    if f["notes"]:
        tail += ["Notes:", *[f"- {n}" for n in f["notes"]], ""]
    for script, output in f.get("others", {}).items():
        tail += [f"## bench/{script}", "", "```", output, "```", ""]
    return "\n".join(head + rows + tail)


def main():
    # A SIGTERM (Ctrl-C is already one) unwinds through `finally`: servers stopped, data dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if ONLY == "writes":
        figures = writes_only()
        RESULTS.mkdir(exist_ok=True)
        text = json.dumps(figures, indent=2, ensure_ascii=False)
        (RESULTS / "writes-latest.json").write_text(text)
        print(text)
        return
    figures = run()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    markdown = table(figures)
    (RESULTS / "latest.md").write_text(markdown)
    print(markdown)


if __name__ == "__main__":
    main()
