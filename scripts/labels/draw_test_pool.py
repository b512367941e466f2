"""Draw the rows people judge for the benchmark's human test split, as annotation packets.

    earnings-events build ../shared/corpora/reuters-2006-2013.jsonl.zst --out /tmp/wire-release
    python scripts/labels/draw_test_pool.py /tmp/wire-release ../shared/corpora/reuters-2006-2013.jsonl.zst \
        /tmp/test-pool --rows 1150 --batches 6

Whole articles are drawn at random (seeded) among the articles of the release's test split published in its
last calendar year (which any later rebuild keeps in test: the split holds the latest events), and all their
rows taken, until ``--rows`` rows. Each batch is a packet for a pair of annotators: per article its headline,
date and full text with every candidate statement marked ``⟦k⟧ ... ⟦/k⟧``, and an empty judgement per row. The
packets hold corpus text, so they go outside the repository; the judgements come back keyed by row and are
stored by article id and offsets (``scripts/labels/test-labels.jsonl``) with no text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import polars as pl
from pools import corpus_records, outside_repo, rank


def mark(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The text with each span (start, end, k) wrapped in ⟦k⟧ ... ⟦/k⟧."""
    out, pos = [], 0
    for start, end, k in sorted(spans):
        out += [text[pos:start], f"⟦{k}⟧", text[start:end], f"⟦/{k}⟧"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("release", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path, help="a folder outside the repository")
    ap.add_argument("--rows", type=int, default=1150)
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--seed", type=int, default=20261202)
    args = ap.parse_args()
    out = outside_repo(args.out)
    out.mkdir(parents=True, exist_ok=True)
    test = pl.read_parquet(args.release / "statements" / "test.parquet")
    last_year = test["published"].max().year
    test = test.filter(pl.col("published").dt.year() == last_year)
    by_article = test.sort("char_start").partition_by("article_id", as_dict=True)
    order = sorted(by_article, key=lambda k: rank(args.seed, k[0]))
    chosen, n = [], 0
    for key in order:
        if n >= args.rows:
            break
        chosen.append(key[0])
        n += by_article[key].height
    wanted = set(chosen)
    texts = {}
    for rec in corpus_records(args.corpus):
        if rec["id"] in wanted:
            texts[rec["id"]] = rec
    per_batch = -(-len(chosen) // args.batches)
    for b in range(args.batches):
        ids = chosen[b * per_batch : (b + 1) * per_batch]
        with (out / f"batch{b + 1}.jsonl").open("w", encoding="utf-8") as f:
            for aid in ids:
                rows = by_article[(aid,)]
                rec = texts[aid]
                spans = [(r["char_start"], r["char_end"], k + 1) for k, r in enumerate(rows.iter_rows(named=True))]
                f.write(
                    json.dumps(
                        {
                            "article_id": aid,
                            "published": rec.get("published"),
                            "title": rec.get("title"),
                            "text": mark(rec["text"], spans),
                            "rows": [
                                {"k": k, "row_id": r["id"], "char_start": r["char_start"], "char_end": r["char_end"]}
                                for (_, _, k), r in zip(spans, rows.iter_rows(named=True), strict=True)
                            ],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    print(f"{n} rows of {len(chosen)} articles ({last_year}) in {args.batches} batches -> {out}")


if __name__ == "__main__":
    main()
