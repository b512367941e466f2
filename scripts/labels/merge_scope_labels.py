"""Merge two readers' scope labels (and a third reading of their disagreements) into scope-labels.jsonl.

    python scripts/labels/merge_scope_labels.py POOL.jsonl READS_DIR [--adjudicated ADJ.jsonl] [--round 2] [--write]

READS_DIR holds ``out_{chunk}_r{reader}.jsonl`` files: each article of POOL read by two readers who worked
independently from the guide alone, blind to the model. Where they agree on in/out, that decision stands with
reader A's kind (reader B's when A's kind is on the other side); where they disagree, the third reading in
``--adjudicated`` ({"id", "in_scope", "kind"}) settles it. Prints agreement (raw and Cohen's kappa on in/out) and,
with ``--write``, appends the merged labels, ids and labels only, to scripts/labels/scope-labels.jsonl (or to
``--out``: scope-labels-heldout.jsonl holds labels kept out of training, to measure a model on).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from pools import REPO

from earnings_events.metrics import cohen_kappa

LABELS = REPO / "scripts" / "labels" / "scope-labels.jsonl"
IN_KINDS = {"results_reported", "preview", "guidance", "roundup", "results_via_shares_or_analysts"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pool", type=Path)
    ap.add_argument("reads", type=Path)
    ap.add_argument("--adjudicated", type=Path)
    ap.add_argument("--round", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    ap.add_argument(
        "--out", type=Path, default=LABELS, help="the labels file to append to (default: the training labels)"
    )
    args = ap.parse_args()
    pool = {}
    with args.pool.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pool[r["id"]] = r
    reads: dict[str, list[dict]] = {}
    for path in sorted(args.reads.glob("out_*_r*.jsonl")):
        reader = re.fullmatch(r"out_\d+_r(\d+)\.jsonl", path.name)
        if reader is None:
            continue
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                r = json.loads(line)
                if r["id"] not in pool:
                    raise SystemExit(f"{path}:{n}: {r['id']} is not in the pool")
                if (r["kind"] in IN_KINDS) != bool(r["in_scope"]):
                    raise SystemExit(f"{path}:{n}: kind {r['kind']!r} contradicts in_scope={r['in_scope']}")
                reads.setdefault(r["id"], []).append(r | {"reader": int(reader.group(1))})
    short = [i for i in pool if len(reads.get(i, [])) != 2]
    if short:
        raise SystemExit(f"{len(short)} pool articles without exactly two readings (first: {short[0]})")
    adj = {}
    if args.adjudicated:
        with args.adjudicated.open(encoding="utf-8") as f:
            adj = {r["id"]: r for r in map(json.loads, f)}
    a = [bool(reads[i][0]["in_scope"]) for i in pool]
    b = [bool(reads[i][1]["in_scope"]) for i in pool]
    agree = sum(x == y for x, y in zip(a, b, strict=True))
    kappa = cohen_kappa(a, b)
    shown = "undefined" if kappa is None else f"{kappa:.3f}"
    print(f"{len(pool)} articles, two readings each: agree {agree / len(pool):.3f} on in/out, kappa {shown}")
    merged, pending = [], []
    for i in sorted(pool):
        ra, rb = sorted(reads[i], key=lambda r: r["reader"])
        if bool(ra["in_scope"]) == bool(rb["in_scope"]):
            decision, kind, settled = bool(ra["in_scope"]), ra["kind"], False
        elif i in adj:
            decision, kind, settled = bool(adj[i]["in_scope"]), adj[i]["kind"], True
            if (kind in IN_KINDS) != decision:
                raise SystemExit(f"{args.adjudicated}: {i}: kind {kind!r} contradicts in_scope={decision}")
        else:
            pending.append(i)
            continue
        merged.append(
            {
                "adjudicated": settled,
                "close_call": bool(ra.get("close_call") or rb.get("close_call")) or settled,
                "id": i,
                "in_scope": decision,
                "kind": kind,
                "published": pool[i]["published"],
                "reader_a": ra["kind"],
                "reader_b": rb["kind"],
                "round": args.round,
                "sample": pool[i]["sample"],
            }
        )
    print(
        f"{len(merged)} merged ({sum(m['in_scope'] for m in merged)} in scope), {len(pending)} disagreements unsettled"
    )
    if pending:
        Path("/tmp/scope-disagreements.txt").write_text("\n".join(pending) + "\n", encoding="utf-8")
        print("their ids: /tmp/scope-disagreements.txt")
    if args.write:
        if pending:
            raise SystemExit("settle every disagreement (--adjudicated) before writing")
        with args.out.open("a", encoding="utf-8") as f:
            for m in merged:
                f.write(json.dumps(m, sort_keys=True) + "\n")
        print(f"appended to {args.out}")


if __name__ == "__main__":
    main()
