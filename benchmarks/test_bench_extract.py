"""Extraction speed per core, against the floor: a plain regex pass that only finds quotation marks."""

import re

from earnings_events import pipeline
from earnings_events.registry import load

_QUOTE_MARKS = re.compile(r"[\"“”‘’«»]")


def test_extraction_articles_per_second(benchmark, articles):
    registry = load()
    rows = benchmark.pedantic(
        lambda: sum(len(pipeline.process(a, registry).rows) for a in articles), rounds=3, iterations=1
    )
    benchmark.extra_info["articles"] = len(articles)
    benchmark.extra_info["articles_per_s"] = len(articles) / benchmark.stats["mean"]
    assert rows > 0


def test_floor_regex_quote_marks(benchmark, articles):
    n = benchmark.pedantic(lambda: sum(len(_QUOTE_MARKS.findall(a.text)) for a in articles), rounds=3, iterations=1)
    benchmark.extra_info["articles_per_s"] = len(articles) / benchmark.stats["mean"]
    assert n > 0
