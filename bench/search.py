"""Search on an archive: req/s and latency of /recherche/ for different kinds of query.

    DATABASE_URL=postgres://…/DB .venv/bin/python bench/search.py 5000 [--reuse]
    .venv/bin/python bench/search.py 5000                         (SQLite under /tmp)

Empties the database it is given (a PostgreSQL database of its own: its public schema is
dropped; without DATABASE_URL a new SQLite file), migrates, seeds the demo, then adds
ARTICLES articles in bulk (rows written directly, a few thousand per second: not the
page-by-page path; the search index is filled by its triggers as in production), with
French-like text drawn from the demo articles' words (Zipf frequencies). Then, for 1-, 2-
and 3-word queries, with and without accents, frequent and rare words:

- wrk on the whole page, gunicorn with the production settings, BENCH_WORKERS workers,
  BENCH_CONNECTIONS connections, BENCH_SECONDS per query, with the app's CPU per request,
  three ways: "repeated" (page cache on: the same search asked again, as readers do after
  a story breaks), "kept answer" (page cache off: the page rendered every time, the ranked
  ids read from the cache) and "fresh" (page cache off, and each request a search never
  asked before: a random `au` date between 2030 and 2098, which every article precedes, so
  the same results computed afresh);
- the search service alone, in-process: p50/p99 of `search_articles` (100 calls, the
  answer kept after the first) and the best of 3 computations afresh (`ranked`).

Writes bench/results/<date>-search-<database>-<articles>-articles<BENCH_SEARCH_LABEL>.md and
.json, with the load average before and after each way; `table A.json B.json OUT` writes
the sizes side by side. gunicorn listens on BENCH_PORT (default: any free port). Talks only
to 127.0.0.1.
"""

import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(1, str(__import__("pathlib").Path(__file__).resolve().parents[1]))

from run import (
    CONNECTIONS,
    PY,
    RESULTS,
    ROOT,
    SECONDS,
    WORKERS,
    Stack,
    children_of,
    free_port,
    say,
    wrk,
)

SEED = 20261205
CALLS = 100
TARGET = {"rps": 500, "p99_ms": 50}
LABEL = os.environ.get("BENCH_SEARCH_LABEL", "")
# Each request its own `au` date (2030-01-01 + up to 25,000 days): a search never asked.
FRESH_LUA = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 100 + id)
end
function request()
  local day = os.date("!%Y-%m-%d", 1893456000 + math.random(0, 25000) * 86400)
  return wrk.format(nil, wrk.path .. "&au=" .. day)
end
"""
WAYS = {
    "repeated": "repeated (page cache on)",
    "kept": "kept answer (page cache off)",
    "fresh": "fresh query (page cache off)",
}


# --------------------------------------------------------------------------- seeding


def demo_words():
    """(word as written, its normalised form) from the demo articles, most frequent first."""
    from manchette.core.frenchtext import normalise

    counts = {}
    for path in sorted((ROOT / "manchette/demo/content/articles").glob("*.md")):
        _, front_matter, text = path.read_text().split("---\n", 2)
        fields = dict(line.split(": ", 1) for line in front_matter.splitlines() if ": " in line)
        text = f"{fields.get('title', '')} {fields.get('standfirst', '')} {text}"
        for word in re.findall(r"\w+", text):
            if not word.isdigit():
                counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return [(w, " ".join(normalise(w))) for w in ranked if normalise(w)]


def seed(count):
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from manchette.core.frenchtext import FIELD_SEPARATOR
    from manchette.news.models import ArticlePage, SectionPage

    rng = random.Random(SEED)
    words = demo_words()
    weights = [1 / (rank + 1) for rank in range(len(words))]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    sections = list(SectionPage.objects.order_by("path"))
    own_fields = [f for f in ArticlePage._meta.local_concrete_fields if f.name != "page_ptr"]
    defaults = {f.attname: f.get_db_prep_save(f.get_default(), connection) for f in own_fields}
    columns = ", ".join(["page_ptr_id"] + [f.column for f in own_fields])
    insert = (
        f"INSERT INTO news_articlepage ({columns}) "  # noqa: S608 -- the model's own columns
        f"VALUES ({', '.join(['%s'] * (len(own_fields) + 1))})"
    )
    now = time.time()
    next_step = {
        s.pk: Page._str2int(s.get_last_child().path[-Page.steplen :]) + 1 if s.numchild else 1
        for s in sections
    }

    def text(n):
        chosen = rng.choices(words, weights, k=n)
        return " ".join(w for w, _ in chosen), " ".join(norm for _, norm in chosen)

    done, batch = 0, 2000
    while done < count:
        pages, rows = [], []
        for n in range(done, min(count, done + batch)):
            section = sections[n % len(sections)]
            title, title_norm = text(rng.randint(6, 12))
            standfirst, standfirst_norm = text(rng.randint(18, 30))
            paragraphs = [text(rng.randint(50, 90)) for _ in range(3)]
            published = datetime.fromtimestamp(now - 3600 * (24 + n / 10), UTC)
            slug = f"archive-{n}"
            pages.append(
                Page(
                    title=title.capitalize(),
                    draft_title=title.capitalize(),
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(section.path, section.depth + 1, next_step[section.pk]),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    locale_id=section.locale_id,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            next_step[section.pk] += 1
            body = [
                {"type": "paragraph", "value": f"<p>{p.capitalize()}.</p>", "id": f"p{n}-{i}"}
                for i, (p, _) in enumerate(paragraphs)
            ]
            document = FIELD_SEPARATOR.join(
                f" {field} "
                for field in (title_norm, standfirst_norm, " ".join(x for _, x in paragraphs))
            )
            rows.append(
                {
                    **defaults,
                    "section_id": section.pk,
                    "kicker": "Archives",
                    "standfirst": standfirst.capitalize() + ".",
                    "body": json.dumps(body, ensure_ascii=False),
                    "search_document": document,
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            values = [
                [page.pk, *(row[f.attname] for f in own_fields)]
                for page, row in zip(pages, rows, strict=True)
            ]
            with connection.cursor() as cursor:
                cursor.executemany(insert, values)
        done += len(pages)
        say(f"articles: {done}/{count}")
    for section in sections:
        Page.objects.filter(pk=section.pk).update(numchild=section.get_children().count())
    if connection.vendor == "postgresql":
        # As autovacuum leaves a table after a bulk load: its visibility map set, so that an
        # index-only scan reads no table page.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


# --------------------------------------------------------------------------- queries


def queries():
    """The measured queries, from the seeded words' ranks (frequent: among the 60 most
    common words of 6+ letters; rare: past the 1,500th word)."""
    words = [w for w, norm in demo_words() if len(w) >= 6]
    accented = [w for w in words if re.search(r"[éèêàçôî]", w)]
    frequent, rare = words[:60], words[1500:]
    plain = [w for w in frequent if w not in accented]
    strip = str.maketrans("éèêàçôî", "eeeacoi")
    return {
        "1 mot fréquent": plain[0],
        "1 mot fréquent, accentué": accented[0],
        "1 mot fréquent, accents omis": accented[0].translate(strip),
        "1 mot rare": rare[0],
        "1 mot rare, accents omis": next(w for w in rare if w in accented).translate(strip),
        "2 mots fréquents": f"{plain[1]} {plain[2]}",
        "2 mots, fréquent + rare": f"{plain[3]} {rare[5]}",
        "3 mots fréquents": f"{plain[4]} {plain[5]} {accented[1]}",
        "3 mots, dont un rare": f"{plain[6]} {accented[2]} {rare[10]}",
        "faute de frappe (aucun résultat)": plain[0][:3] + plain[0][4] + plain[0][3] + plain[0][5:],
    }


def in_process(selected):
    import django

    django.setup()
    from manchette.search.services import (
        NO_FILTERS,
        SORT_RELEVANCE,
        query_terms,
        ranked,
        search_articles,
    )

    figures = {}
    for name, query in selected.items():
        durations, found = [], 0
        for _ in range(CALLS):
            started = time.perf_counter()
            found = len(search_articles(query))
            durations.append((time.perf_counter() - started) * 1000)
        durations.sort()
        afresh = []
        for _ in range(3):
            started = time.perf_counter()
            ranked(query_terms(query), NO_FILTERS, SORT_RELEVANCE)
            afresh.append((time.perf_counter() - started) * 1000)
        figures[name] = {
            "found": found,
            "p50_ms": round(statistics.median(durations), 2),
            "p99_ms": round(durations[int(len(durations) * 0.99) - 1], 2),
            "afresh_ms": round(min(afresh), 1),
        }
    print(json.dumps(figures))


# --------------------------------------------------------------------------- driver


def reset_postgres(url):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def main(count, reuse=False):
    stack = Stack()
    database = os.environ.get("DATABASE_URL", "")
    if stack.db_name:
        # Stack made a throwaway database; the bench uses the one it was given instead.
        stack._pg(f'DROP DATABASE IF EXISTS "{stack.db_name}"')
        stack.db_name = None
        stack.env["DATABASE_URL"] = database
        if not reuse:
            reset_postgres(database)
    kind = "postgres" if database.startswith("postgres") else "sqlite"
    selected = queries()
    figures = {"articles": count, "database": kind, "queries": selected, "wrk": {}}
    try:
        started = time.monotonic()
        if not reuse:
            stack.manage("migrate", "--verbosity=0")
            stack.manage("seed_demo", "--verbosity=0")
            run_self(stack, "seed", str(count))
        figures["seed_seconds"] = round(time.monotonic() - started)
        stack.manage("collectstatic", "--noinput", "--verbosity=0")
        done = subprocess.run(
            [PY, __file__, "in-process", json.dumps(selected)],
            cwd=ROOT,
            env=stack.env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures["service"] = json.loads(done.stdout.strip().splitlines()[-1])
        script = stack.tmp / "fresh.lua"
        script.write_text(FRESH_LUA)
        port = int(os.environ.get("BENCH_PORT") or free_port())
        figures["load_1min"] = {}
        for page_cache, ways in ((600, ["repeated"]), (0, ["kept", "fresh"])):
            app = stack.gunicorn(f"gunicorn-search-{page_cache}", page_cache, port)
            workers = children_of(app.pid)
            for way in ways:
                before = os.getloadavg()[0]
                for name, query in selected.items():
                    url = f"http://127.0.0.1:{port}/recherche/?{urlencode({'q': query})}"
                    say(f"wrk, {WAYS[way]}: {name} ({query})")
                    measured = wrk(url, cpu_of=workers, script=script if way == "fresh" else None)
                    figures["wrk"].setdefault(name, {})[way] = measured
                figures["load_1min"][way] = [round(before, 1), round(os.getloadavg()[0], 1)]
            stack.stop(app)
    finally:
        stack.close()
    write(figures)


def run_self(stack, *args):
    subprocess.run([PY, __file__, *args], cwd=ROOT, env=stack.env, check=True)


def write(f):
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    stem = f"{stamp}-search-{f['database']}-{f['articles']}-articles{LABEL}"
    (RESULTS / f"{stem}.json").write_text(json.dumps(f, indent=2, ensure_ascii=False) + "\n")
    lines = [
        f"# Search, {f['articles']} articles, {f['database']}",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · gunicorn "
        f"{WORKERS} workers · wrk {CONNECTIONS} connections, {SECONDS} s per query and way · "
        f"target ≥ {TARGET['rps']} req/s, p99 < {TARGET['p99_ms']} ms",
        "",
        *rows(f),
    ]
    (RESULTS / f"{stem}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def cell(m):
    """'req/s (p50 / p99 ms; app CPU ms per request)'."""
    if not m:
        return "—"
    cpu = m.get("cpu_us_per_request")
    errors = f", {m['non_2xx']} non-2xx" if m.get("non_2xx") else ""
    timeouts = re.search(r"timeout (\d+)", m.get("socket_errors", ""))
    if timeouts and int(timeouts.group(1)):
        errors += f", {timeouts.group(1)} timed out (5 s)"
    return (
        f"{m['rps']} ({m['p50_ms']} / {m['p99_ms']}"
        + (f"; {cpu / 1000:.1f}" if cpu else "")
        + f"){errors}"
    )


def rows(f):
    lines = [
        "| query | words | found | " + " | ".join(WAYS.values()) + " | service afresh ms |",
        "|---|---|---:|" + "---|" * len(WAYS) + "---:|",
    ]
    for name, query in f["queries"].items():
        page, service = f["wrk"][name], f["service"][name]
        lines.append(
            f"| {name} | {query} | {service['found']} | "
            + " | ".join(cell(page.get(way)) for way in WAYS)
            + f" | {service.get('afresh_ms', '—')} |"
        )
    load = f.get("load_1min", {})
    lines += [
        "",
        "Cells: req/s (p50 / p99 ms; the app's CPU ms per request). Load average (1 min, 2 "
        "cores) before / after each way: "
        + ", ".join(f"{WAYS[w]} {' / '.join(map(str, load[w]))}" for w in WAYS if w in load)
        + ".",
    ]
    return lines


def side_by_side(paths, out):
    """The same queries' figures for several sizes, one table per way."""
    runs = [json.loads(Path(p).read_text()) for p in paths]
    sizes = [f"{r['articles']:,} articles" for r in runs]
    lines = []
    for way, title in WAYS.items():
        lines += [f"### {title}", "", "| query | " + " | ".join(sizes) + " |"]
        lines.append("|---|" + "---|" * len(runs))
        for name in runs[0]["queries"]:
            lines.append(
                f"| {name} | " + " | ".join(cell(r["wrk"][name].get(way)) for r in runs) + " |"
            )
        loads = [" / ".join(map(str, r.get("load_1min", {}).get(way, ["?"]))) for r in runs]
        lines += ["| load average before / after | " + " | ".join(loads) + " |", ""]
    lines += ["### service computed afresh (in-process, best of 3, ms)", ""]
    lines += ["| query | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(runs)]
    for name in runs[0]["queries"]:
        lines.append(
            f"| {name} | "
            + " | ".join(
                f"{r['service'][name].get('afresh_ms', '—')} ({r['service'][name]['found']} found)"
                for r in runs
            )
            + " |"
        )
    Path(out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed(int(sys.argv[2]))
    elif sys.argv[1] == "in-process":
        in_process(json.loads(sys.argv[2]))
    elif sys.argv[1] == "table":
        side_by_side(sys.argv[2:-1], sys.argv[-1])
    else:
        # --reuse: measure a PostgreSQL database seeded by an earlier run, as it is.
        main(int(sys.argv[1]), reuse="--reuse" in sys.argv)
