"""Draw the second scope-labelling pool: articles the shipped scope stage keeps on weak evidence.

    python scripts/labels/draw_scope_kept_pool.py ../shared/corpora/reuters-2006-2013.jsonl.zst RELEASE_DIR \
        /tmp/scope-pool-2.jsonl

A blind audit of the whole-stream release found most of its out-of-scope rows in articles the model kept with P(in
scope) under .9: a fifth of the rows, two in five from articles that are not earnings events. This pool labels that
band so the next model learns it. From the articles of every year of the corpus (2006-2013) that RELEASE_DIR (a
release built on the corpus) keeps with at least one row, never one of a gold set in ../shared, an audit sheet or
the first pool: ``--weak`` articles whose P(in scope) under the shipped model is below .9, ``--strong`` at .9 or
more (the model's confident side, to keep it calibrated), and ``--below`` articles it rejects with P in [.2,
threshold) (what a lower threshold would add); ``--uncertain`` articles, kept or not and with or without rows, whose
P(in scope) is in [.15, .85] and whose text quotes someone (a quotation mark), where the model is least sure;
``--rows`` kept articles with rows drawn with a chance in proportion to their rows (what a blind audit of the
release's rows reads; ``--rows-below P`` keeps to those with P(in scope) under P, where the audits found the
articles that are not earnings events). Each band in a seeded order (the rows band weighted by rows). P is the
shipped model's at the time of drawing: round 2 was drawn with ``scope_lr_v1`` (``--weak 600 --strong 100 --below
100``, release 2.3.0), round 3 with ``scope_lr_v2`` (``--weak 0 --strong 0 --below 0 --uncertain 800 --seed
20261204``), round 4 with ``scope_lr_v2`` and release 2.8.0 (``--weak 0 --strong 0 --below 0 --rows 200 --seed
20261215``, then ``--rows 200 --rows-below .8 --seed 20261216``, the second leaving out the first's articles); check
out the commit of that model to redraw one. The pool holds the headline and opening text, so it goes outside the
repository; labels are stored by id in scripts/labels/scope-labels.jsonl.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import polars as pl
from draw_scope_pool import lede
from pools import REPO, article_ids, corpus_records, gold_ids, outside_repo, rank, weighted_key

from earnings_events.ingest import article_from_record
from earnings_events.pipeline import prepare, scope
from earnings_events.registry import load as load_registry

LABELS = REPO / "scripts" / "labels" / "scope-labels.jsonl"
AUDITS = REPO / "releases" / "reuters-2006-2013" / "audit"


def excluded() -> set[str]:
    """Gold sets, every audit sheet the project judged, and articles already labelled."""
    return gold_ids() | article_ids(sorted(AUDITS.glob("*.jsonl"))) | article_ids([LABELS], key="id")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("release", type=Path, help="a release built on the corpus (its articles and statements)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--weak", type=int, default=600)
    ap.add_argument("--strong", type=int, default=100)
    ap.add_argument("--below", type=int, default=100)
    ap.add_argument("--uncertain", type=int, default=0)
    ap.add_argument("--rows", type=int, default=0, help="kept articles drawn in proportion to their rows")
    ap.add_argument("--rows-below", type=float, default=1.01, help="the rows band's P(in scope) limit")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="earlier pools to leave out")
    ap.add_argument("--seed", type=int, default=20261203)
    args = ap.parse_args()
    out = outside_repo(args.out)
    rows = pl.read_parquet(args.release / "statements" / "*.parquet").group_by("article_id").len()
    with_rows = set(rows["article_id"].to_list())
    n_rows = dict(zip(rows["article_id"].to_list(), rows["len"].to_list(), strict=True))
    skip = excluded() | article_ids(args.exclude, key="id")
    registry = load_registry()
    threshold = scope.model()["threshold"]
    bands: dict[str, list[tuple[str, str, str | None, str, str, float]]] = {
        "weak": [],
        "strong": [],
        "below": [],
        "uncertain": [],
        "rows": [],
    }
    for rec in corpus_records(args.corpus):
        if rec["id"] in skip or not (rec.get("text") or "").strip():
            continue
        art = article_from_record(rec, str(args.corpus), None)
        doc = scope.annotate(prepare(art, registry, whole=False))  # type: ignore[arg-type]
        p = scope.p_in_scope(scope.features(doc))
        item = (
            rank(args.seed, rec["id"]),
            rec["id"],
            rec.get("published"),
            rec.get("title") or "",
            lede(rec["text"], 1500),
            p,
        )
        if args.uncertain and 0.15 <= p <= 0.85 and re.search(r'["“”]', rec["text"]):
            bands["uncertain"].append(item)
        if doc.scope is not None and doc.scope.in_scope and rec["id"] in with_rows:
            bands["weak" if p < 0.9 else "strong"].append(item)
            if p < args.rows_below:  # sorted by a key that draws in proportion to the rows
                key = f"{weighted_key(args.seed, rec['id'], n_rows[rec['id']]):020.12f}"
                bands["rows"].append((key, *item[1:]))
        elif 0.2 <= p < threshold:
            bands["below"].append(item)
    wanted = (
        ("weak", args.weak),
        ("strong", args.strong),
        ("below", args.below),
        ("uncertain", args.uncertain),
        ("rows", args.rows),
    )
    with out.open("w", encoding="utf-8") as f:
        written: set[str] = set()
        for band, n in wanted:
            for _, aid, published, title, opening, p in [x for x in sorted(bands[band]) if x[1] not in written][:n]:
                written.add(aid)
                sample = band if band == "uncertain" else f"kept-{band}"
                if band == "rows" and args.rows_below <= 1:
                    sample = f"kept-rows-below-{args.rows_below:g}"
                rec = {
                    "id": aid,
                    "published": published,
                    "sample": sample,
                    "p": round(p, 3),
                    "model": scope.SCOPE_VERSION,
                }
                f.write(json.dumps(rec | {"title": title, "opening": opening}, ensure_ascii=False) + "\n")
    print(", ".join(f"{min(n, len(bands[b]))} {b} of {len(bands[b])}" for b, n in wanted) + f" -> {out}")


if __name__ == "__main__":
    main()
