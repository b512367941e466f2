"""The human test judgements: agreement between two annotators, the items to adjudicate, the final labels.

    # 1. agreement and the adjudication packet (fields the two annotators disagree on)
    python scripts/labels/merge_test_labels.py agree /tmp/test-pool
    # 2. after a third reading (/tmp/test-pool/adjudicated.jsonl): the labels the build applies
    python scripts/labels/merge_test_labels.py merge /tmp/test-pool releases/reuters-2006-2013/annotations/human-test.jsonl
    # (--release REL on both: only the rows a build without judgements still gives; spans a later extractor
    # changed were judged again in a later batch, see draw_test_pool.py --repack)

Each batch ``batchN.jsonl`` of the pool (``draw_test_pool.py``) was judged by annotators A and B
(``batchN.annotator-A.jsonl``, ``batchN.annotator-B.jsonl``), independently of each other and of the
extractor's values. Values are compared as the scorer compares them (speaker names without case or middle
initials, company names without suffixes, tickers in capitals). Cohen's kappa per field is computed on the
rows both annotators judged to be rows (``is_row`` on all). A field on which they disagree goes to a third
reader, who sees both values (not who gave which) and the article. The labels file holds, per row, the article
id and offsets, the final values, each annotator's values and which fields were adjudicated: no text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from earnings_events import metrics, score

FIELDS = ("is_row", "speaker", "speaker_role", "company", "ticker", "quarter", "label")


def norm(field: str, value: object) -> object:
    if value is None or value == "":
        return None
    if field == "speaker":
        return score.norm_speaker(str(value))
    if field == "company":
        return score.norm_company(str(value))
    if field == "ticker":
        return str(value).upper()
    return value


def read(path: Path) -> dict[str, dict]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[rec["row_id"]] = rec
    return out


def release_ids(release: Path | None) -> set[str] | None:
    """The row ids of a release built without the judgements (every split), or None for no filter."""
    if release is None:
        return None
    import polars as pl

    files = sorted((release / "statements").glob("*.parquet"))
    return set(pl.concat([pl.read_parquet(f, columns=["id"]) for f in files])["id"].to_list())


def rows_of(pool: Path, keep: set[str] | None = None) -> list[tuple[int, dict, dict]]:
    """(batch, pool row with its article, {"A": judgement, "B": judgement}) for every drawn row (with ``keep``:
    only the rows a current build still gives; a judged span a later extractor changed is left out)."""
    out = []
    for batch in sorted(pool.glob("batch*.jsonl")):
        if "annotator" in batch.name:
            continue
        n = int(batch.stem.removeprefix("batch"))
        judged = {who: read(pool / f"{batch.stem}.annotator-{who}.jsonl") for who in "AB"}
        with batch.open(encoding="utf-8") as f:
            for line in f:
                art = json.loads(line)
                for r in art["rows"]:
                    if keep is not None and r["row_id"] not in keep:
                        continue
                    row = {**r, "article_id": art["article_id"], "title": art["title"], "text": art["text"]}
                    out.append((n, row, {who: judged[who].get(r["row_id"]) for who in "AB"}))
    return out


def agree(pool: Path, keep: set[str] | None = None) -> None:
    rows = rows_of(pool, keep)
    missing = [(n, r["row_id"], w) for n, r, j in rows for w in "AB" if j[w] is None]
    if missing:
        sys.exit(
            f"{len(missing)} judgements missing (first: batch {missing[0][0]}, {missing[0][1]}, annotator {missing[0][2]})"
        )
    print(f"{len(rows)} rows judged twice")
    stats = {}
    for field in FIELDS:
        both = [(j["A"], j["B"]) for _, _, j in rows if field == "is_row" or (j["A"]["is_row"] and j["B"]["is_row"])]
        a = [norm(field, x.get(field)) for x, _ in both]
        b = [norm(field, y.get(field)) for _, y in both]
        same = sum(x == y for x, y in zip(a, b, strict=True))
        kappa = metrics.cohen_kappa([str(x) for x in a], [str(y) for y in b])
        stats[field] = {
            "rows": len(both),
            "agree": same,
            "share": round(same / len(both), 4),
            "kappa": round(kappa or 0, 4),
        }
        print(f"{field:13s} {same}/{len(both)} agree ({same / len(both):.3f}), kappa {kappa:.3f}")
    (pool / "agreement.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    packet = []
    for _, r, j in rows:
        fields = [f for f in FIELDS if norm(f, j["A"].get(f)) != norm(f, j["B"].get(f))]
        if not (j["A"]["is_row"] or j["B"]["is_row"]):
            fields = []  # both say it is not a row: nothing else to settle
        if fields:
            candidates = {f: sorted({json.dumps(j["A"].get(f)), json.dumps(j["B"].get(f))}) for f in fields}
            packet.append(
                {
                    "row_id": r["row_id"],
                    "k": r["k"],
                    "article_id": r["article_id"],
                    "title": r["title"],
                    "text": r["text"],
                    "disputed": {f: [json.loads(c) for c in cs] for f, cs in candidates.items()},
                }
            )
    with (pool / "adjudicate.jsonl").open("w", encoding="utf-8") as f:
        for p in packet:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(packet)} rows with a disputed field -> {pool / 'adjudicate.jsonl'}")
    print("disputes by field:", dict(Counter(f for p in packet for f in p["disputed"])))


def merge(pool: Path, out: Path, keep: set[str] | None = None) -> None:
    rows = rows_of(pool, keep)
    adjudicated = read(pool / "adjudicated.jsonl") if (pool / "adjudicated.jsonl").exists() else {}
    records = []
    for _, r, j in rows:
        a, b = j["A"], j["B"]
        final: dict = {}
        settled = []
        for f in FIELDS:
            if norm(f, a.get(f)) == norm(f, b.get(f)):
                final[f] = a.get(f)
            else:
                decided = adjudicated.get(r["row_id"], {})
                if f not in decided:
                    if not (a["is_row"] or b["is_row"]):
                        final[f] = a.get(f)
                        continue
                    sys.exit(f"row {r['row_id']}: field {f} disputed and not adjudicated")
                final[f] = decided[f]
                settled.append(f)
        if final.get("ticker"):
            final["ticker"] = str(final["ticker"]).upper()
        # drawn from the test split: the build keeps the row's event there
        rec = {"article_id": r["article_id"], "char_start": r["char_start"], "char_end": r["char_end"], "split": "test"}
        if final["is_row"]:
            rec |= {f: final[f] for f in FIELDS}
        else:
            rec["is_row"] = False
        rec["annotators"] = {
            w: {f: (str(x[f]).upper() if f == "ticker" and x.get(f) else x.get(f)) for f in FIELDS}
            for w, x in (("A", a), ("B", b))
        }
        rec["adjudicated"] = settled
        records.append(rec)
    records.sort(key=lambda x: (x["article_id"], x["char_start"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    kept = sum(1 for x in records if x.get("is_row") is not False)
    print(
        f"{len(records)} judged rows ({kept} rows, {len(records) - kept} not rows; {sum(bool(x['adjudicated']) for x in records)} adjudicated) -> {out}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("agree")
    a.add_argument("pool", type=Path)
    m = sub.add_parser("merge")
    m.add_argument("pool", type=Path)
    m.add_argument("out", type=Path)
    for p in (a, m):
        p.add_argument("--release", type=Path, help="keep only the rows this build (without judgements) gives")
    args = ap.parse_args()
    keep = release_ids(args.release)
    if args.cmd == "agree":
        agree(args.pool, keep)
    else:
        merge(args.pool, args.out, keep)


if __name__ == "__main__":
    main()
