"""CPU time and SQL statements per reader write, in-process: comment posts, reactions and the
small state endpoints the page's script asks before them.

    .venv/bin/python bench/profile_writes.py [--database-url URL] [--redis-url URL]
                       [-n N] [--series S] [--top K] [--only NAME ...] [--json OUT]

With bench/settings.py (production plus relaxed anti-abuse timers) on a database of its own:
SQLite and the file cache under $TMPDIR/manchette-profile-writes (seeded once, kept), or
PostgreSQL (`--database-url`, a database you created; migrated and seeded once) and Redis
(`--redis-url`, keys under a prefix of this script's, removed at the end).

Each request goes through Django's whole handler (middleware included) as gunicorn would call
it, with the headers the page's script sends (X-Forwarded-For from 127.0.0.1, a trusted proxy
in the bench settings; a new address and e-mail for each comment, as the bench's drivers do).
For each kind of request it prints the CPU milliseconds per request (`time.process_time()`:
user + system of this process, which other work on a busy machine moves much less than
requests per second) of the best series and the median one, the SQL statements per request
(PostgreSQL counts SAVEPOINT and SET too), and, unless `--top 0`, cProfile's top entries of
one more series (cProfile slows Python about three times: read shares, not times).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import secrets
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from profile_render import environment, seed  # bench/, the script's folder, is on sys.path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
FORM = "application/x-www-form-urlencoded"  # as the page's script and bench/load.py send
KINDS = (
    "comment_state",
    "comment_post",
    "comment_state_signed_in",
    "comment_post_signed_in",
    "reaction_state",
    "reaction_state_signed_in",
    "reaction_post",
    "reaction_post_signed_in",
    "vote",
)


class Driver:
    """Requests through Django's WSGI handler, each with its own cookies and address."""

    def __init__(self, article_id):
        from django.contrib.auth import get_user_model
        from django.test import Client

        self.article_id = article_id
        self.n = 0
        self.run = secrets.randbelow(1 << 30)
        self.anonymous = Client(HTTP_ACCEPT="application/json")
        self.signed_in = Client(HTTP_ACCEPT="application/json")
        reader, _ = get_user_model().objects.get_or_create(
            username="lectrice-profil",
            defaults={"email": "lectrice-profil@example.org", "display_name": "Lectrice"},
        )
        self.signed_in.force_login(reader)
        self.state = self.anonymous.get(f"/commentaires/etat/?article={article_id}").json()
        self.signed_state = self.signed_in.get(f"/commentaires/etat/?article={article_id}").json()
        self.reaction_token = self.anonymous.get(f"/reactions/{article_id}/?csrf=1").json()[
            "csrf_token"
        ]
        from manchette.comments.factories import CommentFactory
        from manchette.comments.models import Comment

        published = Comment.objects.filter(article_id=article_id, status="published")
        self.comment_id = (published.first() or CommentFactory(article_id=article_id)).pk

    def address(self):
        self.n += 1
        n = self.run + self.n
        return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255 or 1}"

    def call(self, kind):
        a = self.article_id
        forwarded = {"HTTP_X_FORWARDED_FOR": self.address()}
        if kind == "comment_state":
            return self.anonymous.get(f"/commentaires/etat/?article={a}", **forwarded)
        if kind == "comment_state_signed_in":
            return self.signed_in.get(f"/commentaires/etat/?article={a}", **forwarded)
        if kind == "reaction_state":
            return self.anonymous.get(f"/reactions/{a}/", **forwarded)
        if kind == "reaction_state_signed_in":
            return self.signed_in.get(f"/reactions/{a}/", **forwarded)
        if kind in ("comment_post", "comment_post_signed_in"):
            client, state = (
                (self.anonymous, self.state)
                if kind == "comment_post"
                else (self.signed_in, self.signed_state)
            )
            data = {
                "article": a,
                "body": f"Commentaire de banc d’essai {self.run}-{self.n} : un avis sur "
                "l’article, écrit en quelques phrases, comme un lecteur le ferait.",
                "name": f"Lecteur {self.n}",
                "email": f"banc-{self.run}-{self.n}@example.org",
                "ts": state["ts"],
                "csrfmiddlewaretoken": state["csrf"],
            }
            response = client.post(
                "/commentaires/poster/", urlencode(data), content_type=FORM, **forwarded
            )
            assert response.status_code == 201, response.content[:300]
            return response
        if kind in ("reaction_post", "reaction_post_signed_in"):
            client = self.anonymous if kind == "reaction_post" else self.signed_in
            token = self.reaction_token if kind == "reaction_post" else self.signed_state["csrf"]
            slug = ("instructif", "interessant", "surprenant")[self.n % 3]
            response = client.post(
                f"/reactions/{a}/reagir/",
                urlencode({"kind": slug, "csrfmiddlewaretoken": token}),
                content_type=FORM,
                **forwarded,
            )
            assert response.status_code == 200, response.content[:300]
            return response
        if kind == "vote":
            response = self.signed_in.post(
                f"/commentaires/{self.comment_id}/vote/",
                content_type=FORM,
                data=urlencode(
                    {
                        "value": ("up", "down")[self.n % 2],
                        "csrfmiddlewaretoken": self.signed_state["csrf"],
                    }
                ),
                **forwarded,
            )
            assert response.status_code in (200, 201), response.content[:300]
            return response
        raise ValueError(kind)


def measure(driver, kind, n, series, top):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        driver.call(kind)  # warm: imports, per-process caches
    with CaptureQueriesContext(connection) as ctx:
        driver.call(kind)
    statements = [q["sql"] for q in ctx.captured_queries]
    times, walls = [], []
    for _ in range(series):
        started, wall = time.process_time(), time.perf_counter()
        for _ in range(n):
            driver.call(kind)
        times.append((time.process_time() - started) / n * 1000)
        walls.append((time.perf_counter() - wall) / n * 1000)
    times.sort()
    walls.sort()
    result = {
        "cpu_ms_best": round(times[0], 3),
        "cpu_ms_median": round(times[len(times) // 2], 3),
        "wall_ms_best": round(walls[0], 3),
        "statements": len(statements),
        "sql": [s[:160] for s in statements],
    }
    if top:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(n):
            driver.call(kind)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(top)
        result["profile"] = out.getvalue()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    parser.add_argument(
        "--dir", default=str(Path(tempfile.gettempdir()) / "manchette-profile-writes")
    )
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--series", type=int, default=5)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=KINDS)
    parser.add_argument("--sql", action="store_true", help="print each kind's statements")
    parser.add_argument("--json")
    args = parser.parse_args()
    folder = Path(args.dir)
    if args.database_url:
        folder = folder.with_name(folder.name + "-pg-" + args.database_url.rsplit("/", 1)[-1])
    env = environment(folder, args.database_url, args.redis_url)
    if args.redis_url:  # keys of this run's own, removed at the end
        env["CACHE_KEY_PREFIX"] = f"manchette-profile-writes-{os.getpid()}"
    pages = seed(folder, env, articles=0)["pages"]
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    # One signed-in reader posts and votes hundreds of times: the limiter's clock moves 7 s a
    # request (the limits per account still run, and stay under their rates).
    from manchette.core import ratelimit

    ticks = iter(range(10**9))
    ratelimit.clock = lambda: time.time() + 7 * next(ticks)
    driver = Driver(pages["article_post"]["id"])
    results = {}
    try:
        for kind in args.only:
            results[kind] = measure(driver, kind, args.n, args.series, args.top)
            r = results[kind]
            print(
                f"{kind:26} CPU ms per request: best {r['cpu_ms_best']:.3f}, median "
                f"{r['cpu_ms_median']:.3f}; wall best {r['wall_ms_best']:.3f}; "
                f"{r['statements']} SQL statements",
                flush=True,
            )
            if args.sql:
                for sql in r["sql"]:
                    print("      ", sql)
            if args.top:
                print(r["profile"])
    finally:
        if args.redis_url:
            from django.core.cache import cache

            client = cache.client.get_client(write=True)
            prefix = env["CACHE_KEY_PREFIX"]
            keys = list(client.scan_iter(f"{prefix}:*", count=1000))
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
