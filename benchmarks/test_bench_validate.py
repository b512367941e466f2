"""Validation of a large release (BENCH_ROWS, default 1,000,000 rows), against pandera's polars backend on
the checks pandera can express (nullability, allowed values, patterns, ranges, unique ids)."""

import dataclasses
import json
import os
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from earnings_events import build, card, schema, validate
from earnings_events.rowid import row_id

ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))


def _scale_release(base: Path, out: Path, target_rows: int) -> Path:
    """Replicate a built release until it has ``target_rows`` rows: article ids and speakers get a replica
    suffix, ids are recomputed, splits kept, so every check still passes."""
    splits = schema.load("statements").splits
    st = {s: pl.read_parquet(base / f"statements/{s}.parquet") for s in splits}
    arts = pl.read_parquet(base / "articles/corpus.parquet")
    n = sum(df.height for df in st.values())
    k = max(1, -(-target_rows // n))
    out.mkdir(parents=True)
    files, info, manifest = {"statements": {}, "articles": {}}, {"statements": {}, "articles": {}}, {}
    for s, df in st.items():
        reps = pl.concat(
            [
                df.with_columns(article_id=pl.col("article_id") + f"~{i}", speaker=pl.col("speaker") + f" {i}")
                for i in range(k)
            ]
        )
        reps = reps.with_columns(
            id=pl.struct("article_id", "char_start", "char_end").map_elements(
                lambda r: row_id(r["article_id"], r["char_start"], r["char_end"]), return_dtype=pl.String
            )
        )
        table = reps.to_arrow().cast(schema.arrow_schema("statements"))
        rel = f"statements/{s}.parquet"
        (out / rel).parent.mkdir(exist_ok=True)
        pq.write_table(table, out / rel, **build._parquet_options())
        files["statements"][s] = rel
        info["statements"][s] = {"num_bytes": table.nbytes, "num_examples": table.num_rows}
    table = pl.concat([arts.with_columns(article_id=pl.col("article_id") + f"~{i}") for i in range(k)]).to_arrow()
    table = table.cast(schema.arrow_schema("articles"))
    (out / "articles").mkdir()
    pq.write_table(table, out / "articles/corpus.parquet", **build._parquet_options())
    files["articles"]["corpus"] = "articles/corpus.parquet"
    info["articles"]["corpus"] = {"num_bytes": table.nbytes, "num_examples": table.num_rows}
    for config in files:
        for split, rel in files[config].items():
            manifest[rel] = {"sha256": build._sha256(out / rel), "rows": info[config][split]["num_examples"]}
    (out / "MANIFEST.json").write_text(json.dumps({"dataset_version": "0.0.1", "files": manifest}))
    (out / "README.md").write_text(card.render(card.card_yaml(files, info), ""))
    return out


@pytest.fixture(scope="module")
def big_release(corpus, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("base") / "release"
    build.run(build.BuildOptions((corpus,), base, workers=os.cpu_count() or 1))
    return _scale_release(base, tmp_path_factory.mktemp("big") / "release", ROWS)


@pytest.fixture(scope="module")
def frame(big_release) -> pl.DataFrame:
    return pl.concat([pl.read_parquet(p) for p in sorted((big_release / "statements").glob("*.parquet"))])


def test_validate_every_check(benchmark, big_release, frame):
    validate.run(big_release)  # warm up (first polars regex use, page cache)
    failures = benchmark.pedantic(lambda: validate.run(big_release), rounds=3, iterations=1)
    benchmark.extra_info["rows"] = frame.height
    benchmark.extra_info["rows_per_s"] = frame.height / benchmark.stats["mean"]
    assert failures.is_empty(), failures.head()


def test_field_checks_ours(benchmark, big_release, frame):
    # the statements files only, the frame pandera checks below (the articles file is validated too by `run`)
    rel = validate.read_release(big_release)
    rel = dataclasses.replace(rel, files={"statements": rel.files["statements"]})
    validate.check_fields(rel)  # warm up, as pandera's is below
    # the checks pandera can express: field checks and unique ids (not the id recipe, offsets, splits, ...)
    failures = benchmark.pedantic(
        lambda: validate.check_fields(rel) + validate.check_unique_ids(rel), rounds=3, iterations=1
    )
    benchmark.extra_info["rows_per_s"] = frame.height / benchmark.stats["mean"]
    assert failures == []


def _pandera_schema():
    pa_pl = pytest.importorskip("pandera.polars")
    spec = schema.load("statements")
    cols = {}
    for f in spec.fields:
        checks = []
        if f.allowed:
            checks.append(pa_pl.Check.isin(list(f.allowed)))
        if f.pattern:
            checks.append(pa_pl.Check.str_matches(f.pattern))
        if f.min is not None:
            checks.append(pa_pl.Check.ge(f.min))
        if f.max is not None:
            checks.append(pa_pl.Check.le(f.max))
        if f.type == "class_label":
            checks.append(pa_pl.Check.in_range(0, len(f.classes) - 1))
        cols[f.name] = pa_pl.Column(nullable=f.nullable, checks=checks, unique=f.name == spec.primary_key)
    return pa_pl.DataFrameSchema(cols)


def test_field_checks_pandera_polars(benchmark, frame):
    pandera_schema = _pandera_schema()
    pandera_schema.validate(frame, lazy=True)  # warm up
    out = benchmark.pedantic(lambda: pandera_schema.validate(frame, lazy=True), rounds=3, iterations=1)
    benchmark.extra_info["rows_per_s"] = frame.height / benchmark.stats["mean"]
    assert out.height == frame.height
