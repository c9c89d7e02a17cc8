"""The linker's precision and recall on the annotated French set stay above a floor."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench" / "topics_quality.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("topics_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_annotated_set_is_large_enough():
    items, _gazetteer, _names = load_bench().load()
    assert len(items) >= 30


def test_precision_and_recall_floor_on_confirmed_topics():
    from manchette.topics.nlp import is_common_word

    bench = load_bench()
    report = bench.evaluate(*bench.load(), is_common_word)
    assert report["precision"] >= 0.95, report["errors"]
    assert report["recall"] >= 0.8, report["errors"]
