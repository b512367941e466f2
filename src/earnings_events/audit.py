"""Audit a release: draw rows for people to judge, then report the share right per field.

``sample`` draws rows of a release uniformly at random (row ids ordered by sha256(seed, id), the same
on every machine) and writes an audit sheet, JSONL or CSV (``audit_sheet.py`` defines its rows): the
statement, its provenance, the article's headline, the sentences around it (the statement between
⟦ ⟧), the extracted fields (not on a blind sheet) and empty judgements. The sheet keeps the draw's
order, so its first k rows are a random sample too: a sheet judged halfway still reports fairly.
Article text comes from the release's ``articles`` config, or, for a release without bodies, from
the corpus files it was built from (read with ``ingest.run``); each text must hold its rows' spans.

``report`` reads a judged sheet and gives, with Wilson 95% intervals, the shares of judged rows that
come from in-scope articles, that are rows, whose tuple is right (in scope, a row, span, speaker,
company, quarter) and whose every field is right (tuple + role, ticker, label); the share right of
each field on the rows from in-scope articles that are rows; and the counts of ``error_class``.
Rows without any judgement are counted apart. A judgement missing for one field leaves the row out
of that field's count, not counted wrong; a composite (tuple, every field) is wrong as soon as one
part is wrong and unknown only while no part is wrong and one is missing. Where a judge wrote
``<field>_gold`` but left ``<field>_ok`` empty (always, on a blind sheet), ``report`` sets it by
comparing the gold value with the extracted one (the sheet's, or the release's with ``--release``),
speakers and companies as ``score.py`` normalises them. An empty gold value is no judgement; a gold
value ``none`` says the right value is none (no ticker, no quarter).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from . import bodies, metrics, schema, score
from .audit_sheet import EXTRACTED, FIELDS, JUDGED, NONE, SheetRow, read_sheet, sheet_format, write_sheet
from .errors import ConfigError, InputError

__all__ = ["AuditReport", "SampleOptions", "Share", "context", "read_sheet", "report", "sample"]

TUPLE = ("in_scope", "is_row", "span_ok", "speaker_ok", "company_ok", "quarter_ok")
EVERY = (*TUPLE, "role_ok", "ticker_ok", "label_ok")
SHARES_OF_FIELDS = ("span", "speaker", "role", "company", "ticker", "quarter", "label")
CONTEXT_BEFORE = 2  # sentences before the statement's first sentence
CONTEXT_AFTER = 1  # sentences after the statement's last sentence
CONTEXT_CAP = 600  # characters at most on either side, so a paragraph without full stops stays short
# A sentence ends at . ! ? (and any closing quotes or brackets) before white space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\s*\n\s*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gov|Sen|Rep|Gen|Col|Lt|Inc|Corp|Co|Ltd|Cos|No|vs|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


# ---------------------------------------------------------------- sample


@dataclass(frozen=True)
class SampleOptions:
    """What ``sample`` draws and where it writes the sheet."""

    release: Path
    out: Path  # .jsonl or .csv
    n: int = 150
    seed: int = 0
    splits: tuple[str, ...] = ()  # default: every split
    blind: bool = False  # leave out the extracted fields
    articles: tuple[Path, ...] = ()  # the corpus files, for a release built without article text
    force: bool = False  # overwrite an existing sheet


def draw_key(seed: int, row_id: str) -> str:
    """A row's place in the draw of ``seed``: sha256 over seed and id, so every platform draws alike."""
    return hashlib.sha256(f"{seed}\x1f{row_id}".encode()).hexdigest()


def sample(options: SampleOptions) -> Path:
    """Draw ``options.n`` rows of the release at random and write them as an audit sheet."""
    sheet_format(options.out)
    if options.n < 1:
        raise ConfigError(f"--n must be 1 or more, got {options.n}")
    if options.out.exists() and not options.force:
        raise ConfigError(f"{options.out} exists and may hold judgements: choose another --out or pass --force")
    files = _statement_files(options.release, options.splits)
    ids = pl.scan_parquet(files).select("id").collect()["id"].to_list()
    if not ids:
        raise InputError("the release has no rows to draw", str(options.release))
    chosen = sorted(ids, key=lambda i: draw_key(options.seed, i))[: options.n]
    rows = statements(options.release, options.splits, chosen)
    drawn = [rows[i] for i in chosen]
    texts, titles = bodies.article_texts(options.release, drawn, options.articles)
    sheet = []
    for r in drawn:
        rec: dict[str, Any] = {
            "row_id": r["id"],
            **{k: r[k] for k in ("article_id", "char_start", "char_end", "statement")},
            "headline": titles.get(r["article_id"]),
            "published": r["published"].isoformat() if r["published"] else None,
            "url": r["url"],
            "context": context(texts[r["article_id"]], r["char_start"], r["char_end"]),
        }
        if not options.blind:
            rec["extracted"] = {k: r[k] for k in EXTRACTED}
        rec["judged"] = dict.fromkeys(JUDGED)
        sheet.append(rec)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    return write_sheet(options.out, sheet)


def statements(release: Path, splits: tuple[str, ...] = (), ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """The release's rows by id (of every split, or of ``splits``; only ``ids`` when given), with class
    labels as their names."""
    frame = pl.scan_parquet(_statement_files(release, splits))
    if ids is not None:
        frame = frame.filter(pl.col("id").is_in(ids))
    df = frame.collect()
    for f in schema.load("statements").fields:
        if f.type == "class_label":
            df = df.with_columns(pl.col(f.name).replace_strict(list(range(len(f.classes))), list(f.classes)))
    return {r["id"]: r for r in df.to_dicts()}


def _statement_files(release: Path, splits: tuple[str, ...]) -> list[Path]:
    spec = schema.load("statements")
    unknown = [s for s in splits if s not in spec.splits]
    if unknown:
        raise ConfigError(f"unknown split(s) {unknown} (known: {', '.join(spec.splits)})")
    folder = release / "statements"
    files = [folder / f"{s}.parquet" for s in splits] if splits else sorted(folder.glob("*.parquet"))
    if not files:
        raise InputError("no statements/*.parquet: not a release folder", str(release))
    for path in files:
        if not path.is_file():
            raise InputError(f"missing statements/{path.name}", str(release))
    return files


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        head = text[max(0, m.start() - 12) : m.start() + 1]
        if "\n" in m.group() or not _ABBREVIATION.search(head):
            starts.append(m.end())
    return starts


def context(text: str, start: int, end: int) -> str:
    """The sentences around ``text[start:end]``: ``CONTEXT_BEFORE`` before the one it starts in and
    ``CONTEXT_AFTER`` after the one it ends in, the span between ⟦ ⟧, white space folded, … where the
    article goes on."""
    starts = _sentence_starts(text)
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    a = starts[max(0, first - CONTEXT_BEFORE)]
    b = starts[last + CONTEXT_AFTER + 1] if last + CONTEXT_AFTER + 1 < len(starts) else len(text)
    a, b = max(a, start - CONTEXT_CAP), min(b, end + CONTEXT_CAP)
    body = " ".join(f"{text[a:start]}⟦{text[start:end]}⟧{text[end:b]}".split())
    return ("… " if text[:a].strip() else "") + body + (" …" if text[b:].strip() else "")


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class Share:
    """``right`` of ``n`` judged rows, with its Wilson 95% interval."""

    right: int
    n: int

    @property
    def value(self) -> float | None:
        return self.right / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return metrics.wilson(self.right, self.n)

    def to_dict(self) -> dict[str, Any]:
        r = metrics.DIGITS
        ci = self.interval
        return {
            "right": self.right,
            "n": self.n,
            "share": None if self.value is None else round(self.value, r),
            "ci95": [None, None] if ci is None else [round(ci[0], r), round(ci[1], r)],
        }


@dataclass
class AuditReport:
    """What a judged sheet says of the release it was drawn from."""

    sheet: Path
    rows: int  # rows on the sheet
    judged: int  # rows with at least one judgement
    overall: dict[str, Share]  # of all judged rows: in_scope, is_row, tuple, every_field
    field_rows: int  # judged rows from in-scope articles that are rows
    fields: dict[str, Share]  # on those rows: span, speaker, role, company, ticker, quarter, label
    error_classes: dict[str, int]  # error_class -> rows, most frequent first
    derived: int  # `_ok` judgements set by comparing `_gold` with the extracted value
    release: Path | None = None
    notes: list[str] = field(default_factory=list)
    not_in_release: int = 0  # sheet rows left out because the release no longer holds them

    def to_dict(self) -> dict[str, Any]:
        return {
            "sheet": str(self.sheet),
            "release": None if self.release is None else str(self.release),
            "rows": self.rows,
            "judged": self.judged,
            "overall": {k: v.to_dict() for k, v in self.overall.items()},
            "field_rows": self.field_rows,
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "error_classes": self.error_classes,
            "derived": self.derived,
            "not_in_release": self.not_in_release,
            "notes": self.notes,
        }


NOTES = (
    "A row left unjudged for one field is out of that field's n, not counted wrong.",
    "tuple = in scope, a row, span, speaker, company and quarter right; every field = tuple + role, ticker, label.",
)


def report(sheet: Path, release: Path | None = None, only_in_release: bool = False) -> AuditReport:
    """Shares right of a judged audit sheet; with ``release``, the extracted values come from it. A row the
    release does not hold is refused (the sheet was drawn from another release), or, with ``only_in_release``,
    left out and counted (a later version of the same release that dropped a few rows)."""
    rows = read_sheet(sheet)
    known = statements(release, ids=[r.row_id for r in rows]) if release is not None else None
    judged: list[dict[str, Any]] = []
    derived = 0
    if known is not None and only_in_release:
        missing = sum(r.row_id not in known for r in rows)
        rows = [r for r in rows if r.row_id in known]
    else:
        missing = 0
    for row in rows:
        if known is not None and row.row_id not in known:
            raise InputError(
                f"row {row.row_id} ({row.article_id} {row.char_start}-{row.char_end}) is not in the release {release}",
                str(sheet),
                row.line,
            )
        if not row.is_judged:
            continue
        extracted = row.extracted
        if known is not None:
            extracted = _release_values(row, known[row.row_id], sheet)
        flags, n = _complete(row, extracted, sheet)
        judged.append(flags)
        derived += n
    overall = {
        "in_scope": _share(j["in_scope"] for j in judged),
        "is_row": _share(j["is_row"] for j in judged),
        "tuple": _share(_all(j[k] for k in TUPLE) for j in judged),
        "every_field": _share(_all(j[k] for k in EVERY) for j in judged),
    }
    rows_in_scope = [j for j in judged if j["in_scope"] is True and j["is_row"] is True]
    fields = {f: _share(j[f"{f}_ok"] for j in rows_in_scope) for f in SHARES_OF_FIELDS}
    classes = Counter(j["error_class"] for j in judged if j["error_class"])
    return AuditReport(
        sheet=sheet,
        rows=len(rows),
        judged=len(judged),
        overall=overall,
        field_rows=len(rows_in_scope),
        fields=fields,
        error_classes=dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        derived=derived,
        release=release,
        notes=list(NOTES),
        not_in_release=missing,
    )


def _release_values(row: SheetRow, values: dict[str, Any], sheet: Path) -> dict[str, Any]:
    """The release's extracted values of a row; a sheet whose own differ was drawn from another release."""
    release_values = {k: values[k] for k in EXTRACTED}
    if row.extracted is not None:
        for k in EXTRACTED:
            if (row.extracted[k] or None) != (release_values[k] or None):
                raise InputError(
                    f"row {row.row_id}: extracted.{k} {row.extracted[k]!r} is not the release's "
                    f"{release_values[k]!r}; the sheet was drawn from another release",
                    str(sheet),
                    row.line,
                )
    return release_values


def _complete(row: SheetRow, extracted: dict[str, Any] | None, sheet: Path) -> tuple[dict[str, Any], int]:
    """The row's judgements with each empty ``<field>_ok`` set from its gold value where it has one, compared as
    ``score`` compares fields (a company also right in another form of its name when the gold ticker is the
    release's); and how many were set."""
    judged = dict(row.judged)
    gold = {column: _gold(judged[f"{name}_gold"]) for name, column in FIELDS.items()}
    n = 0
    for name, column in FIELDS.items():
        if judged[f"{name}_ok"] is not None or judged[f"{name}_gold"] is None:
            continue
        if extracted is None:
            raise InputError("a blind sheet's gold values need the release's: pass --release DIR", str(sheet), row.line)
        judged[f"{name}_ok"] = score.field_equal(column, extracted, gold)
        n += 1
    return judged, n


def _gold(value: Any) -> Any:
    """A judge's gold value: ``none`` says the right value is no value."""
    return None if value == NONE else value


def same(name: str, extracted: Any, gold: Any) -> bool:
    """Whether an extracted value is the gold one, as ``score.field_equal`` compares the field (speakers and
    companies normalised, tickers in any notation of their class); a gold ``none`` is right only for no value."""
    column = FIELDS.get(name, name)
    return score.field_equal(column, {column: extracted}, {column: _gold(gold)})


def _all(values: Iterable[bool | None]) -> bool | None:
    """False when any value is False, else None when any is unknown, else True."""
    vs = list(values)
    if False in vs:
        return False
    return None if None in vs else True


def _share(values: Iterable[bool | None]) -> Share:
    known = [v for v in values if v is not None]
    return Share(sum(known), len(known))
