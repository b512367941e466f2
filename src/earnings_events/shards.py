"""The work folder of a build: per-shard outputs that the global steps read back.

An engine (the local one in build.py, or datatrove's executors in scale.py) writes, for each shard
of the input, ``rows/NAME.parquet`` (rule-labelled rows, label names as strings),
``articles/NAME.parquet`` (the articles config), ``rejects/NAME.jsonl`` and, last, ``stats/NAME.json``.
A shard whose stats file exists is complete, which is what ``--resume`` relies on. Files are written
under a temporary name and renamed, so a killed build never leaves half a shard behind.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from . import schema
from .pipeline import Processed
from .records import Reject, Row

PARTS = ("rows", "articles", "rejects", "stats")


@dataclass
class ShardStats:
    """Counts of one shard (summed over shards for the build summary)."""

    read: int = 0
    accepted: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    out_of_scope: int = 0
    with_rows: int = 0
    quotes: int = 0
    rows: int = 0
    scope_reasons: Counter[str] = field(default_factory=Counter)  # articles per scope reason code

    def add(self, other: ShardStats) -> None:
        for name in ("read", "accepted", "out_of_scope", "with_rows", "quotes", "rows"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected.update(other.rejected)
        self.scope_reasons.update(other.scope_reasons)

    def count(self, done: Processed) -> None:
        """Count one processed article."""
        self.accepted += 1
        self.out_of_scope += not done.in_scope
        self.scope_reasons[done.scope_reason] += 1
        self.quotes += done.quotes
        self.with_rows += bool(done.rows)
        self.rows += len(done.rows)


def working_schema(config: str) -> dict[str, pl.DataType]:
    """The Arrow schema of a config as polars types, with class labels as their names (strings)."""
    spec = schema.load(config)
    types = dict(pl.from_arrow(schema.arrow_schema(config).empty_table()).schema)
    return {f.name: pl.String if f.type == "class_label" else types[f.name] for f in spec.fields}


def rows_frame(rows: Iterable[Row]) -> pl.DataFrame:
    # column by column: dataclasses.asdict deep-copies every value and was most of a shard's write time
    rows = list(rows)
    names = [f.name for f in fields(Row)]
    return pl.DataFrame({n: [getattr(r, n) for r in rows] for n in names}, schema=working_schema("statements"))


def articles_table(done: Iterable[Processed]) -> pa.Table:
    data = [
        {
            "article_id": d.article.article_id,
            "url": d.article.url,
            "published": d.article.published,
            "title": d.article.title,
            "outlet": d.article.outlet,
            "in_scope": d.in_scope,
            "scope_reason": d.scope_reason,
            "text": d.article.text,
        }
        for d in done
    ]
    return pa.Table.from_pylist(data, schema=schema.arrow_schema("articles"))


def reject_record(r: Reject, source: str) -> dict:
    return {
        "stage": r.stage,
        "reason": r.reason.value,
        "source": source,
        "line": r.line,
        "article_id": r.article_id,
        "detail": r.detail,
    }


class WorkFolder:
    """A build's work folder, keyed by what its shards depend on (inputs and code versions)."""

    def __init__(self, root: Path):
        self.root = root

    def prepare(self, key: dict, resume: bool) -> None:
        """Start fresh, or keep the finished shards when resuming the same inputs with the same code."""
        key_file = self.root / "key.json"
        same = key_file.is_file() and json.loads(key_file.read_text()) == key
        if not (resume and same):
            shutil.rmtree(self.root, ignore_errors=True)
        for part in PARTS:
            (self.root / part).mkdir(parents=True, exist_ok=True)
        key_file.write_text(json.dumps(key, sort_keys=True))

    def done(self, name: str) -> bool:
        return (self.root / "stats" / f"{name}.json").is_file()

    def write(
        self,
        name: str,
        rows: list[Row],
        articles: list[Processed],
        rejects: list[dict],
        stats: ShardStats,
        rows_file: bool = True,
    ) -> None:
        """All of one shard's files; the stats file, written last, marks it complete. (The datatrove engine
        writes the rows file with datatrove's own Parquet writer: ``rows_file=False``.)"""
        if rows_file:
            _atomic_parquet(rows_frame(rows).to_arrow(), self.root / "rows" / f"{name}.parquet")
        _atomic_parquet(articles_table(articles), self.root / "articles" / f"{name}.parquet")
        _atomic_text(
            "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rejects),
            self.root / "rejects" / f"{name}.jsonl",
        )
        _atomic_text(
            json.dumps(
                {**asdict(stats), "rejected": dict(stats.rejected), "scope_reasons": dict(stats.scope_reasons)},
                sort_keys=True,
            ),
            self.root / "stats" / f"{name}.json",
        )

    def names(self) -> list[str]:
        """Finished shards, in order."""
        return sorted(p.stem for p in (self.root / "stats").glob("*.json"))

    def stats(self) -> ShardStats:
        total = ShardStats()
        for name in self.names():
            raw = json.loads((self.root / "stats" / f"{name}.json").read_text())
            raw["rejected"] = Counter(raw["rejected"])
            raw["scope_reasons"] = Counter(raw.get("scope_reasons", {}))
            total.add(ShardStats(**raw))
        return total

    def rows(self) -> pl.DataFrame:
        # datatrove's writer names its files NNN_<name>.parquet (NNN counts rotations) and writes none for a
        # shard without rows
        files = [
            f
            for n in self.names()
            for f in [self.root / "rows" / f"{n}.parquet", *sorted((self.root / "rows").glob(f"*_{n}.parquet"))]
        ]
        frames = [pl.read_parquet(f).cast(working_schema("statements")) for f in files if f.is_file()]
        return pl.concat(frames) if frames else pl.DataFrame(schema=working_schema("statements"))

    def article_files(self) -> list[Path]:
        return [self.root / "articles" / f"{n}.parquet" for n in self.names()]

    def rejects(self) -> Iterable[str]:
        for n in self.names():
            yield from (self.root / "rejects" / f"{n}.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _atomic_parquet(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def _atomic_text(text: str, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
