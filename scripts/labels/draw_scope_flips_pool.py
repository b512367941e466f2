"""Draw the articles two releases disagree on: what a new scope model keeps that the old one did not, and back.

    python scripts/labels/draw_scope_flips_pool.py ../shared/corpora/reuters-2006-2013.jsonl.zst OLD NEW OUT \
        [--in 60] [--out-n 40] [--seed 1]

OLD and NEW are releases built on the corpus (their articles config and statements). A model trained on articles an
earlier model kept never sees the articles it newly keeps: this pool labels them. ``--in`` articles NEW keeps in
scope with rows that OLD judged out, ``--out-n`` the reverse, each drawn with a chance in proportion to its rows
(NEW's for the first, OLD's for the second: what a blind audit of each release's rows would read), never one of a
gold set in ../shared, an audit sheet or an earlier label. Round 5 was drawn with OLD = release 2.8.0 and NEW = a
build with a first candidate of ``scope_lr_v3`` (rounds 1-4, and counts of quotation marks and characters among its
body features, since dropped; not committed) (``--in 60 --out-n 40 --seed 1``). The pool holds the headline and
opening text, so it goes outside the repository; labels are stored by id in scripts/labels/scope-labels.jsonl.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import polars as pl
from draw_scope_kept_pool import excluded
from draw_scope_pool import lede
from pools import corpus_records, outside_repo, weighted_key


def _rows(release: Path) -> dict[str, int]:
    s = pl.concat([pl.read_parquet(release / "statements" / f"{x}.parquet") for x in ("train", "validation")])
    n = s.group_by("article_id").len()
    return dict(zip(n["article_id"].to_list(), n["len"].to_list(), strict=True))


def _in_scope(release: Path) -> set[str]:
    a = pl.read_parquet(release / "articles" / "*.parquet", columns=["article_id", "in_scope"])
    return set(a.filter(pl.col("in_scope"))["article_id"].to_list())


def _draw(ids: set[str], weight: dict[str, int], n: int, seed: int) -> list[str]:
    """``n`` of ``ids`` with rows, each drawn with a chance in proportion to its rows."""
    return sorted((i for i in ids if weight.get(i, 0)), key=lambda i: (weighted_key(seed, i, weight[i]), i))[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--in", dest="n_in", type=int, default=60)
    ap.add_argument("--out-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = outside_repo(args.out)
    skip = excluded()
    old_in, new_in = _in_scope(args.old) - skip, _in_scope(args.new) - skip
    drawn = {"flip-in": _draw(new_in - old_in, _rows(args.new), args.n_in, args.seed)}
    drawn["flip-out"] = _draw(old_in - new_in, _rows(args.old), args.out_n, args.seed + 1)
    sample = {i: band for band, ids in drawn.items() for i in ids}
    with out.open("w", encoding="utf-8") as f:
        for rec in corpus_records(args.corpus):
            if rec["id"] in sample:
                item = {"id": rec["id"], "published": rec.get("published"), "sample": sample[rec["id"]]}
                text = {"title": rec.get("title") or "", "opening": lede(rec.get("text") or "", 1500)}
                f.write(json.dumps(item | text, ensure_ascii=False) + "\n")
    print(", ".join(f"{len(ids)} {band}" for band, ids in drawn.items()) + f" -> {out}")


if __name__ == "__main__":
    main()
