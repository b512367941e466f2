"""Draw the statements the project labels by hand (statement type) from a release built on the wire corpus.

    earnings-events build ../shared/corpora/reuters-2006-2013.jsonl.zst --out /tmp/wire-release
    python scripts/labels/draw_statement_pool.py /tmp/wire-release ../shared/corpora/reuters-2006-2013.jsonl.zst \
        /tmp/statement-pool.jsonl

Rows of articles published 2006-2010 (the benchmark's test split holds the latest events), never from a gold
set in ../shared; at most three rows an article and eight a company (``--per-article``, ``--per-company``), spread over years and roles, three in four
from articles whose headline holds a results word, and the rarer rule labels oversampled (the rule label is
used only to draw: readers never see it). Deterministic for a seed. The pool holds statements and their
paragraphs, so it goes outside the repository; the labels are stored by article id and offsets in
scripts/labels/statement-labels.jsonl (see check_labels.py): the two readers' ``reader_a``/``reader_b``, the
settled ``label``, and for the 144 statements re-read under the guide's worked example (selected by
``select_hedges.py``) ``reread: true`` and the re-reading's ``reread_label``, which training uses.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import polars as pl
from draw_scope_pool import RESULTS_WORDS
from pools import article_ids, corpus_records, gold_ids, outside_repo, rank

SHARES = {"other": 0.12, "outlook": 0.30, "performance": 0.25, "risk": 0.33}


def context(text: str, start: int, end: int, before: int = 700, after: int = 350) -> str:
    """The text around a statement, flattened, with the statement between ⟦ ⟧."""
    a = max(0, start - before)
    b = min(len(text), end + after)
    flat = (
        ("…" if a else "") + text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b] + ("…" if b < len(text) else "")
    )
    return " ".join(flat.split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("release", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1800)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument(
        "--skip",
        type=Path,
        action="append",
        default=[],
        help="a JSONL file whose records' article_id are never drawn (labels already made, audit sheets); repeatable",
    )
    ap.add_argument("--per-article", type=int, default=3, help="at most this many statements an article")
    ap.add_argument("--per-company", type=int, default=8, help="at most this many statements a company")
    args = ap.parse_args()
    out = outside_repo(args.out)
    excluded = gold_ids() | article_ids(args.skip)
    labels = ["outlook", "performance", "risk", "other"]
    rows = pl.read_parquet(args.release / "statements" / "*.parquet").filter(
        (pl.col("published").dt.year() <= 2010) & ~pl.col("article_id").is_in(list(excluded))
    )
    if rows["label"].dtype != pl.String:
        rows = rows.with_columns(pl.col("label").replace_strict(list(range(4)), labels))
    wanted = set(rows["article_id"].unique().to_list())
    texts: dict[str, tuple[str, str]] = {}
    for rec in corpus_records(args.corpus):
        if rec["id"] in wanted:
            texts[rec["id"]] = (rec.get("title") or "", rec["text"])
    cands = sorted((rank(args.seed, f"{r['article_id']}:{r['char_start']}"), r) for r in rows.iter_rows(named=True))
    per_article: Counter[str] = Counter()
    per_company: Counter[str] = Counter()
    quota = {k: round(v * args.n) for k, v in SHARES.items()}
    headline_quota = round(0.75 * args.n)
    taken: list[dict] = []
    n_headline = 0
    seen: set[tuple[str, int]] = set()
    for k, (_, r) in enumerate(cands * 2):  # the second pass fills what a label's quota could not
        second = k >= len(cands)
        if len(taken) >= args.n:
            break
        if (r["article_id"], r["char_start"]) in seen:
            continue
        title, text = texts[r["article_id"]]
        headline = bool(RESULTS_WORDS.search(title))
        if (
            (quota[r["label"]] <= 0 and not second)
            or per_article[r["article_id"]] >= args.per_article
            or per_company[r["company"]] >= args.per_company
        ):
            continue
        if not headline and len(taken) - n_headline >= args.n - headline_quota:
            continue
        if len(r["statement"].split()) < 4:
            continue
        quota[r["label"]] -= 1
        seen.add((r["article_id"], r["char_start"]))
        per_article[r["article_id"]] += 1
        per_company[r["company"]] += 1
        n_headline += headline
        taken.append(
            {
                "article_id": r["article_id"],
                "char_start": r["char_start"],
                "char_end": r["char_end"],
                "published": str(r["published"]),
                "title": title,
                "context": context(text, r["char_start"], r["char_end"]),
                "statement": text[r["char_start"] : r["char_end"]],
            }
        )
    taken.sort(key=lambda t: rank(args.seed + 1, f"{t['article_id']}:{t['char_start']}"))
    with out.open("w", encoding="utf-8") as f:
        for i, t in enumerate(taken):
            f.write(json.dumps({"item": i, **t}, ensure_ascii=False) + "\n")
    print(f"{len(taken)} statements from {len(per_article)} articles and {len(per_company)} companies -> {out}")


if __name__ == "__main__":
    main()
