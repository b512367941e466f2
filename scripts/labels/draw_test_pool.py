"""Draw the rows people judge for the benchmark's human test split, as annotation packets.

    earnings-events build ../shared/corpora/reuters-2006-2013.jsonl.zst --out /tmp/wire-release
    python scripts/labels/draw_test_pool.py /tmp/wire-release ../shared/corpora/reuters-2006-2013.jsonl.zst \
        /tmp/test-pool --rows 1150 --batches 6
    # after the extractor changed: the new rows of the drawn articles, and more articles for more rows
    python scripts/labels/draw_test_pool.py REL CORPUS /tmp/test-pool --repack
    python scripts/labels/draw_test_pool.py REL CORPUS /tmp/test-pool --extend --rows 60

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


def packet(aid: str, rows: pl.DataFrame, rec: dict) -> dict:
    """One article's annotation packet: its text with ``rows`` marked, and an entry per row."""
    spans = [(r["char_start"], r["char_end"], k + 1) for k, r in enumerate(rows.iter_rows(named=True))]
    return {
        "article_id": aid,
        "published": rec.get("published"),
        "title": rec.get("title"),
        "text": mark(rec["text"], spans),
        "rows": [
            {"k": k, "row_id": r["id"], "char_start": r["char_start"], "char_end": r["char_end"]}
            for (_, _, k), r in zip(spans, rows.iter_rows(named=True), strict=True)
        ],
    }


def existing(out: Path) -> tuple[set[str], set[str], int]:
    """The articles and row ids of a pool's packets so far, and its last batch number."""
    articles, rows, last = set(), set(), 0
    for path in out.glob("batch*.jsonl"):
        if "annotator" in path.name:
            continue
        last = max(last, int(path.stem.removeprefix("batch")))
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            articles.add(rec["article_id"])
            rows.update(r["row_id"] for r in rec["rows"])
    return articles, rows, last


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("release", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path, help="a folder outside the repository")
    ap.add_argument("--rows", type=int, default=1150)
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument(
        "--extend", action="store_true", help="add one batch of --rows rows from the next articles in the draw order"
    )
    ap.add_argument(
        "--repack",
        action="store_true",
        help="add one batch of the rows a newer build gives in the pool's articles that no packet marked yet",
    )
    args = ap.parse_args()
    out = outside_repo(args.out)
    out.mkdir(parents=True, exist_ok=True)
    test = pl.read_parquet(args.release / "statements" / "test.parquet")
    last_year = test["published"].max().year
    test = test.filter(pl.col("published").dt.year() == last_year)
    by_article = test.sort("char_start").partition_by("article_id", as_dict=True)
    order = sorted(by_article, key=lambda k: rank(args.seed, k[0]))
    drawn, marked, last = existing(out)
    if args.repack:
        every = pl.concat([pl.read_parquet(f) for f in sorted((args.release / "statements").glob("*.parquet"))])
        new = every.filter(pl.col("article_id").is_in(list(drawn)) & ~pl.col("id").is_in(list(marked)))
        groups = new.sort("char_start").partition_by("article_id", as_dict=True)
        batches = [[(k[0], v) for k, v in sorted(groups.items())]]
    else:
        chosen, n = [], 0
        for key in order:
            if n >= args.rows:
                break
            if key[0] in drawn:
                continue
            chosen.append((key[0], by_article[key]))
            n += by_article[key].height
        size = len(chosen) if args.extend else -(-len(chosen) // args.batches)
        batches = [chosen[i : i + size] for i in range(0, len(chosen), size)]
    wanted = {aid for batch in batches for aid, _ in batch}
    texts = {rec["id"]: rec for rec in corpus_records(args.corpus) if rec["id"] in wanted}
    for b, batch in enumerate(batches, last + 1):
        with (out / f"batch{b}.jsonl").open("w", encoding="utf-8") as f:
            for aid, rows in batch:
                f.write(json.dumps(packet(aid, rows, texts[aid]), ensure_ascii=False) + "\n")
        print(f"batch{b}: {sum(r.height for _, r in batch)} rows of {len(batch)} articles ({last_year}) -> {out}")


if __name__ == "__main__":
    main()
