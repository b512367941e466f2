"""From a user's record to an ``Article``: field maps, dates, derived ids and outlets.

Every reader (JSONL, CSV, Parquet, Hugging Face datasets, the Ding layout) turns its record into a
dict keyed by the article fields (``ARTICLE_FIELDS``) and hands it to ``article_from_record``, so every
kind of input goes through the same checks and the same reject reasons.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import ConfigError, InputError
from ..records import Article, Reject, RejectReason

STAGE = "ingest"
ARTICLE_FIELDS = ("id", "text", "title", "url", "published", "outlet")
# Column names of common news tables (CC-News, news-please, vendor exports), tried in order when a
# field is not mapped with --field. JSONL records use the article field names themselves.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "maintext", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "date_publish", "published_at", "publish_date", "pubdate"),
    "outlet": ("outlet", "domain", "publisher"),
}
_EPOCH = re.compile(r"[+-]?\d+(\.\d+)?")


@dataclass(frozen=True)
class FieldMap:
    """``--field NAME=COLUMN`` pairs: which of the user's columns holds which article field."""

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMap:
        """``["text=maintext", "published=date_publish"]`` as a map; a malformed spec is a ``ConfigError``."""
        pairs: dict[str, str] = {}
        for spec in specs:
            name, sep, column = spec.partition("=")
            name, column = name.strip(), column.strip()
            if not sep or not column:
                raise ConfigError(f"--field {spec!r}: expected NAME=COLUMN, e.g. --field text=maintext")
            if name not in ARTICLE_FIELDS:
                raise ConfigError(f"--field {spec!r}: unknown field {name!r} (fields: {', '.join(ARTICLE_FIELDS)})")
            if name in pairs and pairs[name] != column:
                raise ConfigError(f"--field {name} is given twice ({pairs[name]!r} and {column!r})")
            pairs[name] = column
        return cls(tuple(sorted(pairs.items())))

    def __bool__(self) -> bool:
        return bool(self.pairs)

    @property
    def mapped(self) -> dict[str, str]:
        return dict(self.pairs)

    def columns(self, available: Iterable[str] | None, source: str, line: int | None = None) -> dict[str, str | None]:
        """Field -> column for a table whose columns are ``available`` (None: a JSONL stream, whose keys vary by
        record). A mapped column that does not exist is an ``InputError`` naming the columns that do."""
        mapped = self.mapped
        if available is None:
            return {f: mapped.get(f, f) for f in ARTICLE_FIELDS}
        names = list(available)
        present = set(names)
        for name, column in mapped.items():
            if column not in present:
                raise InputError(
                    f"--field {name}={column}: no column {column!r} (columns: {', '.join(names) or 'none'})",
                    source,
                    line,
                )
        return {f: mapped.get(f) or next((c for c in ALIASES[f] if c in present), None) for f in ARTICLE_FIELDS}


def pick(rec: Mapping, columns: Mapping[str, str | None]) -> dict[str, object]:
    """The article fields of one record, by ``columns`` (absent or unmapped fields are None)."""
    return {f: (rec.get(c) if c is not None else None) for f, c in columns.items()}


def parse_date(value: object) -> dt.date | None:
    """A publication date from the usual forms; None for null or empty; ValueError for anything else.

    Accepted: a date or datetime object; ISO 8601 dates and date-times (``2024-01-25``,
    ``2024-01-25T07:51:00Z``, ``2024-01-25 07:51:00``); RFC 2822 (``Thu, 25 Jan 2024 07:51:00 -0500``);
    epoch seconds (an int, a float or a numeric string). A date-time counts as the date it was written
    with (its own time zone); epoch seconds as the UTC date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _epoch(value)
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.datetime.fromisoformat(s).date()
        except ValueError:
            pass
        if _EPOCH.fullmatch(s):
            return _epoch(float(s))
        try:
            return email.utils.parsedate_to_datetime(s).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise ValueError(f"published must be a date (ISO 8601, RFC 2822 or epoch seconds), got {value!r}")


def _epoch(seconds: float) -> dt.date:
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError(f"published: {seconds!r} is out of range as epoch seconds") from exc


def derived_id(url: str | None, text: str) -> str:
    """The id of an article whose record has none: its URL, else ``text-`` and 16 hex digits of the
    sha256 of its text."""
    if url:
        return url
    return "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def outlet_of(url: str | None) -> str | None:
    """The host of a URL without ``www.`` (``https://www.reuters.com/x`` -> ``reuters.com``); None without one."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _usable_id(raw: object) -> str | None:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        return None
    return str(raw).strip() or None


def article_from_record(rec: object, src: str, lineno: int | None, id_mapped: bool = False) -> Article | Reject:
    """An ``Article`` from one record keyed by the article fields, or the reason it cannot be one.

    Without an ``id`` (null, empty or absent) the id is derived (``derived_id``), unless the user mapped
    the id column (``id_mapped``): then a missing id is a reject."""
    if not isinstance(rec, dict):
        return Reject(STAGE, RejectReason.NOT_AN_OBJECT, src, lineno, None, "a line must hold a JSON object")
    raw_id = rec.get("id")
    article_id = _usable_id(raw_id)
    absent = raw_id is None or (isinstance(raw_id, str) and not raw_id.strip())
    if article_id is None and (id_mapped or not absent):
        return Reject(STAGE, RejectReason.MISSING_ID, src, lineno, None, "record has no usable 'id'")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Reject(STAGE, RejectReason.MISSING_TEXT, src, lineno, article_id, "record has no usable 'text'")
    for key in ("url", "title", "outlet"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            return Reject(STAGE, RejectReason.BAD_FIELD, src, lineno, article_id, f"'{key}' must be a string or null")
    url = rec.get("url") or None
    if article_id is None:
        article_id = derived_id(url, text)
    try:
        published = parse_date(rec.get("published"))
    except ValueError as exc:
        return Reject(STAGE, RejectReason.BAD_DATE, src, lineno, article_id, str(exc))
    outlet = (rec.get("outlet") or "").strip() or outlet_of(url)
    return Article(article_id, text, rec.get("title") or None, url, published, src, lineno, outlet)
