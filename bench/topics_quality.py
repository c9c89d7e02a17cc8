"""Precision and recall of the topic linker on the annotated French set.

    .venv/bin/python bench/topics_quality.py [--verbose]

The set (manchette/topics/tests/data/linking_fr.json) lists, for each original paragraph, the
[topic, text] pairs a careful editor wants linked. A predicted link counts as right when both
the topic and the linked text match. Needs no database: the linker is pure.
"""

import argparse
import json
import re
import sys
import time
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "manchette" / "topics" / "tests" / "data" / "linking_fr.json"
LINK_RE = re.compile(r'<a class="topic-link" href="[^"]*" data-topic="(\d+)">(.*?)</a>')


def load(path=DATA):
    from manchette.topics.names import AliasEntry, Gazetteer

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entries, names = [], {}
    for index, topic in enumerate(data["topics"], start=1):
        names[index] = topic["name"]
        slug = f"t{index}"
        for surface in [topic["name"], *topic["aliases"]]:
            entries.append(AliasEntry(surface, index, topic["name"], slug))
    return data["items"], Gazetteer(entries), names


def evaluate(items, gazetteer, names, is_common_word, verbose=False):
    from manchette.topics.linker import link_html

    true_positive = predicted_total = expected_total = 0
    errors = []
    for number, item in enumerate(items, start=1):
        result = link_html(item["html"], gazetteer, is_common_word=is_common_word)
        predicted = {(names[int(t)], unescape(text)) for t, text in LINK_RE.findall(result.html)}
        expected = {tuple(pair) for pair in item["expected"]}
        true_positive += len(predicted & expected)
        predicted_total += len(predicted)
        expected_total += len(expected)
        if predicted != expected:
            errors.append((number, sorted(predicted - expected), sorted(expected - predicted)))
    precision = true_positive / predicted_total if predicted_total else 1.0
    recall = true_positive / expected_total if expected_total else 1.0
    return {
        "paragraphs": len(items),
        "expected": expected_total,
        "predicted": predicted_total,
        "correct": true_positive,
        "precision": precision,
        "recall": recall,
        "errors": errors,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong paragraph")
    args = parser.parse_args()
    from manchette.topics.nlp import is_common_word

    items, gazetteer, names = load()
    started = time.perf_counter()
    report = evaluate(items, gazetteer, names, is_common_word)
    elapsed = time.perf_counter() - started
    print(
        f"Liens vers les sujets — {report['paragraphs']} paragraphes annotés, "
        f"{report['expected']} liens attendus, {report['predicted']} proposés, "
        f"{report['correct']} justes"
    )
    print(f"  précision : {report['precision']:.3f}")
    print(f"  rappel    : {report['recall']:.3f}")
    print(f"  durée     : {elapsed * 1000:.0f} ms (lexique compris)")
    for number, extra, missing in report["errors"] if args.verbose else []:
        print(f"  paragraphe {number}: en trop {extra}, manquants {missing}")


if __name__ == "__main__":
    main()
