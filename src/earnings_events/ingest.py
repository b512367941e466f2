"""Stage 1, ingest: article files in, ``Article`` records (or ``Reject``s) out.

Input: paths to files or folders (searched recursively, in sorted order).
Formats:
  * ``.jsonl`` / ``.jsonl.gz``: one JSON object a line, ``{"id", "url", "published"
    (YYYY-MM-DD), "title", "text"}``; unknown keys are ignored, ``id`` and ``text``
    are required;
  * ``.txt``: the seed's form, a first line ``date YYYY-MM-DD <title>`` then the body;
    any other ``.txt`` is a body whose id is the file stem;
  * ``.html`` / ``.htm``: main text, title, date and URL through trafilatura;
  * ``.warc`` / ``.warc.gz``: every HTML response record, through trafilatura (CC-News style);
  * ``.parquet``: an article table (id/text/title/url/published or the usual aliases), in batches.
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
SUFFIXES = (".jsonl", ".jsonl.gz", ".txt", ".html", ".htm", ".warc", ".warc.gz", ".parquet")
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
    """Articles of one file, by its suffix. JSONL, WARC and Parquet are streamed, never read whole."""
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
    if path.stat().st_size == 0:
        yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file is empty")
        return
    if suffix in (".warc", ".warc.gz"):
        yield from _read_warc(path)
        return
    if suffix == ".parquet":
        yield from _read_parquet(path)
        return
    if suffix in (".jsonl", ".jsonl.gz"):
        yield from _read_jsonl(path, suffix == ".jsonl.gz")
        return
    data = path.read_bytes()  # .txt and .html: one article a file
    if b"\x00" in data[:8192]:
        yield Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not UTF-8: {exc.reason} at byte {exc.start}")
        return
    if not text.strip():  # after decoding: Unicode white space too ("\x1c", "\u3000")
        yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file holds only white space")
        return
    if suffix == ".txt":
        yield _read_txt(text, path)
    else:
        yield article_from_html(text, path.stem, src)


def _read_jsonl(path: Path, gzipped: bool) -> Iterator[Article | Reject]:
    src = str(path)
    try:
        with gzip.open(path, "rb") if gzipped else path.open("rb") as f:
            head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
            if b"\x00" in head:
                yield Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
                return
            seen = False
            for lineno, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                seen = True
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield Reject(STAGE, RejectReason.UNDECODABLE, src, lineno, None, f"not UTF-8: {exc.reason}")
                    continue
                except json.JSONDecodeError as exc:
                    yield Reject(STAGE, RejectReason.MALFORMED_JSON, src, lineno, None, exc.msg)
                    continue
                yield article_from_record(rec, src, lineno)
            if not seen:
                yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file holds only blank lines")
    except (OSError, EOFError) as exc:  # a truncated or non-gzip .gz
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"cannot read: {exc}")


# Column names of common news datasets, mapped to the article's fields.
_PARQUET_KEYS = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "maintext", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "date_publish", "published_at", "publish_date", "pubdate"),
}


def _read_parquet(path: Path) -> Iterator[Article | Reject]:
    """Rows of a Parquet article table (a Hugging Face news dataset's files, say), streamed in batches.
    Without an id column the URL is the id, and without that the file stem and row number."""
    import pyarrow.parquet as pq

    src = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not a Parquet file: {exc}")
        return
    names = set(pf.schema_arrow.names)
    cols = {field: next((c for c in keys if c in names), None) for field, keys in _PARQUET_KEYS.items()}
    if cols["text"] is None:
        yield Reject(
            STAGE,
            RejectReason.MISSING_TEXT,
            src,
            None,
            None,
            f"no text column (looked for {', '.join(_PARQUET_KEYS['text'])})",
        )
        return
    row = 0
    for batch in pf.iter_batches(batch_size=1000, columns=[c for c in cols.values() if c]):
        for rec in batch.to_pylist():
            row += 1
            out = {field: rec.get(col) if col else None for field, col in cols.items()}
            out["id"] = out["id"] if out["id"] not in (None, "") else (out["url"] or f"{path.stem}-{row}")
            if out["published"] is not None and not isinstance(out["published"], str):
                out["published"] = str(out["published"])[:10]  # a date or timestamp column
            elif isinstance(out["published"], str):
                out["published"] = out["published"][:10]
            yield article_from_record(out, src, row)


def _read_warc(path: Path) -> Iterator[Article | Reject]:
    """HTML responses of a WARC file (CC-News style), main text through trafilatura. The WARC record id
    is the article id; the record number is the "line" of a reject."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    src = str(path)
    try:
        with path.open("rb") as f:
            for n, record in enumerate(ArchiveIterator(f), start=1):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                rid = (record.rec_headers.get_header("WARC-Record-ID") or f"{path.stem}-{n}").strip("<>")
                rid = rid.removeprefix("urn:uuid:")
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                charset = re.search(r"charset=([\w\-]+)", ctype)
                html = record.content_stream().read().decode(charset.group(1) if charset else "utf-8", "replace")
                yield article_from_html(html, rid, src, n, url, date)
    except (ArchiveLoadFailed, OSError, EOFError) as exc:
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not a readable WARC file: {exc}")


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


def article_from_html(
    html: str, article_id: str, source: str, line: int | None = None, url: str | None = None, date: str | None = None
) -> Article | Reject:
    """An article from an HTML page: main text, title, date and URL through trafilatura (page metadata
    first, then what the caller knows, e.g. from WARC headers). Offsets refer to the extracted text."""
    import trafilatura  # slow to import; only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return Reject(STAGE, RejectReason.MISSING_TEXT, source, line, article_id, "no main text found in the HTML")
    published = None
    for candidate in (getattr(doc, "date", None), date):
        try:
            published = parse_date(candidate)
        except ValueError:
            continue
        if published:
            break
    return Article(
        article_id, text, getattr(doc, "title", None), getattr(doc, "url", None) or url, published, source, line
    )
