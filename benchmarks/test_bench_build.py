"""End-to-end builds at 10k and 100k articles (BENCH_BIG=1), each in a fresh process so peak RSS is its own."""

import json
import os
import resource
import subprocess
import sys
import time

import pytest

from make_bench_corpus import generate

SIZES = [10_000, 100_000] if os.environ.get("BENCH_BIG") == "1" else [1_000]


@pytest.mark.parametrize("n", SIZES)
def test_end_to_end_build(benchmark, n, tmp_path_factory):
    corpus = generate(n, tmp_path_factory.mktemp(f"c{n}") / "corpus.jsonl", seed=2, words=600)
    out = tmp_path_factory.mktemp(f"o{n}") / "release"
    script = (
        "import json, resource, sys, time\n"
        "from pathlib import Path\n"
        "from earnings_events import build\n"
        "t = time.perf_counter()\n"
        f"r = build.run(build.BuildOptions((Path({str(corpus)!r}),), Path({str(out)!r}), workers={os.cpu_count() or 1}))\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'rows': sum(r.rows_per_split.values()),"
        " 'rss_self_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'rss_children_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )

    def run():
        res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        return json.loads(res.stdout.strip().splitlines()[-1])

    info = benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(info | {"articles": n, "articles_per_s": n / info["seconds"]})
    assert info["rows"] > 0
    _ = (resource, time)
