"""Folded patterns (``pipeline/rx.py``) against the reference measured in the same run: the same case-insensitive
patterns run with ``re.I`` on the original text. Both count the matches of the scope and period stages' folded
patterns in every article; the counts must agree."""

from earnings_events.pipeline import periods, scope
from earnings_events.pipeline.rx import Folded


def _patterns() -> list[Folded]:
    cues = [p for p in scope._CUES.values() if isinstance(p, Folded)]
    return [scope._RESULTS, scope._PER_SHARE, *cues, *(p.rx for p in periods._PATTERNS if isinstance(p.rx, Folded))]


def _count(articles, fast: bool) -> int:
    n = 0
    for a in articles:
        for p in _patterns():
            n += sum(1 for _ in (p.finditer(a.text) if fast else p.slow.finditer(a.text)))
    return n


def test_folded_patterns(benchmark, articles):
    n = benchmark.pedantic(lambda: _count(articles, True), rounds=3, iterations=1)
    benchmark.extra_info["articles_per_s"] = len(articles) / benchmark.stats["mean"]
    assert n == _count(articles, False) > 0


def test_reference_re_ignorecase(benchmark, articles):
    n = benchmark.pedantic(lambda: _count(articles, False), rounds=3, iterations=1)
    benchmark.extra_info["articles_per_s"] = len(articles) / benchmark.stats["mean"]
    assert n > 0
