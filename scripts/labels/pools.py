"""Shared helpers of the label-pool scripts: read the corpus, order ids by a seeded hash, keep gold sets out.

The pools hold corpus text and are written outside the repository (the corpus's terms); the repository
keeps only ids, offsets and the labels made on them.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def corpus_records(path: Path) -> Iterator[dict]:
    """The corpus's JSON records, read from .jsonl or .jsonl.zst without unpacking to disk."""
    if path.name.endswith(".zst"):
        import zstandard

        with path.open("rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as zs:
            for line in io.TextIOWrapper(zs, encoding="utf-8"):
                if line.strip():
                    yield json.loads(line)
    else:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def gold_ids() -> set[str]:
    """Article ids of every gold set in ../shared: never drawn into a training pool."""
    ids: set[str] = set()
    for rel, key in (
        ("scopegold/labels.jsonl", "id"),
        ("devwire/articles.jsonl", "id"),
        ("audit/rows-2026-12-02.jsonl", "article_id"),
    ):
        p = SHARED / rel
        if p.exists():
            with p.open(encoding="utf-8") as f:
                ids.update(json.loads(line)[key] for line in f if line.strip())
    return ids


def article_ids(paths: list[Path], key: str = "article_id") -> set[str]:
    """The ``key`` of every record in these JSONL files (earlier pools, audit sheets): articles a new pool leaves
    out, so grouped cross-validation and the audits stay clean."""
    ids: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as f:
            ids.update(json.loads(line)[key] for line in f if line.strip())
    return ids


def rank(seed: int, key: str) -> str:
    """A seeded, platform-independent order: sha256 of seed and key."""
    return hashlib.sha256(f"{seed}\x1f{key}".encode()).hexdigest()


def weighted_key(seed: int, key: str, weight: float) -> float:
    """A seeded sort key for weighted sampling without replacement (Efraimidis-Spirakis): taking the smallest keys
    first draws each item with a chance in proportion to ``weight`` (the largest u^(1/w), that is the smallest
    -ln(u)/w, with u from ``rank`` so that the draw is platform-independent)."""
    u = (int(rank(seed, key)[:15], 16) + 0.5) / 16**15
    return -math.log(u) / weight


def outside_repo(path: Path) -> Path:
    path = path.resolve()
    if REPO in path.parents:
        raise SystemExit(f"{path}: pools hold corpus text and must be written outside the repository")
    return path
