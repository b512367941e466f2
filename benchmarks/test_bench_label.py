"""The MiniLM labeler's speed: many articles' statements in length-sorted batches (``label_articles``, what a build
runs) against the reference measured in the same run, each article's statements in a batch of their own
(``label_all``, which gives the same labels). Skipped without the embeddings extra."""

import pytest

from earnings_events import pipeline
from earnings_events.pipeline import label_minilm
from earnings_events.registry import load


@pytest.fixture(scope="module")
def statements(articles):
    try:
        label_minilm.load()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        pytest.skip(f"the MiniLM labeler is not installed ({exc})")
    registry = load()
    out = []
    for a in articles[:300]:
        spans = pipeline.attribute(a, registry)
        if spans:
            out.append([a.text[s:e] for s, e, _ in spans])
    return out


def test_label_articles_batched(benchmark, statements):
    lab = label_minilm.load()
    labels = benchmark.pedantic(lambda: lab.label_articles(statements), rounds=2, iterations=1)
    n = sum(map(len, statements))
    benchmark.extra_info["statements_per_s"] = n / benchmark.stats["mean"]
    assert labels == [lab.label_all(s) for s in statements]


def test_label_all_article_by_article(benchmark, statements):
    lab = label_minilm.load()
    benchmark.pedantic(lambda: [lab.label_all(s) for s in statements], rounds=2, iterations=1)
    benchmark.extra_info["statements_per_s"] = sum(map(len, statements)) / benchmark.stats["mean"]
