"""Readers of article files, one function per format: each takes a path and yields ``Article``s and
``Reject``s in file order, streaming what can be large (JSONL, CSV, Parquet, WARC) instead of reading it
whole. Field maps (``FieldMap``) apply to JSONL, CSV and Parquet."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, Reject, RejectReason
from .fields import STAGE, FieldMap, article_from_record, parse_date, pick
from .streams import READ_ERRORS, open_binary

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*(.*)\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _cannot_read(src: str, line: int | None, exc: BaseException) -> Reject:
    return Reject(STAGE, RejectReason.UNDECODABLE, src, line, None, f"cannot read: {exc}")


def read_jsonl(path: Path, fields: FieldMap) -> Iterator[Article | Reject]:
    """One JSON object a line (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``). A mapped key missing from the first
    record is an ``InputError`` naming the keys it has."""
    src = str(path)
    columns = fields.columns(None, src)
    id_mapped = "id" in fields.mapped
    lineno = 0
    try:
        with open_binary(path) as f:
            if b"\x00" in f.peek(8192)[:8192]:
                yield Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
                return
            seen = checked = False
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
                if not checked and fields and isinstance(rec, dict):
                    fields.columns(rec.keys(), src, lineno)  # a mapped key that is not there: stop here
                checked = True
                yield article_from_record(pick(rec, columns) if isinstance(rec, dict) else rec, src, lineno, id_mapped)
            if not seen:
                yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file holds only blank lines")
    except READ_ERRORS as exc:  # a truncated or damaged .gz / .zst
        yield _cannot_read(src, lineno + 1 if lineno else None, exc)


def read_csv(path: Path, fields: FieldMap) -> Iterator[Article | Reject]:
    """A CSV article table with a header row (``.csv``, ``.csv.gz``, ``.csv.zst``); empty cells are nulls.
    The "line" of a record is the line it starts on."""
    src = str(path)
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 1 << 31)))  # article bodies are long
    line = 1
    try:
        with open_binary(path) as raw:
            if b"\x00" in raw.peek(8192)[:8192]:
                yield Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
                return
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
            try:
                header = reader.fieldnames
            except csv.Error as exc:
                yield Reject(STAGE, RejectReason.MALFORMED_CSV, src, 1, None, str(exc))
                return
            if not header:
                yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file has no header row")
                return
            columns = fields.columns(header, src, 1)
            id_mapped = "id" in fields.mapped
            line = reader.line_num + 1
            n = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield Reject(STAGE, RejectReason.MALFORMED_CSV, src, line, None, str(exc))
                    line = reader.line_num + 1
                    continue
                n += 1
                rec = {k: (v if v != "" else None) for k, v in pick(row, columns).items()}
                yield article_from_record(rec, src, line, id_mapped)
                line = reader.line_num + 1
            if not n:
                yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "no rows after the header row")
    except UnicodeDecodeError as exc:
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, line, None, f"not UTF-8: {exc.reason}")
    except READ_ERRORS as exc:
        yield _cannot_read(src, line, exc)


def read_parquet(path: Path, fields: FieldMap) -> Iterator[Article | Reject]:
    """Rows of a Parquet article table (a Hugging Face news dataset's files, say), streamed in batches; the
    row number is the "line"."""
    import pyarrow.parquet as pq

    src = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        yield Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not a Parquet file: {exc}")
        return
    columns = fields.columns(pf.schema_arrow.names, src)
    if columns["text"] is None:
        yield Reject(STAGE, RejectReason.MISSING_TEXT, src, None, None, _no_text(pf.schema_arrow.names))
        return
    id_mapped = "id" in fields.mapped
    row = 0
    wanted = sorted({c for c in columns.values() if c})
    for batch in pf.iter_batches(batch_size=1000, columns=wanted):
        for rec in batch.to_pylist():
            row += 1
            yield article_from_record(pick(rec, columns), src, row, id_mapped)


def _no_text(names: list[str]) -> str:
    from .fields import ALIASES

    return f"no text column (looked for {', '.join(ALIASES['text'])}; columns: {', '.join(names)}); map one with --field text=COLUMN"


def read_warc(path: Path) -> Iterator[Article | Reject]:
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


def decode_whole(path: Path) -> str | Reject:
    """A one-article file's text, or the reject for a binary, undecodable or blank file."""
    src = str(path)
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return Reject(STAGE, RejectReason.BINARY_FILE, src, None, None, "file holds NUL bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(STAGE, RejectReason.UNDECODABLE, src, None, None, f"not UTF-8: {exc.reason} at byte {exc.start}")
    if not text.strip():  # after decoding: Unicode white space too ("\x1c", "\u3000")
        return Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file holds only white space")
    return text


def read_txt(path: Path) -> Iterator[Article | Reject]:
    """The seed's form, a first line ``date YYYY-MM-DD <title>`` then the body; any other ``.txt`` is a body
    whose id is the file stem."""
    content = decode_whole(path)
    if isinstance(content, Reject):
        yield content
        return
    first, _, body = content.partition("\n")
    m = _DATE_LINE.match(first)
    if not m:
        yield Article(path.stem, content.strip(), None, None, None, str(path), None)
        return
    try:
        if not _ISO_DATE.fullmatch(m.group(1)):
            raise ValueError(f"the date line needs YYYY-MM-DD, got {m.group(1)!r}")
        published = parse_date(m.group(1))
    except ValueError as exc:
        yield Reject(STAGE, RejectReason.BAD_DATE, str(path), 1, path.stem, str(exc))
        return
    if not body.strip():
        yield Reject(STAGE, RejectReason.MISSING_TEXT, str(path), None, path.stem, "no body after the date line")
        return
    yield Article(path.stem, body.strip(), m.group(2).strip() or None, None, published, str(path), None)


def read_html(path: Path) -> Iterator[Article | Reject]:
    content = decode_whole(path)
    yield content if isinstance(content, Reject) else article_from_html(content, path.stem, str(path))


def article_from_html(
    html: str, article_id: str, source: str, line: int | None = None, url: str | None = None, date: str | None = None
) -> Article | Reject:
    """An article from an HTML page: main text, title, date and URL through trafilatura (page metadata
    first, then what the caller knows, e.g. from WARC headers). Offsets refer to the extracted text."""
    import trafilatura  # slow to import; only HTML needs it

    from .fields import outlet_of

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
    url = getattr(doc, "url", None) or url
    return Article(article_id, text, getattr(doc, "title", None), url, published, source, line, outlet_of(url))
