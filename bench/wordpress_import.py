"""Benchmark: generate a realistic WordPress export and import it on PostgreSQL.

    .venv/bin/python bench/wordpress_import.py --database-url postgres://postgres@127.0.0.1/bench_wp
    .venv/bin/python bench/wordpress_import.py --posts 2000 5000 ...   # sizes to compare

For each size, the database is dropped, created and migrated; the export (Gutenberg and
classic posts, threaded comments with wpDiscuz votes, nested categories, tags) is written
to a temporary file; `manage.py import_wordpress` runs in its own process and its JSON
report gives the duration and the peak resident memory (getrusage). Every 30 s the bench
also notes the import's resident memory, its CPU time and the machine's load average (the
machine is shared). The same peak at two sizes shows memory stays flat in the file's size.
Figures are printed and written to bench/results/.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from manchette.wpimport.tests import wxr_builder as w  # noqa: E402

WORDS = [
    *("conseil", "municipal", "budget", "vote", "école", "rue", "quartier", "maire", "projet"),
    *("habitants", "travaux", "marché", "culture", "festival", "saison", "équipe", "match"),
    *("victoire", "région", "département", "transport", "gare", "ligne", "hôpital", "santé"),
    *("emploi", "usine", "salariés", "grève", "accord", "entreprise", "commerce"),
]
CATEGORIES = ["politique", "societe", "economie", "culture", "sports"]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng, number):
    if number % 3 == 0:  # classic editor
        paragraphs = ["\n".join(sentence(rng) for _ in range(3)) for _ in range(6)]
        paragraphs.insert(3, "<h3>" + sentence(rng, 4) + "</h3>")
        return "\n\n".join(paragraphs)
    blocks = []
    for index in range(7):
        if index == 3:
            blocks.append(f"<!-- wp:heading -->\n<h2>{sentence(rng, 4)}</h2>\n<!-- /wp:heading -->")
        text = " ".join(sentence(rng) for _ in range(3))
        blocks.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(blocks)


def comments(rng, post_id, count, first_id):
    out, ids = [], []
    for offset in range(count):
        comment_id = first_id + offset
        parent = rng.choice(ids) if ids and rng.random() < 0.4 else 0
        ids.append(comment_id)
        votes = f'a:2:{{s:4:"like";i:{rng.randint(0, 9)};s:7:"dislike";i:{-rng.randint(0, 3)};}}'
        out.append(
            w.comment(
                comment_id,
                sentence(rng, 20),
                parent=parent,
                approved=rng.choice(["1"] * 8 + ["0", "spam"]),
                meta_items=[("wpdiscuz_votes_seperate", votes)],
                ip=f"198.51.100.{rng.randint(1, 254)}",
            )
        )
    return out


def write_export(path, posts, comments_per_post, tags):
    rng = random.Random(18)
    with open(path, "w", encoding="utf-8") as out:
        out.write(w.HEAD.format(site=w.SITE))
        for number in range(1, 21):
            out.write(w.author(number, f"auteur{number}", f"Auteur {number}"))
        for index, slug in enumerate(CATEGORIES, start=1):
            out.write(w.category(index, slug, slug.capitalize()))
            for child in range(1, 5):
                out.write(
                    w.category(index * 100 + child, f"{slug}-{child}", f"{slug} {child}", slug)
                )
        for number in range(1, tags + 1):
            out.write(w.tag_term(10000 + number, f"sujet-{number}", f"Sujet {number}"))
        comment_id = 1
        for post_id in range(1, posts + 1):
            category = rng.choice(CATEGORIES)
            child = f"{category}-{rng.randint(1, 4)}"
            count = rng.randint(0, comments_per_post * 2)
            out.write(
                w.item(
                    post_id,
                    sentence(rng, 8),
                    body(rng, post_id),
                    slug=f"article-{post_id}",
                    creator=f"auteur{rng.randint(1, 20)}",
                    categories=[(child, child)],
                    tags=[(f"sujet-{rng.randint(1, tags)}", "") for _ in range(3)],
                    status=rng.choice(["publish"] * 18 + ["draft", "trash"]),
                    comments=comments(rng, post_id, count, comment_id),
                )
            )
            comment_id += count
        out.write(w.TAIL)
    return comment_id - 1


SAMPLE_SECONDS = 30


def watch(process):
    """Waits for the import, noting every SAMPLE_SECONDS its resident memory, its CPU time
    and the machine's load average (the machine is shared: the load says how much of it
    the import had)."""
    samples, started = [], time.monotonic()
    ticks = os.sysconf("SC_CLK_TCK")
    while True:
        try:
            process.wait(timeout=SAMPLE_SECONDS)
            return samples
        except subprocess.TimeoutExpired:
            pass
        try:
            status = Path(f"/proc/{process.pid}/status").read_text()
            stat = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # not Linux, or the process just ended
            continue
        rss_kb = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")
        )
        samples.append(
            {
                "seconds": round(time.monotonic() - started),
                "rss_mb": round(rss_kb / 1024, 1),
                "cpu_seconds": round((int(stat[11]) + int(stat[12])) / ticks, 1),
                "load_1min": round(os.getloadavg()[0], 2),
            }
        )


def summary(values):
    if not values:
        return None
    return {"min": min(values), "mean": round(sum(values) / len(values), 2), "max": max(values)}


def run_size(database_url, posts, comments_per_post, tags):
    name = urlsplit(database_url).path.lstrip("/")
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    env = {**os.environ, "DATABASE_URL": database_url}
    env["DJANGO_SETTINGS_MODULE"] = "manchette.settings.test"
    subprocess.run(["psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
    subprocess.run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    with tempfile.TemporaryDirectory() as folder:
        export, report = Path(folder) / "export.xml", Path(folder) / "report.json"
        started = time.monotonic()
        comment_count = write_export(export, posts, comments_per_post, tags)
        generated = time.monotonic() - started
        size = export.stat().st_size
        command = [python, "manage.py", "import_wordpress", str(export), "--report", str(report)]
        load_before = os.getloadavg()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        samples = watch(process)
        load_after = os.getloadavg()
        data = json.loads(report.read_text())
    return {
        "posts": posts,
        "comments": comment_count,
        "tags": tags,
        "export_mb": round(size / 1e6, 1),
        "generated_seconds": round(generated, 1),
        "import_seconds": data["duration_seconds"],
        "peak_memory_mb": data["peak_memory_mb"],
        "exit_code": data["exit_code"],
        "kinds": {
            k: {o: v[o] for o in ("created", "skipped", "failed")} for k, v in data["kinds"].items()
        },
        "posts_per_second": round(posts / max(data["duration_seconds"], 0.1), 1),
        "comments_per_second": round(comment_count / max(data["duration_seconds"], 0.1), 1),
        # The import process's own CPU time (user + system): what the import costs whatever
        # else the shared machine runs; PostgreSQL's backend is not counted in it.
        "import_cpu_seconds": samples[-1]["cpu_seconds"] if samples else None,
        "load_average_during": summary([s["load_1min"] for s in samples]),
        "samples": samples,
        # The machine is shared: its load (1, 5, 15 min) when the import started and ended.
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_wp")
    parser.add_argument("--posts", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--comments-per-post", type=int, default=10)
    parser.add_argument("--tags", type=int, default=5000)
    parser.add_argument("--label", default="postgres")
    args = parser.parse_args()
    results = []
    out = (
        ROOT
        / "bench"
        / "results"
        / f"{time.strftime('%Y-%m-%d')}-{args.label}-wordpress-import.json"
    )
    for posts in args.posts:
        result = run_size(args.database_url, posts, args.comments_per_post, args.tags)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        results.append(result)
        # Written after each size: a long run stopped half-way keeps the sizes it finished.
        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"→ {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
