#!/usr/bin/env python3
"""Check the bundled sample corpus against its gold rows.

Loads every article under src/earnings_events/data/sample/ (``*.txt`` files and
``wire.jsonl``), loads dataset/annotations/sample-gold.jsonl, runs every check on
every row, prints each failure and a summary of counts, and exits non-zero when
any check fails.

Article text, as the annotation guide defines it:
  * ``<id>.txt``: first line is ``date YYYY-MM-DD <headline>``; the text is
    everything after the first newline, with ``str.strip()`` applied.
  * ``wire.jsonl``: the ``text`` field exactly as stored.

Usage: python scripts/check_sample_gold.py [--sample DIR] [--gold FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "src/earnings_events/data/sample"
DEFAULT_GOLD = ROOT / "dataset/annotations/sample-gold.jsonl"

FIELDS = (
    "article_id",
    "company",
    "ticker",
    "quarter",
    "statement",
    "char_start",
    "char_end",
    "speaker",
    "speaker_role",
    "label",
    "note",
)
LABELS = {"outlook", "performance", "risk", "other"}
ROLES = {"executive", "analyst", "other"}
QUARTER = re.compile(r"^\d{4}Q[1-4]$")
TXT_FIRST_LINE = re.compile(r"^date \d{4}-\d{2}-\d{2} \S")
WIRE_KEYS = {"id", "url", "published", "title", "text"}


def load_articles(sample: Path, failures: list[str]) -> dict[str, str]:
    """Return {article_id: text}; problems with the files themselves go to failures."""
    texts: dict[str, str] = {}
    for path in sorted(sample.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        first, _, body = raw.partition("\n")
        if not TXT_FIRST_LINE.match(first):
            failures.append(f"{path.name}: first line is not 'date YYYY-MM-DD <headline>'")
        texts[path.stem] = body.strip()
    wire = sample / "wire.jsonl"
    if wire.exists():
        for n, line in enumerate(wire.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if set(record) != WIRE_KEYS:
                failures.append(f"wire.jsonl:{n}: keys {sorted(record)} != {sorted(WIRE_KEYS)}")
            if record["id"] in texts:
                failures.append(f"wire.jsonl:{n}: duplicate article id {record['id']!r}")
            texts[record["id"]] = record["text"]
    return texts


def check_row(n: int, row: dict, texts: dict[str, str]) -> list[str]:
    where = f"gold:{n}"
    if set(row) != set(FIELDS):
        return [f"{where}: fields {sorted(row)} != {sorted(FIELDS)}"]
    problems = []
    text = texts.get(row["article_id"])
    if text is None:
        problems.append(f"{where}: unknown article_id {row['article_id']!r}")
    else:
        start, end, statement = row["char_start"], row["char_end"], row["statement"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets {start}:{end} outside text of length {len(text)}")
        elif text[start:end] != statement:
            problems.append(f"{where}: text[{start}:{end}] = {text[start:end]!r} != statement {statement!r}")
    if row["statement"] != row["statement"].strip() or row["statement"].endswith(","):
        problems.append(f"{where}: statement not trimmed (white space or handover comma)")
    if row["label"] not in LABELS:
        problems.append(f"{where}: label {row['label']!r} not in {sorted(LABELS)}")
    if row["speaker_role"] not in ROLES:
        problems.append(f"{where}: speaker_role {row['speaker_role']!r} not in {sorted(ROLES)}")
    if not isinstance(row["quarter"], str) or not QUARTER.match(row["quarter"]):
        problems.append(f"{where}: quarter {row['quarter']!r} is not YYYYQn")
    if not row["company"] or not row["speaker"]:
        problems.append(f"{where}: empty company or speaker")
    if row["ticker"] is not None and (not row["ticker"] or row["ticker"] != row["ticker"].upper()):
        problems.append(f"{where}: ticker {row['ticker']!r} must be null or in capitals")
    if row["note"] is not None and not isinstance(row["note"], str):
        problems.append(f"{where}: note must be a string or null")
    return problems


def check_across_rows(rows: list[dict]) -> list[str]:
    problems = []
    keys = [(r["article_id"], r["char_start"]) for r in rows]
    if keys != sorted(keys):
        problems.append("gold: rows are not sorted by article_id, char_start")
    if len(set(keys)) != len(keys):
        problems.append("gold: two rows share an article_id and char_start")
    per_company: dict[tuple[str, str], set] = {}
    for r in rows:
        per_company.setdefault((r["article_id"], r["company"]), set()).add((r["ticker"], r["quarter"]))
    for (article, company), values in sorted(per_company.items()):
        if len(values) > 1:
            problems.append(f"gold: {article}/{company} has several ticker/quarter values {sorted(values, key=str)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()

    failures: list[str] = []
    texts = load_articles(args.sample, failures)
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    for n, row in enumerate(rows, 1):
        failures.extend(check_row(n, row, texts))
    failures.extend(check_across_rows([r for r in rows if set(r) == set(FIELDS)]))

    for failure in failures:
        print("FAIL", failure)

    per_article = Counter(r.get("article_id") for r in rows)
    empty = sorted(a for a in texts if per_article[a] == 0)
    n_txt = len(list(args.sample.glob("*.txt")))
    print(f"articles: {len(texts)} ({n_txt} txt, {len(texts) - n_txt} wire.jsonl)")
    print(f"rows: {len(rows)}")
    for name, key in (("label", "label"), ("role", "speaker_role")):
        counts = Counter(r.get(key) for r in rows)
        print(
            f"rows per {name}: "
            + ", ".join(f"{k}={v} ({100 * v / max(len(rows), 1):.0f}%)" for k, v in counts.most_common())
        )
    print(f"articles with zero rows: {len(empty)}" + (f" ({', '.join(empty)})" if empty else ""))
    print(f"failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
