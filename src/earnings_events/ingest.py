"""Stage 1, ingest: article files in, ``Article`` records (or ``Reject``s) out.

Input: paths to files or folders (searched recursively, in sorted order).
Formats:
  * ``.jsonl`` / ``.jsonl.gz``: one JSON object a line, ``{"id", "url", "published"
    (YYYY-MM-DD), "title", "text"}``; unknown keys are ignored, ``id`` and ``text``
    are required;
  * ``.txt``: the seed's form, a first line ``date YYYY-MM-DD <title>`` then the body;
    any other ``.txt`` is a body whose id is the file stem;
  * ``.html`` / ``.htm``: main text, title, date and URL through trafilatura.
Reject reasons: malformed_json, not_an_object, missing_id, missing_text, bad_date,
bad_field, undecodable, binary_file, empty_file, unsupported_file, duplicate_id.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .records import Article, Reject, RejectReason

STAGE = "ingest"
SUFFIXES = (".jsonl", ".jsonl.gz", ".txt", ".html", ".htm")
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*(.*)\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named or found below the folders named, in a stable order. Missing paths raise."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", str(path))
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            files.append(path)
    return files


def parse_date(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or null) as a date; ValueError for anything else."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise ValueError(f"published must be YYYY-MM-DD, got {value!r}")
    return dt.date.fromisoformat(value.strip())


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), path.suffix.lower())


def run(paths: Iterable[Path]) -> Iterator[Article | Reject]:
    """Read every article under ``paths``; each item is an ``Article`` or a ``Reject``."""
    seen: set[str] = set()
    for path in expand(paths):
        for item in read_file(path):
            if isinstance(item, Article):
                if item.article_id in seen:
                    item = Reject(
                        STAGE,
                        RejectReason.DUPLICATE_ID,
                        item.source,
                        item.line,
                        item.article_id,
                        "an earlier article has this id",
                    )
                else:
                    seen.add(item.article_id)
            yield item


def read_file(path: Path) -> Iterator[Article | Reject]:
    """Articles of one file, by its suffix."""
    src = str(path)
    suffix = _suffix(path)
    if suffix not in SUFFIXES:
        yield Reject(
            STAGE,
            RejectReason.UNSUPPORTED_FILE,
            src,
            None,
            None,
            f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}",
        )
        return
    data = path.read_bytes()
    if suffix == ".jsonl.gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not a gzip file: {exc}")
            return
    if not data.strip():
        yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file is empty")
        return
    if b"\x00" in data[:8192]:
        yield Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
        return
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from _read_jsonl(data, src)
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not UTF-8: {exc.reason} at byte {exc.start}")
        return
    if suffix == ".txt":
        yield _read_txt(text, path)
    else:
        yield _read_html(text, path)


def _read_jsonl(data: bytes, src: str) -> Iterator[Article | Reject]:
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Reject(STAGE, RejectReason.UNDECODABLE, src, lineno, None, f"not UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield Reject(STAGE, RejectReason.MALFORMED_JSON, src, lineno, None, exc.msg)
            continue
        yield article_from_record(rec, src, lineno)


def article_from_record(rec: object, src: str, lineno: int | None) -> Article | Reject:
    """An ``Article`` from one JSON-like record, or the reason it cannot be one."""
    if not isinstance(rec, dict):
        return Reject(STAGE, RejectReason.NOT_AN_OBJECT, src, lineno, None, "a line must hold a JSON object")
    raw_id = rec.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or not str(raw_id).strip():
        return Reject(STAGE, RejectReason.MISSING_ID, src, lineno, None, "record has no usable 'id'")
    article_id = str(raw_id).strip()
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Reject(STAGE, RejectReason.MISSING_TEXT, src, lineno, article_id, "record has no usable 'text'")
    try:
        published = parse_date(rec.get("published"))
    except ValueError as exc:
        return Reject(STAGE, RejectReason.BAD_DATE, src, lineno, article_id, str(exc))
    for key in ("url", "title"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            return Reject(STAGE, RejectReason.BAD_FIELD, src, lineno, article_id, f"'{key}' must be a string or null")
    return Article(article_id, text, rec.get("title") or None, rec.get("url") or None, published, src, lineno)


def _read_txt(content: str, path: Path) -> Article | Reject:
    first, _, body = content.partition("\n")
    m = _DATE_LINE.match(first)
    if not m:
        return Article(path.stem, content.strip(), None, None, None, str(path), None)
    try:
        published = parse_date(m.group(1))
    except ValueError as exc:
        return Reject(STAGE, RejectReason.BAD_DATE, str(path), 1, path.stem, str(exc))
    if not body.strip():
        return Reject(STAGE, RejectReason.MISSING_TEXT, str(path), None, path.stem, "no body after the date line")
    return Article(path.stem, body.strip(), m.group(2).strip() or None, None, published, str(path), None)


def _read_html(content: str, path: Path) -> Article | Reject:
    import trafilatura  # slow to import; only HTML needs it

    doc = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return Reject(STAGE, RejectReason.MISSING_TEXT, str(path), None, path.stem, "no main text found in the HTML")
    try:
        published = parse_date(getattr(doc, "date", None))
    except ValueError:
        published = None  # trafilatura could not find a date in ISO form
    return Article(path.stem, text, getattr(doc, "title", None), getattr(doc, "url", None), published, str(path), None)
