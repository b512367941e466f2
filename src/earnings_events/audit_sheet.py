"""The audit sheet: the file people judge, as JSONL or CSV, written and read back with its checks, cut
into parts for several readers and joined back (``split_sheet``, ``join_sheets``).

One sheet row (JSONL; a CSV has a column per flattened key, ``extracted.speaker``, ``judged.speaker_ok``):

    row_id, article_id, char_start, char_end, statement, headline, published, url, context,
    extracted: speaker, speaker_role, company, ticker, quarter, label        (not on a blind sheet)
    judged:    in_scope, is_row, span_ok, {speaker,role,company,ticker,quarter,label}_{ok,gold},
               error_class, note                                            (null until judged)

The judged keys are those of the project's first audit (shared/audit/rows-2026-12-02.jsonl), which
is a valid sheet: it keys rows by article and offsets and has no row_id, headline or context.
A CSV writes booleans as true/false and reads true/false/yes/no/1/0 in any case, blank for none.
Empty (null, blank) is always "not judged"; a ``<field>_gold`` of ``none`` (or ``-``) says the right
value is no value (an unlisted company's ticker), which a blind sheet needs to say so.
``read_sheet`` refuses, naming file and line, a line that is not JSON, an unknown key or column, a
flag that is not a boolean, a gold role, label, ticker or quarter the schema does not allow, offsets
that are not whole numbers, a row_id that is not the id of its offsets, and a row twice.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from .errors import ConfigError, InputError

EXTRACTED = ("speaker", "speaker_role", "company", "ticker", "quarter", "label")
# Judged field -> the statements column it judges.
FIELDS = {
    "speaker": "speaker",
    "role": "speaker_role",
    "company": "company",
    "ticker": "ticker",
    "quarter": "quarter",
    "label": "label",
}
FLAGS = ("in_scope", "is_row", "span_ok", *(f"{f}_ok" for f in FIELDS))
JUDGED = (
    "in_scope",
    "is_row",
    "span_ok",
    *(f"{f}_{kind}" for f in FIELDS for kind in ("ok", "gold")),
    "error_class",
    "note",
)
SHEET_KEYS = (
    "row_id",
    "article_id",
    "char_start",
    "char_end",
    "statement",
    "headline",
    "published",
    "url",
    "context",
    "extracted",
    "judged",
)
NONE = "none"  # a gold value that says "no value" (no ticker, no quarter); blank is "not judged"
_NONE_MARKERS = {"none", "-"}
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}
Bad = Callable[[str], InputError]


def sheet_format(path: Path) -> str:
    """``jsonl`` or ``csv``, from the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise ConfigError(f"{path}: an audit sheet is a .jsonl or a .csv file")
    return suffix[1:]


def write_sheet(path: Path, sheet: list[dict[str, Any]]) -> Path:
    """Write sheet rows (nested dicts in ``SHEET_KEYS`` order) as JSONL or CSV, by the path's suffix."""
    (_write_csv if sheet_format(path) == "csv" else _write_jsonl)(path, sheet)
    return path


def _write_jsonl(path: Path, sheet: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sheet), encoding="utf-8")


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    """A sheet row with its groups spread into ``group.key`` columns."""
    out: dict[str, Any] = {}
    for key, value in rec.items():
        if isinstance(value, dict):
            out.update({f"{key}.{sub}": v for sub, v in value.items()})
        else:
            out[key] = value
    return out


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_csv(path: Path, sheet: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(_flat(sheet[0])))
        writer.writerows([_csv_value(v) for v in _flat(rec).values()] for rec in sheet)


def _csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, nested record) of a CSV sheet; the text of every cell, blanks as None."""
    known = {k for k in SHEET_KEYS if k not in ("extracted", "judged")}
    known |= {f"extracted.{k}" for k in EXTRACTED} | {f"judged.{k}" for k in JUDGED}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None) or []
        for name in header:
            if name not in known:
                raise InputError(f"unknown column {name!r}", str(path), 1)
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"malformed CSV: {exc}", str(path), line) from exc
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise InputError(f"{len(cells)} cells under {len(header)} columns", str(path), line)
            rec: dict[str, Any] = {}
            for name, cell in zip(header, cells, strict=True):
                value = cell if cell.strip() else None
                group, _, key = name.rpartition(".")
                (rec.setdefault(group, {}) if group else rec)[key] = value
            for key in ("char_start", "char_end"):
                if isinstance(rec.get(key), str) and re.fullmatch(r"\s*\d+\s*", rec[key]):
                    rec[key] = int(rec[key])
            for key in FLAGS:
                text = rec.get("judged", {}).get(key)
                if isinstance(text, str) and text.strip().lower() in _TRUE | _FALSE:
                    rec["judged"][key] = text.strip().lower() in _TRUE
            yield line, rec


def _records(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputError("no such file", str(path))
    fmt = sheet_format(path)
    if fmt == "csv":
        return _csv_records(path)
    return _jsonl_records(path)


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for lineno, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc.msg} (column {exc.colno})", str(path), lineno) from exc
        if not isinstance(rec, dict):
            raise InputError("each line must be a JSON object", str(path), lineno)
        yield lineno, rec


@dataclass(frozen=True)
class SheetRow:
    """One checked row of an audit sheet."""

    line: int
    row_id: str
    article_id: str
    char_start: int
    char_end: int
    extracted: dict[str, Any] | None  # None on a blind sheet
    judged: dict[str, Any]  # every key of JUDGED

    @property
    def is_judged(self) -> bool:
        return any(v is not None for v in self.judged.values())


def read_sheet(path: Path) -> list[SheetRow]:
    """The rows of an audit sheet (JSONL or CSV); a line that breaks the format raises ``InputError``."""
    return [row for row, _ in _read(path)]


def _read(path: Path) -> list[tuple[SheetRow, dict[str, Any]]]:
    """Each checked row of a sheet with the record it was read from (to write it again as it was)."""
    from .rowid import row_id  # the id recipe lives with the rows

    rows: list[tuple[SheetRow, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for line, rec in _records(path):

        def bad(message: str, line: int = line) -> InputError:
            return InputError(message, str(path), line)

        for key in rec:
            if key not in SHEET_KEYS:
                raise bad(f"unknown key {key!r} (a sheet row holds {', '.join(SHEET_KEYS)})")
        for key in ("article_id", "char_start", "char_end", "judged"):
            if rec.get(key) is None:
                raise bad(f"no {key!r}")
        start, end = rec["char_start"], rec["char_end"]
        if not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in (start, end)):
            raise bad(f"char_start and char_end must be whole numbers, got {start!r} and {end!r}")
        rid = row_id(str(rec["article_id"]), start, end)
        if rec.get("row_id") not in (None, rid):
            raise bad(f"row_id {rec['row_id']!r} does not match article_id, char_start and char_end ({rid})")
        if rid in seen:
            raise bad(f"row {rid} is on the sheet twice (also line {seen[rid]})")
        seen[rid] = line
        extracted = rec.get("extracted")
        if extracted is not None:
            extracted = _check_group(extracted, "extracted", EXTRACTED, bad)
            for key, value in extracted.items():
                if not (value is None or isinstance(value, str)):
                    raise bad(f"extracted.{key} must be text or empty, got {value!r}")
        judged = _check_group(rec["judged"], "judged", JUDGED, bad)
        for key, value in judged.items():
            judged[key] = _check_judgement(key, value, bad)
        rows.append((SheetRow(line, rid, str(rec["article_id"]), start, end, extracted, judged), rec))
    return rows


def _check_group(value: Any, name: str, keys: tuple[str, ...], bad: Bad) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(f"{name!r} must be an object")
    for key in value:
        if key not in keys:
            raise bad(f"unknown key '{name}.{key}' (known: {', '.join(keys)})")
    return {k: value.get(k) for k in keys}


def _check_judgement(key: str, value: Any, bad: Bad) -> Any:
    """A judgement as the report reads it; ``bad(message)`` for a value the key cannot hold."""
    if value is None:
        return None
    if key in FLAGS:
        if not isinstance(value, bool):
            raise bad(f"judged.{key} must be true, false or empty, got {value!r}")
        return value
    if not isinstance(value, str):
        raise bad(f"judged.{key} must be text or empty, got {value!r}")
    value = value.strip()
    if not value:
        return None
    if key.endswith("_gold") and value.lower() in _NONE_MARKERS:
        return NONE
    if key in ("role_gold", "label_gold"):
        classes = schema.load("statements").field(FIELDS[key.removesuffix("_gold")]).classes
        if value.lower() not in classes:
            raise bad(f"judged.{key} {value!r} is not one of {', '.join(classes)}")
        return value.lower()
    if key in ("ticker_gold", "quarter_gold"):
        pattern = schema.load("statements").field(key.removesuffix("_gold")).pattern
        if pattern and not re.search(pattern, value.upper()):
            raise bad(f"judged.{key} {value!r} is not a {key.removesuffix('_gold')} (pattern {pattern})")
        return value.upper()
    return value


# ---------------------------------------------------------------- split and join
# Several readers judge one sheet: ``split_sheet`` cuts it into parts of consecutive rows, one per reader,
# and ``join_sheets`` puts the judged parts back together, checked, in the sheet's order.

# Words a note quotes (double, curly or single quotes; not an apostrophe): a text-free sheet blanks them.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']+'(?!\w)")
TEXT_FREE_KEYS = ("row_id", "article_id", "char_start", "char_end", "judged")


def split_sheet(path: Path, parts: int, force: bool = False) -> list[tuple[Path, int]]:
    """Cut a sheet into ``parts`` sheets of consecutive rows, sizes differing by one at most, written beside it
    as ``<stem>-part<k><suffix>`` in its format; joined in order they give the sheet back. Each part's path and
    its number of rows."""
    if parts < 1:
        raise ConfigError(f"--parts must be 1 or more, got {parts}")
    records = [_ordered(rec, row) for row, rec in _read(path)]
    if parts > len(records):
        raise ConfigError(f"{path} has {len(records)} rows: too few for {parts} parts")
    outs = [path.with_name(f"{path.stem}-part{k}{path.suffix}") for k in range(1, parts + 1)]
    taken = [p for p in outs if p.exists()]
    if taken and not force:
        raise ConfigError(f"{taken[0]} exists and may hold judgements: pass --force to overwrite the parts")
    size, longer = divmod(len(records), parts)
    written, start = [], 0
    for k, out in enumerate(outs):
        end = start + size + (k < longer)
        written.append((write_sheet(out, _uniform(records[start:end])), end - start))
        start = end
    return written


@dataclass(frozen=True)
class Joined:
    """What ``join_sheets`` wrote."""

    path: Path
    rows: int
    judged: int  # rows with at least one judgement
    parts: int


def join_sheets(
    parts: list[Path], out: Path, like: Path | None = None, text_free: bool = False, force: bool = False
) -> Joined:
    """Join judged parts into one sheet at ``out`` (JSONL or CSV, by its suffix). A row in two parts stops the
    join, naming both. With ``like`` (the sheet the parts were cut from) the joined sheet takes its order, and a
    row it has that no part has, or a part's row it lacks, stops the join. ``text_free`` keeps the row id,
    offsets and judgements only, with the words a note quotes blanked: a sheet that may ship without the
    articles' text."""
    sheet_format(out)
    if not parts:
        raise ConfigError("no parts to join")
    if out.exists() and not force:
        raise ConfigError(f"{out} exists: choose another --out or pass --force")
    named = [p.resolve() for p in parts]
    if out.resolve() in named:
        raise ConfigError(f"{out} is one of the parts: choose another --out")
    if len(set(named)) < len(named):
        twice = next(p for p, r in zip(parts, named, strict=True) if named.count(r) > 1)
        raise ConfigError(f"{twice} is given twice")
    joined: dict[str, tuple[SheetRow, dict[str, Any]]] = {}
    where: dict[str, Path] = {}  # the part each row came from (its line is the row's)
    for part in parts:
        for row, rec in _read(part):
            if row.row_id in joined:
                first = f"{where[row.row_id]}:{joined[row.row_id][0].line}"
                raise InputError(f"row {row.row_id} is also in {first}", str(part), row.line)
            joined[row.row_id] = (row, rec)
            where[row.row_id] = part
    order = list(joined)
    if like is not None:
        order = [row.row_id for row in read_sheet(like)]
        missing = [i for i in order if i not in joined]
        if missing:
            raise InputError(f"{len(missing)} of its rows are in no part (first: {missing[0]})", str(like))
        extra = sorted(set(joined) - set(order))
        if extra:
            row = joined[extra[0]][0]
            raise InputError(f"row {row.row_id} is not on the sheet {like}", str(where[row.row_id]), row.line)
    records = [_text_free(*joined[i]) if text_free else _ordered(joined[i][1], joined[i][0]) for i in order]
    write_sheet(out, _uniform(records))
    return Joined(out, len(records), sum(joined[i][0].is_judged for i in order), len(parts))


def _ordered(rec: dict[str, Any], row: SheetRow) -> dict[str, Any]:
    """A sheet record in ``SHEET_KEYS`` order, its groups complete, as it was read (CSV cells stay text)."""
    out: dict[str, Any] = {}
    for key in SHEET_KEYS:
        if key == "row_id":
            out[key] = row.row_id
        elif key == "extracted":
            if rec.get(key) is not None:
                out[key] = {k: rec[key].get(k) for k in EXTRACTED}
        elif key == "judged":
            out[key] = {k: rec[key].get(k) for k in JUDGED}
        elif key in rec:
            out[key] = rec[key]
    return out


def _text_free(row: SheetRow, rec: dict[str, Any]) -> dict[str, Any]:
    judged = dict(row.judged)
    if judged["note"]:
        judged["note"] = _QUOTED.sub('"…"', judged["note"])
    return {
        "row_id": row.row_id,
        "article_id": row.article_id,
        "char_start": row.char_start,
        "char_end": row.char_end,
        "judged": judged,
    }


def _uniform(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with the same keys in the same order (a key some lack is empty there), as a CSV needs."""
    keys = [k for k in SHEET_KEYS if any(k in r for r in records)]
    empty = {"extracted": dict.fromkeys(EXTRACTED)}
    return [{k: r.get(k, empty.get(k)) for k in keys} for r in records]
