"""Benchmark fixtures: a deterministic synthetic corpus (scripts/make_bench_corpus.py) and releases built from it.

Run with ``pytest benchmarks --benchmark-only``; sizes via BENCH_ARTICLES (default 2000) and
BENCH_BIG (0 or 1: also the 10k and 100k end-to-end builds).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from make_bench_corpus import generate  # noqa: E402

N = int(os.environ.get("BENCH_ARTICLES", "2000"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    return generate(N, tmp_path_factory.mktemp("bench") / f"bench-{N}.jsonl", seed=1, words=600)


@pytest.fixture(scope="session")
def articles(corpus):
    import json

    from earnings_events.ingest import article_from_record

    with corpus.open() as f:
        return [article_from_record(json.loads(line), str(corpus), i) for i, line in enumerate(f, 1)]
