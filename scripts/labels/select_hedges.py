"""Select the labelled statements whose type turns on how a hedge is read, for a re-reading under the guide.

    python scripts/labels/select_hedges.py /work/data/wire.jsonl [--context] [--todo]

The readers of ``statement-labels.jsonl`` read hedged statements ("may", "might", "could", "perhaps",
"possible") more strictly than the guide's worked example, which labels "It's possible ... that Tesla may have
more compute than everyone else combined." ``outlook``. This script selects, by the rules' cues
(``pipeline.label.rule_cues``) alone, never by the statement's label:

- (h) every row statement with a hedge word (below; "could have", "might have" and the like excluded, as the
  rules exclude them) and no problem word (the rules' ``cue:risk`` does not fire);
- (c) every row statement labelled ``risk`` with no problem word and no hedge word whose only other evidence
  is a comparison or a speculation: a comparative ("than", "compared", "versus") or a conditional ("if",
  "whether", "would").

It prints how many of each, and with ``--context`` each statement with the sentence before and after it in
its article, so that a person can re-read it; the decisions are typed by that person into the records
(``reread_label``, ``reread: true``), not made here. ``--todo`` prints only the selected statements not yet
re-read. It prints corpus text to the terminal only; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts" / "labels"))
from pools import corpus_records  # noqa: E402

from earnings_events.ingest import article_from_record  # noqa: E402
from earnings_events.pipeline import label  # noqa: E402

LABELS = REPO / "scripts" / "labels" / "statement-labels.jsonl"
HEDGE = re.compile(r"\b(?:may|might|could|perhaps|maybe|possibl[ey]|possibility|potentially)\b", re.I)
COMPARE_OR_SPECULATE = re.compile(r"\b(?:than|compared|versus|vs\.?|if|whether|would)\b", re.I)


def selection(statement: str, lab: str) -> str | None:
    """'h' (hedged, no problem word), 'c' (risk by comparison or speculation only) or None."""
    s = " ".join(statement.split())
    cues = label.rule_cues(s)
    if "cue:risk" in cues:
        return None
    if HEDGE.search(label._PAST_MODAL.sub(" ", s)):
        return "h"
    if lab == "risk" and COMPARE_OR_SPECULATE.search(s):
        return "c"
    return None


def sentences(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence (or paragraph piece) before ``start`` and after ``end``."""
    before = text[max(0, start - 600) : start]
    after = text[end : end + 600]
    parts = re.split(r"(?<=[.!?\"”])\s+|\n+", before.strip())
    prev = " ".join(parts[-2:]) if parts else ""
    nxt = " ".join(re.split(r"(?<=[.!?])\s+|\n+", after.strip())[:2])
    return prev, nxt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--context", action="store_true")
    ap.add_argument("--todo", action="store_true")
    args = ap.parse_args()
    recs = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    wanted = {r["article_id"] for r in recs if not r["not_row"]}
    texts = {}
    for rec in corpus_records(args.corpus):
        if rec.get("id") in wanted:
            texts[rec["id"]] = article_from_record(rec, str(args.corpus), None).text  # type: ignore[union-attr]
    counts: dict[tuple[str, str], int] = {}
    for n, r in enumerate(recs, 1):
        if r["not_row"]:
            continue
        text = texts[r["article_id"]]
        st = text[r["char_start"] : r["char_end"]]
        kind = selection(st, r["label"])
        if kind is None:
            continue
        counts[(kind, r["label"])] = counts.get((kind, r["label"]), 0) + 1
        if args.todo and r.get("reread"):
            continue
        if args.context or args.todo:
            prev, nxt = sentences(text, r["char_start"], r["char_end"])
            print(f"--- line {n} [{kind}] label={r['label']} a={r['reader_a']} b={r['reader_b']} {r['article_id']}")
            print(f"    BEFORE: {prev}")
            print(f"    >>> {' '.join(st.split())}")
            print(f"    AFTER: {nxt}")
    for kind in ("h", "c"):
        sub = {k[1]: v for k, v in counts.items() if k[0] == kind}
        print(f"({kind}) {sum(sub.values())} statements: {dict(sorted(sub.items()))}")


if __name__ == "__main__":
    main()
