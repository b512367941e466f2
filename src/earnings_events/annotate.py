"""Human labels: rows out for labelling (CSV), labels back into an annotations folder, agreement.

``export_rows`` writes a release's rows as CSV for annotators: id, offsets, speaker, company, the
statement and a little context, and empty ``label``, ``annotator`` and ``note`` columns (the current
label only on request, so annotators are not anchored by the rules).

``import_labels`` reads a filled CSV, or JSONL rows in the guide's form (keyed by ``id`` or by
``article_id`` + ``char_start`` + ``char_end``), and merges them into an annotations folder:

    annotations/annotators/<annotator>.jsonl   every label each annotator gave (re-imports replace)
    annotations/imported.jsonl                 one record per row: the annotators' consensus

The consensus is the label a strict majority of the row's annotators gave; rows without one are left
out of ``imported.jsonl`` and listed for adjudication. Build reads the folder's top-level ``*.jsonl``
(``human_labels.load_annotations``; files later in name order win), so ``annotators/`` is kept for agreement
only. Every pair of annotators who labelled common rows gets Cohen's kappa; the other top-level files
(``sample-gold.jsonl``) count as annotators named by their stem.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import polars as pl

from . import jsonl, metrics, schema
from .errors import ConfigError, InputError

IMPORTED = "imported.jsonl"
ANNOTATORS = "annotators"
CSV_COLUMNS = (
    "id",
    "split",
    "article_id",
    "char_start",
    "char_end",
    "company",
    "quarter",
    "speaker",
    "statement",
    "context",
    "label",
    "annotator",
    "note",
)
# Fields of a gold row in the guide's form that an import keeps besides the label.
ROW_FIELDS = ("statement", "speaker", "speaker_role", "company", "ticker", "quarter")
_ANNOTATOR = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")


def _row_id(article_id: str, char_start: int, char_end: int) -> str:
    from .rowid import row_id  # the id recipe lives with the rows

    return row_id(article_id, char_start, char_end)


def _classes() -> tuple[str, ...]:
    return schema.load("statements").field("label").classes


def read_records(folder: Path) -> dict[str, dict[str, Any]]:
    """Annotation records by row id from the top-level ``*.jsonl`` of ``folder``, as the build reads
    them (a later file's record for the same row wins), each with its ``file``."""
    from .human_labels import load_annotations

    load_annotations(folder)  # the build's own checks: a record it would reject stops here too
    out: dict[str, dict[str, Any]] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                rid = rec.get("id") or _row_id(rec["article_id"], int(rec["char_start"]), int(rec["char_end"]))
                out[rid] = {**rec, "id": rid, "file": path.name}
    return out


# ---------------------------------------------------------------- export


def _context(text: str, start: int, end: int, width: int = 240) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"…{before}[[{text[start:end]}]]{after}…".split())


def export_rows(
    release: Path,
    out: Path,
    splits: tuple[str, ...] = (),
    only_rules: bool = False,
    with_current: bool = False,
) -> int:
    """Rows of ``release`` as CSV for labelling; returns how many were written."""
    spec = schema.load("statements")
    unknown = [s for s in splits if s not in spec.splits]
    if unknown:
        raise ConfigError(f"unknown split(s) {unknown} (known: {', '.join(spec.splits)})")
    if not (release / "statements").is_dir():
        raise InputError("no statements/ folder: not a release", str(release))
    (art_split,) = schema.load("articles").splits
    art_path = release / "articles" / f"{art_split}.parquet"
    if not art_path.is_file():
        raise InputError(f"missing articles/{art_split}.parquet", str(release))
    texts = dict(pl.read_parquet(art_path, columns=["article_id", "text"]).iter_rows())
    classes = _classes()
    columns = [*CSV_COLUMNS, *(("current_label", "current_source") if with_current else ())]
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for split in splits or spec.splits:
            path = release / "statements" / f"{split}.parquet"
            if not path.is_file():
                raise InputError(f"missing statements/{split}.parquet", str(release))
            for r in pl.read_parquet(path).sort("article_id", "char_start").to_dicts():
                if only_rules and r["label_source"] == "human":
                    continue
                text = texts.get(r["article_id"], "")
                rec = {
                    **{k: r[k] for k in ("id", "article_id", "char_start", "char_end", "company", "quarter")},
                    **{"speaker": r["speaker"], "statement": r["statement"], "split": split},
                    "context": _context(text, r["char_start"], r["char_end"]),
                    "label": "",
                    "annotator": "",
                    "note": "",
                }
                if with_current:
                    rec["current_label"] = classes[r["label"]]
                    rec["current_source"] = r["label_source"]
                writer.writerow(rec)
                n += 1
    return n


# ---------------------------------------------------------------- import


@dataclass
class Agreement:
    a: str
    b: str
    n: int
    agreement: float
    kappa: float | None

    def to_dict(self) -> dict[str, Any]:
        r = metrics.DIGITS
        kappa = None if self.kappa is None else round(self.kappa, r)
        return {"a": self.a, "b": self.b, "n": self.n, "agreement": round(self.agreement, r), "kappa": kappa}


@dataclass
class ImportReport:
    into: Path
    read: int = 0
    labelled: int = 0
    skipped_blank: int = 0
    by_annotator: dict[str, int] = field(default_factory=dict)
    consensus: int = 0
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    overridden: dict[str, int] = field(default_factory=dict)  # later file -> imported labels it overrides
    agreement: list[Agreement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "into": str(self.into),
            "read": self.read,
            "labelled": self.labelled,
            "skipped_blank": self.skipped_blank,
            "by_annotator": dict(sorted(self.by_annotator.items())),
            "consensus": self.consensus,
            "disagreements": self.disagreements,
            "overridden": dict(sorted(self.overridden.items())),
            "agreement": [a.to_dict() for a in self.agreement],
        }


def _read_source(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line, record) pairs of a CSV or JSONL file."""
    if not path.is_file():
        raise InputError("no such file", str(path))
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or "label" not in reader.fieldnames:
                raise InputError("a CSV of labels needs a 'label' column", str(path), 1)
            return [(reader.line_num, dict(r)) for r in reader]
    if path.suffix.lower() in (".jsonl", ".json"):
        return list(jsonl.objects(path))
    raise InputError("labels must be a .csv or a .jsonl file", str(path))


def _record(raw: dict[str, Any], path: Path, lineno: int, annotator: str | None) -> dict[str, Any] | None:
    """An annotation record from one input line; None for a line whose label is blank."""
    label = str(raw.get("label") or "").strip().lower()
    if not label:
        return None
    classes = _classes()
    if label not in classes:
        raise InputError(f"label {raw.get('label')!r} is not one of {list(classes)}", str(path), lineno)
    who = str(raw.get("annotator") or "").strip() or annotator
    if not who:
        raise InputError("no annotator: fill the 'annotator' column or pass --annotator", str(path), lineno)
    if not _ANNOTATOR.match(who):
        raise InputError(f"annotator {who!r}: use letters, digits, '.', '_' or '-'", str(path), lineno)
    rec: dict[str, Any] = {"label": label, "annotator": who}
    try:
        if raw.get("article_id") not in (None, "") and raw.get("char_start") not in (None, ""):
            rec["article_id"] = str(raw["article_id"])
            rec["char_start"], rec["char_end"] = int(raw["char_start"]), int(raw["char_end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"bad char_start/char_end ({exc})", str(path), lineno) from exc
    rid = str(raw.get("id") or "").strip()
    if not rid and "article_id" not in rec:
        raise InputError("a row needs an 'id', or 'article_id', 'char_start' and 'char_end'", str(path), lineno)
    rec["id"] = rid or _row_id(rec["article_id"], rec["char_start"], rec["char_end"])
    if "article_id" in rec and rid and rid != _row_id(rec["article_id"], rec["char_start"], rec["char_end"]):
        raise InputError(f"id {rid} does not match article_id, char_start and char_end", str(path), lineno)
    for k in ROW_FIELDS:
        if k in raw and path.suffix.lower() != ".csv":  # a CSV's speaker or company columns are context
            rec[k] = raw[k]
    return rec


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


def _consensus(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The record of a row on which a strict majority of its annotators agree; None on a tie."""
    votes = Counter(r["label"] for r in records)
    label, n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    if n * 2 <= len(records):
        return None
    out: dict[str, Any] = {"id": records[0]["id"], "label": label}
    out["annotators"] = sorted(r["annotator"] for r in records)
    for k in ("article_id", "char_start", "char_end", *ROW_FIELDS):
        values = {json.dumps(r[k]) for r in records if k in r}
        if len(values) == 1:
            out[k] = json.loads(values.pop())
    return out


def agreement(labels: dict[str, dict[str, str]]) -> list[Agreement]:
    """Cohen's kappa of every pair of annotators (name -> row id -> label) who share rows."""
    out = []
    for a, b in combinations(sorted(labels), 2):
        shared = sorted(set(labels[a]) & set(labels[b]))
        if not shared:
            continue
        la = [labels[a][i] for i in shared]
        lb = [labels[b][i] for i in shared]
        same = sum(x == y for x, y in zip(la, lb, strict=True)) / len(shared)
        out.append(Agreement(a, b, len(shared), same, metrics.cohen_kappa(la, lb)))
    return out


def import_labels(source: Path, into: Path, annotator: str | None = None) -> ImportReport:
    """Merge the labels of ``source`` (CSV or JSONL) into the annotations folder ``into``."""
    report = ImportReport(into)
    new: dict[str, dict[str, dict[str, Any]]] = {}
    for lineno, raw in _read_source(source):
        report.read += 1
        rec = _record(raw, source, lineno, annotator)
        if rec is None:
            report.skipped_blank += 1
            continue
        new.setdefault(rec["annotator"], {})[rec["id"]] = rec
        report.labelled += 1
    if not new:
        raise InputError("no labelled rows (every 'label' is blank)", str(source))
    for who, recs in new.items():
        path = into / ANNOTATORS / f"{who}.jsonl"
        merged = {r["id"]: r for r in _read_jsonl(path)}
        merged.update(recs)
        _write_jsonl(path, [merged[i] for i in sorted(merged)])
        report.by_annotator[who] = len(recs)
    per_row: dict[str, list[dict[str, Any]]] = {}
    labels: dict[str, dict[str, str]] = {}
    for path in sorted((into / ANNOTATORS).glob("*.jsonl")):
        for r in _read_jsonl(path):
            per_row.setdefault(r["id"], []).append(r)
            labels.setdefault(path.stem, {})[r["id"]] = r["label"]
    consensus = []
    for rid in sorted(per_row):
        c = _consensus(per_row[rid])
        if c is None:
            votes = {r["annotator"]: r["label"] for r in per_row[rid]}
            report.disagreements.append({"id": rid, "labels": dict(sorted(votes.items()))})
        else:
            consensus.append(c)
    _write_jsonl(into / IMPORTED, consensus)
    report.consensus = len(consensus)
    imported = {c["id"]: c["label"] for c in consensus}
    for path in sorted(into.glob("*.jsonl")):
        if path.name == IMPORTED:
            continue
        other = read_records_file(path)
        labels.setdefault(path.name, {}).update({i: r["label"] for i, r in other.items()})
        if path.name > IMPORTED:
            n = sum(1 for i, r in other.items() if i in imported and imported[i] != r["label"])
            if n:
                report.overridden[path.name] = n
    read_records(into)  # the folder must still be one the build accepts
    report.agreement = agreement(labels)
    return report


def read_records_file(path: Path) -> dict[str, dict[str, Any]]:
    """The records of one annotation file by row id."""
    out = {}
    for r in _read_jsonl(path):
        rid = r.get("id") or _row_id(r["article_id"], int(r["char_start"]), int(r["char_end"]))
        out[rid] = r
    return out
