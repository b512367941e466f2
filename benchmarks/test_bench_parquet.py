"""Parquet writing: the release writer (explicit schema, zstd 9, statistics) against a bare write_table."""

import pyarrow.parquet as pq
import pytest

from earnings_events import build
from earnings_events.shards import rows_frame


@pytest.fixture(scope="module")
def table(articles):
    from earnings_events import pipeline
    from earnings_events.registry import load

    registry = load()
    rows = [r for a in articles for r in pipeline.process(a, registry).rows]
    return build._table(rows_frame(rows), "statements")


def _mb(table) -> float:
    return table.nbytes / 1e6


def test_release_parquet_writer(benchmark, table, tmp_path):
    benchmark(
        lambda: pq.write_table(table, tmp_path / "ours.parquet", row_group_size=256_000, **build._parquet_options())
    )
    benchmark.extra_info["MB_per_s"] = _mb(table) / benchmark.stats["mean"]


def test_bare_write_table(benchmark, table, tmp_path):
    benchmark(lambda: pq.write_table(table, tmp_path / "bare.parquet"))
    benchmark.extra_info["MB_per_s"] = _mb(table) / benchmark.stats["mean"]
